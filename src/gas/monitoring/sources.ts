// Reads what the monitoring needs from a workbook, read-only: the bases, Пары, Встречи, Опросы and
// Настройки. A missing sheet reads as empty; rows that do not read are left out (their own
// features report them on the row).
import { recordToParticipant } from '../../core/intake/baseRow';
import { INTAKE_SETTINGS } from '../../core/intake/settings';
import { recordToPair } from '../../core/matching/pairRow';
import { parseMeetingRow } from '../../core/meetings/meetingRow';
import { SCHEDULE_SETTINGS } from '../../core/meetings/settings';
import { parseSurveyRow } from '../../core/meetings/surveys';
import { DEFAULT_FORMS, type MentoringForm, type Participant, type Role } from '../../core/model';
import type { MonitoringInput, MonitoringMeeting } from '../../core/monitoring/compute';
import { type MonitoringSettings, monitoringSettings } from '../../core/monitoring/settings';
import { readSettings } from '../../core/settings';
import { SHEETS } from '../../core/sheets';
import { type CellValue, type RowRecord, toRecords } from '../../core/table';

type Book = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** One getValues of a sheet as records; [] when the sheet does not exist. */
export function readRecords(book: Book, name: string): RowRecord[] {
  const sheet = book.getSheetByName(name);
  if (!sheet) return [];
  const values = sheet.getDataRange().getValues() as CellValue[][];
  if (values.length === 0) return [];
  return toRecords({ headers: values[0].map((h) => String(h).trim()), rows: values.slice(1) });
}

export function readSettingsOf(book: Book): Map<string, CellValue> {
  const cells = new Map<string, CellValue>();
  for (const r of readRecords(book, SHEETS.settings)) {
    const name = String(r.values.Параметр ?? '').trim();
    if (name) cells.set(name, r.values.Значение ?? '');
  }
  return cells;
}

export interface MonitoringSources {
  input: MonitoringInput;
  settings: MonitoringSettings;
  /** Russian messages about settings that did not read (defaults used). */
  problems: string[];
}

/** A day of the school calendar as the instant of its Moscow noon, so comparisons never straddle midnight. */
const noonOf = (day: string): Date => new Date(`${day}T12:00:00+03:00`);

export function readParticipants(book: Book, forms: readonly MentoringForm[]): Participant[] {
  const roles: Array<[Role, string]> = [
    ['mentor', SHEETS.mentors],
    ['mentee', SHEETS.mentees],
  ];
  return roles.flatMap(([role, sheet]) =>
    readRecords(book, sheet).flatMap((r) => {
      const read = recordToParticipant(role, r.values, forms);
      return read.participant ? [read.participant] : [];
    }),
  );
}

export function readMonitoringSources(
  book: Book,
  now: Date,
  cells = readSettingsOf(book),
): MonitoringSources {
  const monitoring = readSettings(monitoringSettings, cells);
  const intake = readSettings(INTAKE_SETTINGS, cells);
  const schedule = readSettings(SCHEDULE_SETTINGS, cells);
  const forms: MentoringForm[] = intake.values.mentoringForms.length
    ? intake.values.mentoringForms
    : DEFAULT_FORMS;
  const rules = { holidays: schedule.values.holidays, programmeEnd: schedule.values.programmeEnd };
  const meetings: MonitoringMeeting[] = readRecords(book, SHEETS.meetings).flatMap((r) => {
    const m = parseMeetingRow(r, rules);
    if (!m) return [];
    return [
      {
        mentorId: m.mentorId,
        menteeIds: m.menteeIds,
        plannedDate: m.date ? noonOf(m.date) : undefined,
        held: m.held,
      },
    ];
  });
  return {
    input: {
      participants: readParticipants(book, forms),
      pairs: readRecords(book, SHEETS.pairs).flatMap((r) => {
        const { pair } = recordToPair(r.values, forms);
        return pair ? [pair] : [];
      }),
      meetings,
      answers: readRecords(book, SHEETS.surveys).flatMap((r) => {
        const a = parseSurveyRow(r.values);
        return a ? [a] : [];
      }),
      totals: monitoring.values,
      forms,
      asOf: now,
    },
    settings: monitoring.values,
    problems: [...monitoring.problems, ...intake.problems, ...schedule.problems],
  };
}
