// FormApp over JSON files (forms/<id>.json): items, responses, and the destination spreadsheet that
// receives each response as a row of «Ответы на форму (N)», as Google does. Submitting as a
// respondent (which fires triggers) is the workspace's job: see LocalWorkspace.submit.
import { formatDate } from './base/formatDate';
import type { ServiceContext } from './context';
import { FORM_MIME, registerDriveFile } from './drive/driveStore';
import type { Implements, ServiceDefinition } from './services';
import { type Cell, interpretInput, lastRow, zoneOffsetMinutes } from './spreadsheet/model';
import { spreadsheetOf } from './spreadsheet/spreadsheetApp';
import { SpreadsheetStore } from './spreadsheet/store';

export type ItemTypeName =
  | 'TEXT'
  | 'PARAGRAPH_TEXT'
  | 'MULTIPLE_CHOICE'
  | 'CHECKBOX'
  | 'LIST'
  | 'SCALE'
  | 'DATE'
  | 'DATETIME'
  | 'TIME'
  | 'GRID'
  | 'CHECKBOX_GRID'
  | 'SECTION_HEADER'
  | 'PAGE_BREAK';

export interface ItemModel {
  id: number;
  type: ItemTypeName;
  title: string;
  helpText: string;
  required: boolean;
  choices: string[];
  hasOther: boolean;
  bounds: [number, number];
  labels: [string, string];
  rows: string[];
  columns: string[];
  validation: unknown;
}

export type Answer = string | string[] | string[][];

export interface ResponseModel {
  id: string;
  timestampMs: number;
  email: string;
  answers: Array<{ itemId: number; value: Answer }>;
  /** Submitted by a respondent (fires triggers) or by a script (does not). */
  bySript: boolean;
  /** Row written in the destination sheet (returned by recordResponse, not stored). */
  destinationRow?: number;
}

export interface FormModel {
  id: string;
  title: string;
  description: string;
  confirmationMessage: string;
  collectEmail: boolean;
  acceptingResponses: boolean;
  destination: { type: 'SPREADSHEET'; id: string; sheetName: string } | null;
  items: ItemModel[];
  responses: ResponseModel[];
}

const ANSWERLESS: ItemTypeName[] = ['SECTION_HEADER', 'PAGE_BREAK'];

export function formFile(ctx: ServiceContext, id: string): string {
  return ctx.path('forms', `${id}.json`);
}

/** The form as last written; shared between readers, so never modified outside changeForm. */
export function readForm(ctx: ServiceContext, id: string): FormModel | null {
  return ctx.readShared<FormModel | null>(formFile(ctx, id), null);
}

export function changeForm<T>(ctx: ServiceContext, id: string, edit: (form: FormModel) => T): T {
  return ctx.underStoreLock(() => {
    const form = readForm(ctx, id);
    if (!form)
      throw ctx.error(
        `No item with the given ID could be found, or you do not have permission to access it.`,
      );
    let result: T;
    try {
      result = edit(form);
    } catch (e) {
      ctx.forgetShared(formFile(ctx, id));
      throw e;
    }
    ctx.writeShared(formFile(ctx, id), form);
    return result;
  });
}

export function formUrls(id: string) {
  return {
    published: `https://docs.google.com/forms/d/e/${id}/viewform`,
    edit: `https://docs.google.com/forms/d/${id}/edit`,
  };
}

/** Columns of the responses sheet: timestamp, e-mail if collected, one per question (grids: one per row). */
export function responseHeaders(form: FormModel): Array<{ title: string; itemId: number; row?: number }> {
  const out: Array<{ title: string; itemId: number; row?: number }> = [];
  for (const item of form.items) {
    if (ANSWERLESS.includes(item.type)) continue;
    if (item.type === 'GRID' || item.type === 'CHECKBOX_GRID')
      item.rows.forEach((r, i) => {
        out.push({ title: `${item.title} [${r}]`, itemId: item.id, row: i });
      });
    else out.push({ title: item.title, itemId: item.id });
  }
  return out;
}

function answerText(value: Answer | undefined, row?: number): string {
  if (value === undefined) return '';
  if (row !== undefined) {
    const cell = (value as unknown[])[row];
    return Array.isArray(cell) ? cell.join(', ') : String(cell ?? '');
  }
  return Array.isArray(value) ? (value as string[]).join(', ') : value;
}

