// A respondent's answers as the Google Forms page takes them: keyed by item id or title, taken page
// by page along the form's navigation, checked (required items, choices, scales) before anything is
// stored.
import type { Answer, FormModel, ItemModel, Navigation } from './model';

/** Answers keyed by item id or item title; checkbox and grid items take arrays. */
export type FormAnswers = Record<string, string | string[]>;

interface RecordedValidation {
  calls?: Array<{ method: string; args: unknown[] }>;
}

/**
 * The checks of a text item's validation the Forms page makes before sending: a number range and a
 * pattern (length and e-mail checks are left to the script). The help text is what Google shows.
 */
function validationProblem(validation: unknown, value: string): string | undefined {
  const calls = (validation as RecordedValidation | null)?.calls ?? [];
  const help = String(calls.find((c) => c.method === 'setHelpText')?.args[0] ?? 'ответ не подходит');
  for (const { method, args } of calls) {
    if (method === 'requireNumberBetween') {
      const n = Number(value.replace(',', '.'));
      if (!Number.isFinite(n) || n < Number(args[0]) || n > Number(args[1])) return help;
    }
    if (method === 'requireTextMatchesPattern' && !new RegExp(String(args[0])).test(value)) return help;
  }
  return undefined;
}

/** The form's pages: the items before the first page break, then each page break and its items. */
function pagesOf(form: FormModel): Array<{ header?: ItemModel; items: ItemModel[] }> {
  const pages: Array<{ header?: ItemModel; items: ItemModel[] }> = [{ items: [] }];
  for (const item of form.items) {
    if (item.type === 'PAGE_BREAK') pages.push({ header: item, items: [] });
    else pages[pages.length - 1].items.push(item);
  }
  return pages;
}

/** One question as the page takes it: refused like Google would, else its stored answer. */
function checkItem(item: ItemModel, raw: string | string[] | undefined): Answer | undefined {
  const values =
    raw === undefined
      ? []
      : (Array.isArray(raw) ? raw : [raw]).map((v) => String(v).trim()).filter((v) => v !== '');
  if (values.length === 0) {
    if (item.required) throw new Error(`Не заполнен обязательный вопрос «${item.title}».`);
    return undefined;
  }
  if (['MULTIPLE_CHOICE', 'LIST', 'CHECKBOX'].includes(item.type) && !item.hasOther) {
    const wrong = values.find((v) => !item.choices.includes(v));
    if (wrong !== undefined) throw new Error(`В вопросе «${item.title}» нет варианта «${wrong}».`);
  }
  const refused = validationProblem(item.validation, values[0]);
  if (refused !== undefined) throw new Error(`В вопросе «${item.title}»: ${refused}`);
  if (item.type === 'SCALE') {
    const n = Number(values[0]);
    if (!Number.isInteger(n) || n < item.bounds[0] || n > item.bounds[1])
      throw new Error(`В вопросе «${item.title}» нужно число от ${item.bounds[0]} до ${item.bounds[1]}.`);
  }
  return item.type === 'CHECKBOX'
    ? values
    : item.type === 'GRID' || item.type === 'CHECKBOX_GRID'
      ? item.rows.map((_, i) => values[i] ?? '')
      : values.join(', ');
}

/**
 * Item ids or titles → stored answers; refuses what the Google Forms page would refuse. The
 * respondent goes through the pages as the form leads them: a chosen answer that goes to a page
 * (createChoice with navigation) or the end of a page (the next page break's setGoToPage) picks the
 * next page. Only visited pages are checked and answered; answers to questions on other pages are
 * not sent, as Google sends nothing from a section the respondent did not end up going through.
 */
export function resolveAnswers(
  form: FormModel,
  answers: FormAnswers,
): Array<{ itemId: number; value: Answer }> {
  const known = new Set(form.items.flatMap((i) => [String(i.id), i.title]));
  const unknown = Object.keys(answers).filter((k) => !known.has(k));
  if (unknown.length > 0)
    throw new Error(`В форме «${form.title}» нет вопросов: ${unknown.map((k) => `«${k}»`).join(', ')}.`);
  const pages = pagesOf(form);
  const out: Array<{ itemId: number; value: Answer }> = [];
  const visited = new Set<number>();
  let index = 0;
  while (index < pages.length) {
    if (visited.has(index))
      throw new Error(`Форму «${form.title}» нельзя отправить: переходы между разделами идут по кругу.`);
    visited.add(index);
    let next: Navigation | undefined;
    for (const item of pages[index].items) {
      if (item.type === 'SECTION_HEADER') continue;
      const key = [String(item.id), item.title].find((k) => k in answers);
      const value = checkItem(item, key === undefined ? undefined : answers[key]);
      if (value === undefined) continue;
      out.push({ itemId: item.id, value });
      const chosen = typeof value === 'string' ? item.choices.indexOf(value) : -1;
      const leads = chosen >= 0 ? item.choiceNavigation?.[chosen] : undefined;
      if (leads !== undefined && leads !== null && leads !== 'CONTINUE') next = leads;
    }
    const afterPage = pages[index + 1]?.header?.goToPage;
    if (next === undefined && afterPage !== undefined && afterPage !== 'CONTINUE') next = afterPage;
    if (next === 'SUBMIT') break;
    if (next === 'RESTART')
      throw new Error(`Форму «${form.title}» нельзя отправить: раздел возвращает к началу формы.`);
    const target = typeof next === 'number' ? pages.findIndex((p) => p.header?.id === next) : -1;
    index = target >= 0 ? target : index + 1;
  }
  const order = new Map(form.items.map((item, n) => [item.id, n]));
  return out.sort((a, b) => (order.get(a.itemId) ?? 0) - (order.get(b.itemId) ?? 0));
}
