// Entry points of intake (exported from src/gas/index.ts) and its registrations.

import { BASES } from '../../core/intake/baseRow';
import { CONSENTS } from '../../core/intake/consentRow';
import { INTAKE_LOG } from '../../core/intake/journal';
import { INTAKE_SETTINGS } from '../../core/intake/settings';
import { withScriptLock } from '../lock';
import { MENU_TITLE } from '../menu';
import { registerSettings } from '../settingsSheet';
import { SETUP_STEPS } from '../setup';
import { ensureSheet } from '../sheetTable';
import { describeForms, refreshListsInForms, setupIntakeForms } from './setupForms';

registerSettings(INTAKE_SETTINGS);

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

SETUP_STEPS.push({
  name: 'Анкеты и базы',
  run: () => {
    ensureSheet(BASES.mentee);
    ensureSheet(BASES.mentor);
    ensureSheet(CONSENTS);
    ensureSheet(INTAKE_LOG);
    return setupIntakeForms();
  },
});
