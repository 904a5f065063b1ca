// Appending to a log sheet without reading its data: the header row says where each column is, so
// the cost stays the same however long Журнал or «Приём анкет» grows.
import { sheetInput, type TableRecord } from '../core/table';
import { ensureSheet, growSheet } from './sheetTable';

interface LogSheet {
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  header: string[];
}

function openLog(name: string, headers: readonly string[]): LogSheet {
  const book = SpreadsheetApp.getActive();
  const found = book.getSheetByName(name);
  const readHeader = (sheet: GoogleAppsScript.Spreadsheet.Sheet) => {
    const width = sheet.getLastColumn();
    return width > 0
      ? sheet
          .getRange(1, 1, 1, width)
          .getValues()[0]
          .map((h) => String(h).trim())
      : [];
  };
  if (found) {
    const header = readHeader(found);
    if (headers.every((h) => header.includes(h))) return { sheet: found, header };
  }
  const sheet = ensureSheet(name, headers, book);
  return { sheet, header: readHeader(sheet) };
}

export function appendRows(name: string, headers: readonly string[], records: readonly TableRecord[]): void {
  if (records.length === 0) return;
  const { sheet, header } = openLog(name, headers);
  const grid = records.map((r) => header.map((h) => (h in r ? sheetInput(r[h], h) : '')));
  const first = sheet.getLastRow() + 1;
  growSheet(sheet, first + grid.length - 1, header.length);
  sheet.getRange(first, 1, grid.length, header.length).setValues(grid);
}

/** One column of a log sheet (e.g. the response ids of «Приём анкет»), read in one call. */
export function readColumn(name: string, headers: readonly string[], column: string): string[] {
  const { sheet, header } = openLog(name, headers);
  const last = sheet.getLastRow();
  const col = header.indexOf(column) + 1;
  if (last < 2 || col < 1) return [];
  return sheet
    .getRange(2, col, last - 1, 1)
    .getValues()
    .map((r) => String(r[0]));
}
