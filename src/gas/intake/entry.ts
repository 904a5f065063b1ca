// Entry points of intake (exported from src/gas/index.ts) and its registrations.
import { BASE_HEADERS } from '../../core/intake/baseRow';
import { CONSENT_HEADERS } from '../../core/intake/consentRow';
import { INTAKE_LOG_HEADERS } from '../../core/intake/journal';
import { PENDING_HEADERS, PENDING_SHEET } from '../../core/intake/pendingRow';
import { INTAKE_SETTINGS } from '../../core/intake/settings';
import { SHEETS } from '../../core/sheets';
import { DAILY_JOBS } from '../dailyJobs';
import { withScriptLock } from '../lock';
import { MENU_TITLE } from '../menu';
import { registerSettings } from '../settingsSheet';
import { SETUP_STEPS } from '../setup';
import { ensureSheet } from '../sheetTable';
import { applyCuratorDecisions, registerConfirmRoute } from './pendingConfirm';
import { describeForms, refreshListsInForms, setupIntakeForms } from './setupForms';

registerSettings(INTAKE_SETTINGS);
registerConfirmRoute();
DAILY_JOBS.push({ name: 'Решения куратора по изменениям анкет', run: () => applyCuratorDecisions() });

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

SETUP_STEPS.push({
  name: 'Анкеты и базы',
  run: () => {
    ensureSheet(SHEETS.mentees, BASE_HEADERS.mentee);
    ensureSheet(SHEETS.mentors, BASE_HEADERS.mentor);
    ensureSheet(SHEETS.consents, CONSENT_HEADERS);
    ensureSheet(SHEETS.intake, INTAKE_LOG_HEADERS);
    ensureSheet(PENDING_SHEET, PENDING_HEADERS);
    return setupIntakeForms();
  },
});
