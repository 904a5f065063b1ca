// Spreadsheet state as plain data, and the operations that change it. Every change a fake makes is
// an operation, applied to the in-memory model and queued; persisting replays the queue on top of
// what is on disk, so two processes writing different cells both keep their writes (as in Sheets).
import { isDate } from '../jsonDates';

export type Cell = string | number | boolean | Date;

export interface ChartModel {
  chartId: number;
  type: string;
  ranges: Array<{ sheetId: number; row: number; column: number; numRows: number; numColumns: number }>;
  position: { row: number; column: number; offsetX: number; offsetY: number };
  options: Record<string, unknown>;
}

export interface MetadataModel {
  id: number;
  key: string;
  value: string | null;
  visibility: string;
}

export interface ProtectionModel {
  id: number;
  description: string;
  /** null: the whole sheet */
  range: { row: number; column: number; numRows: number; numColumns: number } | null;
  warningOnly: boolean;
  editors: string[];
}

/** A rule that limits what is typed: a dropdown list or a checkbox. */
export interface ValidationModel {
  box: Box;
  kind: 'list' | 'checkbox';
  values: string[];
  allowInvalid: boolean;
}

/** Highlighting: cells of `box` get `background` when the formula (relative to the box's top-left) holds. */
export interface ConditionalModel {
  box: Box;
  formula: string;
  background: string;
}

/** How a sheet looks rather than what it holds. */
export interface SheetLook {
  /** Pixels by 0-based column. */
  columnWidths: Record<number, number>;
  /** 0-based columns whose text wraps. */
  wrapColumns: number[];
  /** 0-based columns hidden from view. */
  hiddenColumns: number[];
  hidden: boolean;
  validations: ValidationModel[];
  conditionalFormats: ConditionalModel[];
}

export const emptyLook = (): SheetLook => ({
  columnWidths: {},
  wrapColumns: [],
  hiddenColumns: [],
  hidden: false,
  validations: [],
  conditionalFormats: [],
});

export interface SheetModel {
  sheetId: number;
  name: string;
  maxRows: number;
  maxColumns: number;
  frozenRows: number;
  frozenColumns: number;
  /** Row-major, 0-based; rows and trailing cells may be missing (blank). */
  values: Cell[][];
  /** Formulas by "row:column" (0-based); their value is not computed. */
  formulas: Record<string, string>;
  /** Number formats by "row:column" (0-based), e.g. '@' for plain text. */
  formats: Record<string, string>;
  charts: ChartModel[];
  metadata: MetadataModel[];
  protections: ProtectionModel[];
  /** Absent in workspaces saved before looks were kept. */
  look?: SheetLook;
}

export interface SpreadsheetModel {
  id: string;
  name: string;
  timeZone: string;
  locale: string;
  sheets: SheetModel[];
  metadata: MetadataModel[];
}

