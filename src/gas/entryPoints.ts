// Every function Apps Script may call, before its caller is checked: src/gas/index.ts exports each one
// through the table of callers (src/gas/access/entryAccess.ts). What each feature brings to setup,
// approval, the daily run and the web app is listed in features.ts.
import { INTAKE_SETTINGS } from '../core/intake/settings';
import { readSettings } from '../core/settings';
import { SHEETS } from '../core/sheets';
import { settingGroups, setupSteps } from './features';
import { DISTRICT_MENU, MENU_TITLE, SCHOOL_MENU } from './menu';
import { isDistrictMode } from './monitoring/mode';
import { readSettingsOf } from './monitoring/sources';
import { checkSettings } from './settingsCheck';
import { runSetup } from './setup';

export {
  continueDocumentGeneration,
  createProgrammeOrders,
  generateDocumentsForApprovedPairs,
} from './documents/generate';
export {
  applyPendingDecisions,
  exportParticipantData,
  intakeForms,
  onNetworkingEdit,
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
    pseudonymous = readSettings(INTAKE_SETTINGS, cells).values.dataMode === 'pseudonymous';
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
}

/**
 * Simple trigger: a value typed into Настройки is checked at once and its problem shown beside it.
 * Other sheets' edits return at the first line (this runs on every edit of the workbook).
 */
export function onEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  if (e.range.getSheet().getName() !== SHEETS.settings) return;
  checkSettings();
}

export function setupProgramme(): void {
  const report = runSetup(setupSteps(), settingGroups());
  SpreadsheetApp.getActive().toast(report.length ? report.join('\n') : 'Всё уже настроено.', MENU_TITLE);
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
