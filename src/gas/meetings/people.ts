// Reads who takes part from the bases and «Пары». The bases belong to intake and the pairs to
// matching: this module reads their columns through their schemas and writes only its own column
// «Без рассылок».
import { BASES } from '../../core/intake/baseRow';
import { PAIRS, stateFromText } from '../../core/matching/pairRow';
import { addDays, dayOfSheetDate, type LocalDate, parseLocalDate } from '../../core/meetings/calendar';
import type { Person } from '../../core/meetings/duties';
import type { ApprovedLink } from '../../core/meetings/groups';
import type { PairState, Role } from '../../core/model';
import { greetingOf } from '../../core/pseudonymous/placeholderIdentity';
import type { PickedRow, Row } from '../../core/schema';
import type { CellValue } from '../../core/table';
import type { BaseTable } from '../intake/bases';
import { ensureSheet, readSheet, SheetTable } from '../sheetTable';

export interface BasePerson extends Person {
  role: 'mentor' | 'mentee';
  rowNumber: number;
  consentReceived: boolean;
  erased: boolean;
}

const text = (v: CellValue): string => String(v).trim();
const ageOf = (v: CellValue): number | undefined => {
  const n = typeof v === 'number' ? v : Number.parseInt(String(v), 10);
  return Number.isFinite(n) && n > 0 ? n : undefined;
};

function isYesCell(v: CellValue | undefined): boolean {
  if (v === true) return true;
  return typeof v === 'string' && ['да', 'true', 'yes'].includes(v.trim().toLowerCase());
}

/** A base with this feature's opt-out column added (once) to what intake keeps there. */
export function openBaseWithOptOut(role: Role, book?: GoogleAppsScript.Spreadsheet.Spreadsheet): BaseTable {
  return new SheetTable(ensureSheet(BASES[role], book, ['optOut']), BASES[role]);
}

/** The columns of a base the letters need: a base has some forty. */
const PERSON_KEYS = [
  'id',
  'category',
  'lastName',
  'firstName',
  'middleName',
  'email',
  'parentEmail',
  'age',
  'optOut',
  'consent',
  'status',
] as const;

export function readBase(role: Role): { table: BaseTable; people: BasePerson[] } {
  const table = openBaseWithOptOut(role);
  const people: BasePerson[] = [];
  for (const { rowNumber, values: v } of table.read(PERSON_KEYS)) {
    if (!v.id) continue;
    const category = v.category.toLowerCase();
    const student = category === 'ученик' || category === 'student';
    people.push({
      id: v.id,
      role,
      rowNumber,
      name: [v.lastName, v.firstName, v.middleName].filter(Boolean).join(' '),
      greeting: greetingOf(
        v.lastName,
        student || !v.middleName ? v.firstName : `${v.firstName} ${v.middleName}`,
      ),
      email: v.email,
      parentEmail: v.parentEmail,
      nameParts: { lastName: v.lastName, firstName: v.firstName, middleName: v.middleName },
      age: ageOf(v.age),
      optOut: isYesCell(v.optOut),
      consentReceived: v.consent.toLowerCase() === 'получено',
      erased: !v.email || v.status.toLowerCase().includes('удал'),
    });
  }
  return { table, people };
}

const ENDED: readonly PairState[] = ['completed', 'ended_early'];
type BaseRow = Row<(typeof BASES)['mentor']> | Row<(typeof BASES)['mentee']>;

function dayOf(v: CellValue): LocalDate | undefined {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? undefined : dayOfSheetDate(v);
  return parseLocalDate(text(v));
}

/** Approved (and since ended) links from «Пары»; a pair ended without a date sends nothing from the day it is seen. */
const LINK_KEYS = ['id', 'state', 'mentorId', 'menteeId', 'form', 'approvedAt', 'endedAt'] as const;
type PairRow = PickedRow<typeof PAIRS, (typeof LINK_KEYS)[number]>;

function linkOf({ rowNumber, values: v }: PairRow, today: LocalDate): ApprovedLink | undefined {
  const state = stateFromText(v.state);
  const approved = state === 'approved';
  const ended = state !== undefined && ENDED.includes(state);
  if (!approved && !ended) return undefined;
  if (!v.mentorId || !v.menteeId) return undefined;
  const endedOn = dayOf(v.endedAt);
  return {
    pairId: v.id || `строка ${rowNumber}`,
    mentorId: v.mentorId,
    menteeId: v.menteeId,
    formId: v.form,
    approvedOn: dayOf(v.approvedAt) ?? today,
    endedOn: ended ? (endedOn ?? addDays(today, -1)) : endedOn,
  };
}

export function readApprovedLinks(today: LocalDate): ApprovedLink[] {
  return readSheet(SpreadsheetApp.getActive(), PAIRS, LINK_KEYS).flatMap((r) => linkOf(r, today) ?? []);
}

/** The first approved or ended pair of one person; only that person's rows of «Пары» become records. */
export function approvedLinkOf(
  person: { id: string; role: Role },
  today: LocalDate,
): ApprovedLink | undefined {
  const sheet = SpreadsheetApp.getActive().getSheetByName(PAIRS.name);
  if (!sheet) return undefined;
  const column = person.role === 'mentor' ? 'mentorId' : 'menteeId';
  for (const row of new SheetTable(sheet, PAIRS).recordsWhere(column, (id) => id === person.id)) {
    const link = linkOf(row, today);
    if (link) return link;
  }
  return undefined;
}

/**
 * Who answered a survey: the code from the letter's link names the person even when they answered
 * from another address, else the address. Only the matching rows of the bases become records.
 */
export function findRespondent(code: string, email: string): { id: string; role: Role } | undefined {
  const book = SpreadsheetApp.getActive();
  const tables = (['mentor', 'mentee'] as const).flatMap((role) => {
    const sheet = book.getSheetByName(BASES[role].name);
    return sheet ? [{ role, table: new SheetTable(sheet, BASES[role]) }] : [];
  });
  const live = (r: BaseRow) =>
    Boolean(r.values.id && r.values.email) && !r.values.status.toLowerCase().includes('удал');
  const match = (key: 'id' | 'email', wanted: string) => {
    if (!wanted) return undefined;
    for (const { role, table } of tables) {
      const found = table
        .recordsWhere(key, (v) => (key === 'email' ? v.toLowerCase() === wanted : v === wanted))
        .find(live);
      if (found) return { id: found.values.id, role };
    }
    return undefined;
  };
  return match('id', code) ?? match('email', email);
}
