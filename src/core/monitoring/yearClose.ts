// Closing the school year: which sheets are archived under what names, and which mentors go on to
// the long-term mentor base. Keyed by academic year, so a second run finds everything done.
import { UNMATCHED_SHEET } from '../matching/pairRow';
import { CATEGORY_LABELS, fullName, type MentoringForm, type Participant } from '../model';
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
export const MENTOR_BANK_HEADERS = [
  'Email',
  'ФИО',
  'Категория',
  'Должность, организация',
  'Предметы',
  'Темы',
  'Формы',
  'Школа',
  'Учебные годы',
] as const;

export type BankEntry = Record<(typeof MENTOR_BANK_HEADERS)[number], string>;

/** Mentors who agreed to the long-term (and district) bank and whose consent stands. */
export const agreesToBank = (p: Participant): boolean =>
  p.role === 'mentor' && p.longTermBank && p.consent === 'received' && !p.erased;

export const bankEntry = (
  p: Participant,
  school: string,
  year: string,
  forms: readonly MentoringForm[],
): BankEntry => ({
  Email: p.email.toLowerCase(),
  ФИО: fullName(p),
  Категория: CATEGORY_LABELS[p.category],
  'Должность, организация': p.position,
  Предметы: p.subjects.join('; '),
  Темы: p.topics.join('; '),
  Формы: p.forms.map((id) => forms.find((f) => f.id === id)?.label ?? id).join('; '),
  Школа: school,
  'Учебные годы': year,
});

/**
 * Merges this year's mentors into the bank keyed by e-mail: a new mentor is appended, a known one
 * gets the year added and their current details. Returns only what changed.
 */
export function mergeBank(
  existing: ReadonlyArray<{ rowNumber: number; entry: BankEntry }>,
  incoming: readonly BankEntry[],
): { updates: Array<{ rowNumber: number; entry: BankEntry }>; appends: BankEntry[] } {
  const byEmail = new Map(existing.map((e) => [e.entry.Email.toLowerCase(), e]));
  const updates: Array<{ rowNumber: number; entry: BankEntry }> = [];
  const appends: BankEntry[] = [];
  for (const entry of incoming) {
    const known = byEmail.get(entry.Email);
    if (!known) {
      appends.push(entry);
      byEmail.set(entry.Email, { rowNumber: -1, entry });
      continue;
    }
    const years = known.entry['Учебные годы']
      .split(',')
      .map((y) => y.trim())
      .filter(Boolean);
    if (years.includes(entry['Учебные годы'])) continue;
    const merged = { ...entry, 'Учебные годы': [...years, entry['Учебные годы']].join(', ') };
    if (known.rowNumber > 0) updates.push({ rowNumber: known.rowNumber, entry: merged });
  }
  return { updates, appends };
}
