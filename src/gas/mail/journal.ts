// Журнал lines and «today» for the meeting and mail code.
import type { LocalDate } from '../../core/meetings/calendar';
import { SHEETS } from '../../core/sheets';
import { appendRows } from '../appendRows';
import { JOURNAL_HEADERS } from '../setup';

/** One line at the end of Журнал, without reading what is already there. */
export function appendJournal(event: string, who: string, details: string): void {
  appendRows(SHEETS.journal, JOURNAL_HEADERS, [
    { Когда: new Date(), Событие: event, Кто: who, Подробности: details, 'Ссылка на ответ': '' },
  ]);
}

/** Today in the script's time zone (Europe/Moscow in the manifest). */
export function localToday(now: Date = new Date()): LocalDate {
  return Utilities.formatDate(now, Session.getScriptTimeZone(), 'yyyy-MM-dd');
}
