// The two bases as other features read them (matching, documents, meetings, monitoring).
//
//   readMentors(): BaseRow[]      readMentees(): BaseRow[]
//   BaseRow = { rowNumber, participant: Participant, status, problem }
//
// participant.consent says whether consent is valid: use hasValidConsent(p) from
// src/core/intake/consent before matching, mailing or putting anyone into a document. A participant
// who withdrew consent is still returned (so Пары can show the row) with erased: true and lastName
// «данные удалены», empty e-mail and names. Rows a curator broke (no ID, unknown category) are
// skipped here and shown with their problem by intake. One sheet read per call.
import { BASE_HEADERS, type ReadRow, recordToParticipant } from '../core/intake/baseRow';
import { INTAKE_SETTINGS } from '../core/intake/settings';
import type { MentoringForm, Participant, Role } from '../core/model';
import { headerSheet } from '../core/schema';
import { SHEETS } from '../core/sheets';
import type { TableRecord } from '../core/table';
import { loadSettings } from './settingsSheet';
import { SheetTable } from './sheetTable';

export interface BaseRow {
  rowNumber: number;
  participant: Participant;
  status: string;
  problem: string;
}

export interface BaseSheetRow {
  rowNumber: number;
  record: TableRecord;
  read: ReadRow;
}

export const BASE_SHEETS: Record<Role, string> = { mentor: SHEETS.mentors, mentee: SHEETS.mentees };

export function openBase(role: Role): SheetTable {
  return SheetTable.open(headerSheet(BASE_SHEETS[role], BASE_HEADERS[role]));
}

export function readBaseSheet(
  table: SheetTable,
  role: Role,
  forms: readonly MentoringForm[],
): BaseSheetRow[] {
  return table.read().map((r) => ({
    rowNumber: r.rowNumber,
    record: r.values,
    read: recordToParticipant(role, r.values, forms),
  }));
}

function readBase(role: Role): BaseRow[] {
  const forms = loadSettings(INTAKE_SETTINGS).values.mentoringForms;
  return readBaseSheet(openBase(role), role, forms).flatMap((r) =>
    r.read.participant
      ? [
          {
            rowNumber: r.rowNumber,
            participant: r.read.participant,
            status: r.read.status,
            problem: r.read.problem,
          },
        ]
      : [],
  );
}

export const readMentors = (): BaseRow[] => readBase('mentor');
export const readMentees = (): BaseRow[] => readBase('mentee');
