// Range over the spreadsheet model: values, formulas, formats, notes and protection of a box of cells.
import { isDate } from '../jsonDates';
import type { Implements } from '../services';
import type { BookRef } from './bookRef';
import { FakeDataValidation } from './look';
import { MESSAGES } from './messages';
import { a1, type Box, type Cell, cellAt, emptyLook, interpretInput, type SheetModel } from './model';
import { FakeProtection } from './protection';
import { FakeSheet } from './sheet';

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
  | 'setDataValidation'
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
    this.book.count('Range.getValues', this.box.numRows * this.box.numColumns);
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
    this.book.count('Range.getValue', this.box.numRows * this.box.numColumns);
    return this.book.out(cellAt(this.model(), this.box.row - 1, this.box.column - 1));
  }

  getDisplayValues(): string[][] {
    this.book.count('Range.getDisplayValues', this.box.numRows * this.box.numColumns);
    return this.cells((s, r, c) => this.display(cellAt(s, r, c)));
  }

  getDisplayValue(): string {
    this.book.count('Range.getDisplayValue', this.box.numRows * this.box.numColumns);
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
    this.book.count('Range.getFormulas', this.box.numRows * this.box.numColumns);
    return this.cells((s, r, c) => s.formulas[`${r}:${c}`] ?? '');
  }

  getFormula(): string {
    this.book.count('Range.getFormula', this.box.numRows * this.box.numColumns);
    return this.model().formulas[`${this.box.row - 1}:${this.box.column - 1}`] ?? '';
  }

  setValues(values: unknown[][]): FakeRange {
    this.book.count('Range.setValues', this.box.numRows * this.box.numColumns);
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
    this.book.count('Range.setValue', this.box.numRows * this.box.numColumns);
    this.write(
      Array.from({ length: this.box.numRows }, () => new Array<unknown>(this.box.numColumns).fill(value)),
    );
    return this;
  }

  setFormula(formula: string): FakeRange {
    this.book.count('Range.setFormula', this.box.numRows * this.box.numColumns);
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
    this.book.count('Range.getCell', this.box.numRows * this.box.numColumns);
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
    this.book.count('Range.offset', this.box.numRows * this.box.numColumns);
    return new FakeSheet(this.book, this.sheetId).rangeOf(
      this.box.row + rowOffset,
      this.box.column + columnOffset,
      numRows ?? this.box.numRows,
      numColumns ?? this.box.numColumns,
    );
  }

  setNumberFormat(numberFormat: string): FakeRange {
    this.book.count('Range.setNumberFormat', this.box.numRows * this.box.numColumns);
    this.applyFormats(
      Array.from({ length: this.box.numRows }, () =>
        new Array<string>(this.box.numColumns).fill(numberFormat),
      ),
    );
    return this;
  }

  setNumberFormats(numberFormats: string[][]): FakeRange {
    this.book.count('Range.setNumberFormats', this.box.numRows * this.box.numColumns);
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
    this.book.count('Range.getNumberFormat', this.box.numRows * this.box.numColumns);
    return this.model().formats[`${this.box.row - 1}:${this.box.column - 1}`] ?? 'General';
  }

  getNumberFormats(): string[][] {
    this.book.count('Range.getNumberFormats', this.box.numRows * this.box.numColumns);
    return this.cells((s, r, c) => s.formats[`${r}:${c}`] ?? 'General');
  }

  clear(): FakeRange {
    this.book.count('Range.clear', this.box.numRows * this.box.numColumns);
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
    this.book.count('Range.clearContent', this.box.numRows * this.box.numColumns);
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
    this.book.count('Range.clearFormat', this.box.numRows * this.box.numColumns);
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
    this.book.count('Range.setFontWeight', this.box.numRows * this.box.numColumns);
    return this;
  }

  setBackground(_color: string | null): FakeRange {
    this.book.count('Range.setBackground', this.box.numRows * this.box.numColumns);
    return this;
  }

  setFontColor(_color: string | null): FakeRange {
    this.book.count('Range.setFontColor', this.box.numRows * this.box.numColumns);
    return this;
  }

  /** Wrapping is kept by column: the workbook wraps whole columns of long text. */
  setWrap(isWrapEnabled: boolean): FakeRange {
    this.book.count('Range.setWrap', this.box.numRows * this.box.numColumns);
    const look = this.model().look ?? emptyLook();
    const columns = new Set(look.wrapColumns);
    for (let c = this.box.column - 1; c < this.box.column - 1 + this.box.numColumns; c++)
      if (isWrapEnabled) columns.add(c);
      else columns.delete(c);
    this.book.apply({
      op: 'setLook',
      sheetId: this.sheetId,
      look: { wrapColumns: [...columns].sort((a, b) => a - b) },
    });
    return this;
  }

  setDataValidation(given: GoogleAppsScript.Spreadsheet.DataValidation | null): FakeRange {
    this.book.count('Range.setDataValidation');
    if (given !== null && !(given instanceof FakeDataValidation))
      throw new Error(
        "Exception: The parameters (Object) don't match the method signature for SpreadsheetApp.Range.setDataValidation.",
      );
    const rule = given;
    const box = this.zeroBased();
    const others = (this.model().look ?? emptyLook()).validations.filter(
      (v) => JSON.stringify(v.box) !== JSON.stringify(box),
    );
    const validations = rule ? [...others, { box, ...rule.data }] : others;
    this.book.apply({ op: 'setLook', sheetId: this.sheetId, look: { validations } });
    return this;
  }

  /** Where the range lies, for rules that name it (conditional formats). */
  sheetBox(): { sheetId: number; box: Box } {
    return { sheetId: this.sheetId, box: this.zeroBased() };
  }

  setHorizontalAlignment(_alignment: string | null): FakeRange {
    this.book.count('Range.setHorizontalAlignment', this.box.numRows * this.box.numColumns);
    return this;
  }

  setVerticalAlignment(_alignment: string | null): FakeRange {
    this.book.count('Range.setVerticalAlignment', this.box.numRows * this.box.numColumns);
    return this;
  }

  setNote(_note: string | null): FakeRange {
    this.book.count('Range.setNote', this.box.numRows * this.box.numColumns);
    return this;
  }

  protect(): FakeProtection {
    this.book.count('Range.protect', this.box.numRows * this.box.numColumns);
    return FakeProtection.create(this.book, this.sheetId, this.zeroBased());
  }
}
