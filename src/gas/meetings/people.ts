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

export function readBase(role: Role): { table: BaseTable; people: BasePerson[] } {
  const table = openBaseWithOptOut(role);
  const people: BasePerson[] = [];
  for (const { rowNumber, values: v } of table.read()) {
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

function dayOf(v: CellValue): LocalDate | undefined {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? undefined : dayOfSheetDate(v);
  return parseLocalDate(text(v));
}

/** Approved (and since ended) links from «Пары»; a pair ended without a date sends nothing from the day it is seen. */
export function readApprovedLinks(today: LocalDate): ApprovedLink[] {
  const out: ApprovedLink[] = [];
  for (const { rowNumber, values: v } of readSheet(SpreadsheetApp.getActive(), PAIRS)) {
    const state = stateFromText(v.state);
    const approved = state === 'approved';
    const ended = state !== undefined && ENDED.includes(state);
    if (!approved && !ended) continue;
    const approvedOn = dayOf(v.approvedAt) ?? today;
    const endedOn = dayOf(v.endedAt);
    out.push({
      pairId: v.id || `строка ${rowNumber}`,
      mentorId: v.mentorId,
      menteeId: v.menteeId,
      formId: v.form,
      approvedOn,
      endedOn: ended ? (endedOn ?? addDays(today, -1)) : endedOn,
    });
  }
  return out.filter((l) => l.mentorId && l.menteeId);
}
