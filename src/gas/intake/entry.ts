// Entry points of intake (exported from src/gas/index.ts).
import { withScriptLock } from '../lock';
import { MENU_TITLE } from '../menu';
import { describeForms, refreshListsInForms, updateForms } from './setupForms';

export { applyPendingDecisions } from './pendingConfirm';
export { exportParticipantData } from './subjectAccess';
export { onQuestionnaireSubmit } from './submit';
export { withdrawConsent } from './withdraw';

export function refreshQuestionnaireLists(): void {
  const changed = withScriptLock(refreshListsInForms);
  SpreadsheetApp.getActive().toast(`Обновлено списков в анкетах: ${changed}.`, MENU_TITLE);
}

/** Menu «Обновить анкеты»: questions, choices and order of every form as forms/*.ts define them. */
export function updateQuestionnaires(): string[] {
  const changes = withScriptLock(updateForms);
  SpreadsheetApp.getActive().toast(
    changes.length ? `Анкеты обновлены.\n${changes.join('\n')}` : 'Анкеты уже соответствуют определениям.',
    MENU_TITLE,
  );
  return changes;
}

/** Used by `nastavnik local submit` to map answers keyed by item key to the form's item ids. */
export function intakeForms(): ReturnType<typeof describeForms> {
  return describeForms();
}
