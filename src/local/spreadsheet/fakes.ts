// SpreadsheetApp, Spreadsheet, Sheet, Range and the embedded-chart builder over SpreadsheetStore.
// Facades hold ids only and look the model up on every call, so a reload never leaves them stale.
import { isDate, type ServiceContext } from '../context';
import { recordShownHtml } from '../html/htmlService';
import type { Implements, ServiceDefinition } from '../services';
import {
  a1,
  type Box,
  type Cell,
  type ChartModel,
  cellAt,
  findSheet,
  interpretInput,
  lastColumn,
  lastRow,
  parseA1,
  type SheetModel,
  type SheetOp,
  type SpreadsheetModel,
  zoneOffsetMinutes,
} from './model';
import { SpreadsheetStore } from './store';

const S = 'SpreadsheetApp';

export const MESSAGES = {
  outside: 'The coordinates of the range are outside the dimensions of the sheet.',
  rowTooSmall: 'The starting row of the range is too small.',
  columnTooSmall: 'The starting column of the range is too small.',
  rowsAtLeastOne: 'The number of rows in the range must be at least 1.',
  columnsAtLeastOne: 'The number of columns in the range must be at least 1.',
  rowsMismatch: (data: number, range: number) =>
    `The number of rows in the data does not match the number of rows in the range. The data has ${data} but the range has ${range}.`,
  columnsMismatch: (data: number, range: number) =>
    `The number of columns in the data does not match the number of columns in the range. The data has ${data} but the range has ${range}.`,
  sheetExists: (name: string) => `A sheet with the name "${name}" already exists. Please enter another name.`,
  openById: 'Unexpected error while getting the method or property openById on object SpreadsheetApp.',
  openByUrl: 'Unexpected error while getting the method or property openByUrl on object SpreadsheetApp.',
  badA1: 'Range not found',
  noActive: 'Cannot call SpreadsheetApp.getUi() from this context.',
  lastSheet: "You can't remove all the sheets in a document.",
  sheetDeleted: 'This sheet has been deleted.',
};

export function spreadsheetUrl(id: string): string {
  return `https://docs.google.com/spreadsheets/d/${id}/edit`;
}

/** Everything a facade needs: the context, the store and one book's id. */
class BookRef {
  constructor(
    readonly ctx: ServiceContext,
    readonly store: SpreadsheetStore,
    readonly id: string,
  ) {}

  model(): SpreadsheetModel {
    const m = this.store.model(this.id);
    if (!m) throw this.ctx.error(`Service Spreadsheets failed while accessing document with id ${this.id}.`);
    return m;
  }

  sheet(sheetId: number): SheetModel {
    const s = findSheet(this.model(), sheetId);
    if (!s) throw this.ctx.error(MESSAGES.sheetDeleted);
    return s;
  }

  apply(op: SheetOp): void {
    this.store.apply(this.id, op);
  }

  count(method: string): void {
    this.ctx.count(S, method, this.id);
  }

  /** Values handed to the script: Dates from its realm. */
  out(v: Cell): Cell {
    return typeof v === 'object' && isDate(v) ? this.ctx.date(v) : v;
  }

  offset(at: number): number {
    return zoneOffsetMinutes(this.model().timeZone, at);
  }
}

type RangeMember =
  | 'getValues'
  | 'getValue'
  | 'setValues'
  | 'setValue'
  | 'getDisplayValues'
  | 'getDisplayValue'
  | 'getFormulas'
  | 'getFormula'
  | 'setFormula'
  | 'getRow'
  | 'getColumn'
  | 'getNumRows'
  | 'getNumColumns'
  | 'getLastRow'
  | 'getLastColumn'
  | 'getA1Notation'
  | 'getSheet'
  | 'getCell'
  | 'offset'
  | 'setNumberFormat'
  | 'setNumberFormats'
  | 'getNumberFormat'
  | 'getNumberFormats'
  | 'clear'
  | 'clearContent'
  | 'clearFormat'
  | 'setFontWeight'
  | 'setBackground'
  | 'setFontColor'
  | 'setWrap'
  | 'setHorizontalAlignment'
  | 'setVerticalAlignment'
  | 'setNote'
  | 'protect';

export class FakeRange implements Implements<GoogleAppsScript.Spreadsheet.Range, RangeMember> {
  constructor(
    private readonly book: BookRef,
    private readonly sheetId: number,
    private readonly box: Box,
  ) {}

  private model(): SheetModel {
    return this.book.sheet(this.sheetId);
  }

  private cells<T>(read: (sheet: SheetModel, r: number, c: number) => T): T[][] {
    const sheet = this.model();
    const out: T[][] = [];
    for (let i = 0; i < this.box.numRows; i++) {
      const row: T[] = [];
      for (let j = 0; j < this.box.numColumns; j++)
        row.push(read(sheet, this.box.row - 1 + i, this.box.column - 1 + j));
      out.push(row);
    }
    return out;
  }

  getValues(): Cell[][] {
    this.book.count('Range.getValues');
    // The most frequent call (whole sheets, every execution): straight over the stored rows.
    const values = this.model().values;
    const { row, column, numRows, numColumns } = this.box;
    const out: Cell[][] = new Array(numRows);
    for (let i = 0; i < numRows; i++) {
      const stored = values[row - 1 + i] ?? [];
      const line = stored.slice(column - 1, column - 1 + numColumns);
      for (let j = 0; j < numColumns; j++) {
        const v = line[j];
        if (v === undefined || v === null) line[j] = '';
        else if (typeof v === 'object') line[j] = this.book.out(v);
      }
      out[i] = line;
    }
    return out;
  }

