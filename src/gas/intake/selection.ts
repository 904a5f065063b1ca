// The participant whose row the curator selected in Наставники or Наставляемые.

import { BASES } from '../../core/intake/baseRow';
import { ROLES, type Role } from '../../core/model';
import { cellText } from '../../core/table';
import { readHeader } from '../sheetTable';
import { BASE_SHEETS } from './bases';

/** The participant in the selected row of Наставники / Наставляемые, if the curator selected one. */
export function selectedParticipant(): { role: Role; id: string } | undefined {
  const sheet = SpreadsheetApp.getActiveSheet();
  const role = ROLES.find((r) => BASE_SHEETS[r] === sheet.getName());
  if (!role) return undefined;
  const row = sheet.getActiveRange()?.getRow() ?? 0;
  if (row < 2) return undefined;
  const column = readHeader(sheet).indexOf(BASES[role].columns.id.header);
  const id = cellText(sheet.getRange(row, column + 1).getValue());
  return id ? { role, id } : undefined;
}
