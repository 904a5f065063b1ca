// Журнал lines and «today» for the meeting and mail code.

import { JOURNAL } from '../../core/intake/journal';
import type { LocalDate } from '../../core/meetings/calendar';
import { appendRows } from '../appendRows';

/** One line at the end of Журнал, without reading what is already there. */
export function appendJournal(event: string, who: string, details: string): void {
  appendRows(JOURNAL, [{ when: new Date(), event, who, details, ref: '' }]);
}

/** Today in the script's time zone (Europe/Moscow in the manifest). */
export function localToday(now: Date = new Date()): LocalDate {
  return Utilities.formatDate(now, Session.getScriptTimeZone(), 'yyyy-MM-dd');
}
