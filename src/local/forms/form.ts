// Form: items, settings, the destination spreadsheet and the responses of one form.
import type { ServiceContext } from '../context';
import type { Implements } from '../services';
import { spreadsheetOf } from '../spreadsheet/spreadsheetApp';
import { SpreadsheetStore } from '../spreadsheet/store';
import { writeToDestination } from './destination';
import { FakeFormResponse } from './formResponse';
import { FakeItem } from './item';
import { type FormModel, formUrls, type ItemTypeName, responseRow } from './model';
import { changeForm, readForm } from './store';

export const ITEM_KINDS: Record<string, ItemTypeName> = {
  addTextItem: 'TEXT',
  addParagraphTextItem: 'PARAGRAPH_TEXT',
  addMultipleChoiceItem: 'MULTIPLE_CHOICE',
  addCheckboxItem: 'CHECKBOX',
  addListItem: 'LIST',
  addScaleItem: 'SCALE',
  addDateItem: 'DATE',
  addDateTimeItem: 'DATETIME',
  addTimeItem: 'TIME',
  addGridItem: 'GRID',
  addCheckboxGridItem: 'CHECKBOX_GRID',
  addSectionHeaderItem: 'SECTION_HEADER',
  addPageBreakItem: 'PAGE_BREAK',
};

type FormMembers =
  | 'getId'
  | 'getTitle'
  | 'setTitle'
  | 'getDescription'
  | 'setDescription'
  | 'getPublishedUrl'
  | 'getEditUrl'
  | 'setDestination'
  | 'getDestinationId'
  | 'removeDestination'
  | 'getItems'
  | 'getItemById'
  | 'deleteItem'
  | 'moveItem'
  | 'getResponses'
  | 'getResponse'
  | 'createResponse'
  | 'setCollectEmail'
  | 'collectsEmail'
  | 'setAcceptingResponses'
  | 'isAcceptingResponses'
  | 'setConfirmationMessage'
  | 'deleteAllResponses';

export class FakeForm implements Implements<GoogleAppsScript.Forms.Form, FormMembers> {
  constructor(
    private readonly ctx: ServiceContext,
    private readonly id: string,
  ) {
    for (const [method, type] of Object.entries(ITEM_KINDS)) {
      Object.defineProperty(this, method, { value: () => this.addItem(type), enumerable: false });
    }
  }

  private model(): FormModel {
    const form = readForm(this.ctx, this.id);
    if (!form)
      throw this.ctx.error(
        'No item with the given ID could be found, or you do not have permission to access it.',
      );
    return form;
  }

  private edit(change: (form: FormModel) => void): FakeForm {
    this.ctx.count('FormApp', 'Form.edit', this.id);
    changeForm(this.ctx, this.id, change);
    return this;
  }

  addItem(type: ItemTypeName): FakeItem {
    this.ctx.count('FormApp', 'Form.addItem', this.id);
    const id = changeForm(this.ctx, this.id, (form) => {
      const itemId = 100_000_000 + Math.floor(Math.random() * 1_900_000_000);
      form.items.push({
        id: itemId,
        type,
        title: '',
        helpText: '',
        required: false,
        choices: [],
        hasOther: false,
        bounds: [1, 5],
        labels: ['', ''],
        rows: [],
        columns: [],
        validation: null,
      });
      return itemId;
    });
    return new FakeItem(this.ctx, this.id, id);
  }

  getId(): string {
    return this.id;
  }

  getTitle(): string {
    return this.model().title;
  }

  setTitle(title: string): FakeForm {
    return this.edit((f) => {
      f.title = title;
    });
  }

  getDescription(): string {
    return this.model().description;
  }

  setDescription(description: string): FakeForm {
    return this.edit((f) => {
      f.description = description;
    });
  }

  getPublishedUrl(): string {
    return formUrls(this.id).published;
  }

  getEditUrl(): string {
    return formUrls(this.id).edit;
  }

  shortenFormUrl(url: string): string {
    return url;
  }

  /** Like Google: the responses sheet is created at once and earlier responses are copied into it. */
  setDestination(type: GoogleAppsScript.Forms.DestinationType, id: string): FakeForm {
    this.ctx.count('FormApp', 'Form.setDestination', this.id);
    const store = SpreadsheetStore.of(this.ctx);
    const book = store.model(id);
    if (!book)
      throw this.ctx.error(
        `Unexpected error while getting the method or property setDestination on object FormApp.Form.`,
      );
    const taken = new Set(book.sheets.map((s) => s.name));
    let n = 1;
    while (taken.has(`Ответы на форму (${n})`)) n++;
    const sheetName = `Ответы на форму (${n})`;
    const form = changeForm(this.ctx, this.id, (f) => {
      f.destination = { type: String(type) as 'SPREADSHEET', id, sheetName };
      return f;
    });
    this.ctx.persistAll();
    if (form.responses.length === 0) {
      const sheet = spreadsheetOf(this.ctx, id).insertSheet(sheetName, 0);
      changeForm(this.ctx, this.id, (f) => {
        if (f.destination) f.destination.sheetId = sheet.getSheetId();
        return f;
      });
      const { keys, headers } = responseRow(
        form,
        { id: '', timestampMs: 0, email: '', answers: [], bySript: true },
        book.timeZone,
      );
      changeForm(this.ctx, this.id, (f) => {
        if (f.destination) f.destination.columns = keys;
      });
      sheet.getRange(1, 1, 1, headers.length).setValues([headers]);
      sheet.setFrozenRows(1);
      this.ctx.persistAll();
    } else for (const r of form.responses) writeToDestination(this.ctx, form, r);
    return this;
  }

