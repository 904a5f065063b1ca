// Entry points of intake (exported from src/gas/index.ts).
import { withScriptLock } from '../lock';
import { MENU_TITLE } from '../menu';
import { describeForms, refreshListsInForms } from './setupForms';

export { applyPendingDecisions } from './pendingConfirm';
export { exportParticipantData } from './subjectAccess';
export { onQuestionnaireSubmit } from './submit';
export { withdrawConsent } from './withdraw';

export function refreshQuestionnaireLists(): void {
  const changed = withScriptLock(refreshListsInForms);
  SpreadsheetApp.getActive().toast(`Обновлено списков в анкетах: ${changed}.`, MENU_TITLE);
}

/** Used by `nastavnik local submit` to map answers keyed by item key to the form's item ids. */
export function intakeForms(): ReturnType<typeof describeForms> {
  return describeForms();
}
