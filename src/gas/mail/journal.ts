// Журнал lines and «today» for the meeting and mail code.
import type { LocalDate } from '../../core/schedule/calendar';
import { SHEETS } from '../../core/sheets';
import { JOURNAL_HEADERS } from '../setup';
import { SheetTable } from '../sheetTable';

export function appendJournal(event: string, who: string, details: string): void {
  SheetTable.open(SHEETS.journal, JOURNAL_HEADERS).write(
    [],
    [{ Когда: new Date(), Событие: event, Кто: who, Подробности: details, 'Ссылка на ответ': '' }],
  );
}

/** Today in the script's time zone (Europe/Moscow in the manifest). */
export function localToday(now: Date = new Date()): LocalDate {
  return Utilities.formatDate(now, Session.getScriptTimeZone(), 'yyyy-MM-dd');
}
