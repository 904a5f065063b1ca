// One typed description per sheet: English keys in code, Russian headers in the sheet. Columns are
// found by header, so curators may reorder them and add their own; a renamed or deleted column the
// code needs is reported by sheet and header instead of being read as empty.
//
//   export const MEETINGS = defineSheet('Встречи', {
//     id: textColumn('Встреча'),
//     date: cellColumn('Дата'),
//   });
//   type MeetingValues = RowOf<typeof MEETINGS>; // { id: string; date: CellValue }
import { type CellValue, cellText } from './table';

export interface Column<T> {
  readonly header: string;
  /** The sheet may lack it (another feature adds it, or a curator may): read as a blank cell. */
  readonly optional: boolean;
  /** Holds what a person typed: written so that Sheets keeps it as text (see sheetInput). */
  readonly freeText: boolean;
  /**
   * Declared after schools had deployed the sheet: a sheet with data that lacks it is brought up to
   * date (the column added, the data kept) instead of being reported as a curator's rename.
   */
  readonly addedLater: boolean;
  read(cell: CellValue): T;
  write(value: T): CellValue;
}

export type Columns = Record<string, Column<unknown>>;

export interface SheetSchema<C extends Columns = Columns> {
  readonly name: string;
  readonly columns: C;
  /** The column keys in declaration order. */
  readonly keys: readonly string[];
  /** Headers of the columns a new sheet gets, in declaration order (optional ones left out). */
  readonly headers: readonly string[];
  /** Of those, the headers a sheet with data must already have: a missing one was renamed or deleted. */
  readonly requiredHeaders: readonly string[];
  /** Headers of the columns that hold what a person typed. */
  readonly freeTextHeaders: ReadonlySet<string>;
}

export type RowOf<S extends SheetSchema> = {
  [K in keyof S['columns']]: S['columns'][K] extends Column<infer T> ? T : never;
};
/** What a writer sets: only the columns named are written. */
export type RowPatch<S extends SheetSchema> = Partial<RowOf<S>>;

export interface Row<S extends SheetSchema> {
  /** The 1-based sheet row (row 1 is the header). */
  rowNumber: number;
  values: RowOf<S>;
}

/** A row read for only some of its columns (a long sheet read for what one job needs). */
export interface PickedRow<S extends SheetSchema, K extends keyof RowOf<S>> {
  rowNumber: number;
  values: Pick<RowOf<S>, K>;
}

interface ColumnOptions {
  optional?: boolean;
  /** What a person typed (a name, an answer, a note): written so that Sheets never converts it. */
  freeText?: boolean;
  /** Required, but newer than deployed sheets: setup adds it to a sheet with data (see Column.addedLater). */
  addedLater?: boolean;
}

function column<T>(
  header: string,
  read: (cell: CellValue) => T,
  write: (value: T) => CellValue,
  options: ColumnOptions,
): Column<T> {
  return {
    header,
    optional: options.optional === true,
    freeText: options.freeText === true,
    addedLater: options.addedLater === true,
    read,
    write,
  };
}

const asCell = (v: CellValue): CellValue => v;

/** The cell as it is (text, number, boolean or date): for columns curators may fill either way. */
export const cellColumn = (header: string, options: ColumnOptions = {}): Column<CellValue> =>
  column(header, asCell, asCell, options);

/** Trimmed text; a date reads as its ISO form. */
export const textColumn = (header: string, options: ColumnOptions = {}): Column<string> =>
  column<string>(header, cellText, asCell, options);

/** A date cell; anything else reads as undefined and undefined writes a blank cell. */
export const dateColumn = (header: string, options: ColumnOptions = {}): Column<Date | undefined> =>
  column<Date | undefined>(
    header,
    (v) => (v instanceof Date ? v : undefined),
    (v) => v ?? '',
    options,
  );

/** A number, also typed as text with a decimal comma; blank or unreadable reads as undefined. */
export const numberColumn = (header: string, options: ColumnOptions = {}): Column<number | undefined> =>
  column<number | undefined>(header, readNumber, (v) => v ?? '', options);

function readNumber(v: CellValue): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  const t = cellText(v);
  if (t === '') return undefined;
  const n = Number(t.replace(',', '.'));
  return Number.isFinite(n) ? n : undefined;
}

export function defineSheet<C extends Columns>(name: string, columns: C): SheetSchema<C> {
  const keys = Object.keys(columns);
  const required = keys.filter((k) => !columns[k].optional);
  return {
    name,
    columns,
    keys,
    headers: required.map((k) => columns[k].header),
    requiredHeaders: required.filter((k) => !columns[k].addedLater).map((k) => columns[k].header),
    freeTextHeaders: new Set(keys.filter((k) => columns[k].freeText).map((k) => columns[k].header)),
  };
}

/** A curator renamed or deleted a column the code needs. Nothing is written to the sheet. */
export class MissingColumnError extends Error {
  constructor(
    readonly sheet: string,
    readonly missing: readonly string[],
  ) {
    const list = missing.map((h) => `«${h}»`).join(', ');
    super(
      missing.length === 1
        ? `В листе «${sheet}» нет столбца ${list}: его заголовок переименовали или столбец удалили. Верните заголовок ${list} в первую строку листа; пока его нет, программа этот лист не меняет.`
        : `В листе «${sheet}» нет столбцов ${list}: их заголовки переименовали или столбцы удалили. Верните эти заголовки в первую строку листа; пока их нет, программа этот лист не меняет.`,
    );
    this.name = 'MissingColumnError';
  }
}

