// The school year the workbook works in and what each archived year holds: pairs by state, meetings
// held of planned, survey answers by kind. Read through the schemas of Пары, Встречи and Опросы under
// their archive names («Пары 2026-2027»), so a closed year reads like a current one.
import { PAIRS, stateFromText } from '../../core/matching/pairRow';
import { isYes, MEETINGS } from '../../core/meetings/meetingRow';
import { parseSurveyRow, SURVEYS } from '../../core/meetings/surveys';
import { PAIR_STATES } from '../../core/model';
import { academicYear, archiveSheetName } from '../../core/monitoring/yearClose';
import { defineSheet, type SheetSchema } from '../../core/schema';
import { localToday } from '../mail/journal';
import { readSheet } from '../sheetTable';
import { closedKey } from './closeYear';

type Book = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface ArchivedYear {
  year: string;
  pairs: Record<string, number>;
  meetings: { held: number; planned: number };
  surveys: Record<string, number>;
}

const nextYear = (year: string): string => {
  const start = Number(year.slice(0, 4)) + 1;
  return `${start}-${start + 1}`;
};

/** The year being worked in: the calendar's, or the next one once the calendar's year is closed. */
export function currentYear(now: Date = new Date()): string {
  const year = academicYear(localToday(now));
  return PropertiesService.getScriptProperties().getProperty(closedKey(year)) ? nextYear(year) : year;
}

const archived = <S extends SheetSchema>(schema: S, year: string): S =>
  defineSheet(archiveSheetName(schema.name, year), schema.columns) as S;

/** Years with an archived «Пары», oldest first. */
export function archivedYears(book: Book): string[] {
  const prefix = `${PAIRS.name} `;
  return book
    .getSheets()
    .map((s) => s.getName())
    .filter((n) => n.startsWith(prefix) && /^\d{4}-\d{4}$/.test(n.slice(prefix.length)))
    .map((n) => n.slice(prefix.length))
    .sort();
}

export function archivedYearFigures(book: Book, year: string): ArchivedYear {
  const pairs: Record<string, number> = Object.fromEntries(PAIR_STATES.map((s) => [s, 0]));
  for (const r of readSheet(book, archived(PAIRS, year))) {
    const state = stateFromText(r.values.state);
    if (state && r.values.mentorId) pairs[state] += 1;
  }
  const meetings = readSheet(book, archived(MEETINGS, year)).filter((r) => r.values.id);
  const surveys: Record<string, number> = {};
  for (const r of readSheet(book, archived(SURVEYS, year))) {
    const a = parseSurveyRow(r.values);
    if (a) surveys[a.kind] = (surveys[a.kind] ?? 0) + 1;
  }
  return {
    year,
    pairs,
    meetings: { held: meetings.filter((r) => isYes(r.values.held)).length, planned: meetings.length },
    surveys,
  };
}
