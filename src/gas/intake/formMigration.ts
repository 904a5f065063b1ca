// Brings a live Google Form in line with its definition in forms/*.ts: adds missing questions,
// updates titles, help, choices and validation, retires removed questions and restores the order,
// keeping every item id that still answers the same question so the answer mapping survives.
import type { ChoiceLists, FormDefinition } from '../../../forms/definition';
import { formStamp } from '../../core/intake/formStamp';
import { addItem, applyNavigation, configureItem, googleType, sameKind } from './formBuilder';
import type { FormRecord } from './formRegistry';

type Form = GoogleAppsScript.Forms.Form;

export interface Migration {
  record: FormRecord;
  /** What a respondent would notice, in Russian, one line per question. */
  changes: string[];
}

export const isCurrent = (record: FormRecord, def: FormDefinition): boolean =>
  record.stamp === formStamp(def);

export function migrateForm(
  form: Form,
  def: FormDefinition,
  lists: ChoiceLists,
  record: FormRecord,
): Migration {
  const items = { ...record.items };
  const retired = { ...(record.retired ?? {}) };
  const changes: string[] = [];
  if (form.getDescription() !== def.description) changes.push('изменено описание анкеты');
  form.setDescription(def.description).setConfirmationMessage(def.confirmation);

  for (const item of def.items) {
    const known = items[item.key];
    const found = known ? form.getItemById(Number(known)) : null;
    const wanted = googleType(item, lists);
    if (found && sameKind(found.getType(), wanted)) {
      const changed = configureItem(found, item, lists);
      if (changed.length) changes.push(`вопрос «${item.title}»: ${changed.join(', ')}`);
      continue;
    }
    if (found && known) {
      // Google cannot change an item's kind; earlier answers stay in the responses sheet.
      form.deleteItem(found);
      retired[item.key] = known;
      changes.push(`вопрос «${item.title}» создан заново: изменился тип ответа`);
    } else {
      changes.push(
        item.type === 'page'
          ? `добавлен раздел «${item.title}»`
          : `добавлен вопрос «${item.title}»${item.required ? ' (обязательный)' : ''}`,
      );
    }
    items[item.key] = String(addItem(form, item, lists).getId());
  }

  const keys = new Set(def.items.map((i) => i.key));
  for (const [key, id] of Object.entries(items)) {
    if (keys.has(key)) continue;
    const found = form.getItemById(Number(id));
    if (found) {
      changes.push(`снят вопрос «${found.getTitle()}»: прежние ответы остаются в листе ответов и в базах`);
      form.deleteItem(found);
    }
    retired[key] = id;
    delete items[key];
  }

  let moved = 0;
  def.items.forEach((item, index) => {
    const found = form.getItemById(Number(items[item.key]));
    if (found && found.getIndex() !== index) {
      form.moveItem(found, index);
      moved++;
    }
  });
  if (moved) changes.push('порядок вопросов приведён к определению');
  // Sections are reached by the answers that lead to them; set every time, since adding or moving a
  // page break or resetting a choice list loses navigation.
  applyNavigation(form, def, items);

  return { record: { ...record, items, retired, stamp: formStamp(def) }, changes };
}
