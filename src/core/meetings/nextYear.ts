// The next school year's calendar, proposed when a year is closed so that plans of the new year's
// pairs are never made on last year's dates. The rules are the usual ones of a Russian school
// (the region sets the exact breaks; the curator confirms or corrects them in Настройки): July and
// August before the year; autumn break
// of nine days from the Monday on or before 31 October; winter break from the Monday on or before 29 December
// to the Sunday on or after 8 January; spring break of ten days from the Monday on or
// before 26 March; public holidays 4 November, 23 February, 8 March, 1 and 9 May, 12 June, a weekend one moved to
// the Monday; the programme ends on the same day and month as this year.
import { cellColumn, defineSheet, textColumn } from '../schema';
import type { CellValue } from '../table';
import {
  addDays,
  type DayRange,
  dayOfSheetDate,
  formatDayRanges,
  formatRussianDate,
  isoWeekday,
  type LocalDate,
} from './calendar';

const day = (year: number, month: number, date: number): LocalDate =>
  `${year}-${String(month).padStart(2, '0')}-${String(date).padStart(2, '0')}`;

/** The Monday on or before a day. */
const mondayOnOrBefore = (d: LocalDate): LocalDate => addDays(d, 1 - isoWeekday(d));
/** The Sunday on or after a day. */
const sundayOnOrAfter = (d: LocalDate): LocalDate => addDays(d, 7 - isoWeekday(d));

/** A public holiday, or the Monday it moves to when it falls on a weekend (the weekend is off anyway). */
function publicHoliday(d: LocalDate): DayRange {
  const w = isoWeekday(d);
  const off = w >= 6 ? addDays(d, 8 - w) : d;
  return { from: off, to: off };
}

/** «2027-2028» → its holidays and breaks, in calendar order. */
export function proposedHolidays(year: string): DayRange[] {
  const start = Number(year.slice(0, 4));
  const end = start + 1;
  const autumnStart = mondayOnOrBefore(day(start, 10, 31));
  const winterStart = mondayOnOrBefore(day(start, 12, 29));
  const springStart = mondayOnOrBefore(day(end, 3, 26));
  const ranges: DayRange[] = [
    // The summer before the year: a pair approved in July starts meeting in September.
    { from: day(start, 7, 1), to: day(start, 8, 31) },
    { from: autumnStart, to: addDays(autumnStart, 8) },
    publicHoliday(day(start, 11, 4)),
    { from: winterStart, to: sundayOnOrAfter(day(end, 1, 8)) },
    publicHoliday(day(end, 2, 23)),
    publicHoliday(day(end, 3, 8)),
    { from: springStart, to: addDays(springStart, 9) },
    publicHoliday(day(end, 5, 1)),
    publicHoliday(day(end, 5, 9)),
    publicHoliday(day(end, 6, 12)),
  ];
  // A public holiday inside a break is not listed apart.
  const breaks = ranges.filter((r) => r.from !== r.to);
  return ranges
    .filter((r) => r.from !== r.to || !breaks.some((b) => b.from <= r.from && r.to <= b.to))
    .sort((a, b) => a.from.localeCompare(b.from));
}

export interface NextYearCalendar {
  year: string;
  programmeEnd: LocalDate;
  holidays: DayRange[];
  /** The holidays as Настройки writes them. */
  holidaysText: string;
}

/** The calendar proposed for the year after `closing` («2026-2027» → 2027-2028). */
export function nextYearCalendar(closing: string, programmeEnd: LocalDate): NextYearCalendar {
  const start = Number(closing.slice(0, 4)) + 1;
  const year = `${start}-${start + 1}`;
  const holidays = proposedHolidays(year);
  return {
    year,
    programmeEnd: `${start + 1}${programmeEnd.slice(4)}`,
    holidays,
    holidaysText: formatDayRanges(holidays),
  };
}

/**
 * «Календарь нового года»: what the year close proposes for Настройки, beside what Настройки holds,
 * for the curator to check (and correct in «Предложено») before «Подтвердить календарь нового года»
 * writes it there. «Подтверждено» is the day it was written.
 */
export const NEXT_YEAR_SHEET = 'Календарь нового года';
export const NEXT_YEAR = defineSheet(NEXT_YEAR_SHEET, {
  year: textColumn('Учебный год'),
  name: textColumn('Параметр'),
  current: textColumn('Было в «Настройках»', { freeText: true }),
  proposed: cellColumn('Предложено', { freeText: true }),
  confirmedOn: textColumn('Подтверждено', { freeText: true }),
});

/** «Предложено» as Настройки takes it: a date cell the curator typed becomes «10.06.2028». */
export const proposedText = (v: CellValue): string =>
  v instanceof Date ? formatRussianDate(dayOfSheetDate(v)) : String(v ?? '').trim();

/** The proposal of the latest year not yet confirmed, if any. */
export function pendingProposal<R extends { values: { year: string; confirmedOn: string } }>(
  rows: readonly R[],
): { year: string; rows: R[] } | undefined {
  const open = rows.filter((r) => r.values.year && !r.values.confirmedOn);
  const year = open
    .map((r) => r.values.year)
    .sort()
    .pop();
  return year ? { year, rows: open.filter((r) => r.values.year === year) } : undefined;
}

/**
 * The digest's line while pairs approved after the programme's end wait for a calendar: their plans
 * would be empty on the old dates, so none is made.
 */
export function calendarWaitLine(programmeEnd: LocalDate, waiting: number, pendingYear?: string): string {
  const pairs = `пар и групп без плана встреч: ${waiting}`;
  return pendingYear
    ? `Календарь ${pendingYear} предложен и ждёт подтверждения: проверьте лист «${NEXT_YEAR_SHEET}» и выберите в меню «Подтвердить календарь нового года». До тех пор планы встреч новых пар не составляются (${pairs}).`
    : `Программа окончена ${formatRussianDate(programmeEnd)} («Программа: дата окончания» в «Настройках»): планы встреч новых пар не составляются (${pairs}). Закройте учебный год — будет предложен календарь следующего — или укажите новые даты в «Настройках».`;
}
