// Cells of a sheet. How each sheet's columns are read and written is declared in src/core/schema.ts.
export type CellValue = string | number | boolean | Date;
/** A row keyed by its headers, every column the sheet has (for showing a person all that is held). */
export type TableRecord = Record<string, CellValue>;

const FORMULA_START = /^[=+\-@]/;
/** A long run of digits is an identifier (a participant code, an ИНН), never a quantity. */
const DIGIT_IDENTIFIER = /^\d{6,}$/;

/**
 * Text that a spreadsheet would read as a formula is stored with a leading apostrophe, which Sheets
 * shows as plain text (CWE-1236). Numbers, booleans and dates are written as they are.
 */
export function safeCell(value: CellValue | null | undefined): CellValue {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' && FORMULA_START.test(value)) return `'${value}`;
  // Sheets would store it as a number and drop leading zeros: kept as text behind the apostrophe.
  if (typeof value === 'string' && DIGIT_IDENTIFIER.test(value)) return `'${value}`;
  return value;
}

/**
 * What setValues gets for a cell. Sheets parses a string written with setValues as if typed —
 * «01.02.2026» becomes a date, «TRUE» a boolean, «00123» the number 123, «12:30» a time, «50%» the
 * number 0.5 — so text of a column that holds what a person typed (answers, names, notes) is written
 * behind Sheets' documented plain-text prefix, a leading apostrophe, which Sheets stores and shows
 * without. Other text is only made formula-safe.
 */
export function sheetInput(value: CellValue | null | undefined, freeText: boolean): CellValue {
  if (freeText && typeof value === 'string' && value !== '') return `'${value}`;
  return safeCell(value);
}

/** The inverse of safeCell for values read back (Sheets hides the apostrophe; our fakes do too). */
export function cellText(value: CellValue | undefined): string {
  // Text first: it is most cells, and logs of thousands of rows are read a column at a time.
  if (typeof value === 'string') return value.trim();
  if (value === undefined || value === null) return '';
  if (value instanceof Date) return value.toISOString();
  return String(value).trim();
}