/** The row Google writes for a response: typed cells (as if typed in), plus the display strings of e.values. */
export function responseRow(form: FormModel, response: ResponseModel, timeZone: string) {
  const headers = ['Отметка времени', ...(form.collectEmail ? ['Адрес электронной почты'] : [])];
  const texts = [
    formatDate(new Date(response.timestampMs), timeZone, 'dd.MM.yyyy H:mm:ss'),
    ...(form.collectEmail ? [response.email] : []),
  ];
  const cells: Cell[] = [new Date(response.timestampMs), ...(form.collectEmail ? [response.email] : [])];
  const offset = (at: number) => zoneOffsetMinutes(timeZone, at);
  for (const h of responseHeaders(form)) {
    const text = answerText(response.answers.find((a) => a.itemId === h.itemId)?.value, h.row);
    headers.push(h.title);
    texts.push(text);
    cells.push(interpretInput(text, undefined, offset).value);
  }
  return { headers, texts, cells };
}

/**
 * Writes the response as the next row of the destination sheet (creating it with headers if needed),
 * under the store lock so concurrent submissions get distinct rows. Returns the 1-based row.
 */
export function writeToDestination(
  ctx: ServiceContext,
  form: FormModel,
  response: ResponseModel,
): { sheetName: string; row: number; width: number; spreadsheetId: string } | null {
  const dest = form.destination;
  if (!dest) return null;
  const store = SpreadsheetStore.of(ctx);
  return ctx.underStoreLock(() => {
    store.reload();
    const model = store.model(dest.id);
    if (!model) return null;
    const { headers, cells } = responseRow(form, response, model.timeZone);
    let sheet = model.sheets.find((s) => s.name === dest.sheetName);
    if (!sheet) {
      const sheetId = 1 + Math.floor(Math.random() * 2_000_000_000);
      store.apply(dest.id, { op: 'insertSheet', sheetId, name: dest.sheetName, index: 0 });
      store.apply(dest.id, { op: 'setFrozen', sheetId, rows: 1 });
      sheet = store.model(dest.id)?.sheets.find((s) => s.sheetId === sheetId);
    }
    if (!sheet) return null;
    const existing = (sheet.values[0] ?? []).map(String);
    if (
      existing.join('\u0001') !== headers.slice(0, existing.length).join('\u0001') ||
      existing.length < headers.length
    )
      store.apply(dest.id, {
        op: 'setCells',
        sheetId: sheet.sheetId,
        row: 0,
        column: 0,
        values: [headers],
        formulas: [headers.map(() => null)],
      });
    const row = Math.max(1, lastRow(sheet));
    store.apply(dest.id, {
      op: 'setCells',
      sheetId: sheet.sheetId,
      row,
      column: 0,
      values: [cells],
      formulas: [cells.map(() => null)],
    });
    store.persist();
    return { sheetName: dest.sheetName, row: row + 1, width: headers.length, spreadsheetId: dest.id };
  });
}

// ---- facades ------------------------------------------------------------------------------------------

class FakeChoice implements Implements<GoogleAppsScript.Forms.Choice, 'getValue'> {
  constructor(private readonly value: string) {}
  getValue(): string {
    return this.value;
  }
}

