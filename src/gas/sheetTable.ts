// Sheets as tables: one getValues per read and one setValues per write, whatever the row count.
import {
  type CellValue,
  type RowRecord,
  recordOf,
  sheetInput,
  type TableRecord,
  toRecords,
} from '../core/table';

export function spreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet {
  return SpreadsheetApp.getActive();
}

/** Returns the sheet, creating it with the given header row (frozen) if it does not exist yet. */
export function ensureSheet(
  name: string,
  headers: readonly string[],
  book: GoogleAppsScript.Spreadsheet.Spreadsheet = spreadsheet(),
): GoogleAppsScript.Spreadsheet.Sheet {
  let sheet = book.getSheetByName(name);
  if (!sheet) {
    sheet = book.insertSheet(name);
  }
  if (headers.length === 0) return sheet;
  const lastColumn = sheet.getLastColumn();
  const existing =
    lastColumn > 0
      ? sheet
          .getRange(1, 1, 1, lastColumn)
          .getValues()[0]
          .map((v) => String(v).trim())
      : [];
  const missing = headers.filter((h) => !existing.includes(h));
  if (missing.length > 0) {
    growSheet(sheet, 1, existing.length + missing.length);
    sheet.getRange(1, existing.length + 1, 1, missing.length).setValues([missing]);
    sheet.setFrozenRows(1);
  }
  return sheet;
}

/**
 * A new sheet has 1,000 rows and 26 columns, and writing past them throws «The coordinates of the
 * range are outside the dimensions of the sheet»: grow the grid first.
 */
export function growSheet(sheet: GoogleAppsScript.Spreadsheet.Sheet, rows: number, columns: number): void {
  const maxRows = sheet.getMaxRows();
  if (rows > maxRows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  const maxColumns = sheet.getMaxColumns();
  if (columns > maxColumns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
}

export class SheetTable {
  private headers: string[] = [];
  private rows: CellValue[][] = [];
  private loaded = false;

  constructor(
    readonly sheet: GoogleAppsScript.Spreadsheet.Sheet,
    private readonly owned: readonly string[],
  ) {}

  static open(name: string, owned: readonly string[], book?: GoogleAppsScript.Spreadsheet.Spreadsheet) {
    return new SheetTable(ensureSheet(name, owned, book), owned);
  }

  /** One read of the whole data range. */
  read(): RowRecord[] {
    this.load();
    return toRecords({ headers: this.headers, rows: this.rows });
  }

  private load(): void {
    const values = this.sheet.getDataRange().getValues() as CellValue[][];
    this.headers = (values[0] ?? []).map((h) => String(h).trim());
    this.rows = values.slice(1);
    this.loaded = true;
  }

  /** One column of the rows as last read or written (read first if the table was not). */
  cells(header: string): CellValue[] {
    if (!this.loaded) this.load();
    const j = this.headers.indexOf(header);
    return j < 0 ? [] : this.rows.map((row) => row[j] ?? '');
  }

  /**
   * Records of the rows whose cell in `header` passes `keep`, as last read or written (read first if
   * the table was not): on a long log, a record for every row costs more than the read itself.
   */
  recordsWhere(header: string, keep: (cell: CellValue) => boolean): RowRecord[] {
    if (!this.loaded) this.load();
    const j = this.headers.indexOf(header);
    const out: RowRecord[] = [];
    if (j < 0) return out;
    this.rows.forEach((row, i) => {
      if (!keep(row[j] ?? '')) return;
      const record = recordOf(this.headers, row, i + 2);
      if (record) out.push(record);
    });
    return out;
  }

  private column(header: string): number {
    const i = this.headers.indexOf(header);
    if (i < 0) throw new Error(`В листе «${this.sheet.getName()}» нет столбца «${header}».`);
    return i;
  }

  /**
   * Writes changed and new records in one setValues over the span of the columns they set. Columns
   * the code does not own keep whatever the curator typed there.
   */
  write(
    updates: ReadonlyArray<{ rowNumber: number; values: TableRecord }>,
    appends: readonly TableRecord[] = [],
  ) {
    if (!this.loaded) this.read();
    if (updates.length === 0 && appends.length === 0) return;
    const width = this.headers.length;
    // Only rows inside the written block are copied: a letter's one-row update must not cost the
    // whole sheet (the outbox is thousands of rows by spring).
    const rows = this.rows;
    const copies = new Map<number, CellValue[]>();
    const rowAt = (index: number): CellValue[] => {
      let row = copies.get(index);
      if (!row) {
        row = (rows[index] ?? []).slice(0, width);
        while (row.length < width) row.push('');
        copies.set(index, row);
      }
      return row;
    };
    // Columns written: those the updates set (a letter's state is a few cells beside its long text),
    // all of them when rows are appended.
    let left = appends.length > 0 ? 0 : width;
    let right = appends.length > 0 ? width - 1 : -1;
    const put = (row: CellValue[], values: TableRecord) => {
      for (const [key, value] of Object.entries(values)) {
        if (!this.owned.includes(key)) continue;
        const j = this.column(key);
        row[j] = value ?? '';
        left = Math.min(left, j);
        right = Math.max(right, j);
      }
    };
    let first = Number.POSITIVE_INFINITY;
    let last = 0;
    for (const u of updates) {
      const index = u.rowNumber - 2;
      put(rowAt(index), u.values);
      first = Math.min(first, index);
      last = Math.max(last, index);
    }
    appends.forEach((values, k) => {
      const index = rows.length + k;
      const row: CellValue[] = new Array(width).fill('');
      put(row, values);
      copies.set(index, row);
      first = Math.min(first, index);
      last = index;
    });
    if (right < left) return;
    const block: CellValue[][] = [];
    // The sheet gets the written form of each cell; this table keeps the values as read back.
    const headers = this.headers.slice(left, right + 1);
    for (let index = first; index <= last; index++)
      block.push(
        rowAt(index)
          .slice(left, right + 1)
          .map((v, k) => sheetInput(v, headers[k])),
      );
    if (appends.length > 0) growSheet(this.sheet, last + 2, width);
    this.sheet.getRange(first + 2, left + 1, block.length, right - left + 1).setValues(block);
    for (const [index, row] of copies) rows[index] = row;
  }
}
