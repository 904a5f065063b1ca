// Builds a Google Form from a definition in forms/*.ts and refills its dynamic choice lists.
import type { ChoiceLists, FormDefinition, FormItem } from '../../../forms/definition';
import { resolveChoices, textLimit } from '../../../forms/definition';

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

/** Every item type Forms creates has getId(); that is all the registry needs. */
function addItem(form: Form, item: FormItem, lists: ChoiceLists): { getId(): number } {
  switch (item.type) {
    case 'long':
      return form
        .addParagraphTextItem()
        .setTitle(item.title)
        .setHelpText(item.help)
        .setRequired(item.required)
        .setValidation(
          FormApp.createParagraphTextValidation()
            .setHelpText(`Не больше ${textLimit(item)} символов.`)
            .requireTextLengthLessThanOrEqualTo(textLimit(item))
            .build(),
        );
    case 'single': {
      const choices = choicesOf(item, lists);
      const q =
        item.choicesFrom || choices.length >= DROPDOWN_FROM
          ? form.addListItem()
          : form.addMultipleChoiceItem();
      return q
        .setTitle(item.title)
        .setHelpText(item.help)
        .setRequired(item.required)
        .setChoiceValues(choices);
    }
    case 'multiple':
      return form
        .addCheckboxItem()
        .setTitle(item.title)
        .setHelpText(item.help)
        .setRequired(item.required)
        .setChoiceValues(choicesOf(item, lists));
    case 'scale': {
      const s = item.scale ?? { min: 1, max: 10, minLabel: '', maxLabel: '' };
      return form
        .addScaleItem()
        .setTitle(item.title)
        .setHelpText(item.help)
        .setRequired(item.required)
        .setBounds(s.min, s.max)
        .setLabels(s.minLabel, s.maxLabel);
    }
    case 'date':
      return form.addDateItem().setTitle(item.title).setHelpText(item.help).setRequired(item.required);
    case 'grid':
      return form
        .addGridItem()
        .setTitle(item.title)
        .setHelpText(item.help)
        .setRequired(item.required)
        .setRows([...(item.rows ?? [])])
        .setColumns([...(item.choices ?? [])]);
    default:
      return form
        .addTextItem()
        .setTitle(item.title)
        .setHelpText(item.help)
        .setRequired(item.required)
        .setValidation(textValidation(item));
  }
}

/** Adds every item of the definition to a new form; returns item key → item id. */
export function buildForm(form: Form, def: FormDefinition, lists: ChoiceLists): Record<string, string> {
  form.setDescription(def.description).setConfirmationMessage(def.confirmation);
  const ids: Record<string, string> = {};
  for (const item of def.items) ids[item.key] = String(addItem(form, item, lists).getId());
  return ids;
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
