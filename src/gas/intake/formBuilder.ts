// Builds a Google Form from a definition in forms/*.ts and refills its dynamic choice lists.
import type { ChoiceLists, FormDefinition, FormItem } from '../../../forms/definition';
import { resolveChoices, SUBMIT_PAGE, textLimit } from '../../../forms/definition';
import { pagesOf } from '../../../forms/sections';

type Form = GoogleAppsScript.Forms.Form;

/** The form with this id; undefined when there is no id or the form is gone (deleted by hand). */
export function openForm(id: string | undefined): Form | undefined {
  if (!id) return undefined;
  try {
    return FormApp.openById(id);
  } catch {
    return undefined;
  }
}

/** Forms refuses an empty choice list; this placeholder keeps the question until the list fills. */
export const EMPTY_LIST_CHOICE = 'Список пока пуст';
/** Longer lists read better as a drop-down than as radio buttons. */
const DROPDOWN_FROM = 12;

const choicesOf = (item: FormItem, lists: ChoiceLists): string[] => {
  const choices = [...resolveChoices(item, lists)];
  return choices.length ? choices : [EMPTY_LIST_CHOICE];
};

/** The form page refuses what it can; intake checks everything again (a curator may drop these). */
function textValidation(item: FormItem): GoogleAppsScript.Forms.TextValidation {
  const builder = FormApp.createTextValidation();
  const range = item.validation?.integer;
  if (item.type === 'email') {
    return builder.setHelpText('Нужен адрес почты, например ivanova@mail.ru').requireTextIsEmail().build();
  }
  const pattern = item.validation?.pattern;
  if (pattern) return builder.setHelpText(pattern.help).requireTextMatchesPattern(pattern.regex).build();
  if (range) {
    return builder
      .setHelpText(`Целое число от ${range.min} до ${range.max}.`)
      .requireNumberBetween(range.min, range.max)
      .build();
  }
  return builder
    .setHelpText(`Не больше ${textLimit(item)} символов.`)
    .requireTextLengthLessThanOrEqualTo(textLimit(item))
    .build();
}

type Item = GoogleAppsScript.Forms.Item;
type ItemType = GoogleAppsScript.Forms.ItemType;

/** The Google item type a definition item is built as. */
export function googleType(item: FormItem, lists: ChoiceLists): ItemType {
  const T = FormApp.ItemType;
  switch (item.type) {
    case 'long':
      return T.PARAGRAPH_TEXT;
    case 'single':
      return item.choicesFrom || choicesOf(item, lists).length >= DROPDOWN_FROM ? T.LIST : T.MULTIPLE_CHOICE;
    case 'multiple':
      return T.CHECKBOX;
    case 'scale':
      return T.SCALE;
    case 'date':
      return T.DATE;
    case 'grid':
      return T.GRID;
    case 'page':
      return T.PAGE_BREAK;
    default:
      return T.TEXT;
  }
}

/** A single-choice item may be shown as radio buttons or a drop-down: both answer the same way. */
export function sameKind(a: ItemType, b: ItemType): boolean {
  const single = [FormApp.ItemType.LIST, FormApp.ItemType.MULTIPLE_CHOICE];
  return a === b || (single.includes(a) && single.includes(b));
}

/** A new item of that type at the end of the form, as a generic Item (what getItemById answers). */
function addBlank(form: Form, type: ItemType): Item {
  const T = FormApp.ItemType;
  const added: { getId(): number } =
    type === T.PARAGRAPH_TEXT
      ? form.addParagraphTextItem()
      : type === T.LIST
        ? form.addListItem()
        : type === T.MULTIPLE_CHOICE
          ? form.addMultipleChoiceItem()
          : type === T.CHECKBOX
            ? form.addCheckboxItem()
            : type === T.SCALE
              ? form.addScaleItem()
              : type === T.DATE
                ? form.addDateItem()
                : type === T.GRID
                  ? form.addGridItem()
                  : type === T.PAGE_BREAK
                    ? form.addPageBreakItem()
                    : form.addTextItem();
  const item = form.getItemById(added.getId());
  if (!item) throw new Error('Вопрос добавлен, но форма его не находит; запустите настройку ещё раз.');
  return item;
}