/** Validation builders are recorded, not enforced (see README). */
function validationBuilder(kind: string): object {
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

export class FakeItemResponse
  implements Implements<GoogleAppsScript.Forms.ItemResponse, 'getItem' | 'getResponse'>
{
  constructor(
    private readonly item: FakeItem,
    private readonly value: Answer,
  ) {}

  getItem(): FakeItem {
    return this.item;
  }

  getResponse(): Answer {
    return Array.isArray(this.value)
      ? (this.value.map((v) => (Array.isArray(v) ? [...v] : v)) as Answer)
      : this.value;
  }

  get itemId(): number {
    return this.item.getId();
  }
}

export class FakeFormResponse
  implements
    Implements<
      GoogleAppsScript.Forms.FormResponse,
      | 'getId'
      | 'getTimestamp'
      | 'getRespondentEmail'
      | 'getItemResponses'
      | 'getEditResponseUrl'
      | 'getResponseForItem'
    >
{
  private draft: FakeItemResponse[] = [];

  constructor(
    private readonly ctx: ServiceContext,
    private readonly formId: string,
    private readonly responseId: string | null,
  ) {}

  private model(): ResponseModel | undefined {
    return this.responseId
      ? readForm(this.ctx, this.formId)?.responses.find((r) => r.id === this.responseId)
      : undefined;
  }

  getId(): string {
    return this.responseId ?? '';
  }

  getTimestamp(): Date {
    return this.ctx.date(this.model()?.timestampMs ?? this.ctx.nowMs());
  }

  getRespondentEmail(): string {
    return this.model()?.email ?? '';
  }

  getItemResponses(): FakeItemResponse[] {
    this.ctx.count('FormApp', 'FormResponse.getItemResponses');
    const m = this.model();
    if (!m) return [...this.draft];
    return m.answers.map((a) => new FakeItemResponse(new FakeItem(this.ctx, this.formId, a.itemId), a.value));
  }

  getResponseForItem(item: GoogleAppsScript.Forms.Item): FakeItemResponse | null {
    return this.getItemResponses().find((r) => r.itemId === item.getId()) ?? null;
  }

  getEditResponseUrl(): string {
    return `https://docs.google.com/forms/d/e/${this.formId}/viewform?edit2=${this.responseId ?? ''}`;
  }

  withItemResponse(response: FakeItemResponse): FakeFormResponse {
    this.draft.push(response);
    return this;
  }

  /** Script-made responses are recorded and reach the destination sheet but fire no trigger (as in Google). */
  submit(): FakeFormResponse {
    this.ctx.count('FormApp', 'FormResponse.submit');
    const response = recordResponse(
      this.ctx,
      this.formId,
      this.draft.map((d) => ({ itemId: d.itemId, value: d.getResponse() })),
      this.ctx.meta.curatorEmail,
      true,
    );
    return new FakeFormResponse(this.ctx, this.formId, response.id);
  }
}

export function recordResponse(
  ctx: ServiceContext,
  formId: string,
  answers: ResponseModel['answers'],
  email: string,
  byScript: boolean,
): ResponseModel {
  const response: ResponseModel = {
    id: `2_ABaOnu${ctx.newId(40).slice(1)}`,
    timestampMs: ctx.nowMs(),
    email,
    answers,
    bySript: byScript,
  };
  const form = changeForm(ctx, formId, (f) => {
    f.responses.push(response);
    return f;
  });
  const written = writeToDestination(ctx, form, response);
  return { ...response, destinationRow: written?.row };
}

const ITEM_KINDS: Record<string, ItemTypeName> = {
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
      const { headers } = responseRow(
        form,
        { id: '', timestampMs: 0, email: '', answers: [], bySript: true },
        book.timeZone,
      );
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

  deleteItem(item: number | GoogleAppsScript.Forms.Item): void {
    const id = typeof item === 'number' ? this.model().items[item]?.id : item.getId();
    this.edit((f) => {
      f.items = f.items.filter((i) => i.id !== id);
    });
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

function formIdFromUrl(url: string): string {
  return /\/forms\/d\/(?:e\/)?([A-Za-z0-9_-]+)/.exec(url)?.[1] ?? '';
}

class FakeFormApp implements Implements<GoogleAppsScript.Forms.FormApp, 'create' | 'openById' | 'openByUrl'> {
  readonly DestinationType = { SPREADSHEET: 'SPREADSHEET' };
  readonly ItemType = Object.fromEntries(Object.values(ITEM_KINDS).map((t) => [t, t]));
  readonly Alignment = { LEFT: 'LEFT', CENTER: 'CENTER', RIGHT: 'RIGHT' };
  readonly PageNavigationType = {
    CONTINUE: 'CONTINUE',
    GO_TO_PAGE: 'GO_TO_PAGE',
    RESTART: 'RESTART',
    SUBMIT: 'SUBMIT',
  };

  constructor(private readonly ctx: ServiceContext) {}

  create(title: string): FakeForm {
    this.ctx.count('FormApp', 'create');
    const id = this.ctx.newId();
    const form: FormModel = {
      id,
      title,
      description: '',
      confirmationMessage: '',
      collectEmail: false,
      acceptingResponses: true,
      destination: null,
      items: [],
      responses: [],
    };
    this.ctx.underStoreLock(() => this.ctx.writeShared(formFile(this.ctx, id), form));
    registerDriveFile(this.ctx, { id, name: title, mimeType: FORM_MIME, path: formFile(this.ctx, id) });
    return new FakeForm(this.ctx, id);
  }

  openById(id: string): FakeForm {
    this.ctx.count('FormApp', 'openById', id);
    if (!readForm(this.ctx, id))
      throw this.ctx.error(
        'No item with the given ID could be found, or you do not have permission to access it.',
      );
    return new FakeForm(this.ctx, id);
  }

  openByUrl(url: string): FakeForm {
    this.ctx.count('FormApp', 'openByUrl');
    return this.openById(formIdFromUrl(url));
  }

  getActiveForm(): null {
    return null;
  }

  createTextValidation(): object {
    return validationBuilder('text');
  }
  createParagraphTextValidation(): object {
    return validationBuilder('paragraph');
  }
  createCheckboxValidation(): object {
    return validationBuilder('checkbox');
  }
  createGridValidation(): object {
    return validationBuilder('grid');
  }
}

export const formService: ServiceDefinition = {
  name: 'FormApp',
  globals: (ctx) => ({ FormApp: new FakeFormApp(ctx) }),
};
