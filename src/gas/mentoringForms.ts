// The school's forms of mentoring: the catalogue sheet «Формы наставничества» read with Настройки.
// Rows the curator typed wrong get a Russian «Проблема» beside them and are left out; the rest works.
import { type IntakeSettings, readIntakeSettings } from '../core/intake/settings';
import { DEFAULT_CATALOGUE_ROWS, FORMS_CATALOGUE, readCatalogue } from '../core/mentoringForms';
import type { MentoringForm } from '../core/model';
import type { CellValue } from '../core/table';
import { readSettingCells } from './settingsSheet';
import { ensureSheet, readSheet, SheetTable, spreadsheet } from './sheetTable';

type Book = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The catalogue of a workbook (this one by default); the model forms when it has none. */
export function readFormsCatalogue(book: Book = spreadsheet()): {
  forms: MentoringForm[];
  problems: string[];
} {
  const { forms, problems } = readCatalogue(readSheet(book, FORMS_CATALOGUE));
  return {
    forms,
    problems: problems.map((p) => `Лист «${FORMS_CATALOGUE.name}», строка ${p.rowNumber}: ${p.problem}.`),
  };
}

/** Intake's settings with the offered forms resolved against the workbook's catalogue. */
export function loadIntakeSettings(
  cells: ReadonlyMap<string, CellValue> = readSettingCells(),
  book: Book = spreadsheet(),
): { values: IntakeSettings; problems: string[] } {
  const catalogue = readFormsCatalogue(book);
  const read = readIntakeSettings(cells, catalogue.forms);
  return { values: read.values, problems: [...catalogue.problems, ...read.problems] };
}

/** The forms this school offers (Настройки × catalogue). */
export const offeredMentoringForms = (cells?: ReadonlyMap<string, CellValue>, book?: Book): MentoringForm[] =>
  loadIntakeSettings(cells, book).values.mentoringForms;

/**
 * Setup: the catalogue sheet with the model forms when it is new; afterwards the «Проблема» column
 * says what is wrong with a row. Returns a note for the setup report when the sheet was filled.
 */
export function setupFormsCatalogue(): string | undefined {
  const fresh = !spreadsheet().getSheetByName(FORMS_CATALOGUE.name);
  ensureSheet(FORMS_CATALOGUE);
  const table = SheetTable.open(FORMS_CATALOGUE);
  const rows = table.read();
  if (fresh || rows.every((r) => !r.values.label)) {
    table.write([], DEFAULT_CATALOGUE_ROWS());
    return `Лист «${FORMS_CATALOGUE.name}» заполнен пятью формами из методологии`;
  }
  const { problems } = readCatalogue(rows);
  const byRow = new Map(problems.map((p) => [p.rowNumber, p.problem]));
  table.write(
    rows
      .filter((r) => (byRow.get(r.rowNumber) ?? '') !== r.values.problem)
      .map((r) => ({ rowNumber: r.rowNumber, values: { problem: byRow.get(r.rowNumber) ?? '' } })),
    [],
  );
  return undefined;
}
