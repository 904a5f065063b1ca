// Meetings, reminders and surveys (issue 7): settings, the setup step, the daily trigger and the
// web-app routes. Imported by src/gas/index.ts, which exports the entry points below.

import { BASES } from '../../core/intake/baseRow';
import { MAIL } from '../../core/mail/outbox';
import { MAIL_TEMPLATE_SETTINGS } from '../../core/mail/templates';
import { ROLES } from '../../core/model';
import { MEETINGS } from '../../core/schedule/meetings';
import { SCHEDULE_SETTINGS } from '../../core/schedule/settings';
import { SURVEYS } from '../../core/surveys';
import { localToday } from '../mail/journal';
import { AFTER_APPROVAL } from '../pairsApproval';
import { registerSettings } from '../settingsSheet';
import { SETUP_STEPS } from '../setup';
import { ensureSheet, spreadsheet } from '../sheetTable';
import { syncPlans } from './daily';
import { openBaseWithOptOut } from './people';
import { setupSurveyForms } from './surveys';
import { registerMeetingRoutes } from './webRoutes';
import { loadYearSettings } from './yearSettings';

export const DAILY_HANDLER = 'dailyRun';
/** The daily run starts between 7 and 8 in the morning, before lessons. */
const DAILY_HOUR = 7;

registerSettings(SCHEDULE_SETTINGS);
registerSettings(MAIL_TEMPLATE_SETTINGS);
registerMeetingRoutes();
// «Утвердить пары» runs this under its lock: the plan appears in «Встречи» at once; letters follow
// with the next daily run.
AFTER_APPROVAL.push(() => {
  syncPlans(localToday(), loadYearSettings());
});

function installDailyTrigger(): boolean {
  const existing = ScriptApp.getProjectTriggers().filter((t) => t.getHandlerFunction() === DAILY_HANDLER);
  // A double-installed trigger would double-fire; keep exactly one.
  for (const t of existing.slice(1)) ScriptApp.deleteTrigger(t);
  if (existing.length > 0) return false;
  ScriptApp.newTrigger(DAILY_HANDLER).timeBased().everyDays(1).atHour(DAILY_HOUR).create();
  return true;
}

SETUP_STEPS.push({
  name: 'Встречи, почта и опросы',
  run: () => {
    ensureSheet(MEETINGS);
    ensureSheet(MAIL);
    ensureSheet(SURVEYS, undefined, ['responseId']);
    const book = spreadsheet();
    for (const role of ROLES) {
      if (book.getSheetByName(BASES[role].name)) openBaseWithOptOut(role, book);
    }
    return installDailyTrigger()
      ? 'Ежедневный запуск (встречи, напоминания, опросы, мониторинг) установлен: 7:00–8:00.'
      : undefined;
  },
});

SETUP_STEPS.push({ name: 'Анкеты обратной связи и удовлетворённости', run: setupSurveyForms });

export { deliverMail } from '../mail/outbox';
export { doGet } from '../webApp';
export { createMeetingPlans, dailyRun } from './daily';
export { onSurveySubmit } from './surveys';