  getValue(): Cell {
    this.book.count('Range.getValue');
    return this.book.out(cellAt(this.model(), this.box.row - 1, this.box.column - 1));
  }

  getDisplayValues(): string[][] {
    this.book.count('Range.getDisplayValues');
    return this.cells((s, r, c) => this.display(cellAt(s, r, c)));
  }

  getDisplayValue(): string {
    this.book.count('Range.getDisplayValue');
    return this.display(cellAt(this.model(), this.box.row - 1, this.box.column - 1));
  }

  private display(v: Cell): string {
    if (isDate(v)) {
      const local = new Date(v.getTime() + this.book.offset(v.getTime()) * 60_000);
      const p = (n: number) => String(n).padStart(2, '0');
      const date = `${p(local.getUTCDate())}.${p(local.getUTCMonth() + 1)}.${local.getUTCFullYear()}`;
      const time =
        local.getUTCHours() || local.getUTCMinutes()
          ? ` ${p(local.getUTCHours())}:${p(local.getUTCMinutes())}:${p(local.getUTCSeconds())}`
          : '';
      return date + time;
    }
    if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
    if (typeof v === 'number') return String(v).replace('.', ',');
    return v;
  }

  getFormulas(): string[][] {
    this.book.count('Range.getFormulas');
    return this.cells((s, r, c) => s.formulas[`${r}:${c}`] ?? '');
  }

  getFormula(): string {
    this.book.count('Range.getFormula');
    return this.model().formulas[`${this.box.row - 1}:${this.box.column - 1}`] ?? '';
  }

  setValues(values: unknown[][]): FakeRange {
    this.book.count('Range.setValues');
    if (!Array.isArray(values) || values.length !== this.box.numRows)
      throw this.book.ctx.error(
        MESSAGES.rowsMismatch(Array.isArray(values) ? values.length : 0, this.box.numRows),
      );
    for (const row of values) {
      const width = Array.isArray(row) ? row.length : 0;
      if (width !== this.box.numColumns)
        throw this.book.ctx.error(MESSAGES.columnsMismatch(width, this.box.numColumns));
    }
    this.write(values);
    return this;
  }

  setValue(value: unknown): FakeRange {
    this.book.count('Range.setValue');
    this.write(
      Array.from({ length: this.box.numRows }, () => new Array<unknown>(this.box.numColumns).fill(value)),
    );
    return this;
  }

  setFormula(formula: string): FakeRange {
    this.book.count('Range.setFormula');
    const text = formula.startsWith('=') ? formula : `=${formula}`;
    this.write(
      Array.from({ length: this.box.numRows }, () => new Array<unknown>(this.box.numColumns).fill(text)),
    );
    return this;
  }

  private write(values: unknown[][]): void {
    const sheet = this.model();
    const cells: Cell[][] = [];
    const formulas: (string | null)[][] = [];
    values.forEach((row, i) => {
      const vr: Cell[] = [];
      const fr: (string | null)[] = [];
      row.forEach((input, j) => {
        const format = sheet.formats[`${this.box.row - 1 + i}:${this.box.column - 1 + j}`];
        const parsed = interpretInput(input, format, (at) => this.book.offset(at));
        vr.push(parsed.value);
        fr.push(parsed.formula);
      });
      cells.push(vr);
      formulas.push(fr);
    });
    this.book.apply({
      op: 'setCells',
      sheetId: this.sheetId,
      row: this.box.row - 1,
      column: this.box.column - 1,
      values: cells,
      formulas,
    });
  }

  getRow(): number {
    return this.box.row;
  }

  getColumn(): number {
    return this.box.column;
  }

  getNumRows(): number {
    return this.box.numRows;
  }

  getNumColumns(): number {
    return this.box.numColumns;
  }

  getLastRow(): number {
    return this.box.row + this.box.numRows - 1;
  }

  getLastColumn(): number {
    return this.box.column + this.box.numColumns - 1;
  }

  getA1Notation(): string {
    return a1(this.box);
  }

  getSheet(): FakeSheet {
    return new FakeSheet(this.book, this.sheetId);
  }

