// Dates as Russian office documents write them. A document's date is a calendar day in the school's
// time zone, so templates get a CalendarDate, never a Date whose day depends on where code runs.
export interface CalendarDate {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
}

export const MONTHS_NOMINATIVE = [
  'январь',
  'февраль',
  'март',
  'апрель',
  'май',
  'июнь',
  'июль',
  'август',
  'сентябрь',
  'октябрь',
  'ноябрь',
  'декабрь',
];

export const MONTHS_GENITIVE = [
  'января',
  'февраля',
  'марта',
  'апреля',
  'мая',
  'июня',
  'июля',
  'августа',
  'сентября',
  'октября',
  'ноября',
  'декабря',
];

const pad = (n: number): string => String(n).padStart(2, '0');

/** 5 ноября 2026 г. — the date in running text and in the head of a document. */
export const formatLongDate = (d: CalendarDate): string =>
  `${d.day} ${MONTHS_GENITIVE[d.month - 1]} ${d.year} г.`;

/** 25.11.2026 */
export const formatShortDate = (d: CalendarDate): string => `${pad(d.day)}.${pad(d.month)}.${d.year}`;

/** yyyy-MM-dd, as Utilities.formatDate gives it for the script's time zone. */
export function parseIsoDay(text: string): CalendarDate {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) throw new Error(`Дата «${text}» не в формате ГГГГ-ММ-ДД.`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

export const isoDay = (d: CalendarDate): string => `${d.year}-${pad(d.month)}-${pad(d.day)}`;

/** The school year a day belongs to: from 1 September to 31 August, written «2026-2027». */
export function academicYear(d: CalendarDate): string {
  const start = d.month >= 9 ? d.year : d.year - 1;
  return `${start}-${start + 1}`;
}