export interface Box {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

export type SheetOp =
  | { op: 'insertSheet'; sheetId: number; name: string; index: number }
  | { op: 'deleteSheet'; sheetId: number }
  | { op: 'renameSheet'; sheetId: number; name: string }
  | { op: 'renameSpreadsheet'; name: string }
  | {
      op: 'setCells';
      sheetId: number;
      row: number;
      column: number;
      values: Cell[][];
      formulas: (string | null)[][];
    }
  | { op: 'appendRow'; sheetId: number; values: Cell[]; formulas: (string | null)[] }
  | { op: 'setFormats'; sheetId: number; row: number; column: number; formats: string[][] }
  | { op: 'clear'; sheetId: number; box: Box; contents: boolean; formats: boolean }
  | { op: 'setFrozen'; sheetId: number; rows?: number; columns?: number }
  | { op: 'insertRows'; sheetId: number; before: number; count: number }
  | { op: 'deleteRows'; sheetId: number; row: number; count: number }
  | { op: 'insertColumns'; sheetId: number; before: number; count: number }
  | { op: 'deleteColumns'; sheetId: number; column: number; count: number }
  | { op: 'addChart'; sheetId: number; chart: ChartModel }
  | { op: 'removeChart'; sheetId: number; chartId: number }
  | { op: 'addMetadata'; sheetId: number | null; entry: MetadataModel }
  | { op: 'removeMetadata'; id: number }
  | { op: 'setProtection'; sheetId: number; protection: ProtectionModel }
  | { op: 'removeProtection'; sheetId: number; id: number }
  | { op: 'setLook'; sheetId: number; look: Partial<SheetLook> }
  | { op: 'moveSheet'; sheetId: number; index: number };

export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLUMNS = 26;

export function newSheet(sheetId: number, name: string): SheetModel {
  return {
    sheetId,
    name,
    maxRows: DEFAULT_ROWS,
    maxColumns: DEFAULT_COLUMNS,
    frozenRows: 0,
    frozenColumns: 0,
    values: [],
    formulas: {},
    formats: {},
    charts: [],
    metadata: [],
    protections: [],
  };
}

export function newSpreadsheet(
  id: string,
  name: string,
  timeZone: string,
  firstSheetId: number,
): SpreadsheetModel {
  return { id, name, timeZone, locale: 'ru_RU', sheets: [newSheet(firstSheetId, 'Лист1')], metadata: [] };
}

export function findSheet(book: SpreadsheetModel, sheetId: number): SheetModel | undefined {
  return book.sheets.find((s) => s.sheetId === sheetId);
}

export function isBlank(v: Cell | undefined): boolean {
  return v === undefined || v === '' || v === null;
}

/** Last row (1-based) holding a value or formula; 0 for an empty sheet. */
export function lastRow(sheet: SheetModel): number {
  for (let r = sheet.values.length - 1; r >= 0; r--) {
    if ((sheet.values[r] ?? []).some((v) => !isBlank(v))) return r + 1;
  }
  return 0;
}

export function lastColumn(sheet: SheetModel): number {
  let last = 0;
  for (const row of sheet.values) {
    if (!row) continue;
    for (let c = row.length - 1; c >= last; c--) {
      if (!isBlank(row[c])) {
        last = c + 1;
        break;
      }
    }
  }
  return last;
}

export function cellAt(sheet: SheetModel, r: number, c: number): Cell {
  const v = sheet.values[r]?.[c];
  return v === undefined || v === null ? '' : v;
}

function setCell(sheet: SheetModel, r: number, c: number, v: Cell, formula: string | null): void {
  while (sheet.values.length <= r) sheet.values.push([]);
  const row = sheet.values[r] ?? [];
  sheet.values[r] = row;
  while (row.length < c) row.push('');
  row[c] = v;
  const key = `${r}:${c}`;
  if (formula) sheet.formulas[key] = formula;
  else delete sheet.formulas[key];
}

function shiftKeys(
  map: Record<string, string>,
  shift: (r: number, c: number) => [number, number] | null,
): void {
  // Most shifts move nothing (rows added below the last formula or format): the map is then left as it is.
  const next: Array<[string, string]> = [];
  let changed = false;
  for (const [k, v] of Object.entries(map)) {
    const [r, c] = k.split(':').map(Number);
    const moved = shift(r, c);
    if (!moved) {
      changed = true;
      continue;
    }
    const key = `${moved[0]}:${moved[1]}`;
    if (key !== k) changed = true;
    next.push([key, v]);
  }
  if (!changed) return;
  for (const k of Object.keys(map)) delete map[k];
  for (const [k, v] of next) map[k] = v;
}

/** Whether a key of a cell map ("row:column") lies in `row` or below. */
function hasRowFrom(map: Record<string, string>, row: number): boolean {
  for (const k in map) if (Number.parseInt(k, 10) >= row) return true;
  return false;
}

/** Applies one operation. Throws only for an operation that no longer makes sense (e.g. sheet gone). */
export function applyOp(book: SpreadsheetModel, op: SheetOp): void {
  if (op.op === 'insertSheet') {
    if (book.sheets.some((s) => s.name === op.name || s.sheetId === op.sheetId)) return;
    book.sheets.splice(Math.min(op.index, book.sheets.length), 0, newSheet(op.sheetId, op.name));
    return;
  }
  if (op.op === 'renameSpreadsheet') {
    book.name = op.name;
    return;
  }
  if (op.op === 'removeMetadata') {
    book.metadata = book.metadata.filter((m) => m.id !== op.id);
    for (const s of book.sheets) s.metadata = s.metadata.filter((m) => m.id !== op.id);
    return;
  }
  if (op.op === 'addMetadata' && op.sheetId === null) {
    book.metadata.push(op.entry);
    return;
  }
  const sheet = findSheet(book, op.sheetId as number);
  if (!sheet) return;
  switch (op.op) {
    case 'deleteSheet':
      book.sheets = book.sheets.filter((s) => s !== sheet);
      return;
    case 'renameSheet':
      sheet.name = op.name;
      return;
    case 'setCells':
      op.values.forEach((row, i) => {
        row.forEach((v, j) => {
          setCell(sheet, op.row + i, op.column + j, v, op.formulas[i]?.[j] ?? null);
        });
      });
      sheet.maxRows = Math.max(sheet.maxRows, op.row + op.values.length);
      return;
    case 'appendRow': {
      const r = lastRow(sheet);
      op.values.forEach((v, j) => {
        setCell(sheet, r, j, v, op.formulas[j] ?? null);
      });
      sheet.maxRows = Math.max(sheet.maxRows, r + 1);
      sheet.maxColumns = Math.max(sheet.maxColumns, op.values.length);
      return;
    }
    case 'setFormats':
      op.formats.forEach((row, i) => {
        row.forEach((f, j) => {
          const key = `${op.row + i}:${op.column + j}`;
          if (f && f !== 'General') sheet.formats[key] = f;
          else delete sheet.formats[key];
        });
      });
      return;
    case 'clear':
      for (let r = op.box.row; r < op.box.row + op.box.numRows; r++) {
        for (let c = op.box.column; c < op.box.column + op.box.numColumns; c++) {
          if (op.contents && sheet.values[r] && c < sheet.values[r].length) setCell(sheet, r, c, '', null);
          if (op.formats) delete sheet.formats[`${r}:${c}`];
        }
      }
      return;
    case 'setFrozen':
      if (op.rows !== undefined) sheet.frozenRows = op.rows;
      if (op.columns !== undefined) sheet.frozenColumns = op.columns;
      return;
    case 'insertRows': {
      const blanks: Cell[][] = Array.from({ length: op.count }, () => []);
      while (sheet.values.length < op.before) sheet.values.push([]);
      sheet.values.splice(op.before, 0, ...blanks);
      const move = (r: number, c: number): [number, number] => [r >= op.before ? r + op.count : r, c];
      // Rows are mostly added below everything (a log growing): then no key moves.
      if (hasRowFrom(sheet.formulas, op.before)) shiftKeys(sheet.formulas, move);
      if (hasRowFrom(sheet.formats, op.before)) shiftKeys(sheet.formats, move);
      sheet.maxRows += op.count;
      return;
    }
    case 'deleteRows': {
      sheet.values.splice(op.row, op.count);
      const move = (r: number, c: number): [number, number] | null =>
        r < op.row ? [r, c] : r < op.row + op.count ? null : [r - op.count, c];
      shiftKeys(sheet.formulas, move);
      shiftKeys(sheet.formats, move);
      sheet.maxRows = Math.max(1, sheet.maxRows - op.count);
      return;
    }
    case 'insertColumns': {
      for (const row of sheet.values) {
        if (row && row.length > op.before) row.splice(op.before, 0, ...new Array<Cell>(op.count).fill(''));
      }
      const move = (r: number, c: number): [number, number] => [r, c >= op.before ? c + op.count : c];
      shiftKeys(sheet.formulas, move);
      shiftKeys(sheet.formats, move);
      sheet.maxColumns += op.count;
      return;
    }
    case 'deleteColumns': {
      for (const row of sheet.values) if (row) row.splice(op.column, op.count);
      const move = (r: number, c: number): [number, number] | null =>
        c < op.column ? [r, c] : c < op.column + op.count ? null : [r, c - op.count];
      shiftKeys(sheet.formulas, move);
      shiftKeys(sheet.formats, move);
      sheet.maxColumns = Math.max(1, sheet.maxColumns - op.count);
      return;
    }
    case 'addChart':
      sheet.charts.push(op.chart);
      return;
    case 'removeChart':
      sheet.charts = sheet.charts.filter((c) => c.chartId !== op.chartId);
      return;
    case 'addMetadata':
      sheet.metadata.push(op.entry);
      return;
    case 'setProtection':
      sheet.protections = sheet.protections.filter((p) => p.id !== op.protection.id).concat(op.protection);
      return;
    case 'removeProtection':
      sheet.protections = sheet.protections.filter((p) => p.id !== op.id);
      return;
    case 'setLook':
      sheet.look = { ...(sheet.look ?? emptyLook()), ...op.look };
      return;
    case 'moveSheet': {
      book.sheets = book.sheets.filter((s) => s !== sheet);
      book.sheets.splice(Math.max(0, Math.min(op.index, book.sheets.length)), 0, sheet);
      return;
    }
  }
}

const NUMBER = /^[+-]?\d+(?:[.,]\d+)?(?:[eE][+-]?\d+)?$/;
const RU_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const PERCENT = /^[+-]?\d+(?:[.,]\d+)?%$/;

/**
 * What Sheets stores for a value written by setValue(s)/appendRow: strings are read as if typed
 * into a cell (ru_RU locale) — numbers, dates and TRUE/FALSE become typed values, '=' starts a
 * formula, a leading apostrophe keeps the rest as text — unless the cell's format is '@' (plain text).
 */
export function interpretInput(
  input: unknown,
  format: string | undefined,
  zoneOffsetMinutes: (utcGuess: number) => number,
): { value: Cell; formula: string | null } {
  if (input === null || input === undefined) return { value: '', formula: null };
  if (isDate(input)) return { value: new Date(input.getTime()), formula: null };
  if (typeof input === 'number') return { value: Number.isFinite(input) ? input : '#NUM!', formula: null };
  if (typeof input === 'boolean') return { value: input, formula: null };
  const text = typeof input === 'string' ? input : String(input);
  if (format === '@') return { value: text, formula: null };
  if (text.startsWith("'")) return { value: text.slice(1), formula: null };
  if (text.startsWith('=') && text.length > 1) return { value: '', formula: text };
  const trimmed = text.trim();
  if (NUMBER.test(trimmed)) return { value: Number(trimmed.replace(',', '.')), formula: null };
  if (/^(true|false|истина|ложь)$/i.test(trimmed))
    return { value: /^(true|истина)$/i.test(trimmed), formula: null };
  if (PERCENT.test(trimmed))
    return { value: Number(trimmed.slice(0, -1).replace(',', '.')) / 100, formula: null };
  const time = TIME.exec(trimmed);
  if (time && Number(time[1]) < 24 && Number(time[2]) < 60) {
    // A time of day is a date-time on Sheets' day zero, 30.12.1899, in the spreadsheet's zone.
    const wall = Date.UTC(1899, 11, 30, Number(time[1]), Number(time[2]), Number(time[3] ?? 0));
    return { value: new Date(wall - zoneOffsetMinutes(wall) * 60_000), formula: null };
  }
  const ru = RU_DATE.exec(trimmed);
  const iso = ISO_DATE.exec(trimmed);
  const parts = ru
    ? [ru[3], ru[2], ru[1], ru[4], ru[5], ru[6]]
    : iso
      ? [iso[1], iso[2], iso[3], iso[4], iso[5], iso[6]]
      : null;
  if (parts) {
    const [y, mo, d, h, mi, s] = parts.map((p) => Number(p ?? 0));
    if (mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && h < 24 && mi < 60 && s < 60) {
      const wall = Date.UTC(y, mo - 1, d, h, mi, s);
      return { value: new Date(wall - zoneOffsetMinutes(wall) * 60_000), formula: null };
    }
  }
  return { value: text, formula: null };
}

// Building a DateTimeFormat costs far more than formatting with it; a workbook asks per date cell.
const wallClocks = new Map<string, Intl.DateTimeFormat>();
function wallClock(timeZone: string): Intl.DateTimeFormat {
  let format = wallClocks.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    wallClocks.set(timeZone, format);
  }
  return format;
}

