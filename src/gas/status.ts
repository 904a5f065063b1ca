// The programme's figures at a glance, for `nastavnik local status` and the demo's summary: the
// workspace that runs the script knows sheets and files, not what the programme keeps in them.
import { SHEETS } from '../core/sheets';

export interface ProgrammeFigures {
  mentors: number;
  mentees: number;
  pairs: number;
  documents: number;
  /** Журнал events that report an error or a rejected questionnaire. */
  errors: number;
}

/** Rows below the header that hold anything; 0 for a sheet not made yet. */
function filledRows(name: string): unknown[][] {
  const sheet = SpreadsheetApp.getActive().getSheetByName(name);
  if (!sheet || sheet.getLastRow() < 2) return [];
  return sheet
    .getDataRange()
    .getValues()
    .slice(1)
    .filter((row) => row.some((value) => value !== ''));
}

function journalErrors(): number {
  const sheet = SpreadsheetApp.getActive().getSheetByName(SHEETS.journal);
  if (!sheet || sheet.getLastRow() < 1) return 0;
  const [headers, ...rows] = sheet.getDataRange().getValues();
  const found = headers.findIndex((h) => String(h).trim() === 'Событие');
  const event = found < 0 ? 1 : found;
  return rows.filter((row) => /ошибк|отклон/i.test(String(row[event] ?? ''))).length;
}

export function programmeFigures(): ProgrammeFigures {
  return {
    mentors: filledRows(SHEETS.mentors).length,
    mentees: filledRows(SHEETS.mentees).length,
    pairs: filledRows(SHEETS.pairs).length,
    documents: filledRows(SHEETS.documents).length,
    errors: journalErrors(),
  };
}
