// Reads who takes part from the bases and «Пары». The bases belong to intake and the pairs to
// matching: this module reads their columns by header and writes only its own column «Без рассылок».
import { addDays, dayOfSheetDate, type LocalDate, parseLocalDate } from '../../core/meetings/calendar';
import type { Person } from '../../core/meetings/duties';
import type { ApprovedLink } from '../../core/meetings/groups';
import { SHEETS } from '../../core/sheets';
import type { CellValue, RowRecord } from '../../core/table';
import { SheetTable } from '../sheetTable';

/** The opt-out column this feature adds to both bases. */
export const OPT_OUT_COLUMN = 'Без рассылок';

export interface BasePerson extends Person {
  role: 'mentor' | 'mentee';
  rowNumber: number;
  consentReceived: boolean;
  erased: boolean;
}

const text = (v: CellValue | undefined): string => (v === undefined ? '' : String(v).trim());

function pick(values: Record<string, CellValue>, names: readonly string[]): CellValue | undefined {
  for (const n of names) if (n in values && values[n] !== '') return values[n];
  return undefined;
}

function isYesCell(v: CellValue | undefined): boolean {
  if (v === true) return true;
  return typeof v === 'string' && ['да', 'true', 'yes'].includes(v.trim().toLowerCase());
}

export function readBase(role: 'mentor' | 'mentee'): { table: SheetTable; people: BasePerson[] } {
  const table = SheetTable.open(role === 'mentor' ? SHEETS.mentors : SHEETS.mentees, [OPT_OUT_COLUMN]);
  const people: BasePerson[] = [];
  for (const r of table.read()) {
    const v = r.values;
    const id = text(v.ID);
    if (!id) continue;
    const first = text(v.Имя);
    const middle = text(v.Отчество);
    const category = text(v.Категория).toLowerCase();
    const student = category === 'ученик' || category === 'student';
    const status = text(v.Статус).toLowerCase();
    const email = text(v['E-mail']);
    people.push({
      id,
      role,
      rowNumber: r.rowNumber,
      name: [text(v.Фамилия), first, middle].filter(Boolean).join(' '),
      greeting: student || !middle ? first : `${first} ${middle}`,
      email,
      parentEmail: text(v['E-mail родителя']),
      optOut: isYesCell(v[OPT_OUT_COLUMN]),
      consentReceived: text(v.Согласие).toLowerCase() === 'получено',
      erased: !email || status.includes('удал'),
    });
  }
  return { table, people };
}

const PAIR_COLUMNS = {
  id: ['ID пары', 'ID', 'Пара'],
  mentorId: ['ID наставника', 'Код наставника'],
  menteeId: ['ID наставляемого', 'Код наставляемого'],
  formId: ['Форма', 'Форма наставничества', 'ID формы'],
  state: ['Состояние', 'Статус'],
  approvedAt: ['Утверждена', 'Дата утверждения'],
  endsAt: ['Окончание', 'Дата окончания', 'Завершена'],
} as const;

const APPROVED = ['approved', 'утверждена'];
const ENDED = ['completed', 'ended_early', 'завершена', 'завершена досрочно'];

function dayOf(v: CellValue | undefined): LocalDate | undefined {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? undefined : dayOfSheetDate(v);
  return parseLocalDate(text(v));
}

/** Approved (and since ended) links from «Пары»; a pair ended without a date sends nothing from the day it is seen. */
export function readApprovedLinks(today: LocalDate): ApprovedLink[] {
  const book = SpreadsheetApp.getActive();
  const sheet = book.getSheetByName(SHEETS.pairs);
  if (!sheet) return [];
  const rows: RowRecord[] = new SheetTable(sheet, []).read();
  const out: ApprovedLink[] = [];
  for (const r of rows) {
    const v = r.values;
    const state = text(pick(v, PAIR_COLUMNS.state)).toLowerCase();
    const approved = APPROVED.includes(state);
    const ended = ENDED.includes(state);
    if (!approved && !ended) continue;
    const approvedOn = dayOf(pick(v, PAIR_COLUMNS.approvedAt)) ?? today;
    const endedOn = dayOf(pick(v, PAIR_COLUMNS.endsAt));
    out.push({
      pairId: text(pick(v, PAIR_COLUMNS.id)) || `строка ${r.rowNumber}`,
      mentorId: text(pick(v, PAIR_COLUMNS.mentorId)),
      menteeId: text(pick(v, PAIR_COLUMNS.menteeId)),
      formId: text(pick(v, PAIR_COLUMNS.formId)),
      approvedOn,
      endedOn: ended ? (endedOn ?? addDays(today, -1)) : endedOn,
    });
  }
  return out.filter((l) => l.mentorId && l.menteeId);
}
