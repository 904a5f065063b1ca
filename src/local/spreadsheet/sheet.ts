// Sheet: ranges, rows and columns, frozen panes, protection, charts and developer metadata of one tab.
import type { Implements } from '../services';
import type { BookRef } from './bookRef';
import { FakeChartBuilder } from './chartBuilder';
import { FakeDeveloperMetadata } from './developerMetadata';
import { FakeEmbeddedChart } from './embeddedChart';
import type { FakeConditionalFormatRule } from './look';
import { MESSAGES } from './messages';
import { type Cell, emptyLook, interpretInput, lastColumn, lastRow, parseA1, type SheetModel } from './model';
import { FakeProtection } from './protection';
import { FakeRange } from './range';
import { FakeSpreadsheet } from './spreadsheet';

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
  | 'isSheetHidden'
  | 'hideColumns'
  | 'getColumnWidth'
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

  setColumnWidth(columnPosition: number, width: number): FakeSheet {
    this.book.count('Sheet.setColumnWidth');
    const widths = { ...(this.model().look ?? emptyLook()).columnWidths, [columnPosition - 1]: width };
    this.book.apply({ op: 'setLook', sheetId: this.sheetId, look: { columnWidths: widths } });
    return this;
  }

  getColumnWidth(columnPosition: number): number {
    this.book.count('Sheet.getColumnWidth');
    return (this.model().look ?? emptyLook()).columnWidths[columnPosition - 1] ?? 100;
  }

  setConditionalFormatRules(rules: FakeConditionalFormatRule[]): void {
    this.book.count('Sheet.setConditionalFormatRules');
    const conditionalFormats = rules.flatMap((r) => r.modelsFor(this.sheetId));
    this.book.apply({ op: 'setLook', sheetId: this.sheetId, look: { conditionalFormats } });
  }

  hideColumns(columnIndex: number, numColumns = 1): void {
    this.book.count('Sheet.hideColumns');
    const hidden = new Set((this.model().look ?? emptyLook()).hiddenColumns ?? []);
    for (let c = columnIndex - 1; c < columnIndex - 1 + numColumns; c++) hidden.add(c);
    this.book.apply({
      op: 'setLook',
      sheetId: this.sheetId,
      look: { hiddenColumns: [...hidden].sort((a, b) => a - b) },
    });
  }

  isSheetHidden(): boolean {
    this.book.count('Sheet.isSheetHidden');
    return (this.model().look ?? emptyLook()).hidden;
  }

  autoResizeColumns(_startColumn: number, _numColumns: number): FakeSheet {
    this.book.count('Sheet.autoResizeColumns');
    return this;
  }

  hideSheet(): FakeSheet {
    this.book.count('Sheet.hideSheet');
    this.book.apply({ op: 'setLook', sheetId: this.sheetId, look: { hidden: true } });
    return this;
  }

  showSheet(): FakeSheet {
    this.book.count('Sheet.showSheet');
    this.book.apply({ op: 'setLook', sheetId: this.sheetId, look: { hidden: false } });
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
