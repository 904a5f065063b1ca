// Meetings, letters and surveys: their settings, the sheets and the daily trigger, the plan made on
// approval and the web-app pages behind the links in letters. The meetings and letters of the day
// are the daily trigger's own work (see daily.ts); the feature's daily job closes finished pairs.
import { BASES } from '../../core/intake/baseRow';
import { MAIL } from '../../core/mail/outbox';
import { MAIL_TEMPLATE_SETTINGS } from '../../core/mail/templates';
import { MEETINGS } from '../../core/meetings/meetingRow';
import { SCHEDULE_SETTINGS } from '../../core/meetings/settings';
import { SURVEYS } from '../../core/meetings/surveys';
import { ROLES } from '../../core/model';
import { DEADLINES } from '../../core/monitoring/deadlineCalendar';
import type { Feature } from '../feature';
import { withScriptLock } from '../lock';
import { localToday } from '../mail/journal';
import { ensureSheet, spreadsheet } from '../sheetTable';
import { completePairs } from './completion';
import { announceApprovedPairs } from './daily';
import { openBaseWithOptOut } from './people';
import { setupSurveyForms } from './surveys';
import { heldPage, movePage, optOutPage } from './webRoutes';

const DAILY_HANDLER = 'dailyRun';
/** The daily run starts between 7 and 8 in the morning, before lessons. */
const DAILY_HOUR = 7;

function installDailyTrigger(): boolean {
  const existing = ScriptApp.getProjectTriggers().filter((t) => t.getHandlerFunction() === DAILY_HANDLER);
  // A double-installed trigger would double-fire; keep exactly one.
  for (const t of existing.slice(1)) ScriptApp.deleteTrigger(t);
  if (existing.length > 0) return false;
  ScriptApp.newTrigger(DAILY_HANDLER).timeBased().everyDays(1).atHour(DAILY_HOUR).create();
  return true;
}

export const MEETINGS_FEATURE: Feature = {
  name: 'Встречи, почта и опросы',
  settings: [SCHEDULE_SETTINGS, MAIL_TEMPLATE_SETTINGS],
  setup: [
    {
      name: 'Встречи, почта и опросы',
      run: () => {
        ensureSheet(MEETINGS);
        ensureSheet(DEADLINES);
        ensureSheet(MAIL, undefined, ['notBefore', 'attachment']);
        ensureSheet(SURVEYS, undefined, ['responseId', 'comment']);
        const book = spreadsheet();
        for (const role of ROLES) {
          if (book.getSheetByName(BASES[role].name)) openBaseWithOptOut(role, book);
        }
        return installDailyTrigger()
          ? 'Ежедневный запуск (встречи, напоминания, опросы, мониторинг) установлен: 7:00–8:00.'
          : undefined;
      },
    },
    { name: 'Анкеты обратной связи и удовлетворённости', run: setupSurveyForms },
  ],
  // The plan appears in «Встречи» at once with the pair's announcement queued; reminders follow
  // with the daily run.
  afterApproval: [(pairIds) => announceApprovedPairs(pairIds)],
  daily: [
    {
      name: 'Завершение пар',
      run: (day) => withScriptLock(() => completePairs(localToday(), day.yearSettings(), day.meetings)),
    },
  ],
  edits: [],
  webRoutes: { held: heldPage, move: movePage, optout: optOutPage },
};