/** What a question shows a respondent, read back from Google (validation cannot be read back). */
interface Shown {
  required: boolean;
  choices: string[];
}

function shownOf(found: Item): Shown {
  const T = FormApp.ItemType;
  const type = found.getType();
  if (type === T.PARAGRAPH_TEXT) return { required: found.asParagraphTextItem().isRequired(), choices: [] };
  if (type === T.LIST) {
    const q = found.asListItem();
    return { required: q.isRequired(), choices: q.getChoices().map((c) => c.getValue()) };
  }
  if (type === T.MULTIPLE_CHOICE) {
    const q = found.asMultipleChoiceItem();
    return { required: q.isRequired(), choices: q.getChoices().map((c) => c.getValue()) };
  }
  if (type === T.CHECKBOX) {
    const q = found.asCheckboxItem();
    return { required: q.isRequired(), choices: q.getChoices().map((c) => c.getValue()) };
  }
  if (type === T.SCALE) return { required: found.asScaleItem().isRequired(), choices: [] };
  if (type === T.PAGE_BREAK) return { required: false, choices: [] };
  if (type === T.DATE) return { required: found.asDateItem().isRequired(), choices: [] };
  if (type === T.GRID) {
    const q = found.asGridItem();
    return { required: q.isRequired(), choices: [...q.getRows(), '|', ...q.getColumns()] };
  }
  return { required: found.asTextItem().isRequired(), choices: [] };
}

/**
 * Sets everything the definition says on an item of the right kind; returns what a respondent would
 * notice changed (title, help, required, choices), for the setup report.
 */
export function configureItem(found: Item, item: FormItem, lists: ChoiceLists): string[] {
  const T = FormApp.ItemType;
  const before = { title: found.getTitle(), help: found.getHelpText(), ...shownOf(found) };
  const type = found.getType();
  const choices = choicesOf(item, lists);
  if (type === T.PARAGRAPH_TEXT) {
    found
      .asParagraphTextItem()
      .setTitle(item.title)
      .setHelpText(item.help)
      .setRequired(item.required)
      .setValidation(
        FormApp.createParagraphTextValidation()
          .setHelpText(`Не больше ${textLimit(item)} символов.`)
          .requireTextLengthLessThanOrEqualTo(textLimit(item))
          .build(),
      );
  } else if (type === T.LIST) {
    found
      .asListItem()
      .setTitle(item.title)
      .setHelpText(item.help)
      .setRequired(item.required)
      .setChoiceValues(choices);
  } else if (type === T.MULTIPLE_CHOICE) {
    found
      .asMultipleChoiceItem()
      .setTitle(item.title)
      .setHelpText(item.help)
      .setRequired(item.required)
      .setChoiceValues(choices);
  } else if (type === T.CHECKBOX) {
    found
      .asCheckboxItem()
      .setTitle(item.title)
      .setHelpText(item.help)
      .setRequired(item.required)
      .setChoiceValues(choices);
  } else if (type === T.SCALE) {
    const s = item.scale ?? { min: 1, max: 10, minLabel: '', maxLabel: '' };
    found
      .asScaleItem()
      .setTitle(item.title)
      .setHelpText(item.help)
      .setRequired(item.required)
      .setBounds(s.min, s.max)
      .setLabels(s.minLabel, s.maxLabel);
  } else if (type === T.PAGE_BREAK) {
    found.asPageBreakItem().setTitle(item.title).setHelpText(item.help);
  } else if (type === T.DATE) {
    found.asDateItem().setTitle(item.title).setHelpText(item.help).setRequired(item.required);
  } else if (type === T.GRID) {
    found
      .asGridItem()
      .setTitle(item.title)
      .setHelpText(item.help)
      .setRequired(item.required)
      .setRows([...(item.rows ?? [])])
      .setColumns([...(item.choices ?? [])]);
  } else {
    found
      .asTextItem()
      .setTitle(item.title)
      .setHelpText(item.help)
      .setRequired(item.required)
      .setValidation(textValidation(item));
  }
  const after = shownOf(found);
  const changed: string[] = [];
  if (before.title !== item.title) changed.push('заголовок');
  if (before.help !== item.help) changed.push('пояснение');
  if (before.required !== after.required)
    changed.push(item.required ? 'стал обязательным' : 'стал необязательным');
  if (before.choices.join('\u0001') !== after.choices.join('\u0001')) changed.push('варианты ответа');
  return changed;
}