const HOUR_MS = 3_600_000;
// A zone's offset changes at its transitions, never twice within an hour: an hour whose first and
// last seconds agree has that offset throughout and is kept (null: a transition inside, asked per
// instant). Formatting to parts is the cost of every date a workbook formats or converts.
const hourOffsets = new Map<string, Map<number, number | null>>();

/** Minutes east of UTC of a time zone at an instant (Europe/Moscow: +180). */
export function zoneOffsetMinutes(timeZone: string, at: number): number {
  let hours = hourOffsets.get(timeZone);
  if (!hours) {
    hours = new Map();
    hourOffsets.set(timeZone, hours);
  }
  const hour = Math.floor(at / HOUR_MS);
  let offset = hours.get(hour);
  if (offset === undefined) {
    const first = offsetAt(timeZone, hour * HOUR_MS);
    offset = first === offsetAt(timeZone, hour * HOUR_MS + HOUR_MS - 1000) ? first : null;
    if (hours.size >= 100_000) hours.clear();
    hours.set(hour, offset);
  }
  return offset ?? offsetAt(timeZone, at);
}

function offsetAt(timeZone: string, at: number): number {
  const parts = wallClock(timeZone).formatToParts(new Date(at));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((wall - Math.floor(at / 1000) * 1000) / 60_000);
}