  getDestinationId(): string {
    const d = this.model().destination;
    if (!d) throw this.ctx.error('This form does not currently have a response destination.');
    return d.id;
  }

  getDestinationType(): string {
    return this.model().destination?.type ?? '';
  }

  removeDestination(): FakeForm {
    return this.edit((f) => {
      f.destination = null;
    });
  }

  getItems(itemType?: GoogleAppsScript.Forms.ItemType): FakeItem[] {
    this.ctx.count('FormApp', 'Form.getItems', this.id);
    return this.model()
      .items.filter((i) => itemType === undefined || i.type === String(itemType))
      .map((i) => new FakeItem(this.ctx, this.id, i.id));
  }

  getItemById(id: number): FakeItem | null {
    return this.model().items.some((i) => i.id === id) ? new FakeItem(this.ctx, this.id, id) : null;
  }

  /**
   * Like Google: the item leaves the form and the answers of earlier responses to it are no longer
   * returned by getItemResponses, while its column and answers stay in the responses sheet.
   */
  deleteItem(item: number | GoogleAppsScript.Forms.Item): void {
    const id = typeof item === 'number' ? this.itemAt(item).id : item.getId();
    this.edit((f) => {
      f.items = f.items.filter((i) => i.id !== id);
    });
  }

  /** Like Google: by index among all items (or the item itself); ids and answers stay. */
  moveItem(from: number | GoogleAppsScript.Forms.Item, toIndex: number): FakeItem {
    const id = typeof from === 'number' ? this.itemAt(from).id : from.getId();
    const count = this.model().items.length;
    if (!Number.isInteger(toIndex) || toIndex < 0 || toIndex >= count)
      throw this.ctx.error(`Invalid argument: toIndex`);
    this.edit((f) => {
      const at = f.items.findIndex((i) => i.id === id);
      const [moved] = f.items.splice(at, 1);
      f.items.splice(toIndex, 0, moved);
    });
    return new FakeItem(this.ctx, this.id, id);
  }

  private itemAt(index: number) {
    const found = this.model().items[index];
    if (!found) throw this.ctx.error('Invalid argument: index');
    return found;
  }

  getResponses(timestamp?: GoogleAppsScript.Base.Date): FakeFormResponse[] {
    this.ctx.count('FormApp', 'Form.getResponses', this.id);
    const after = timestamp ? timestamp.getTime() : Number.NEGATIVE_INFINITY;
    return this.model()
      .responses.filter((r) => r.timestampMs >= after)
      .map((r) => new FakeFormResponse(this.ctx, this.id, r.id));
  }

  getResponse(responseId: string): FakeFormResponse {
    if (!this.model().responses.some((r) => r.id === responseId))
      throw this.ctx.error('Invalid argument: responseId');
    return new FakeFormResponse(this.ctx, this.id, responseId);
  }

  createResponse(): FakeFormResponse {
    return new FakeFormResponse(this.ctx, this.id, null);
  }

  setCollectEmail(collect: boolean): FakeForm {
    return this.edit((f) => {
      f.collectEmail = collect;
    });
  }

  collectsEmail(): boolean {
    return this.model().collectEmail;
  }

  setAcceptingResponses(enabled: boolean): FakeForm {
    return this.edit((f) => {
      f.acceptingResponses = enabled;
    });
  }

  isAcceptingResponses(): boolean {
    return this.model().acceptingResponses;
  }

  setConfirmationMessage(message: string): FakeForm {
    return this.edit((f) => {
      f.confirmationMessage = message;
    });
  }

  deleteAllResponses(): FakeForm {
    return this.edit((f) => {
      f.responses = [];
    });
  }

  // Settings that change nothing offline, kept so the bundle's setup runs unchanged.
  setAllowResponseEdits(_enabled: boolean): FakeForm {
    return this;
  }
  setLimitOneResponsePerUser(_enabled: boolean): FakeForm {
    return this;
  }
  setProgressBar(_enabled: boolean): FakeForm {
    return this;
  }
  setShuffleQuestions(_shuffle: boolean): FakeForm {
    return this;
  }
  setShowLinkToRespondAgain(_enabled: boolean): FakeForm {
    return this;
  }
  setRequireLogin(_requireLogin: boolean): FakeForm {
    return this;
  }
  setPublishingSummary(_enabled: boolean): FakeForm {
    return this;
  }
}