  getCell(row: number, column: number): FakeRange {
    this.book.count('Range.getCell');
    if (row < 1 || column < 1 || row > this.box.numRows || column > this.box.numColumns)
      throw this.book.ctx.error(MESSAGES.outside);
    return new FakeRange(this.book, this.sheetId, {
      row: this.box.row + row - 1,
      column: this.box.column + column - 1,
      numRows: 1,
      numColumns: 1,
    });
  }

  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): FakeRange {
    this.book.count('Range.offset');
    return new FakeSheet(this.book, this.sheetId).rangeOf(
      this.box.row + rowOffset,
      this.box.column + columnOffset,
      numRows ?? this.box.numRows,
      numColumns ?? this.box.numColumns,
    );
  }

  setNumberFormat(numberFormat: string): FakeRange {
    this.book.count('Range.setNumberFormat');
    this.applyFormats(
      Array.from({ length: this.box.numRows }, () =>
        new Array<string>(this.box.numColumns).fill(numberFormat),
      ),
    );
    return this;
  }

  setNumberFormats(numberFormats: string[][]): FakeRange {
    this.book.count('Range.setNumberFormats');
    if (numberFormats.length !== this.box.numRows)
      throw this.book.ctx.error(MESSAGES.rowsMismatch(numberFormats.length, this.box.numRows));
    for (const row of numberFormats)
      if (row.length !== this.box.numColumns)
        throw this.book.ctx.error(MESSAGES.columnsMismatch(row.length, this.box.numColumns));
    this.applyFormats(numberFormats);
    return this;
  }

  private applyFormats(formats: string[][]): void {
    this.book.apply({
      op: 'setFormats',
      sheetId: this.sheetId,
      row: this.box.row - 1,
      column: this.box.column - 1,
      formats,
    });
  }

  getNumberFormat(): string {
    this.book.count('Range.getNumberFormat');
    return this.model().formats[`${this.box.row - 1}:${this.box.column - 1}`] ?? 'General';
  }

  getNumberFormats(): string[][] {
    this.book.count('Range.getNumberFormats');
    return this.cells((s, r, c) => s.formats[`${r}:${c}`] ?? 'General');
  }

  clear(): FakeRange {
    this.book.count('Range.clear');
    this.book.apply({
      op: 'clear',
      sheetId: this.sheetId,
      box: this.zeroBased(),
      contents: true,
      formats: true,
    });
    return this;
  }

  clearContent(): FakeRange {
    this.book.count('Range.clearContent');
    this.book.apply({
      op: 'clear',
      sheetId: this.sheetId,
      box: this.zeroBased(),
      contents: true,
      formats: false,
    });
    return this;
  }

  clearFormat(): FakeRange {
    this.book.count('Range.clearFormat');
    this.book.apply({
      op: 'clear',
      sheetId: this.sheetId,
      box: this.zeroBased(),
      contents: false,
      formats: true,
    });
    return this;
  }

  private zeroBased(): Box {
    return { ...this.box, row: this.box.row - 1, column: this.box.column - 1 };
  }

  // Cosmetic formatting is counted but not stored (see README).
  setFontWeight(_fontWeight: string | null): FakeRange {
    this.book.count('Range.setFontWeight');
    return this;
  }

  setBackground(_color: string | null): FakeRange {
    this.book.count('Range.setBackground');
    return this;
  }

  setFontColor(_color: string | null): FakeRange {
    this.book.count('Range.setFontColor');
    return this;
  }

  setWrap(_isWrapEnabled: boolean): FakeRange {
    this.book.count('Range.setWrap');
    return this;
  }

  setHorizontalAlignment(_alignment: string | null): FakeRange {
    this.book.count('Range.setHorizontalAlignment');
    return this;
  }

  setVerticalAlignment(_alignment: string | null): FakeRange {
    this.book.count('Range.setVerticalAlignment');
    return this;
  }

  setNote(_note: string | null): FakeRange {
    this.book.count('Range.setNote');
    return this;
  }

  protect(): FakeProtection {
    this.book.count('Range.protect');
    return FakeProtection.create(this.book, this.sheetId, this.zeroBased());
  }
}

export class FakeProtection
  implements
    Implements<
      GoogleAppsScript.Spreadsheet.Protection,
      | 'setDescription'
      | 'getDescription'
      | 'setWarningOnly'
      | 'isWarningOnly'
      | 'addEditor'
      | 'removeEditors'
      | 'remove'
    >
{
  private constructor(
    private readonly book: BookRef,
    private readonly sheetId: number,
    private readonly id: number,
  ) {}

  static create(book: BookRef, sheetId: number, range: Box | null): FakeProtection {
    const id = Math.floor(Math.random() * 1e9);
    book.apply({
      op: 'setProtection',
      sheetId,
      protection: { id, description: '', range, warningOnly: false, editors: [book.ctx.meta.curatorEmail] },
    });
    return new FakeProtection(book, sheetId, id);
  }

  static existing(book: BookRef, sheetId: number, id: number): FakeProtection {
    return new FakeProtection(book, sheetId, id);
  }

  private update(
    change: (p: { description: string; warningOnly: boolean; editors: string[] }) => void,
  ): FakeProtection {
    const current = this.book.sheet(this.sheetId).protections.find((p) => p.id === this.id);
    if (current) {
      const next = { ...current, editors: [...current.editors] };
      change(next);
      this.book.apply({ op: 'setProtection', sheetId: this.sheetId, protection: next });
    }
    return this;
  }

  setDescription(description: string): FakeProtection {
    this.book.count('Protection.setDescription');
    return this.update((p) => {
      p.description = description;
    });
  }

  getDescription(): string {
    return this.book.sheet(this.sheetId).protections.find((p) => p.id === this.id)?.description ?? '';
  }

  setWarningOnly(warningOnly: boolean): FakeProtection {
    this.book.count('Protection.setWarningOnly');
    return this.update((p) => {
      p.warningOnly = warningOnly;
    });
  }

  isWarningOnly(): boolean {
    return this.book.sheet(this.sheetId).protections.find((p) => p.id === this.id)?.warningOnly ?? false;
  }

  addEditor(user: string | GoogleAppsScript.Base.User): FakeProtection {
    this.book.count('Protection.addEditor');
    const email = typeof user === 'string' ? user : user.getEmail();
    return this.update((p) => {
      if (!p.editors.includes(email)) p.editors.push(email);
    });
  }

  removeEditors(users: ReadonlyArray<string | GoogleAppsScript.Base.User>): FakeProtection {
    this.book.count('Protection.removeEditors');
    const emails = users.map((u) => (typeof u === 'string' ? u : u.getEmail()));
    return this.update((p) => {
      p.editors = p.editors.filter((e) => !emails.includes(e) || e === this.book.ctx.meta.curatorEmail);
    });
  }

  remove(): void {
    this.book.count('Protection.remove');
    this.book.apply({ op: 'removeProtection', sheetId: this.sheetId, id: this.id });
  }
}

