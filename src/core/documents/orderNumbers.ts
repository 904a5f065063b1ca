// The school's order book: numbers restart each calendar or school year (a setting) and may continue
// a paper book from a given number the first time the programme issues an order.
import { academicYear, type CalendarDate } from '../templates/russianDate';
import type { DocumentSettings, OrderNumbering } from './settings';

export interface OrderNumberingRule {
  format: string;
  firstNumber: number;
  numbering: OrderNumbering;
}

export const numberingOf = (s: DocumentSettings): OrderNumberingRule => ({
  format: s.orderFormat,
  firstNumber: s.orderFirstNumber,
  numbering: s.orderNumbering,
});

/** The numbering period a day falls in: «2027», «2026-2027», or one period for all time. */
export function numberingPeriod(day: CalendarDate, numbering: OrderNumbering): string {
  if (numbering === 'calendar') return String(day.year);
  if (numbering === 'school') return academicYear(day);
  return 'all';
}

/**
 * The next sequence number: one past the highest of the same period; the given first number when the
 * registry is still empty (the school continues its paper book); 1 when a new period begins.
 */
export function nextOrderSeq(
  orders: ReadonlyArray<{ seq: number; date: CalendarDate }>,
  today: CalendarDate,
  numbering: OrderNumbering,
  firstNumber: number,
): number {
  if (orders.length === 0) return firstNumber;
  const period = numberingPeriod(today, numbering);
  const same = orders.filter((o) => numberingPeriod(o.date, numbering) === period).map((o) => o.seq);
  return same.length > 0 ? Math.max(...same) + 1 : 1;
}
