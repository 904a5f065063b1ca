// The sheet «Встречи»: one row per planned meeting. Code writes the plan; the curator and mentors
// edit «Дата», «Проведена» and «Заметка». Reading validates those edits: a bad date becomes a Russian
// problem on the row and the meeting is left out of reminders until it is fixed.
import type { CellValue, RowRecord, TableRecord } from '../table';
import { dayOfSheetDate, formatRussianDate, type LocalDate, parseLocalDate } from './calendar';
import {
  MEETING_KIND_LABELS,
  MEETING_KINDS,
  type MeetingKind,
  meetingDateProblem,
  type PlanRules,
} from './plan';

export const MEETING_HEADERS = [
  'Встреча',
  'План',
  'Наставник',
  'Наставляемые',
  'Код наставника',
  'Коды наставляемых',
  'Форма',
  'Вид',
  'Дата',
  'Проведена',
  'Заметка',
  'Отмечено',
  'Проблема',
  'Токен',
] as const;

/** Columns the curator edits; the code writes them only when creating the row or marking it held. */
export const MEETING_EDITABLE = ['Дата', 'Проведена', 'Заметка'] as const;

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

function readKind(v: CellValue | undefined): MeetingKind | undefined {
  const s = String(v ?? '').trim();
  return MEETING_KINDS.find((k) => k === s || MEETING_KIND_LABELS[k] === s);
}

export function parseMeetingRow(
  row: RowRecord,
  rules: Pick<PlanRules, 'holidays' | 'programmeEnd'>,
): Meeting | undefined {
  const v = row.values;
  const id = String(v.Встреча ?? '').trim();
  if (!id) return undefined;
  const kind = readKind(v.Вид) ?? 'regular';
  const rawDate = v.Дата;
  const date = readDate(rawDate);
  const held = isYes(v.Проведена);
  let problem = '';
  if (!date) problem = `Дата «${String(rawDate ?? '')}» не читается: нужна дата вида 09.11.2026.`;
  else if (!held) {
    const why = meetingDateProblem(date, rules);
    if (why) problem = `Дата ${formatRussianDate(date)}: ${why}.`;
  }
  return {
    rowNumber: row.rowNumber,
    id,
    planId: String(v.План ?? ''),
    mentorId: String(v['Код наставника'] ?? '').trim(),
    menteeIds: String(v['Коды наставляемых'] ?? '')
      .split(/[,;\s]+/)
      .filter(Boolean),
    formId: String(v.Форма ?? '').trim(),
    kind,
    date: problem && date && !held ? undefined : date,
    held,
    note: String(v.Заметка ?? ''),
    token: String(v.Токен ?? ''),
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
}): TableRecord {
  return {
    Встреча: m.id,
    План: m.planId,
    Наставник: m.mentorName,
    Наставляемые: m.menteeNames.join(', '),
    'Код наставника': m.mentorId,
    'Коды наставляемых': m.menteeIds.join(', '),
    Форма: m.formId,
    Вид: MEETING_KIND_LABELS[m.kind],
    Дата: formatRussianDate(m.date),
    Проведена: false,
    Заметка: '',
    Отмечено: '',
    Проблема: '',
    Токен: m.token,
  };
}
