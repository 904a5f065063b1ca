// The two bases, «Наставники» and «Наставляемые», read from the sheet: intake reads and rewrites
// rows through openBase/readBaseSheet; matching (and, through it, documents) takes the participants
// from readMentors/readMentees.
//
//   readMentors(): BaseRow[]      readMentees(): BaseRow[]
//   BaseRow = { rowNumber, participant: Participant, status, problem }
//
// participant.consent says whether consent is valid: use hasValidConsent(p) from
// src/core/intake/consent before matching, mailing or putting anyone into a document. A participant
// who withdrew consent is still returned (so Пары can show the row) with erased: true and lastName
// «данные удалены», empty e-mail and names. Rows a curator broke (no ID, unknown category) are
// skipped here and shown with their problem by intake. One sheet read per call.

import {
  BASES,
  type BaseSchema,
  type BaseValues,
  type ReadRow,
  recordToParticipant,
} from '../../core/intake/baseRow';
import type { MentoringForm, Participant, Role } from '../../core/model';
import { SHEETS } from '../../core/sheets';
import { offeredMentoringForms } from '../mentoringForms';
import { SheetTable } from '../sheetTable';

export interface BaseRow {
  rowNumber: number;
  participant: Participant;
  status: string;
  problem: string;
}

export interface BaseSheetRow {
  rowNumber: number;
  record: BaseValues;
  read: ReadRow;
}

export type BaseTable = SheetTable<BaseSchema>;
export const BASE_SHEETS: Record<Role, string> = { mentor: SHEETS.mentors, mentee: SHEETS.mentees };

export function openBase(role: Role): BaseTable {
  return SheetTable.open(BASES[role]);
}

export function readBaseSheet(table: BaseTable, role: Role, forms: readonly MentoringForm[]): BaseSheetRow[] {
  return table.read().map((r) => ({
    rowNumber: r.rowNumber,
    record: r.values,
    read: recordToParticipant(role, r.values, forms),
  }));
}

/** The readable participants of a base; the forms of mentoring come from Настройки unless given. */
function readBase(role: Role, forms: readonly MentoringForm[] = offeredMentoringForms()): BaseRow[] {
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

export const readMentors = (forms?: readonly MentoringForm[]): BaseRow[] => readBase('mentor', forms);
export const readMentees = (forms?: readonly MentoringForm[]): BaseRow[] => readBase('mentee', forms);