type SheetMember =
  | 'getName'
  | 'setName'
  | 'getSheetId'
  | 'getIndex'
  | 'getRange'
  | 'getDataRange'
  | 'getLastRow'
  | 'getLastColumn'
  | 'getMaxRows'
  | 'getMaxColumns'
  | 'appendRow'
  | 'setFrozenRows'
  | 'getFrozenRows'
  | 'setFrozenColumns'
  | 'getFrozenColumns'
  | 'insertRowsAfter'
  | 'insertRowsBefore'
  | 'insertColumnsAfter'
  | 'deleteRows'
  | 'deleteRow'
  | 'deleteColumns'
  | 'clear'
  | 'clearContents'
  | 'getParent'
  | 'newChart'
  | 'insertChart'
  | 'getCharts'
  | 'removeChart'
  | 'setColumnWidth'
  | 'autoResizeColumns'
  | 'hideSheet'
  | 'showSheet'
  | 'activate'
  | 'protect'
  | 'addDeveloperMetadata'
  | 'getDeveloperMetadata';

export class FakeSheet implements Implements<GoogleAppsScript.Spreadsheet.Sheet, SheetMember> {
  constructor(
    private readonly book: BookRef,
    private readonly sheetId: number,
  ) {}

  private model(): SheetModel {
    return this.book.sheet(this.sheetId);
  }

  getName(): string {
    this.book.count('Sheet.getName');
    return this.model().name;
  }

  setName(name: string): FakeSheet {
    this.book.count('Sheet.setName');
    const taken = this.book.model().sheets.some((s) => s.name === name && s.sheetId !== this.sheetId);
    if (taken) throw this.book.ctx.error(MESSAGES.sheetExists(name));
    this.book.apply({ op: 'renameSheet', sheetId: this.sheetId, name });
    return this;
  }

  getSheetId(): number {
    return this.sheetId;
  }

  getIndex(): number {
    return this.book.model().sheets.findIndex((s) => s.sheetId === this.sheetId) + 1;
  }

  /** Range checks shared by getRange and offset, with Apps Script's messages. */
  rangeOf(row: number, column: number, numRows = 1, numColumns = 1): FakeRange {
    const sheet = this.model();
    const error = (m: string) => this.book.ctx.error(m);
    if (!Number.isInteger(row) || row < 1) throw error(MESSAGES.rowTooSmall);
    if (!Number.isInteger(column) || column < 1) throw error(MESSAGES.columnTooSmall);
    if (numRows < 1) throw error(MESSAGES.rowsAtLeastOne);
    if (numColumns < 1) throw error(MESSAGES.columnsAtLeastOne);
    if (row + numRows - 1 > sheet.maxRows || column + numColumns - 1 > sheet.maxColumns)
      throw error(MESSAGES.outside);
    return new FakeRange(this.book, this.sheetId, { row, column, numRows, numColumns });
  }

  getRange(rowOrA1: number | string, column?: number, numRows?: number, numColumns?: number): FakeRange {
    this.book.count('Sheet.getRange');
    if (typeof rowOrA1 === 'string') {
      const sheet = this.model();
      const bang = rowOrA1.lastIndexOf('!');
      const box = parseA1(
        bang >= 0 ? rowOrA1.slice(bang + 1) : rowOrA1,
        lastRow(sheet),
        sheet.maxRows,
        sheet.maxColumns,
      );
      if (!box) throw this.book.ctx.error(MESSAGES.badA1);
      return this.rangeOf(box.row, box.column, box.numRows, box.numColumns);
    }
    return this.rangeOf(rowOrA1, column ?? 1, numRows ?? 1, numColumns ?? 1);
  }

  getDataRange(): FakeRange {
    this.book.count('Sheet.getDataRange');
    const sheet = this.model();
    return new FakeRange(this.book, this.sheetId, {
      row: 1,
      column: 1,
      numRows: Math.max(1, lastRow(sheet)),
      numColumns: Math.max(1, lastColumn(sheet)),
    });
  }

  getLastRow(): number {
    this.book.count('Sheet.getLastRow');
    return lastRow(this.model());
  }

  getLastColumn(): number {
    this.book.count('Sheet.getLastColumn');
    return lastColumn(this.model());
  }

  getMaxRows(): number {
    this.book.count('Sheet.getMaxRows');
    return this.model().maxRows;
  }

  getMaxColumns(): number {
    this.book.count('Sheet.getMaxColumns');
    return this.model().maxColumns;
  }

