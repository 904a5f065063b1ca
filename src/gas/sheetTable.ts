// Sheets as tables: one getValues per read and one setValues per write, whatever the row count.
// Every sheet is described once by a schema (src/core/schema.ts); records have its English keys.

import { JOURNAL } from '../core/intake/journal';
import {
  cellsOf,
  checkHeader,
  type HeaderSchema,
  headerOf,
  headerSheet,
  MissingColumnError,
  type PickedRow,
  type Row,
  type RowOf,
  type RowPatch,
  readRows,
  rowReader,
  type SheetSchema,
} from '../core/schema';
import { type CellValue, sheetInput } from '../core/table';

type Book = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

// Apps Script starts every execution with fresh globals, so these caches live one execution: the
// workbook, and the sheets whose header this execution has already checked (an intake run opens a
// dozen tables, and each header check was four calls).
let active: Book | undefined;
const ensured = new WeakMap<Book, Map<string, Sheet>>();

export function spreadsheet(): Book {
  if (!active) active = SpreadsheetApp.getActive();
  return active;
}

export function readHeader(sheet: Sheet): string[] {
  const width = sheet.getLastColumn();
  return width > 0 ? headerOf(sheet.getRange(1, 1, 1, width).getValues()[0] as CellValue[]) : [];
}

/**
 * Returns the sheet, creating it with the schema's header row (frozen) if it does not exist yet, and
 * adding missing columns (and the optional ones named in `add`). A sheet with data that lacks a
 * required column was edited by hand: MissingColumnError, and nothing is written; one that lacks only
 * columns added later (or those in `add`) gets them at the right end, its data kept, and the upgrade
 * is noted in Журнал.
 */
export function ensureSheet<S extends SheetSchema>(
  schema: S,
  other?: Book,
  add: ReadonlyArray<keyof S['columns'] & string> = [],
): Sheet {
  const book = other ?? spreadsheet();
  const key = ensuredKey(schema, add);
  // A sheet renamed since it was checked (a year archived) is looked up and checked again.
  const known = ensured.get(book)?.get(key);
  if (known && known.getName() === schema.name) return known;
  const sheet = ensureSheetIn(schema, book, add);
  remember(book, key, sheet);
  return sheet;
}

const ensuredKey = (schema: SheetSchema, add: readonly string[]) => `${schema.name}\u0000${add.join(',')}`;

function remember(book: Book, key: string, sheet: Sheet): void {
  let sheets = ensured.get(book);
  if (!sheets) {
    sheets = new Map();
    ensured.set(book, sheets);
  }
  sheets.set(key, sheet);
}

function ensureSheetIn<S extends SheetSchema>(
  schema: S,
  book: Book,
  add: ReadonlyArray<keyof S['columns'] & string>,
): Sheet {
  const sheet = book.getSheetByName(schema.name) ?? book.insertSheet(schema.name);
  const wanted = [...schema.headers, ...add.map((k) => schema.columns[k].header)];
  if (wanted.length === 0) return sheet;
  const existing = readHeader(sheet);
  const missing = wanted.filter((h) => !existing.includes(h));
  if (missing.length === 0) return sheet;
  const hasData = sheet.getLastRow() > 1;
  if (hasData) checkHeader(schema, existing);
  growSheet(sheet, 1, existing.length + missing.length);
  sheet.getRange(1, existing.length + 1, 1, missing.length).setValues([missing]);
  sheet.setFrozenRows(1);
  const upgraded = missing.filter((h) =>
    schema.keys.some((k) => schema.columns[k].addedLater && schema.columns[k].header === h),
  );
  if (hasData && upgraded.length > 0) noteUpgrade(book, schema.name, upgraded);
  return sheet;
}

/**
 * A Журнал line for columns a newer version added to a sheet that already held data: the curator
 * sees why the sheet grew. Written here, not through appendRows, which itself opens sheets this way.
 */
