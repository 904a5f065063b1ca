// Edits of the workbook. One installable on-edit trigger serves every sheet: a value typed into
// Настройки is checked at once (its problem shown beside it, «Листы ответов: скрыть» applied) and the
// features' handlers get the edits of their sheets. Apps Script starts an execution for every edit
// and every on-edit trigger, so a simple `onEdit` beside an installable trigger would double the
// executions of each keystroke; the settings check needs no authorization, the features' handlers do
// (forms), hence one installable trigger rather than a simple one.
import { SHEETS } from '../core/sheets';
import { sheetEdits } from './features';
import { checkSettings } from './settingsCheck';
import { applyResponseSheetsVisibility } from './workbookLook';

export const WORKBOOK_EDIT_HANDLER = 'onWorkbookEdit';
/** Handlers of on-edit triggers that earlier versions installed (still exported): replaced by the one above. */
const RETIRED_HANDLERS = ['onNetworkingEdit'];

export function handleWorkbookEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  if (!e?.range) return;
  const sheet = e.range.getSheet().getName();
  if (sheet === SHEETS.settings) {
    checkSettings();
    applyResponseSheetsVisibility();
    return;
  }
  for (const edit of sheetEdits()) if (edit.sheet === sheet) edit.run(e);
}

/** Exactly one on-edit trigger of this workbook for the handler above (a setup step). */
export function setupWorkbookEditTrigger(): string | undefined {
  const book = SpreadsheetApp.getActive().getId();
  const triggers = ScriptApp.getProjectTriggers();
  for (const t of triggers) if (RETIRED_HANDLERS.includes(t.getHandlerFunction())) ScriptApp.deleteTrigger(t);
  const existing = triggers.filter((t) => t.getHandlerFunction() === WORKBOOK_EDIT_HANDLER);
  for (const t of existing.slice(1)) ScriptApp.deleteTrigger(t);
  if (existing.length > 0) return undefined;
  ScriptApp.newTrigger(WORKBOOK_EDIT_HANDLER).forSpreadsheet(book).onEdit().create();
  return 'Правки таблицы проверяются сразу: значения «Настроек» — при вводе, отметка встречи-знакомства обновляет списки в анкетах после встречи';
}