  appendRow(rowContents: unknown[]): FakeSheet {
    this.book.count('Sheet.appendRow');
    const sheet = this.model();
    const row = lastRow(sheet);
    const values: Cell[] = [];
    const formulas: (string | null)[] = [];
    rowContents.forEach((input, j) => {
      const parsed = interpretInput(input, sheet.formats[`${row}:${j}`], (at) => this.book.offset(at));
      values.push(parsed.value);
      formulas.push(parsed.formula);
    });
    this.book.apply({ op: 'appendRow', sheetId: this.sheetId, values, formulas });
    return this;
  }

  setFrozenRows(rows: number): void {
    this.book.count('Sheet.setFrozenRows');
    this.book.apply({ op: 'setFrozen', sheetId: this.sheetId, rows });
  }

  getFrozenRows(): number {
    this.book.count('Sheet.getFrozenRows');
    return this.model().frozenRows;
  }

  setFrozenColumns(columns: number): void {
    this.book.count('Sheet.setFrozenColumns');
    this.book.apply({ op: 'setFrozen', sheetId: this.sheetId, columns });
  }

  getFrozenColumns(): number {
    this.book.count('Sheet.getFrozenColumns');
    return this.model().frozenColumns;
  }

  insertRowsAfter(afterPosition: number, howMany: number): FakeSheet {
    this.book.count('Sheet.insertRowsAfter');
    this.book.apply({ op: 'insertRows', sheetId: this.sheetId, before: afterPosition, count: howMany });
    return this;
  }

  insertRowsBefore(beforePosition: number, howMany: number): FakeSheet {
    this.book.count('Sheet.insertRowsBefore');
    this.book.apply({ op: 'insertRows', sheetId: this.sheetId, before: beforePosition - 1, count: howMany });
    return this;
  }

  insertColumnsAfter(afterPosition: number, howMany: number): FakeSheet {
    this.book.count('Sheet.insertColumnsAfter');
    this.book.apply({ op: 'insertColumns', sheetId: this.sheetId, before: afterPosition, count: howMany });
    return this;
  }

  deleteRows(rowPosition: number, howMany: number): void {
    this.book.count('Sheet.deleteRows');
    if (rowPosition < 1 || rowPosition + howMany - 1 > this.model().maxRows)
      throw this.book.ctx.error(MESSAGES.outside);
    this.book.apply({ op: 'deleteRows', sheetId: this.sheetId, row: rowPosition - 1, count: howMany });
  }

  deleteRow(rowPosition: number): FakeSheet {
    this.deleteRows(rowPosition, 1);
    return this;
  }

  deleteColumns(columnPosition: number, howMany: number): void {
    this.book.count('Sheet.deleteColumns');
    this.book.apply({
      op: 'deleteColumns',
      sheetId: this.sheetId,
      column: columnPosition - 1,
      count: howMany,
    });
  }

  clear(): FakeSheet {
    this.book.count('Sheet.clear');
    return this.clearAll(true);
  }

  clearContents(): FakeSheet {
    this.book.count('Sheet.clearContents');
    return this.clearAll(false);
  }

  private clearAll(formats: boolean): FakeSheet {
    const m = this.model();
    this.book.apply({
      op: 'clear',
      sheetId: this.sheetId,
      box: { row: 0, column: 0, numRows: m.maxRows, numColumns: m.maxColumns },
      contents: true,
      formats,
    });
    return this;
  }

  getParent(): FakeSpreadsheet {
    return new FakeSpreadsheet(this.book);
  }

  newChart(): FakeChartBuilder {
    this.book.count('Sheet.newChart');
    return new FakeChartBuilder(this.book, this.sheetId);
  }

  insertChart(chart: unknown): void {
    this.book.count('Sheet.insertChart');
    if (!(chart instanceof FakeEmbeddedChart)) throw this.book.ctx.error('Invalid argument: chart');
    this.book.apply({ op: 'addChart', sheetId: this.sheetId, chart: chart.data });
  }

  getCharts(): FakeEmbeddedChart[] {
    this.book.count('Sheet.getCharts');
    return this.model().charts.map((c) => new FakeEmbeddedChart(c));
  }

  removeChart(chart: unknown): void {
    this.book.count('Sheet.removeChart');
    if (chart instanceof FakeEmbeddedChart)
      this.book.apply({ op: 'removeChart', sheetId: this.sheetId, chartId: chart.data.chartId });
  }

  setColumnWidth(_columnPosition: number, _width: number): FakeSheet {
    this.book.count('Sheet.setColumnWidth');
    return this;
  }

  autoResizeColumns(_startColumn: number, _numColumns: number): FakeSheet {
    this.book.count('Sheet.autoResizeColumns');
    return this;
  }

  hideSheet(): FakeSheet {
    this.book.count('Sheet.hideSheet');
    return this;
  }

  showSheet(): FakeSheet {
    this.book.count('Sheet.showSheet');
    return this;
  }

  activate(): FakeSheet {
    this.book.count('Sheet.activate');
    return this;
  }

  protect(): FakeProtection {
    this.book.count('Sheet.protect');
    return FakeProtection.create(this.book, this.sheetId, null);
  }

  getProtections(_type: unknown): FakeProtection[] {
    this.book.count('Sheet.getProtections');
    return this.model().protections.map((p) => FakeProtection.existing(this.book, this.sheetId, p.id));
  }

  addDeveloperMetadata(key: string, value?: string): FakeSheet {
    this.book.count('Sheet.addDeveloperMetadata');
    this.book.apply({
      op: 'addMetadata',
      sheetId: this.sheetId,
      entry: { id: Math.floor(Math.random() * 1e9), key, value: value ?? null, visibility: 'DOCUMENT' },
    });
    return this;
  }

