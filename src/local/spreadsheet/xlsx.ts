// The .xlsx mirror of a spreadsheet (exceljs): what a curator opens in LibreOffice or Excel, and
// what is imported back when the curator edited it by hand. Dates are written as the spreadsheet's
// local wall time (xlsx has no time zones).
import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import type ExcelJS from 'exceljs';
import { isDate } from '../jsonDates';
import { readJson, writeJson } from '../jsonFiles';
import {
  type Box,
  type Cell,
  newSheet,
  type SheetModel,
  type SpreadsheetModel,
  zoneOffsetMinutes,
} from './model';
import { withCharts } from './xlsxCharts';

function toWall(d: Date, timeZone: string): Date {
  return new Date(d.getTime() + zoneOffsetMinutes(timeZone, d.getTime()) * 60_000);
}

function fromWall(d: Date, timeZone: string): Date {
  const guess = d.getTime() - zoneOffsetMinutes(timeZone, d.getTime()) * 60_000;
  return new Date(d.getTime() - zoneOffsetMinutes(timeZone, guess) * 60_000);
}

/** exceljs takes a second to load on a busy machine: only commands that write or read .xlsx pay for it. */
let loaded: typeof ExcelJS | undefined;
function excel(): typeof ExcelJS {
  loaded ??= require('exceljs') as typeof ExcelJS;
  return loaded;
}

export async function writeXlsx(model: SpreadsheetModel, path: string): Promise<void> {
  const wb = new (excel().Workbook)();
  wb.creator = 'nastavnik';
  wb.title = model.name;
  for (const sheet of model.sheets) {
    const ws = wb.addWorksheet(sheet.name.slice(0, 31), {
      views:
        sheet.frozenRows || sheet.frozenColumns
          ? [{ state: 'frozen', ySplit: sheet.frozenRows, xSplit: sheet.frozenColumns }]
          : [],
    });
    sheet.values.forEach((row, r) => {
      if (!row) return;
      row.forEach((v, c) => {
        const formula = sheet.formulas[`${r}:${c}`];
        if (v === '' && !formula) return;
        const cell = ws.getCell(r + 1, c + 1);
        if (formula) cell.value = { formula: formula.slice(1) };
        else if (isDate(v)) {
          const wall = toWall(v, model.timeZone);
          cell.value = wall;
          const hasTime = wall.getUTCHours() || wall.getUTCMinutes() || wall.getUTCSeconds();
          cell.numFmt = hasTime ? 'dd.mm.yyyy hh:mm:ss' : 'dd.mm.yyyy';
        } else cell.value = v;
        const format = sheet.formats[`${r}:${c}`];
        if (format) cell.numFmt = format;
      });
    });
    if (sheet.frozenRows > 0) ws.getRow(sheet.frozenRows).font = { bold: true };
    if (writeLook(ws, sheet))
      await ws.protect('', {
        selectLockedCells: true,
        selectUnlockedCells: true,
        formatColumns: true,
        formatRows: true,
        insertRows: true,
        sort: true,
        autoFilter: true,
      });
  }
  const buffer = await withCharts(Buffer.from(await wb.xlsx.writeBuffer()), model);
  const tmp = `${path}.${process.pid}.tmp.xlsx`;
  writeFileSync(tmp, buffer);
  renameSync(tmp, path);
  writeJson(`${path}.stamp.json`, { mtimeMs: statSync(path).mtimeMs });
}