/** Adds one item of the definition at the end of the form. */
export function addItem(form: Form, item: FormItem, lists: ChoiceLists): Item {
  const added = addBlank(form, googleType(item, lists));
  configureItem(added, item, lists);
  return added;
}

/** Adds every item of the definition to a new form; returns item key → item id. */
export function buildForm(form: Form, def: FormDefinition, lists: ChoiceLists): Record<string, string> {
  form.setDescription(def.description).setConfirmationMessage(def.confirmation);
  const ids: Record<string, string> = {};
  for (const item of def.items) ids[item.key] = String(addItem(form, item, lists).getId());
  applyNavigation(form, def, ids);
  return ids;
}

type Navigation = GoogleAppsScript.Forms.PageBreakItem | GoogleAppsScript.Forms.PageNavigationType;

/**
 * Sets the way through the sections: each branching answer goes to its section's page break, and
 * the page that follows a section says where the section leads (Google keeps «after this page» on
 * the next page break). Choices of a branching question are set again with their navigation.
 */
export function applyNavigation(form: Form, def: FormDefinition, ids: Record<string, string>): void {
  const pageBreak = (key: string) => form.getItemById(Number(ids[key]))?.asPageBreakItem();
  const target = (key: string): Navigation | undefined =>
    key === SUBMIT_PAGE ? FormApp.PageNavigationType.SUBMIT : pageBreak(key);
  const pages = pagesOf(def);
  pages.forEach((page, i) => {
    const following = pages[i + 1]?.header;
    const breakItem = following ? pageBreak(following.key) : undefined;
    if (!breakItem) return;
    const next = page.header?.next;
    const goTo = next === undefined ? FormApp.PageNavigationType.CONTINUE : target(next);
    if (goTo === undefined) return;
    if (typeof goTo === 'object') breakItem.setGoToPage(goTo);
    else breakItem.setGoToPage(goTo);
  });
  for (const item of def.items) {
    const branches = item.branches;
    const found = branches ? form.getItemById(Number(ids[item.key])) : null;
    if (!branches || !found) continue;
    const q = found.getType() === FormApp.ItemType.LIST ? found.asListItem() : found.asMultipleChoiceItem();
    const choices = (item.choices ?? []).map((value) => {
      const goTo = branches[value] === undefined ? undefined : target(branches[value]);
      if (goTo === undefined) return q.createChoice(value);
      return typeof goTo === 'object' ? q.createChoice(value, goTo) : q.createChoice(value, goTo);
    });
    q.setChoices(choices);
  }
}

/** Refills the lists that come from Настройки or the bases; returns how many questions changed. */
export function refreshChoices(
  form: Form,
  def: FormDefinition,
  lists: ChoiceLists,
  itemIds: Record<string, string>,
): number {
  let changed = 0;
  for (const item of def.items) {
    if (!item.choicesFrom || !itemIds[item.key]) continue;
    const found = form.getItemById(Number(itemIds[item.key]));
    if (!found) continue;
    const choices = choicesOf(item, lists);
    if (item.type === 'multiple') found.asCheckboxItem().setChoiceValues(choices);
    else if (found.getType() === FormApp.ItemType.LIST) found.asListItem().setChoiceValues(choices);
    else found.asMultipleChoiceItem().setChoiceValues(choices);
    changed++;
  }
  return changed;
}