  getDeveloperMetadata(): FakeDeveloperMetadata[] {
    this.book.count('Sheet.getDeveloperMetadata');
    return this.model().metadata.map((m) => new FakeDeveloperMetadata(this.book, m.id, m.key, m.value));
  }
}

export class FakeDeveloperMetadata
  implements
    Implements<GoogleAppsScript.Spreadsheet.DeveloperMetadata, 'getId' | 'getKey' | 'getValue' | 'remove'>
{
  constructor(
    private readonly book: BookRef,
    private readonly id: number,
    private readonly key: string,
    private readonly value: string | null,
  ) {}

  getId(): number {
    return this.id;
  }

  getKey(): string {
    return this.key;
  }

  getValue(): string | null {
    return this.value;
  }

  remove(): void {
    this.book.count('DeveloperMetadata.remove');
    this.book.apply({ op: 'removeMetadata', id: this.id });
  }
}

export class FakeEmbeddedChart
  implements Implements<GoogleAppsScript.Spreadsheet.EmbeddedChart, 'getChartId' | 'getOptions' | 'getRanges'>
{
  constructor(readonly data: ChartModel) {}

  getChartId(): number {
    return this.data.chartId;
  }

  getOptions(): { get(option: string): unknown } {
    const options = this.data.options;
    return { get: (option: string) => options[option] ?? null };
  }

  getRanges(): object[] {
    return this.data.ranges.map((r) => ({ ...r }));
  }

  getType(): string {
    return this.data.type;
  }
}

export class FakeChartBuilder
  implements
    Implements<
      GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder,
      'setChartType' | 'addRange' | 'setPosition' | 'setOption' | 'build'
    >
{
  private readonly chart: ChartModel = {
    chartId: Math.floor(Math.random() * 1e9),
    type: 'LINE',
    ranges: [],
    position: { row: 1, column: 1, offsetX: 0, offsetY: 0 },
    options: {},
  };

  constructor(
    private readonly book: BookRef,
    private readonly sheetId: number,
  ) {}

  setChartType(type: GoogleAppsScript.Charts.ChartType): FakeChartBuilder {
    this.chart.type = String(type);
    return this;
  }

  addRange(range: GoogleAppsScript.Spreadsheet.Range): FakeChartBuilder {
    this.chart.ranges.push({
      sheetId: range.getSheet().getSheetId(),
      row: range.getRow(),
      column: range.getColumn(),
      numRows: range.getNumRows(),
      numColumns: range.getNumColumns(),
    });
    return this;
  }

  setPosition(
    anchorRowPos: number,
    anchorColPos: number,
    offsetX: number,
    offsetY: number,
  ): FakeChartBuilder {
    this.chart.position = { row: anchorRowPos, column: anchorColPos, offsetX, offsetY };
    return this;
  }

  setOption(option: string, value: unknown): FakeChartBuilder {
    // The script's Date is of its own realm; state files keep this realm's (see writeJson).
    this.chart.options[option] = isDate(value) ? new Date(value.getTime()) : value;
    return this;
  }

  asColumnChart(): FakeChartBuilder {
    this.chart.type = 'COLUMN';
    return this;
  }

  asBarChart(): FakeChartBuilder {
    this.chart.type = 'BAR';
    return this;
  }

  asPieChart(): FakeChartBuilder {
    this.chart.type = 'PIE';
    return this;
  }

  asLineChart(): FakeChartBuilder {
    this.chart.type = 'LINE';
    return this;
  }

  build(): FakeEmbeddedChart {
    this.book.count('EmbeddedChartBuilder.build');
    return new FakeEmbeddedChart({
      ...this.chart,
      ranges: [...this.chart.ranges],
      options: { ...this.chart.options },
    });
  }

  get sheet(): number {
    return this.sheetId;
  }
}

type SpreadsheetMember =
  | 'getId'
  | 'getUrl'
  | 'getName'
  | 'rename'
  | 'getSheets'
  | 'getSheetByName'
  | 'insertSheet'
  | 'deleteSheet'
  | 'getSheetById'
  | 'getActiveSheet'
  | 'toast'
  | 'getSpreadsheetTimeZone'
  | 'getSpreadsheetLocale'
  | 'getRange'
  | 'getDeveloperMetadata'
  | 'addDeveloperMetadata'
  | 'getFormUrl';

