// A sheet seen as a table: a header row and rows of cells. Columns are found by header, so curators
// may reorder columns and add their own; code only writes the columns it owns.
export type CellValue = string | number | boolean | Date;
export type TableRecord = Record<string, CellValue>;

export interface TableSnapshot {
  headers: string[];
  rows: CellValue[][];
}

/** A record together with the 1-based sheet row it came from (row 1 is the header). */
export interface RowRecord {
  rowNumber: number;
  values: TableRecord;
}

export function toRecords(snapshot: TableSnapshot): RowRecord[] {
  const out: RowRecord[] = [];
  for (let i = 0; i < snapshot.rows.length; i++) {
    const record = recordOf(snapshot.headers, snapshot.rows[i], i + 2);
    if (record) out.push(record);
  }
  return out;
}

/** One row as a record; undefined for a blank row. Plain loops: this runs over every row of a sheet. */
export function recordOf(
  headers: readonly string[],
  row: readonly CellValue[],
  rowNumber: number,
): RowRecord | undefined {
  let blank = true;
  for (let j = 0; j < row.length && blank; j++) {
    const c = row[j];
    blank = c === '' || c === null || c === undefined;
  }
  if (blank) return undefined;
  const values: TableRecord = {};
  for (let j = 0; j < headers.length; j++) {
    const h = headers[j];
    if (h) values[h] = row[j] ?? '';
  }
  return { rowNumber, values };
}

const FORMULA_START = /^[=+\-@]/;

/**
 * Text that a spreadsheet would read as a formula is stored with a leading apostrophe, which Sheets
 * shows as plain text (CWE-1236). Numbers, booleans and dates are written as they are.
 */
export function safeCell(value: CellValue | null | undefined): CellValue {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' && FORMULA_START.test(value)) return `'${value}`;
  return value;
}

/**
 * Columns that hold what a person typed (answers, names, notes). Sheets parses a string written with
 * setValues as if typed — «01.02.2026» becomes a date, «TRUE» a boolean, «00123» the number 123,
 * «12:30» a time, «50%» the number 0.5 — so text in these columns is written behind Sheets'
 * documented plain-text prefix, a leading apostrophe, which Sheets stores and shows without.
 */
export const FREE_TEXT_COLUMNS: ReadonlySet<string> = new Set([
  'Фамилия',
  'Имя',
  'Отчество',
  'ФИО родителя',
  'Место работы, должность',
  'Комментарий',
  'Телефон',
  'Достижения',
  'Интересы',
  'Заметка',
  'ФИО подписавшего',
  'ФИО участника',
]);

/** What setValues gets for a cell of column `header`: free text stays text, other text is formula-safe. */
export function sheetInput(value: CellValue | null | undefined, header: string): CellValue {
  if (typeof value === 'string' && value !== '' && FREE_TEXT_COLUMNS.has(header)) return `'${value}`;
  return safeCell(value);
}

/** The inverse of safeCell for values read back (Sheets hides the apostrophe; our fakes do too). */
export function cellText(value: CellValue | undefined): string {
  if (value === undefined || value === null) return '';
  if (value instanceof Date) return value.toISOString();
  return String(value).trim();
}