/**
 * Throws MissingColumnError when a required column is not in the header row. A column added later
 * may be missing (it reads as blank until setup adds it).
 */
export function checkHeader(schema: SheetSchema, header: readonly string[]): void {
  const present = new Set(header);
  const missing = schema.requiredHeaders.filter((h) => !present.has(h));
  if (missing.length > 0) throw new MissingColumnError(schema.name, missing);
}

const CELL = 0;
const TEXT = 1;
const OTHER = 2;

export interface RowReader<S extends SheetSchema> {
  /** The typed values of a row; undefined for a blank row (curators' own columns count). */
  (row: readonly CellValue[]): RowOf<S> | undefined;
}

/**
 * Reads rows laid out under `header`. Column positions are found once, so reading stays one pass of
 * plain loops however many rows there are; a column missing from the header reads as a blank cell.
 * With `only`, the records hold just those keys (a row still counts as blank by all its cells).
 */
export function rowReader<S extends SheetSchema>(
  schema: S,
  header: readonly string[],
  only: readonly string[] = schema.keys,
): RowReader<S> {
  const keys = only;
  const n = keys.length;
  const columns = keys.map((k) => schema.columns[k]);
  const index = columns.map((c) => header.indexOf(c.header));
  // The common kinds are read inline: a call through each column's reader costs more than the read.
  const inline = columns.map((c) => (c.read === asCell ? CELL : c.read === cellText ? TEXT : OTHER));
  // Every record is a copy of one object that already has all the keys, so all records share one
  // hidden class instead of each growing its own property by property.
  const shape: Record<string, unknown> = {};
  for (const k of keys) shape[k] = '';
  return (row) => {
    let blank = true;
    for (let j = 0; j < row.length && blank; j++) {
      const c = row[j];
      blank = c === '' || c === null || c === undefined;
    }
    if (blank) return undefined;
    const values = { ...shape };
    for (let k = 0; k < n; k++) {
      const j = index[k];
      const cell = j < 0 ? '' : (row[j] ?? '');
      const how = inline[k];
      values[keys[k]] =
        how === CELL ? cell : how === TEXT && typeof cell === 'string' ? cell.trim() : columns[k].read(cell);
    }
    return values as RowOf<S>;
  };
}

/** Rows of a sheet's values (header row first) as typed records. */
export function readRows<S extends SheetSchema>(
  schema: S,
  values: readonly (readonly CellValue[])[],
): Row<S>[] {
  if (values.length === 0) return [];
  const read = rowReader(schema, headerOf(values[0]));
  const out: Row<S>[] = [];
  for (let i = 1; i < values.length; i++) {
    const record = read(values[i]);
    if (record) out.push({ rowNumber: i + 1, values: record });
  }
  return out;
}

export const headerOf = (row: readonly CellValue[]): string[] => row.map((h) => String(h).trim());

/** The cells a patch sets, by header, serialised by their columns. Keys the schema lacks are skipped. */
export function cellsOf<S extends SheetSchema>(schema: S, patch: RowPatch<S>): Array<[string, CellValue]> {
  const out: Array<[string, CellValue]> = [];
  const columns: Columns = schema.columns;
  for (const key of Object.keys(patch)) {
    const column = columns[key];
    if (!column) continue;
    out.push([column.header, column.write((patch as Record<string, unknown>)[key])]);
  }
  return out;
}

export type HeaderSchema = SheetSchema<Record<string, Column<CellValue>>>;

/** A sheet whose columns are keyed by their headers, each cell as it is. */
export function headerSheet(name: string, headers: readonly string[]): HeaderSchema {
  return defineSheet(name, Object.fromEntries(headers.map((h) => [h, cellColumn(h)])));
}

/** A patch as a record keyed by header, for code that lays rows out itself (seeded workbooks). */
export const byHeader = <S extends SheetSchema>(schema: S, patch: RowPatch<S>): Record<string, CellValue> =>
  Object.fromEntries(cellsOf(schema, patch));

/** Blank cells in every column a new sheet gets: an emptied row. */
export function blankPatch<S extends SheetSchema>(schema: S): RowPatch<S> {
  const columns: Columns = schema.columns;
  return Object.fromEntries(
    schema.keys.filter((k) => !columns[k].optional).map((k) => [k, '']),
  ) as RowPatch<S>;
}

/** The values a row reads back after a patch is written over it (over a blank row without `before`). */
export function applyPatch<S extends SheetSchema>(
  schema: S,
  patch: RowPatch<S>,
  before?: RowOf<S>,
): RowOf<S> {
  const columns: Columns = schema.columns;
  const out: Record<string, unknown> = { ...before };
  const set: Record<string, unknown> = patch;
  for (const k of schema.keys) {
    if (k in set) out[k] = columns[k].read(columns[k].write(set[k]));
    else if (!before) out[k] = columns[k].read('');
  }
  return out as RowOf<S>;
}

/** Where a column stands in a sheet the code created (header row as declared). */
export function columnIndex<S extends SheetSchema>(schema: S, key: keyof S['columns'] & string): number {
  const columns: Columns = schema.columns;
  return schema.headers.indexOf(columns[key].header);
}
