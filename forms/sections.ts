// Sections of a questionnaire and the way through them. A form is cut into pages by its 'page'
// items; a single-choice item with branches sends the respondent to the page of their answer, a
// page's `next` says where to go when it is done. The Google Form is built with the same navigation
// (src/gas/intake/formBuilder), and intake reads only the pages a respondent went through, so the
// two agree on which questions someone was asked.
import { type FormDefinition, type FormItem, SUBMIT_PAGE } from './definition';

export interface FormPage {
  /** '' for the first page (it has no page break item), else the page item's key. */
  key: string;
  /** The page item itself (undefined for the first page). */
  header?: FormItem;
  /** Questions of the page, in order. */
  items: FormItem[];
}

export function pagesOf(def: Pick<FormDefinition, 'items'>): FormPage[] {
  const pages: FormPage[] = [{ key: '', items: [] }];
  for (const item of def.items) {
    if (item.type === 'page') pages.push({ key: item.key, header: item, items: [] });
    else pages[pages.length - 1].items.push(item);
  }
  return pages;
}

/**
 * Walks the form as a respondent does: page by page, asking `answer` for each question of a visited
 * page (what the respondent chose there); a branching answer picks the next page. Returns the keys
 * of the pages visited, in order. A page is never visited twice (a loop ends the walk).
 */
export function walkPages(def: Pick<FormDefinition, 'items'>, answer: (item: FormItem) => unknown): string[] {
  const pages = pagesOf(def);
  const visited: string[] = [];
  let index = 0;
  while (index >= 0 && index < pages.length && !visited.includes(pages[index].key)) {
    const page = pages[index];
    visited.push(page.key);
    let target: string | undefined;
    for (const item of page.items) {
      const value = answer(item);
      if (item.branches && typeof value === 'string' && item.branches[value] !== undefined)
        target = item.branches[value];
    }
    target ??= pages[index].header?.next;
    index =
      target === undefined
        ? index + 1
        : target === SUBMIT_PAGE
          ? -1
          : pages.findIndex((p) => p.key === target);
  }
  return visited;
}

/** Keys of the questions on the pages a respondent with these answers goes through. */
export function visitedItemKeys(
  def: Pick<FormDefinition, 'items'>,
  answers: Readonly<Record<string, unknown>>,
): Set<string> {
  const pages = walkPages(def, (item) => answers[item.key]);
  return new Set(
    pagesOf(def)
      .filter((p) => pages.includes(p.key))
      .flatMap((p) => p.items.map((i) => i.key)),
  );
}
