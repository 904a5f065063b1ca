// Item of a form, every kind in one class (as*Item() answers the same object), with its validation
// builders recorded.
import type { ServiceContext } from '../context';
import type { Implements } from '../services';
import { FakeChoice } from './choice';
import { FakeItemResponse } from './itemResponse';
import type { Answer, ItemModel } from './model';
import { changeForm, readForm } from './store';

/** Validation builders are recorded; submit checks number ranges and patterns (see README). */
export function validationBuilder(kind: string): object {
  const calls: Array<{ method: string; args: unknown[] }> = [];
  const proxy: object = new Proxy(
    {},
    {
      get:
        (_t, method: string) =>
        (...args: unknown[]) => {
          if (method === 'build') return { kind, calls };
          calls.push({ method, args });
          return proxy;
        },
    },
  );
  return proxy;
}

type ItemMembers = 'getId' | 'getTitle' | 'getType' | 'getHelpText' | 'getIndex';

export class FakeItem
  implements
    Implements<GoogleAppsScript.Forms.Item, ItemMembers>,
    Implements<
      GoogleAppsScript.Forms.TextItem,
      'setTitle' | 'setHelpText' | 'setRequired' | 'isRequired' | 'setValidation'
    >,
    Implements<
      GoogleAppsScript.Forms.MultipleChoiceItem,
      'setChoiceValues' | 'getChoices' | 'showOtherOption' | 'hasOtherOption'
    >,
    Implements<
      GoogleAppsScript.Forms.ScaleItem,
      'setBounds' | 'setLabels' | 'getLowerBound' | 'getUpperBound'
    >,
    Implements<GoogleAppsScript.Forms.GridItem, 'setRows' | 'setColumns' | 'getRows' | 'getColumns'>
{
  constructor(
    private readonly ctx: ServiceContext,
    private readonly formId: string,
    private readonly id: number,
  ) {}

  private model(): ItemModel {
    const item = readForm(this.ctx, this.formId)?.items.find((i) => i.id === this.id);
    if (!item) throw this.ctx.error('Item has been deleted.');
    return item;
  }

  private edit(change: (item: ItemModel) => void): FakeItem {
    this.ctx.count('FormApp', 'Item.edit');
    changeForm(this.ctx, this.formId, (form) => {
      const item = form.items.find((i) => i.id === this.id);
      if (item) change(item);
    });
    return this;
  }

  getId(): number {
    return this.id;
  }

  getTitle(): string {
    return this.model().title;
  }

  getType(): GoogleAppsScript.Forms.ItemType {
    return this.model().type as unknown as GoogleAppsScript.Forms.ItemType;
  }

  getHelpText(): string {
    return this.model().helpText;
  }

  getIndex(): number {
    return readForm(this.ctx, this.formId)?.items.findIndex((i) => i.id === this.id) ?? -1;
  }

  setTitle(title: string): FakeItem {
    return this.edit((i) => {
      i.title = title;
    });
  }

  setHelpText(text: string): FakeItem {
    return this.edit((i) => {
      i.helpText = text;
    });
  }

  setRequired(enabled: boolean): FakeItem {
    return this.edit((i) => {
      i.required = enabled;
    });
  }

  isRequired(): boolean {
    return this.model().required;
  }

  setValidation(validation: object): FakeItem {
    return this.edit((i) => {
      i.validation = validation;
    });
  }

  setChoiceValues(values: string[]): FakeItem {
    return this.edit((i) => {
      i.choices = values.map(String);
    });
  }

  setChoices(choices: Array<{ getValue(): string }>): FakeItem {
    return this.edit((i) => {
      i.choices = choices.map((c) => c.getValue());
    });
  }

  createChoice(value: string, _navigation?: unknown): FakeChoice {
    return new FakeChoice(value);
  }

  getChoices(): FakeChoice[] {
    return this.model().choices.map((c) => new FakeChoice(c));
  }

  showOtherOption(enabled: boolean): FakeItem {
    return this.edit((i) => {
      i.hasOther = enabled;
    });
  }

  hasOtherOption(): boolean {
    return this.model().hasOther;
  }

  setBounds(lower: number, upper: number): FakeItem {
    return this.edit((i) => {
      i.bounds = [lower, upper];
    });
  }

  setLabels(lower: string, upper: string): FakeItem {
    return this.edit((i) => {
      i.labels = [lower, upper];
    });
  }

  getLowerBound(): number {
    return this.model().bounds[0];
  }

  getUpperBound(): number {
    return this.model().bounds[1];
  }

  setRows(rows: string[]): FakeItem {
    return this.edit((i) => {
      i.rows = rows.map(String);
    });
  }

  setColumns(columns: string[]): FakeItem {
    return this.edit((i) => {
      i.columns = columns.map(String);
    });
  }

  getRows(): string[] {
    return [...this.model().rows];
  }

  getColumns(): string[] {
    return [...this.model().columns];
  }

  setIncludesYear(_enableYear: boolean): FakeItem {
    return this;
  }

  /** A draft answer for FormResponse.withItemResponse (script-made responses). */
  createResponse(value: Answer): FakeItemResponse {
    return new FakeItemResponse(this, value);
  }

  asTextItem(): FakeItem {
    return this;
  }
  asParagraphTextItem(): FakeItem {
    return this;
  }
  asMultipleChoiceItem(): FakeItem {
    return this;
  }
  asCheckboxItem(): FakeItem {
    return this;
  }
  asListItem(): FakeItem {
    return this;
  }
  asScaleItem(): FakeItem {
    return this;
  }
  asDateItem(): FakeItem {
    return this;
  }
  asGridItem(): FakeItem {
    return this;
  }
  asCheckboxGridItem(): FakeItem {
    return this;
  }
  asSectionHeaderItem(): FakeItem {
    return this;
  }
  asPageBreakItem(): FakeItem {
    return this;
  }
}
