// Cells of a sheet. How each sheet's columns are read and written is declared in src/core/schema.ts.
export type CellValue = string | number | boolean | Date;
/** A row keyed by its headers, every column the sheet has (for showing a person all that is held). */
export type TableRecord = Record<string, CellValue>;

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

/** The inverse of safeCell for values read back (Sheets hides the apostrophe; our fakes do too). */
export function cellText(value: CellValue | undefined): string {
  if (value === undefined || value === null) return '';
  if (value instanceof Date) return value.toISOString();
  return String(value).trim();
}