const columnRef = (c: number): string => {
  let n = c + 1;
  let out = '';
  while (n > 0) {
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
};
const boxRef = (b: Box): string =>
  `${columnRef(b.column)}${b.row + 1}:${columnRef(b.column + b.numColumns - 1)}${b.row + b.numRows}`;

/** Sheets' pixels to Excel's character widths (about 7 px a character). */
const PX_PER_CHAR = 7;

/**
 * Widths, wrapping, hidden tabs, dropdowns and checkboxes, highlighting and protected ranges. xlsx has
 * no warning-only protection: the protected ranges' columns stay locked and the sheet is protected
 * without a password, so Excel refuses the edit that Sheets would only warn about. Returns whether the
 * sheet has protected ranges.
 */
function writeLook(ws: ExcelJS.Worksheet, sheet: SheetModel): boolean {
  const look = sheet.look;
  if (look) {
    for (const [c, px] of Object.entries(look.columnWidths))
      ws.getColumn(Number(c) + 1).width = px / PX_PER_CHAR;
    for (const c of look.wrapColumns) ws.getColumn(c + 1).alignment = { wrapText: true, vertical: 'top' };
    for (const c of look.hiddenColumns ?? []) ws.getColumn(c + 1).hidden = true;
    if (look.hidden) ws.state = 'hidden';
    for (const v of look.validations) {
      // exceljs writes validation per cell; a column-long rule covers the rows that exist plus a margin.
      const rows = Math.min(v.box.numRows, Math.max(lastRowOf(sheet) + 200 - v.box.row, 1));
      for (let r = v.box.row; r < v.box.row + rows; r++)
        for (let c = v.box.column; c < v.box.column + v.box.numColumns; c++)
          ws.getCell(r + 1, c + 1).dataValidation =
            v.kind === 'list'
              ? {
                  type: 'list',
                  allowBlank: true,
                  formulae: [`"${v.values.join(',')}"`],
                  showErrorMessage: !v.allowInvalid,
                }
              : {
                  type: 'list',
                  allowBlank: true,
                  formulae: ['"TRUE,FALSE"'],
                  showErrorMessage: !v.allowInvalid,
                };
    }
    for (const f of look.conditionalFormats)
      ws.addConditionalFormatting({
        ref: boxRef(f.box),
        rules: [
          {
            type: 'expression',
            priority: 1,
            formulae: [f.formula.replace(/^=/, '')],
            style: {
              fill: {
                type: 'pattern',
                pattern: 'solid',
                bgColor: { argb: `FF${f.background.replace('#', '').toUpperCase()}` },
              },
            },
          },
        ],
      });
  }
  // Cells are locked by default in xlsx and locking works once the sheet is protected: every column is
  // unlocked but the protected ranges' ones, and the sheet is protected (without a password).
  const ranged = sheet.protections.filter((p) => p.range !== null);
  if (ranged.length === 0) return false;
  const locked = new Set(
    ranged.flatMap((p) =>
      Array.from({ length: p.range?.numColumns ?? 0 }, (_, k) => (p.range?.column ?? 0) + k),
    ),
  );
  for (let c = 0; c < Math.max(lastColumnOf(sheet), 1); c++)
    if (!locked.has(c)) ws.getColumn(c + 1).protection = { locked: false };
  return true;
}

const lastColumnOf = (sheet: SheetModel): number => Math.max(0, ...sheet.values.map((r) => r?.length ?? 0));
const lastRowOf = (sheet: SheetModel): number => sheet.values.length;

/** True when the .xlsx was changed after we last wrote it (a curator edited it). */
export function editedByHand(path: string): boolean {
  let mtimeMs: number;
  try {
    mtimeMs = statSync(path).mtimeMs;
  } catch {
    return false;
  }
  const stamp = readJson<{ mtimeMs?: number }>(`${path}.stamp.json`, {});
  return stamp.mtimeMs === undefined || mtimeMs > stamp.mtimeMs + 1;
}

function cellOf(value: ExcelJS.CellValue, timeZone: string): { value: Cell; formula: string | null } {
  if (value === null || value === undefined) return { value: '', formula: null };
  if (value instanceof Date) return { value: fromWall(value, timeZone), formula: null };
  if (typeof value === 'object') {
    if ('formula' in value && value.formula) return { value: '', formula: `=${value.formula}` };
    if ('sharedFormula' in value) return { value: '', formula: null };
    if ('richText' in value) return { value: value.richText.map((t) => t.text).join(''), formula: null };
    if ('text' in value) return { value: String(value.text), formula: null };
    if ('error' in value) return { value: String(value.error), formula: null };
    return { value: '', formula: null };
  }
  return { value, formula: null };
}

/** Reads a hand-edited .xlsx over the model: values, formulas, frozen rows; ids, charts and metadata kept by sheet name. */
export async function readXlsx(previous: SpreadsheetModel, path: string): Promise<SpreadsheetModel> {
  const wb = new (excel().Workbook)();
  await wb.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
  const sheets: SheetModel[] = [];
  wb.eachSheet((ws) => {
    const old = previous.sheets.find((s) => s.name === ws.name);
    const sheet: SheetModel = old
      ? { ...old, values: [], formulas: {}, formats: {} }
      : newSheet(1 + Math.floor(Math.random() * 2_000_000_000), ws.name);
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      const values: Cell[] = [];
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        const parsed = cellOf(cell.value, previous.timeZone);
        while (values.length < c - 1) values.push('');
        values[c - 1] = parsed.value;
        if (parsed.formula) sheet.formulas[`${r - 1}:${c - 1}`] = parsed.formula;
        if (cell.numFmt === '@') sheet.formats[`${r - 1}:${c - 1}`] = '@';
      });
      sheet.values[r - 1] = values;
    });
    for (let r = 0; r < sheet.values.length; r++) sheet.values[r] ??= [];
    const view = (ws.views ?? [])[0];
    if (view) {
      sheet.frozenRows = view.state === 'frozen' ? (view.ySplit ?? 0) : 0;
      sheet.frozenColumns = view.state === 'frozen' ? (view.xSplit ?? 0) : 0;
    }
    sheet.maxRows = Math.max(sheet.maxRows, sheet.values.length);
    sheets.push(sheet);
  });
  return { ...previous, sheets };
}
