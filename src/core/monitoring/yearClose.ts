// Closing the school year: which sheets are archived under what names, and which mentors go on to
// the long-term mentor base. Keyed by academic year, so a second run finds everything done.
import { UNMATCHED_SHEET } from '../matching/pairRow';
import { CATEGORY_LABELS, fullName, type MentoringForm, type Participant } from '../model';
import { defineSheet, type RowOf, textColumn } from '../schema';
import { SHEETS } from '../sheets';

/** «2025-2026» for any day (YYYY-MM-DD in the school's time zone) from 1 September 2025 to 31 August 2026. */
export function academicYear(day: string): string {
  const year = Number(day.slice(0, 4));
  const start = Number(day.slice(5, 7)) >= 9 ? year : year - 1;
  return `${start}-${start + 1}`;
}

/** The year's working sheets: archived with the year suffix, then started afresh with the same headers. */
export const YEAR_SHEETS: readonly string[] = [
  SHEETS.mentors,
  SHEETS.mentees,
  SHEETS.consents,
  SHEETS.preferences,
  SHEETS.pairs,
  UNMATCHED_SHEET,
  SHEETS.meetings,
  SHEETS.surveys,
  SHEETS.monitoring,
];

export const archiveSheetName = (sheet: string, year: string): string => `${sheet} ${year}`;

export const MENTOR_BANK_SHEET = 'Долгосрочная база наставников';
export const MENTOR_BANK = defineSheet(MENTOR_BANK_SHEET, {
  email: textColumn('Email'),
  name: textColumn('ФИО'),
  category: textColumn('Категория'),
  position: textColumn('Должность, организация'),
  subjects: textColumn('Предметы'),
  topics: textColumn('Темы'),
  forms: textColumn('Формы'),
  school: textColumn('Школа'),
  years: textColumn('Учебные годы'),
});
export const MENTOR_BANK_HEADERS = MENTOR_BANK.headers;

export type BankEntry = RowOf<typeof MENTOR_BANK>;

/** Mentors who agreed to the long-term (and district) bank and whose consent stands. */
export const agreesToBank = (p: Participant): boolean =>
  p.role === 'mentor' && p.longTermBank && p.consent === 'received' && !p.erased;

export const bankEntry = (
  p: Participant,
  school: string,
  year: string,
  forms: readonly MentoringForm[],
): BankEntry => ({
  email: p.email.toLowerCase(),
  name: fullName(p),
  category: CATEGORY_LABELS[p.category],
  position: p.position,
  subjects: p.subjects.join('; '),
  topics: p.topics.join('; '),
  forms: p.forms.map((id) => forms.find((f) => f.id === id)?.label ?? id).join('; '),
  school,
  years: year,
});

/**
 * Merges this year's mentors into the bank keyed by e-mail: a new mentor is appended, a known one
 * gets the year added and their current details. Returns only what changed.
 */
export function mergeBank(
  existing: ReadonlyArray<{ rowNumber: number; entry: BankEntry }>,
  incoming: readonly BankEntry[],
): { updates: Array<{ rowNumber: number; entry: BankEntry }>; appends: BankEntry[] } {
  const byEmail = new Map(existing.map((e) => [e.entry.email.toLowerCase(), e]));
  const updates: Array<{ rowNumber: number; entry: BankEntry }> = [];
  const appends: BankEntry[] = [];
  for (const entry of incoming) {
    const known = byEmail.get(entry.email);
    if (!known) {
      appends.push(entry);
      byEmail.set(entry.email, { rowNumber: -1, entry });
      continue;
    }
    const years = known.entry.years
      .split(',')
      .map((y) => y.trim())
      .filter(Boolean);
    if (years.includes(entry.years)) continue;
    const merged = { ...entry, years: [...years, entry.years].join(', ') };
    if (known.rowNumber > 0) updates.push({ rowNumber: known.rowNumber, entry: merged });
  }
  return { updates, appends };
}
