// A form as the workspace keeps it (forms/<id>.json): items, responses and the destination
// spreadsheet, and the row Google writes there for each response.
import { formatDate } from '../base/formatDate';
import { type Cell, interpretInput, zoneOffsetMinutes } from '../spreadsheet/model';

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

/** Where a choice or the end of a page leads: a page break item's id, or one of Google's navigation types. */
export type Navigation = number | 'CONTINUE' | 'SUBMIT' | 'RESTART';

export interface ItemModel {
  id: number;
  type: ItemTypeName;
  title: string;
  helpText: string;
  required: boolean;
  choices: string[];
  /** Per choice (same order), where choosing it leads; absent or null: on to the next page. */
  choiceNavigation?: Array<Navigation | null>;
  /** A page break: where the page before it leads when done (setGoToPage); absent: CONTINUE. */
  goToPage?: Navigation;
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
  destination: {
    type: 'SPREADSHEET';
    id: string;
    sheetName: string;
    /**
     * What each column of the responses sheet holds ('timestamp', 'email', item id, or 'item id:row'
     * for grids), in sheet order: like Google, a column stays where it is when its item moves or is
     * deleted, and a new item gets a new column at the right.
     */
    columns?: string[];
    /** The responses sheet, found by it once renamed (Google follows a renamed sheet too). */
    sheetId?: number;
  } | null;
  items: ItemModel[];
  responses: ResponseModel[];
}

const ANSWERLESS: ItemTypeName[] = ['SECTION_HEADER', 'PAGE_BREAK'];

/**
 * The «entry.N» number of an item in a prefilled link. Google numbers entries apart from items, so
 * code that mixes the two up fails here as it would there.
 */
const ENTRY_OFFSET = 1_000_000_000;
export const entryIdOf = (itemId: number): number => itemId + ENTRY_OFFSET;
export const itemIdOfEntry = (entryId: number): number => entryId - ENTRY_OFFSET;

/** The form id and the prefilled answers (item id → values) of a «viewform?usp=pp_url&entry.N=…» link. */
export function parsePrefilledUrl(
  url: string,
): { formId: string; answers: Map<number, string[]> } | undefined {
  const m = /^https:\/\/docs\.google\.com\/forms\/d\/e\/([^/]+)\/viewform(?:\?(.*))?$/.exec(url.trim());
  if (!m) return undefined;
  const answers = new Map<number, string[]>();
  for (const [key, value] of new URLSearchParams(m[2] ?? '')) {
    const entry = /^entry\.(\d+)$/.exec(key);
    if (!entry) continue;
    const itemId = itemIdOfEntry(Number(entry[1]));
    answers.set(itemId, [...(answers.get(itemId) ?? []), value]);
  }
  return { formId: m[1], answers };
}

export function formUrls(id: string) {
  return {
    published: `https://docs.google.com/forms/d/e/${id}/viewform`,
    edit: `https://docs.google.com/forms/d/${id}/edit`,
  };
}

interface ResponseHeader {
  title: string;
  itemId: number;
  row?: number;
}

/** Columns of the responses sheet: timestamp, e-mail if collected, one per question (grids: one per row). */
export function responseHeaders(form: FormModel): ResponseHeader[] {
  const out: ResponseHeader[] = [];
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

const headerKey = (h: ResponseHeader): string =>
  h.row === undefined ? String(h.itemId) : `${h.itemId}:${h.row}`;

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
  const keys = ['timestamp', ...(form.collectEmail ? ['email'] : [])];
  const headers = ['Отметка времени', ...(form.collectEmail ? ['Адрес электронной почты'] : [])];
  const texts = [
    formatDate(new Date(response.timestampMs), timeZone, 'dd.MM.yyyy H:mm:ss'),
    ...(form.collectEmail ? [response.email] : []),
  ];
  const cells: Cell[] = [new Date(response.timestampMs), ...(form.collectEmail ? [response.email] : [])];
  const offset = (at: number) => zoneOffsetMinutes(timeZone, at);
  for (const h of responseHeaders(form)) {
    const text = answerText(response.answers.find((a) => a.itemId === h.itemId)?.value, h.row);
    keys.push(headerKey(h));
    headers.push(h.title);
    texts.push(text);
    cells.push(interpretInput(text, undefined, offset).value);
  }
  return { keys, headers, texts, cells };
}
