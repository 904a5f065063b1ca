// The sheet «Встречи»: one row per planned meeting. Code writes the plan; the curator and mentors
// edit «Дата», «Проведена» and «Заметка». Reading validates those edits: a bad date becomes a Russian
// problem on the row and the meeting is left out of reminders until it is fixed.
import { cellColumn, defineSheet, type Row, type RowPatch, textColumn } from '../schema';
import { SHEETS } from '../sheets';
import type { CellValue } from '../table';
import { dayOfSheetDate, formatRussianDate, type LocalDate, parseLocalDate } from './calendar';
import {
  MEETING_KIND_LABELS,
  MEETING_KINDS,
  type MeetingKind,
  meetingDateProblem,
  type PlanRules,
} from './plan';

/** Code writes the plan; the curator and mentors edit «Дата», «Проведена» and «Заметка». */
export const MEETINGS = defineSheet(SHEETS.meetings, {
  id: textColumn('Встреча'),
  planId: textColumn('План'),
  mentor: textColumn('Наставник'),
  mentees: textColumn('Наставляемые'),
  mentorId: textColumn('Код наставника'),
  menteeIds: textColumn('Коды наставляемых'),
  formId: textColumn('Форма'),
  kind: textColumn('Вид'),
  date: cellColumn('Дата'),
  held: cellColumn('Проведена'),
  note: cellColumn('Заметка', { freeText: true }),
  markedOn: cellColumn('Отмечено'),
  problem: textColumn('Проблема'),
  token: textColumn('Токен'),
});
export const MEETING_HEADERS = MEETINGS.headers;
export type MeetingRow = Row<typeof MEETINGS>;

export interface Meeting {
  rowNumber: number;
  id: string;
  planId: string;
  mentorId: string;
  menteeIds: string[];
  formId: string;
  kind: MeetingKind;
  date?: LocalDate;
  held: boolean;
  note: string;
  token: string;
  /** What is wrong with the row as the curator left it; '' when it is fine. */
  problem: string;
}

const YES = ['да', 'true', 'yes', '1', '✓', '✔', 'проведена'];

export function isYes(v: CellValue | undefined): boolean {
  if (v === true) return true;
  if (typeof v === 'number') return v === 1;
  return typeof v === 'string' && YES.includes(v.trim().toLowerCase());
}

function readDate(v: CellValue | undefined): LocalDate | undefined {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? undefined : dayOfSheetDate(v);
  return parseLocalDate(String(v ?? ''));
}

// A kind is written as its label, and older sheets hold its code: both name it.
const KIND_BY_TEXT = new Map<string, MeetingKind>();
for (const k of MEETING_KINDS) {
  if (!KIND_BY_TEXT.has(k)) KIND_BY_TEXT.set(k, k);
  if (!KIND_BY_TEXT.has(MEETING_KIND_LABELS[k])) KIND_BY_TEXT.set(MEETING_KIND_LABELS[k], k);
}

const readKind = (s: string): MeetingKind | undefined => KIND_BY_TEXT.get(s);

/** What reading a meeting's date depends on. */
export type MeetingRules = Pick<PlanRules, 'holidays' | 'programmeEnd'>;

export function parseMeetingRow(row: MeetingRow, rules: MeetingRules): Meeting | undefined {
  const v = row.values;
  const id = v.id;
  if (!id) return undefined;
  const kind = readKind(v.kind) ?? 'regular';
  const rawDate = v.date;
  const date = readDate(rawDate);
  const held = isYes(v.held);
  let problem = '';
  if (!date) problem = `Дата «${String(rawDate ?? '')}» не читается: нужна дата вида 09.11.2026.`;
  else if (!held) {
    const why = meetingDateProblem(date, rules);
    if (why) problem = `Дата ${formatRussianDate(date)}: ${why}.`;
  }
  return {
    rowNumber: row.rowNumber,
    id,
    planId: v.planId,
    mentorId: v.mentorId,
    menteeIds: v.menteeIds.split(/[,;\s]+/).filter(Boolean),
    formId: v.formId,
    kind,
    date: problem && date && !held ? undefined : date,
    held,
    note: String(v.note),
    token: v.token,
    problem,
  };
}

/** A new row of the plan as written to the sheet; dates as Russian text so Sheets shows them as dates. */
export function meetingRecord(m: {
  id: string;
  planId: string;
  mentorName: string;
  menteeNames: string[];
  mentorId: string;
  menteeIds: string[];
  formId: string;
  kind: MeetingKind;
  date: LocalDate;
  token: string;
}): RowPatch<typeof MEETINGS> {
  return {
    id: m.id,
    planId: m.planId,
    mentor: m.mentorName,
    mentees: m.menteeNames.join(', '),
    mentorId: m.mentorId,
    menteeIds: m.menteeIds.join(', '),
    formId: m.formId,
    kind: MEETING_KIND_LABELS[m.kind],
    date: formatRussianDate(m.date),
    held: false,
    note: '',
    markedOn: '',
    problem: '',
    token: m.token,
  };
}
