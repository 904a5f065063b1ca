// «Закрыть учебный год»: final figures and reports, the long-term mentor base, then each working
// sheet is renamed «<лист> <год>» and hidden, and a fresh sheet with the same headers takes its
// place for the new questionnaires. Nothing is deleted. Keyed by academic year: a finished close is
// recorded in script properties, and a close cut short resumes sheet by sheet.
import type { NextYearCalendar } from '../../core/meetings/nextYear';
import { academicYear, archiveSheetName, YEAR_SHEETS } from '../../core/monitoring/yearClose';
import { appendJournal, localToday } from '../mail/journal';
import { proposeNextYear } from './nextYearCalendar';
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
  /** The next year's calendar proposed in «Календарь нового года» for the curator to confirm. */
  next?: NextYearCalendar;
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
