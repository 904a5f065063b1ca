// Every function Apps Script may call, before its caller is checked: src/gas/index.ts exports each one
// through the table of callers (src/gas/access/entryAccess.ts). What each feature brings to setup,
// approval, the daily run and the web app is listed in features.ts.
import { INTAKE_SETTINGS } from '../core/intake/settings';
import { readSettingValues } from '../core/settings';
import { SHEETS } from '../core/sheets';
import { settingGroups, setupSteps } from './features';
import { withScriptLock } from './lock';
import { DISTRICT_MENU, MENU_TITLE, SCHOOL_MENU } from './menu';
import { isDistrictMode } from './monitoring/mode';
import { readSettingsOf } from './monitoring/sources';
import { runSetup } from './setup';
import {
  saveWizard,
  WIZARD_TITLE,
  type WizardField,
  type WizardResult,
  wizardDialog,
  wizardFields,
  wizardNeeded,
} from './setupWizard';
import { handleWorkbookEdit } from './workbookEdit';

export {
  continueDocumentGeneration,
  createProgrammeOrders,
  generateDocumentsForApprovedPairs,
} from './documents/generate';
export {
  applyPendingDecisions,
  exportParticipantData,
  intakeForms,
  onQuestionnaireSubmit,
  refreshQuestionnaireLists,
  updateQuestionnaires,
  withdrawConsent,
} from './intake/entry';
export {
  approvePairs,
  openPairsReview,
  pairsReviewData,
  proposePairs,
  rerunMatching,
  setPairState,
} from './matching/entry';
export { createMeetingPlans, dailyRun, deliverMail, onSurveySubmit } from './meetings/entry';
export {
  closeSchoolYear,
  collectDistrictReports,
  confirmNextYearCalendar,
  continueDistrictCollection,
  createHalfYearReport,
  createStatisticsReport,
  createYearEndReport,
  refreshMonitoring,
  sendDistrictProposals,
} from './monitoring/entry';
export { enterRegisterKey } from './pseudonymous/registerKey';
export { programmeFigures } from './status';
export { doGet } from './webApp';

/** The menu of a school's or a district's workbook («Режим» in Настройки). */
export function onOpen(): void {
  const ui = SpreadsheetApp.getUi();
  let district = false;
  let pseudonymous = false;
  try {
    const cells = readSettingsOf(SpreadsheetApp.getActive());
    district = isDistrictMode(cells);
    pseudonymous = readSettingValues(INTAKE_SETTINGS, ['dataMode'], cells).dataMode === 'pseudonymous';
  } catch {
    // Before setup there is no Настройки: a school's menu.
  }
  // The data mode is in the menu's own title, so the curator sees it in every sheet.
  const menu = ui.createMenu(pseudonymous ? `${MENU_TITLE} · псевдонимы` : MENU_TITLE);
  for (const entry of district ? DISTRICT_MENU : SCHOOL_MENU) {
    if (entry === 'separator') menu.addSeparator();
    else if ('items' in entry) {
      const sub = ui.createMenu(entry.title);
      for (const item of entry.items) sub.addItem(item.title, item.functionName);
      menu.addSubMenu(sub);
    } else menu.addItem(entry.title, entry.functionName);
  }
  menu.addToUi();
  suggestFirstSteps();
}

/** On opening: a fresh copy is told where to start, a workbook with empty required settings is offered the wizard. */
function suggestFirstSteps(): void {
  const book = SpreadsheetApp.getActive();
  try {
    if (!book.getSheetByName(SHEETS.settings))
      book.toast('Начните с меню «Наставничество» → «Настроить программу».', MENU_TITLE, 15);
    else if (wizardNeeded(book))
      book.toast(
        'Заполнены не все обязательные настройки. Откройте «Наставничество» → «Первый запуск: обязательные настройки».',
        MENU_TITLE,
        15,
      );
  } catch {
    // A hint only: opening the workbook never fails because of it.
  }
}

/** Installable on-edit trigger of the workbook (see workbookEdit.ts). */
export function onWorkbookEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  handleWorkbookEdit(e);
}

/**
 * The on-edit trigger that earlier versions installed for «Встречи-знакомства» still calls this name
 * until «Настроить программу» replaces it with onWorkbookEdit: it handles every edit the same way.
 */
export function onNetworkingEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  handleWorkbookEdit(e);
}

export function setupProgramme(): void {
  const report = runSetup(setupSteps(), settingGroups());
  SpreadsheetApp.getActive().toast(report.length ? report.join('\n') : 'Всё уже настроено.', MENU_TITLE);
  // The first run ends in the wizard: the school's own values before anything else.
  if (!wizardNeeded()) return;
  try {
    openSetupWizard();
  } catch {
    // Run from the script editor there is no workbook window to show it in; the menu has it.
  }
}

/** Menu «Первый запуск: обязательные настройки». */
export function openSetupWizard(): void {
  SpreadsheetApp.getUi().showModalDialog(wizardDialog(), WIZARD_TITLE);
}

/** Wizard: the fields of «Обязательно заполнить» with the values Настройки holds. */
export function setupWizardData(): WizardField[] {
  return wizardFields();
}

/** Wizard: «Сохранить». */
export function saveSetupWizard(values: unknown): WizardResult {
  return withScriptLock(() => saveWizard(values));
}

/** Run by `npm run live-check` through the Apps Script API: a quick proof that the services answer. */
export function selfTest(): { passed: string[]; failed: string[] } {
  const passed: string[] = [];
  const failed: string[] = [];
  const check = (name: string, probe: () => unknown) => {
    try {
      probe();
      passed.push(name);
    } catch (e) {
      failed.push(`${name}: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  check('timezone', () => {
    if (Session.getScriptTimeZone() !== 'Europe/Moscow') throw new Error(Session.getScriptTimeZone());
  });
  check('properties', () => PropertiesService.getScriptProperties().getProperties());
  check('lock', () => LockService.getScriptLock().tryLock(1000));
  check('mail quota', () => MailApp.getRemainingDailyQuota());
  return { passed, failed };
}
