// Calendar dates without a time of day. The school works in calendar days of its own time zone, so
// core code never touches Date instants: a day is «YYYY-MM-DD» and the gas layer converts at the edge.
import { MONTHS_GENITIVE } from '../templates/russianDate';

/** A calendar day «YYYY-MM-DD»; strings of this shape sort chronologically. */
export type LocalDate = string;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const RUSSIAN = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;

const MS_PER_DAY = 86_400_000;

function fromParts(year: number, month: number, day: number): LocalDate | undefined {
  const t = Date.UTC(year, month - 1, day);
  const d = new Date(t);
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day)
    return undefined;
  return d.toISOString().slice(0, 10);
}

/** Reads «09.11.2026» or «2026-11-09»; undefined for anything else or an impossible day (31.02). */
export function parseLocalDate(text: string): LocalDate | undefined {
  const s = text.trim();
  const iso = ISO.exec(s);
  if (iso) return fromParts(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const ru = RUSSIAN.exec(s);
  if (ru) return fromParts(Number(ru[3]), Number(ru[2]), Number(ru[1]));
  return undefined;
}

/**
 * The calendar day of a date cell. Sheets hands back a date as midnight of the spreadsheet's time
 * zone; shifting by half a day lands inside that day for every zone from UTC−11 to UTC+12, so the
 * day is right without knowing the zone.
 */
export function dayOfSheetDate(d: Date): LocalDate {
  return dayOfInstant(d.getTime() + MS_PER_DAY / 2);
}

/** Whether a date cell's day (as dayOfSheetDate gives it) is before `day`, without making the day. */
export function sheetDateBefore(d: Date, day: LocalDate): boolean {
  return d.getTime() + MS_PER_DAY / 2 < Date.parse(`${day}T00:00:00Z`);
}

export function addDays(day: LocalDate, days: number): LocalDate {
  return dayOfInstant(dayNumber(day) * MS_PER_DAY + days * MS_PER_DAY);
}

// Days are converted by the million in a daily run, over a few hundred distinct days: each
// conversion is remembered for the rest of the execution (a pure mapping, so nothing goes stale).
// The bound only guards against a flood of distinct values.
const MEMO_LIMIT = 50_000;
const dayNumbers = new Map<string, number>();
const daysByNumber = new Map<number, LocalDate>();

/** Days since 1970-01-01 of «YYYY-MM-DD» (as Date.parse reads it; NaN when it does not). */
function dayNumber(day: LocalDate): number {
  let n = dayNumbers.get(day);
  if (n === undefined) {
    n = Date.parse(`${day}T00:00:00Z`) / MS_PER_DAY;
    if (dayNumbers.size >= MEMO_LIMIT) dayNumbers.clear();
    dayNumbers.set(day, n);
  }
  return n;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/**
 * The UTC day of an instant (ms since 1970), as toISOString would give it: by arithmetic (the
 * civil-from-days algorithm), since days are counted by the thousand in a run and a Date per day
 * was a large part of its time. Years outside 1000–9999 and invalid instants go through Date.
 */
function dayOfInstant(ms: number): LocalDate {
  if (!Number.isFinite(ms)) return new Date(ms).toISOString().slice(0, 10);
  const n = Math.floor(ms / MS_PER_DAY);
  let day = daysByNumber.get(n);
  if (day === undefined) {
    day = civilDay(n);
    if (daysByNumber.size >= MEMO_LIMIT) daysByNumber.clear();
    daysByNumber.set(n, day);
  }
  return day;
}

function civilDay(n: number): LocalDate {
  const fallback = () => new Date(n * MS_PER_DAY).toISOString().slice(0, 10);
  const shifted = n + 719_468;
  const era = Math.floor(shifted / 146_097);
  const dayOfEra = shifted - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1;
  const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  if (year < 1000 || year > 9999) return fallback();
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round(dayNumber(to) - dayNumber(from));
}

/** 1 = Monday … 7 = Sunday (ISO). */
export function isoWeekday(day: LocalDate): number {
  const n = dayNumber(day);
  if (!Number.isInteger(n)) {
    const w = new Date(`${day}T00:00:00Z`).getUTCDay();
    return w === 0 ? 7 : w;
  }
  // 1970-01-01 was a Thursday.
  return ((((n + 3) % 7) + 7) % 7) + 1;
}

export const isWeekend = (day: LocalDate): boolean => isoWeekday(day) >= 6;

/** «09.11.2026» — how dates are shown to Russian users. */
export function formatRussianDate(day: LocalDate): string {
  return `${day.slice(8, 10)}.${day.slice(5, 7)}.${day.slice(0, 4)}`;
}

/** The Monday of the ISO week, used as the key of weekly things (the curator digest). */
export function weekStart(day: LocalDate): LocalDate {
  return addDays(day, 1 - isoWeekday(day));
}

export const monthKey = (day: LocalDate): string => day.slice(0, 7);

/** «9 ноября 2026 г.» for letters. */
export function formatLongRussianDate(day: LocalDate): string {
  return `${Number(day.slice(8, 10))} ${MONTHS_GENITIVE[Number(day.slice(5, 7)) - 1]} ${day.slice(0, 4)} г.`;
}

export const WEEKDAY_NAMES = [
  'понедельник',
  'вторник',
  'среда',
  'четверг',
  'пятница',
  'суббота',
  'воскресенье',
];

/** A closed range of days off (каникулы or a public holiday). */
export interface DayRange {
  from: LocalDate;
  to: LocalDate;
}

/**
 * Reads «26.10.2026–03.11.2026; 04.11.2026» — ranges with any dash, single days, separated by «;»
 * or new lines. Returns the ranges and a Russian message per part it could not read.
 */
export function parseDayRanges(text: string): { ranges: DayRange[]; problems: string[] } {
  const ranges: DayRange[] = [];
  const problems: string[] = [];
  for (const part of text.split(/[;\n]+/)) {
    const p = part.trim();
    if (!p) continue;
    const [a, b, extra] = p.split(/\s*[-–—]\s*/);
    const from = parseLocalDate(a ?? '');
    const to = b === undefined ? from : parseLocalDate(b);
    if (!from || !to || extra !== undefined) {
      problems.push(`не понимаю период «${p}»: нужен вид «26.10.2026–03.11.2026» или одна дата`);
    } else if (to < from) {
      problems.push(`в периоде «${p}» конец раньше начала`);
    } else {
      ranges.push({ from, to });
    }
  }
  return { ranges, problems };
}

export function formatDayRanges(ranges: readonly DayRange[]): string {
  return ranges
    .map((r) =>
      r.from === r.to ? formatRussianDate(r.from) : `${formatRussianDate(r.from)}–${formatRussianDate(r.to)}`,
    )
    .join('; ');
}

export const inRanges = (day: LocalDate, ranges: readonly DayRange[]): boolean =>
  ranges.some((r) => day >= r.from && day <= r.to);

/** A school day: a weekday outside every holiday range. */
export const isSchoolDay = (day: LocalDate, holidays: readonly DayRange[]): boolean =>
  !isWeekend(day) && !inRanges(day, holidays);

export function nextSchoolDay(day: LocalDate, holidays: readonly DayRange[]): LocalDate {
  let d = day;
  while (!isSchoolDay(d, holidays)) d = addDays(d, 1);
  return d;
}

export function previousSchoolDay(day: LocalDate, holidays: readonly DayRange[]): LocalDate {
  let d = day;
  while (!isSchoolDay(d, holidays)) d = addDays(d, -1);
  return d;
}
