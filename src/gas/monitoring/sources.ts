// Reads what the monitoring needs from a workbook, read-only: the bases, Пары, Встречи, Опросы and
// Настройки. A missing sheet reads as empty; rows that do not read are left out (their own
// features report them on the row).

import { BASES, recordToParticipant } from '../../core/intake/baseRow';
import { PAIRS, recordToPair } from '../../core/matching/pairRow';
import { MEETINGS, type Meeting, type MeetingRules, parseMeetingRow } from '../../core/meetings/meetingRow';
import { SCHEDULE_SETTINGS } from '../../core/meetings/settings';
import { parseSurveyRow, SURVEYS, type SurveyAnswer } from '../../core/meetings/surveys';
import { DEFAULT_FORMS, type MentoringForm, type Participant, ROLES } from '../../core/model';
import type { MonitoringInput, MonitoringMeeting } from '../../core/monitoring/compute';
import type { SurveyComment } from '../../core/monitoring/freeText';
import { type MonitoringSettings, monitoringSettings } from '../../core/monitoring/settings';
import { readSettings, SETTINGS, settingCells } from '../../core/settings';
import type { CellValue } from '../../core/table';
import { loadIntakeSettings } from '../mentoringForms';
import { readSheet } from '../sheetTable';

type Book = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const readSettingsOf = (book: Book): Map<string, CellValue> => settingCells(readSheet(book, SETTINGS));

export interface MonitoringSources {
  input: MonitoringInput;
  settings: MonitoringSettings;
  /** Russian messages about settings that did not read (defaults used). */
  problems: string[];
}

/** A day of the school calendar as the instant of its Moscow noon, so comparisons never straddle midnight. */
const noonOf = (day: string): Date => new Date(`${day}T12:00:00+03:00`);

export function readParticipants(book: Book, forms: readonly MentoringForm[]): Participant[] {
  return ROLES.flatMap((role) =>
    readSheet(book, BASES[role]).flatMap((r) => {
      const read = recordToParticipant(role, r.values, forms);
      return read.participant ? [read.participant] : [];
    }),
  );
}

/** «Встречи» of the book read with the rules (a daily run passes the reading its plan made). */
export type MeetingsReader = (rules: MeetingRules) => readonly Meeting[];

const meetingsOf =
  (book: Book): MeetingsReader =>
  (rules) =>
    readSheet(book, MEETINGS).flatMap((r) => parseMeetingRow(r, rules) ?? []);

export function readMonitoringSources(
  book: Book,
  now: Date,
  cells = readSettingsOf(book),
  readMeetings: MeetingsReader = meetingsOf(book),
): MonitoringSources {
  const monitoring = readSettings(monitoringSettings, cells);
  const intake = loadIntakeSettings(cells, book);
  const schedule = readSettings(SCHEDULE_SETTINGS, cells);
  const forms: MentoringForm[] = intake.values.mentoringForms.length
    ? intake.values.mentoringForms
    : DEFAULT_FORMS;
  const rules = { holidays: schedule.values.holidays, programmeEnd: schedule.values.programmeEnd };
  const meetings: MonitoringMeeting[] = readMeetings(rules).map((m) => ({
    mentorId: m.mentorId,
    menteeIds: m.menteeIds,
    plannedDate: m.date ? noonOf(m.date) : undefined,
    held: m.held,
  }));
  const answers: SurveyAnswer[] = [];
  const comments: SurveyComment[] = [];
  for (const r of readSheet(book, SURVEYS)) {
    const a = parseSurveyRow(r.values);
    if (!a) continue;
    answers.push(a);
    if (r.values.comment) comments.push({ kind: a.kind, date: a.date, text: r.values.comment });
  }
  return {
    input: {
      participants: readParticipants(book, forms),
      pairs: readSheet(book, PAIRS).flatMap((r) => {
        const { pair } = recordToPair(r.values, forms);
        return pair ? [pair] : [];
      }),
      meetings,
      answers,
      comments,
      totals: monitoring.values,
      forms,
      asOf: now,
    },
    settings: monitoring.values,
    problems: [...monitoring.problems, ...intake.problems, ...schedule.problems],
  };
}