function noteUpgrade(book: Book, name: string, headers: readonly string[]): void {
  if (name === JOURNAL.name) return;
  const journal = ensureSheet(JOURNAL, book);
  const header = readHeader(journal);
  const cells = new Map(
    cellsOf(JOURNAL, {
      when: new Date(),
      event: 'Обновление листа',
      who: '',
      details: `В лист «${name}» добавлены столбцы ${headers.map((h) => `«${h}»`).join(', ')}; данные листа сохранены.`,
      ref: '',
    }),
  );
  const row = header.map((h) => sheetInput(cells.get(h) ?? '', false));
  const at = journal.getLastRow() + 1;
  growSheet(journal, at, header.length);
  journal.getRange(at, 1, 1, header.length).setValues([row]);
}

/**
 * A new sheet has 1,000 rows and 26 columns, and writing past them throws «The coordinates of the
 * range are outside the dimensions of the sheet»: grow the grid first.
 */
export function growSheet(sheet: Sheet, rows: number, columns: number): void {
  const maxRows = sheet.getMaxRows();
  if (rows > maxRows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  const maxColumns = sheet.getMaxColumns();
  if (columns > maxColumns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
}

/**
 * Rows of a sheet of another workbook (or one that may not exist), read-only; [] when it is missing.
 * With `only`, records of just those columns.
 */
export function readSheet<S extends SheetSchema>(book: Book, schema: S): Row<S>[];
export function readSheet<S extends SheetSchema, K extends keyof RowOf<S> & string>(
  book: Book,
  schema: S,
  only: readonly K[],
): PickedRow<S, K>[];
export function readSheet<S extends SheetSchema>(book: Book, schema: S, only?: readonly string[]): Row<S>[] {
  const sheet = book.getSheetByName(schema.name);
  if (!sheet) return [];
  const values = sheet.getDataRange().getValues() as CellValue[][];
  if (values.length < 2) return [];
  const table = new SheetTable(sheet, schema);
  table.take(values);
  return only ? (table.read(only as Array<keyof RowOf<S> & string>) as Row<S>[]) : table.read();
}

/**
 * Every column of a sheet, keyed by its header (the curator's own columns too): for showing a
 * person all that is held about them. [] when the sheet is missing.
 */
export function readByHeader(book: Book, name: string): Row<HeaderSchema>[] {
  const sheet = book.getSheetByName(name);
  if (!sheet) return [];
  const values = sheet.getDataRange().getValues() as CellValue[][];
  return values.length < 2 ? [] : readRows(headerSheet(name, headerOf(values[0])), values);
}

export class SheetTable<S extends SheetSchema = HeaderSchema> {
  private header: string[] = [];
  private rows: CellValue[][] = [];
  private loaded = false;

  constructor(
    readonly sheet: Sheet,
    readonly schema: S,
  ) {}

  static open<S extends SheetSchema>(schema: S, book?: Book): SheetTable<S> {
    return new SheetTable(ensureSheet(schema, book), schema);
  }

  /**
   * The table for a caller that reads it at once: the header is checked on the rows of that one read,
   * where `open` reads the header row first. A sheet that is missing or lacks a column goes the way
   * of `open` (created, or the columns added).
   */
  static openRead<S extends SheetSchema>(schema: S, other?: Book): SheetTable<S> {
    const book = other ?? spreadsheet();
    const known = ensured.get(book)?.get(ensuredKey(schema, []));
    if (known && known.getName() === schema.name) return new SheetTable(known, schema);
    const sheet = book.getSheetByName(schema.name);
    if (sheet) {
      const values = sheet.getDataRange().getValues() as CellValue[][];
      const header = headerOf(values[0] ?? []);
      if (schema.headers.every((h) => header.includes(h))) {
        remember(book, ensuredKey(schema, []), sheet);
        const table = new SheetTable(sheet, schema);
        table.take(values);
        return table;
      }
    }
    return SheetTable.open(schema, book);
  }

  /** One read of the whole data range; with `only`, records of just those columns. */
  read(): Row<S>[];
  read<K extends keyof RowOf<S> & string>(only: readonly K[]): PickedRow<S, K>[];
  read(only?: readonly string[]): Row<S>[] {
    if (!this.loaded) this.load();
    const read = rowReader(this.schema, this.header, only);
    const out: Row<S>[] = [];
    for (let i = 0; i < this.rows.length; i++) {
      const values = read(this.rows[i]);
      if (values) out.push({ rowNumber: i + 2, values });
    }
    return out;
  }

  /** Reads the sheet afresh (the next read or write sees what others wrote since). */
  load(): void {
    this.take(this.sheet.getDataRange().getValues() as CellValue[][]);
  }

  /** Takes values already read from the sheet (header row first). */
  take(values: CellValue[][]): void {
    this.header = headerOf(values[0] ?? []);
    this.rows = values.slice(1);
    this.loaded = true;
    if (this.rows.length > 0) checkHeader(this.schema, this.header);
  }

  /** One column of the rows as last read or written (read first if the table was not). */
  cells<K extends keyof RowOf<S> & string>(key: K): Array<RowOf<S>[K]> {
    if (!this.loaded) this.load();
    const column = this.schema.columns[key];
    const j = this.header.indexOf(column.header);
    return j < 0 ? [] : this.rows.map((row) => column.read(row[j] ?? '') as RowOf<S>[K]);
  }

  /**
   * Records of the rows whose value in `key` passes `keep`, as last read or written (read first if
   * the table was not): on a long log, a record for every row costs more than the read itself.
   */
  recordsWhere<K extends keyof RowOf<S> & string>(key: K, keep: (value: RowOf<S>[K]) => boolean): Row<S>[];
  recordsWhere<K extends keyof RowOf<S> & string, P extends keyof RowOf<S> & string>(
    key: K,
    keep: (value: RowOf<S>[K]) => boolean,
    only: readonly P[],
  ): PickedRow<S, P>[];
  recordsWhere<K extends keyof RowOf<S> & string>(
    key: K,
    keep: (value: RowOf<S>[K]) => boolean,
    only?: readonly string[],
  ): Row<S>[] {
    if (!this.loaded) this.load();
    const column = this.schema.columns[key];
    const j = this.header.indexOf(column.header);
    const out: Row<S>[] = [];
    if (j < 0) return out;
    const read = rowReader(this.schema, this.header, only);
    this.rows.forEach((row, i) => {
      if (!keep(column.read(row[j] ?? '') as RowOf<S>[K])) return;
      const values = read(row);
      if (values) out.push({ rowNumber: i + 2, values });
    });
    return out;
  }

  private column(header: string): number {
    const i = this.header.indexOf(header);
    if (i < 0) throw new MissingColumnError(this.sheet.getName(), [header]);
    return i;
  }

  /**
   * Writes changed and new records in one setValues over the span of the columns they set. Only the
   * schema's columns are written: columns the curator added keep whatever was typed there.
   */
  write(
    updates: ReadonlyArray<{ rowNumber: number; values: RowPatch<S> }>,
    appends: ReadonlyArray<RowPatch<S>> = [],
  ) {
    if (!this.loaded) this.load();
    if (updates.length === 0 && appends.length === 0) return;
    const width = this.header.length;
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
    const put = (row: CellValue[], values: RowPatch<S>) => {
      for (const [header, value] of cellsOf(this.schema, values)) {
        const j = this.column(header);
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
    const headers = this.header.slice(left, right + 1);
    for (let index = first; index <= last; index++)
      block.push(
        rowAt(index)
          .slice(left, right + 1)
          .map((v, k) => sheetInput(v, this.schema.freeTextHeaders.has(headers[k]))),
      );
    if (appends.length > 0) growSheet(this.sheet, last + 2, width);
    this.sheet.getRange(first + 2, left + 1, block.length, right - left + 1).setValues(block);
    for (const [index, row] of copies) rows[index] = row;
  }
}