export class FakeSpreadsheet
  implements Implements<GoogleAppsScript.Spreadsheet.Spreadsheet, SpreadsheetMember>
{
  constructor(private readonly book: BookRef) {}

  getId(): string {
    this.book.count('Spreadsheet.getId');
    return this.book.id;
  }

  getUrl(): string {
    this.book.count('Spreadsheet.getUrl');
    return spreadsheetUrl(this.book.id);
  }

  getName(): string {
    this.book.count('Spreadsheet.getName');
    return this.book.model().name;
  }

  rename(newName: string): void {
    this.book.count('Spreadsheet.rename');
    this.book.apply({ op: 'renameSpreadsheet', name: newName });
  }

  getSheets(): FakeSheet[] {
    this.book.count('Spreadsheet.getSheets');
    return this.book.model().sheets.map((s) => new FakeSheet(this.book, s.sheetId));
  }

  getSheetByName(name: string): FakeSheet | null {
    this.book.count('Spreadsheet.getSheetByName');
    const found = this.book.model().sheets.find((s) => s.name === name);
    return found ? new FakeSheet(this.book, found.sheetId) : null;
  }

  getSheetById(id: number): FakeSheet | null {
    this.book.count('Spreadsheet.getSheetById');
    const found = findSheet(this.book.model(), id);
    return found ? new FakeSheet(this.book, found.sheetId) : null;
  }

  getActiveSheet(): FakeSheet {
    this.book.count('Spreadsheet.getActiveSheet');
    return new FakeSheet(this.book, this.book.model().sheets[0].sheetId);
  }

  insertSheet(
    sheetNameOrIndex?: string | number | object,
    index?: number | object,
    _options?: object,
  ): FakeSheet {
    this.book.count('Spreadsheet.insertSheet');
    const model = this.book.model();
    let name = typeof sheetNameOrIndex === 'string' ? sheetNameOrIndex : '';
    if (!name) {
      for (let n = model.sheets.length + 1; ; n++) {
        if (!model.sheets.some((s) => s.name === `Лист${n}`)) {
          name = `Лист${n}`;
          break;
        }
      }
    }
    if (model.sheets.some((s) => s.name === name)) throw this.book.ctx.error(MESSAGES.sheetExists(name));
    const at =
      typeof sheetNameOrIndex === 'number'
        ? sheetNameOrIndex
        : typeof index === 'number'
          ? index
          : model.sheets.length;
    const sheetId = 1 + Math.floor(Math.random() * 2_000_000_000);
    this.book.apply({ op: 'insertSheet', sheetId, name, index: at });
    return new FakeSheet(this.book, sheetId);
  }

  deleteSheet(sheet: GoogleAppsScript.Spreadsheet.Sheet): void {
    this.book.count('Spreadsheet.deleteSheet');
    if (this.book.model().sheets.length <= 1) throw this.book.ctx.error(MESSAGES.lastSheet);
    this.book.apply({ op: 'deleteSheet', sheetId: sheet.getSheetId() });
  }

  toast(msg: string, title?: string, _timeoutSeconds?: number | null): void {
    this.book.count('Spreadsheet.toast');
    this.book.ctx.ui({ kind: 'toast', title: title ?? '', text: msg });
  }

  getSpreadsheetTimeZone(): string {
    return this.book.model().timeZone;
  }

  getSpreadsheetLocale(): string {
    return this.book.model().locale;
  }

  getRange(a1Notation: string): FakeRange {
    this.book.count('Spreadsheet.getRange');
    const bang = a1Notation.lastIndexOf('!');
    const sheetName = bang >= 0 ? a1Notation.slice(0, bang).replace(/^'(.*)'$/, '$1') : undefined;
    const model = this.book.model();
    const sheet = sheetName ? model.sheets.find((s) => s.name === sheetName) : model.sheets[0];
    if (!sheet) throw this.book.ctx.error(MESSAGES.badA1);
    return new FakeSheet(this.book, sheet.sheetId).getRange(
      bang >= 0 ? a1Notation.slice(bang + 1) : a1Notation,
    );
  }

  addDeveloperMetadata(key: string, value?: string): FakeSpreadsheet {
    this.book.count('Spreadsheet.addDeveloperMetadata');
    this.book.apply({
      op: 'addMetadata',
      sheetId: null,
      entry: { id: Math.floor(Math.random() * 1e9), key, value: value ?? null, visibility: 'DOCUMENT' },
    });
    return this;
  }

  getDeveloperMetadata(): FakeDeveloperMetadata[] {
    this.book.count('Spreadsheet.getDeveloperMetadata');
    return this.book.model().metadata.map((m) => new FakeDeveloperMetadata(this.book, m.id, m.key, m.value));
  }

  getFormUrl(): string | null {
    return null;
  }
}

export interface UiButtonSet {
  OK: string;
  OK_CANCEL: string;
  YES_NO: string;
  YES_NO_CANCEL: string;
}

class FakeMenu implements Implements<GoogleAppsScript.Base.Menu, 'addItem' | 'addSeparator' | 'addToUi'> {
  private readonly items: Array<{ caption: string; functionName: string }> = [];

  constructor(
    private readonly ctx: ServiceContext,
    private readonly title: string,
  ) {}

  addItem(caption: string, functionName: string): FakeMenu {
    this.items.push({ caption, functionName });
    return this;
  }

  addSeparator(): FakeMenu {
    return this;
  }

  addToUi(): void {
    this.ctx.count('Ui', 'addToUi');
    this.ctx.ui({ kind: 'menu', title: this.title, items: [...this.items] });
  }
}

