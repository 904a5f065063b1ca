// The programme's figures at a glance, for `nastavnik local status` and the demo's summary: the
// workspace that runs the script knows sheets and files, not what the programme keeps in them.
import { JOURNAL } from '../core/intake/journal';
import { SHEETS } from '../core/sheets';
import { type ArchivedYear, archivedYearFigures, archivedYears, currentYear } from './monitoring/yearFigures';
import { settingIssues } from './settingsCheck';
import { readSettingCells } from './settingsSheet';
import { readSheet } from './sheetTable';

export interface ProgrammeFigures {
  mentors: number;
  mentees: number;
  pairs: number;
  documents: number;
  /** Журнал events that report an error or a rejected questionnaire. */
  errors: number;
  /** Settings in Настройки that are empty though required, or hold a value that does not fit. */
  settingProblems: number;
  /** The school year worked in, «2026-2027». */
  year: string;
  /** Each closed year: pairs by state, meetings held of planned, survey answers by kind. */
  archive: ArchivedYear[];
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
  return readSheet(SpreadsheetApp.getActive(), JOURNAL).filter((r) => /ошибк|отклон/i.test(r.values.event))
    .length;
}

export function programmeFigures(): ProgrammeFigures {
  return {
    mentors: filledRows(SHEETS.mentors).length,
    mentees: filledRows(SHEETS.mentees).length,
    pairs: filledRows(SHEETS.pairs).length,
    documents: filledRows(SHEETS.documents).length,
    errors: journalErrors(),
    settingProblems: SpreadsheetApp.getActive().getSheetByName(SHEETS.settings)
      ? settingIssues(readSettingCells()).length
      : 0,
    year: currentYear(),
    archive: archivedYears(SpreadsheetApp.getActive()).map((y) =>
      archivedYearFigures(SpreadsheetApp.getActive(), y),
    ),
  };
}