/** "B3" → {row: 2, column: 1} (0-based); "B3:D10", "A:C", "2:5", "A1" as boxes (1-based sizes). */
export function parseA1(
  a1: string,
  sheetLastRow: number,
  sheetMaxRows: number,
  sheetMaxColumns: number,
): Box | null {
  const m = /^\$?([A-Z]*)\$?(\d*)(?::\$?([A-Z]*)\$?(\d*))?$/i.exec(a1.trim());
  if (!m) return null;
  const [, c1, r1, c2, r2] = m;
  const colNum = (s: string) => [...s.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  if (!c1 && !r1) return null;
  const startCol = c1 ? colNum(c1) : 1;
  const startRow = r1 ? Number(r1) : 1;
  const single = c2 === undefined && r2 === undefined;
  const endCol = single
    ? c1
      ? startCol
      : sheetMaxColumns
    : c2
      ? colNum(c2)
      : r1 && !c1
        ? sheetMaxColumns
        : startCol;
  const endRow = single
    ? r1
      ? startRow
      : Math.max(sheetMaxRows, sheetLastRow)
    : r2
      ? Number(r2)
      : sheetMaxRows;
  return {
    row: Math.min(startRow, endRow),
    column: Math.min(startCol, endCol),
    numRows: Math.abs(endRow - startRow) + 1,
    numColumns: Math.abs(endCol - startCol) + 1,
  };
}

export function columnLetter(column: number): string {
  let n = column;
  let s = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function a1(box: Box): string {
  const start = `${columnLetter(box.column)}${box.row}`;
  if (box.numRows === 1 && box.numColumns === 1) return start;
  return `${start}:${columnLetter(box.column + box.numColumns - 1)}${box.row + box.numRows - 1}`;
}
