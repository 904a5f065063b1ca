// «Закрыть учебный год»: final figures and reports, the long-term mentor base, then each working
// sheet is renamed «<лист> <год>» and hidden, and a fresh sheet with the same headers takes its
// place for the new questionnaires. Nothing is deleted. Keyed by academic year: a finished close is
// recorded in script properties, and a close cut short resumes sheet by sheet.
import { formatDayRanges, formatRussianDate } from '../../core/meetings/calendar';
import { type NextYearCalendar, nextYearCalendar } from '../../core/meetings/nextYear';
import { SCHEDULE_SETTINGS } from '../../core/meetings/settings';
import { academicYear, archiveSheetName, YEAR_SHEETS } from '../../core/monitoring/yearClose';
import { readSettings, settingCells } from '../../core/settings';
import { appendJournal, localToday } from '../mail/journal';
import { settingsTable } from '../settingsSheet';
import { inviteMentorBank } from './reenrol';
import { runMonitoring } from './refresh';
import { schoolReport } from './reportDocuments';

type Book = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const closedKey = (year: string): string => `nastavnik.yearClosed.${year}`;

export interface YearCloseResult {
  year: string;
  alreadyClosed: boolean;
  archived: string[];
  reports: string[];
  bankAdded: number;
  /** Mentors of the long-term base invited to the next year. */
  invited: number;
  /** The next year's calendar written to Настройки for the curator to confirm. */
  next?: NextYearCalendar;
}

/**
 * Writes the next year's end date and holidays to Настройки when they still hold the closed year's,
 * so a pair approved in the new year gets a plan on the new calendar; a curator who already set the
 * new year's dates keeps them. The old values go to Журнал.
 */
function proposeNextYear(closing: string): NextYearCalendar | undefined {
  const settings = settingsTable();
  const rows = settings.read();
  const current = readSettings(SCHEDULE_SETTINGS, settingCells(rows)).values;
  if (academicYear(current.programmeEnd) !== closing) return undefined;
  const next = nextYearCalendar(closing, current.programmeEnd);
  const values: Array<[string, string]> = [
    [SCHEDULE_SETTINGS.programmeEnd.name, formatRussianDate(next.programmeEnd)],
    [SCHEDULE_SETTINGS.holidays.name, next.holidaysText],
  ];
  const updates = values.flatMap(([name, value]) => {
    const row = rows.find((r) => r.values.name === name);
    return row ? [{ rowNumber: row.rowNumber, values: { value } }] : [];
  });
  const appends = values
    .filter(([name]) => !rows.some((r) => r.values.name === name))
    .map(([name, value]) => ({ name, value }));
  settings.write(updates, appends);
  appendJournal(
    `Календарь ${next.year} предложен`,
    'закрытие учебного года',
    `Окончание программы: ${formatRussianDate(current.programmeEnd)} → ${formatRussianDate(next.programmeEnd)}; каникулы и праздники: ${formatDayRanges(current.holidays)} → ${next.holidaysText}. Проверьте даты в «Настройках»: каникулы утверждает регион.`,
  );
  return next;
}

function archiveSheet(book: Book, name: string, year: string): boolean {
  const sheet = book.getSheetByName(name);
  const archiveName = archiveSheetName(name, year);
  if (!sheet || book.getSheetByName(archiveName)) return false;
  const width = sheet.getLastColumn();
  const headers = width > 0 ? sheet.getRange(1, 1, 1, width).getValues()[0] : [];
  sheet.setName(archiveName);
  sheet.hideSheet();
  const fresh = book.insertSheet(name);
  // A new sheet has 26 columns; the bases are wider.
  const missing = headers.length - fresh.getMaxColumns();
  if (missing > 0) fresh.insertColumnsAfter(fresh.getMaxColumns(), missing);
  if (headers.length > 0) {
    fresh.getRange(1, 1, 1, headers.length).setValues([headers]);
    fresh.setFrozenRows(1);
  }
  return true;
}

export function closeSchoolYearIn(book: Book, now: Date): YearCloseResult {
  const props = PropertiesService.getScriptProperties();
  const year = academicYear(localToday(now));
  const key = closedKey(year);
  if (props.getProperty(key))
    return { year, alreadyClosed: true, archived: [], reports: [], bankAdded: 0, invited: 0 };
  const run = runMonitoring(book, now);
  const reports = [schoolReport('yearEnd', run), schoolReport('statistics', run)];
  const archived = YEAR_SHEETS.filter((name) => archiveSheet(book, name, run.year));
  const next = proposeNextYear(run.year);
  const following = Number(run.year.slice(5));
  const invited = inviteMentorBank(book, `${following}-${following + 1}`);
  props.setProperty(key, run.today);
  appendJournal(
    'Учебный год закрыт',
    Session.getActiveUser().getEmail(),
    `${run.year}: в архив — ${archived.length ? archived.join(', ') : 'листы уже были в архиве'}; в долгосрочную базу добавлено наставников — ${run.bankAdded}; приглашено на новый год — ${invited}.`,
  );
  return { year: run.year, alreadyClosed: false, archived, reports, bankAdded: run.bankAdded, invited, next };
}
