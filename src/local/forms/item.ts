// Item of a form, every kind in one class (as*Item() answers the same object), with its validation
// builders recorded.
import type { ServiceContext } from '../context';
import type { Implements } from '../services';
import { FakeChoice } from './choice';
import { FakeItemResponse } from './itemResponse';
import type { Answer, ItemModel, Navigation } from './model';
import { changeForm, readForm, UNCHANGED } from './store';

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
    Implements<GoogleAppsScript.Forms.GridItem, 'setRows' | 'setColumns' | 'getRows' | 'getColumns'>,
    Implements<GoogleAppsScript.Forms.PageBreakItem, 'getPageNavigationType'>
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

  /** `change` returns false when the item already is as asked (nothing to write). */
  private edit(change: (item: ItemModel) => undefined | false): FakeItem {
    this.ctx.count('FormApp', 'Item.edit');
    changeForm(this.ctx, this.formId, (form) => {
      const item = form.items.find((i) => i.id === this.id);
      return item && change(item) === false ? UNCHANGED : undefined;
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

  /** Like Google: plain values, so any navigation the choices had is gone. */
  setChoiceValues(values: string[]): FakeItem {
    const choices = values.map(String);
    return this.edit((i) => {
      if (!i.choiceNavigation && sameValues(i.choices, choices)) return false;
      i.choices = choices;
      delete i.choiceNavigation;
    });
  }

  setChoices(choices: FakeChoice[]): FakeItem {
    return this.edit((i) => {
      i.choices = choices.map((c) => c.getValue());
      if (choices.some((c) => c.navigation !== null)) i.choiceNavigation = choices.map((c) => c.navigation);
      else delete i.choiceNavigation;
    });
  }

  /**
   * A choice, and for multiple-choice and list items where it leads: a page break item of this form
   * or a PageNavigationType (Google's two overloads).
   */
  createChoice(value: string, navigation?: unknown): FakeChoice {
    if (navigation === undefined) return new FakeChoice(value);
    const type = this.model().type;
    if (type !== 'MULTIPLE_CHOICE' && type !== 'LIST')
      throw this.ctx.error('Invalid argument: navigation is only for multiple-choice and list items.');
    return new FakeChoice(value, this.navigationOf(navigation, 'navigationItem'), (id) => this.sibling(id));
  }

  getChoices(): FakeChoice[] {
    const item = this.model();
    return item.choices.map(
      (c, n) => new FakeChoice(c, item.choiceNavigation?.[n] ?? null, (id) => this.sibling(id)),
    );
  }

  /** A page break: where the page before it leads once done (a page break of this form or a type). */
  setGoToPage(target: unknown): FakeItem {
    if (this.model().type !== 'PAGE_BREAK') throw this.ctx.error('Invalid argument: not a page break.');
    const navigation = this.navigationOf(target, 'goToPageItem');
    return this.edit((i) => {
      i.goToPage = navigation;
    });
  }

  getGoToPage(): FakeItem | null {
    const to = this.model().goToPage;
    return typeof to === 'number' ? this.sibling(to) : null;
  }

  getPageNavigationType(): GoogleAppsScript.Forms.PageNavigationType {
    const to = this.model().goToPage ?? 'CONTINUE';
    return (typeof to === 'number'
      ? 'GO_TO_PAGE'
      : to) as unknown as GoogleAppsScript.Forms.PageNavigationType;
  }

  private navigationOf(target: unknown, argument: string): Navigation {
    if (target instanceof FakeItem) {
      const page = readForm(this.ctx, this.formId)?.items.find((i) => i.id === target.getId());
      if (target.formId !== this.formId || page?.type !== 'PAGE_BREAK')
        throw this.ctx.error(`Invalid argument: ${argument}`);
      return page.id;
    }
    if (target === 'CONTINUE' || target === 'SUBMIT' || target === 'RESTART') return target;
    throw this.ctx.error(`Invalid argument: ${argument}`);
  }

  private sibling(id: number): FakeItem | null {
    return readForm(this.ctx, this.formId)?.items.some((i) => i.id === id)
      ? new FakeItem(this.ctx, this.formId, id)
      : null;
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

const sameValues = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((v, k) => v === b[k]);
