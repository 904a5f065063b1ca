// Appending to a log sheet without reading its data: the header row says where each column is, so
// the cost stays the same however long Журнал or «Приём анкет» grows.
import { cellsOf, MissingColumnError, type RowOf, type RowPatch, type SheetSchema } from '../core/schema';
import { type CellValue, sheetInput } from '../core/table';
import { ensureSheet, growSheet, readHeader } from './sheetTable';

interface LogSheet {
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  header: string[];
}

// Apps Script evaluates the script afresh for each execution: a log's header is read once per execution.
const opened = new Map<string, LogSheet>();

function openLog(schema: SheetSchema): LogSheet {
  // A sheet renamed since (a year archived) is looked up again.
  const known = opened.get(schema.name);
  if (known && known.sheet.getName() === schema.name) return known;
  const log = findLog(schema);
  opened.set(schema.name, log);
  return log;
}

function findLog(schema: SheetSchema): LogSheet {
  const book = SpreadsheetApp.getActive();
  const found = book.getSheetByName(schema.name);
  if (found) {
    const header = readHeader(found);
    if (schema.headers.every((h) => header.includes(h))) return { sheet: found, header };
  }
  const sheet = ensureSheet(schema, book);
  return { sheet, header: readHeader(sheet) };
}

/**
 * Appends below the last row. A value for a column the sheet lacks is left out, or with `strict`
 * refused (MissingColumnError, nothing written), as SheetTable.write refuses it.
 */
export function appendRows<S extends SheetSchema>(
  schema: S,
  records: ReadonlyArray<RowPatch<S>>,
  { strict = false } = {},
): void {
  if (records.length === 0) return;
  const { sheet, header } = openLog(schema);
  const grid = records.map((r) => {
    const row: CellValue[] = header.map(() => '');
    for (const [h, value] of cellsOf(schema, r)) {
      const j = header.indexOf(h);
      if (j >= 0) row[j] = sheetInput(value, schema.freeTextHeaders.has(h));
      else if (strict) throw new MissingColumnError(sheet.getName(), [h]);
    }
    return row;
  });
  const first = sheet.getLastRow() + 1;
  growSheet(sheet, first + grid.length - 1, header.length);
  sheet.getRange(first, 1, grid.length, header.length).setValues(grid);
}

/** One column of a log sheet (e.g. the response ids of «Приём анкет»), read in one call. */
export function readColumn<S extends SheetSchema, K extends keyof RowOf<S> & string>(
  schema: S,
  key: K,
): Array<RowOf<S>[K]> {
  const { sheet, header } = openLog(schema);
  const column = schema.columns[key];
  const last = sheet.getLastRow();
  const col = header.indexOf(column.header) + 1;
  if (last < 2 || col < 1) return [];
  return sheet
    .getRange(2, col, last - 1, 1)
    .getValues()
    .map((r) => column.read(r[0] as CellValue) as RowOf<S>[K]);
}