/** Ui of the bound workbook: menus and alerts are recorded in lastRun.ui; dialogs go to HtmlService's server. */
export class FakeUi
  implements
    Implements<
      GoogleAppsScript.Base.Ui,
      'createMenu' | 'alert' | 'showSidebar' | 'showModalDialog' | 'showModelessDialog'
    >
{
  readonly ButtonSet = { OK: 'OK', OK_CANCEL: 'OK_CANCEL', YES_NO: 'YES_NO', YES_NO_CANCEL: 'YES_NO_CANCEL' };
  readonly Button = { OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO', CLOSE: 'CLOSE' };

  constructor(private readonly ctx: ServiceContext) {}

  createMenu(caption: string): FakeMenu {
    return new FakeMenu(this.ctx, caption);
  }

  /** No one is there to click: answers OK (or YES), as a curator who agrees would. */
  alert(titleOrPrompt: string, promptOrButtons?: unknown, buttons?: unknown): GoogleAppsScript.Base.Button {
    this.ctx.count('Ui', 'alert');
    const hasTitle = typeof promptOrButtons === 'string';
    this.ctx.ui({
      kind: 'alert',
      title: hasTitle ? titleOrPrompt : '',
      text: hasTitle ? String(promptOrButtons) : titleOrPrompt,
    });
    const set = String(hasTitle ? buttons : promptOrButtons);
    return (set.startsWith('YES') ? 'YES' : 'OK') as unknown as GoogleAppsScript.Base.Button;
  }

  showSidebar(userInterface: object): void {
    this.ctx.count('Ui', 'showSidebar');
    this.ctx.ui({ kind: 'sidebar', title: titleOf(userInterface), output: userInterface });
    recordShownHtml(this.ctx, 'sidebar', titleOf(userInterface), userInterface);
  }

  showModalDialog(userInterface: object, title: string): void {
    this.ctx.count('Ui', 'showModalDialog');
    this.ctx.ui({ kind: 'dialog', title, output: userInterface });
    recordShownHtml(this.ctx, 'dialog', title, userInterface);
  }

  showModelessDialog(userInterface: object, title: string): void {
    this.ctx.count('Ui', 'showModelessDialog');
    this.ctx.ui({ kind: 'dialog', title, output: userInterface });
    recordShownHtml(this.ctx, 'dialog', title, userInterface);
  }
}

function titleOf(output: object): string {
  const getTitle = (output as { getTitle?: () => unknown }).getTitle;
  return typeof getTitle === 'function' ? String(getTitle.call(output)) : '';
}

export class FakeSpreadsheetApp
  implements
    Implements<
      GoogleAppsScript.Spreadsheet.SpreadsheetApp,
      'getActive' | 'getActiveSpreadsheet' | 'openById' | 'openByUrl' | 'create' | 'flush' | 'getUi'
    >
{
  readonly ProtectionType = { RANGE: 'RANGE', SHEET: 'SHEET' };
  readonly DeveloperMetadataVisibility = { DOCUMENT: 'DOCUMENT', PROJECT: 'PROJECT' };
  readonly WrapStrategy = { WRAP: 'WRAP', OVERFLOW: 'OVERFLOW', CLIP: 'CLIP' };
  private readonly store: SpreadsheetStore;

  constructor(private readonly ctx: ServiceContext) {
    this.store = SpreadsheetStore.of(ctx);
  }

  private open(id: string, message: string): FakeSpreadsheet {
    if (!this.store.exists(id)) throw this.ctx.error(message);
    return new FakeSpreadsheet(new BookRef(this.ctx, this.store, id));
  }

  getActive(): FakeSpreadsheet {
    this.ctx.count(S, 'getActive', this.ctx.meta.boundSpreadsheetId);
    return this.open(this.ctx.meta.boundSpreadsheetId, MESSAGES.openById);
  }

  getActiveSpreadsheet(): FakeSpreadsheet {
    this.ctx.count(S, 'getActiveSpreadsheet', this.ctx.meta.boundSpreadsheetId);
    return this.open(this.ctx.meta.boundSpreadsheetId, MESSAGES.openById);
  }

  openById(id: string): FakeSpreadsheet {
    this.ctx.count(S, 'openById', id);
    return this.open(id, MESSAGES.openById);
  }

  openByUrl(url: string): FakeSpreadsheet {
    this.ctx.count(S, 'openByUrl');
    const m = /\/spreadsheets\/d\/([A-Za-z0-9_-]+)/.exec(url);
    return this.open(m ? m[1] : '', MESSAGES.openByUrl);
  }

  create(name: string, _rows?: number, _columns?: number): FakeSpreadsheet {
    this.ctx.count(S, 'create');
    const model = this.store.create(name, this.ctx.timeZone);
    return new FakeSpreadsheet(new BookRef(this.ctx, this.store, model.id));
  }

  flush(): void {
    this.ctx.count(S, 'flush');
    this.ctx.persistAll();
  }

  getUi(): FakeUi {
    this.ctx.count(S, 'getUi');
    return new FakeUi(this.ctx);
  }
}

export function spreadsheetOf(ctx: ServiceContext, id: string): FakeSpreadsheet {
  return new FakeSpreadsheet(new BookRef(ctx, SpreadsheetStore.of(ctx), id));
}

const CHART_TYPES = [
  'AREA',
  'BAR',
  'BUBBLE',
  'CANDLESTICK',
  'COLUMN',
  'COMBO',
  'GAUGE',
  'GEO',
  'HISTOGRAM',
  'LINE',
  'ORG',
  'PIE',
  'SCATTER',
  'SPARKLINE',
  'STEPPED_AREA',
  'TABLE',
  'TIMELINE',
  'TREEMAP',
  'WATERFALL',
];

export const spreadsheetService: ServiceDefinition = {
  name: 'SpreadsheetApp, Charts',
  globals: (ctx) => ({
    SpreadsheetApp: new FakeSpreadsheetApp(ctx),
    Charts: { ChartType: Object.fromEntries(CHART_TYPES.map((t) => [t, t])) },
  }),
};
