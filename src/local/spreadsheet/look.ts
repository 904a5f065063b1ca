// Data validation and conditional formatting: builders as SpreadsheetApp hands them out, and the
// rules they build, kept in the sheet's look (see model.ts) and mirrored into the .xlsx.
import type { Box, ConditionalModel, ValidationModel } from './model';

export class FakeDataValidation {
  constructor(readonly data: Omit<ValidationModel, 'box'>) {}
  getCriteriaType(): string {
    return this.data.kind === 'list' ? 'VALUE_IN_LIST' : 'CHECKBOX';
  }
  getCriteriaValues(): unknown[] {
    return this.data.kind === 'list' ? [this.data.values, true] : [];
  }
  getAllowInvalid(): boolean {
    return this.data.allowInvalid;
  }
}

export class FakeDataValidationBuilder {
  private data: Omit<ValidationModel, 'box'> = { kind: 'list', values: [], allowInvalid: true };
  requireValueInList(values: string[], _showDropdown?: boolean): FakeDataValidationBuilder {
    this.data = { ...this.data, kind: 'list', values: values.map(String) };
    return this;
  }
  requireCheckbox(): FakeDataValidationBuilder {
    this.data = { ...this.data, kind: 'checkbox', values: [] };
    return this;
  }
  setAllowInvalid(allowInvalidData: boolean): FakeDataValidationBuilder {
    this.data = { ...this.data, allowInvalid: allowInvalidData };
    return this;
  }
  setHelpText(_helpText: string): FakeDataValidationBuilder {
    return this;
  }
  build(): FakeDataValidation {
    return new FakeDataValidation({ ...this.data, values: [...this.data.values] });
  }
}

/** The parts of a range a rule needs: where it lies. */
export interface BoxedRange {
  sheetBox(): { sheetId: number; box: Box };
}

export class FakeConditionalFormatRule {
  constructor(
    readonly data: { formula: string; background: string; ranges: Array<{ sheetId: number; box: Box }> },
  ) {}
  getRanges(): unknown[] {
    return this.data.ranges;
  }
  /** The rule as kept in the sheet whose id is given. */
  modelsFor(sheetId: number): ConditionalModel[] {
    return this.data.ranges
      .filter((r) => r.sheetId === sheetId)
      .map((r) => ({ box: r.box, formula: this.data.formula, background: this.data.background }));
  }
}

export class FakeConditionalFormatRuleBuilder {
  private formula = '';
  private background = '';
  private ranges: Array<{ sheetId: number; box: Box }> = [];
  whenFormulaSatisfied(formula: string): FakeConditionalFormatRuleBuilder {
    this.formula = formula;
    return this;
  }
  whenCellNotEmpty(): FakeConditionalFormatRuleBuilder {
    this.formula = '=NOT(ISBLANK(INDIRECT("RC",FALSE)))';
    return this;
  }
  setBackground(color: string): FakeConditionalFormatRuleBuilder {
    this.background = color;
    return this;
  }
  setRanges(ranges: BoxedRange[]): FakeConditionalFormatRuleBuilder {
    this.ranges = ranges.map((r) => r.sheetBox());
    return this;
  }
  build(): FakeConditionalFormatRule {
    if (!this.formula) throw new Error('Exception: Conditional format rule cannot have no condition.');
    return new FakeConditionalFormatRule({
      formula: this.formula,
      background: this.background,
      ranges: this.ranges,
    });
  }
}
