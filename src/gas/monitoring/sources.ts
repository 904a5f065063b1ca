// Reads what the monitoring needs from a workbook, read-only: the bases, Пары, Встречи, Опросы and
// Настройки. A missing sheet reads as empty; rows that do not read are left out (their own
// features report them on the row).

import { BASES, recordToParticipant } from '../../core/intake/baseRow';
import { PAIRS, recordToPair } from '../../core/matching/pairRow';
import { SCHEDULE_SETTINGS } from '../../core/meetings/settings';
import type { SurveyAnswer } from '../../core/meetings/surveys';
import { DEFAULT_FORMS, type MentoringForm, type Participant, ROLES } from '../../core/model';
import type { MonitoringInput, MonitoringMeeting } from '../../core/monitoring/compute';
import type { SurveyComment } from '../../core/monitoring/freeText';
import { type MonitoringSettings, monitoringSettings } from '../../core/monitoring/settings';
import { readSettings, SETTINGS, settingCells } from '../../core/settings';
import type { CellValue } from '../../core/table';
import type { DailyDay } from '../feature';
import { readMeetings } from '../meetings/plans';
import { readSurveys } from '../meetings/surveys';
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

/** noonOf for the thousands of meetings of a year, which fall on a few hundred days: each day parsed once. */
function noonsOf(): (day: string) => Date {
  const known = new Map<string, number>();
  return (day) => {
    let ms = known.get(day);
    if (ms === undefined) {
      ms = noonOf(day).getTime();
      known.set(day, ms);
    }
    return new Date(ms);
  };
}

export function readParticipants(book: Book, forms: readonly MentoringForm[]): Participant[] {
  return ROLES.flatMap((role) =>
    readSheet(book, BASES[role]).flatMap((r) => {
      const read = recordToParticipant(role, r.values, forms);
      return read.participant ? [read.participant] : [];
    }),
  );
}

/** Sheets a daily run has already read and passes on, so that they are not read again. */
export type SharedReads = Partial<Pick<DailyDay, 'meetings' | 'surveys'>>;

export function readMonitoringSources(
  book: Book,
  now: Date,
  cells = readSettingsOf(book),
  shared: SharedReads = {},
): MonitoringSources {
  const meetingsOf = shared.meetings ?? ((rules) => readMeetings(rules, book));
  const monitoring = readSettings(monitoringSettings, cells);
  const intake = loadIntakeSettings(cells, book);
  const schedule = readSettings(SCHEDULE_SETTINGS, cells);
  const forms: MentoringForm[] = intake.values.mentoringForms.length
    ? intake.values.mentoringForms
    : DEFAULT_FORMS;
  const rules = { holidays: schedule.values.holidays, programmeEnd: schedule.values.programmeEnd };
  const noon = noonsOf();
  const meetings: MonitoringMeeting[] = meetingsOf(rules).map((m) => ({
    mentorId: m.mentorId,
    menteeIds: m.menteeIds,
    plannedDate: m.date ? noon(m.date) : undefined,
    held: m.held,
  }));
  const answers: SurveyAnswer[] = [];
  const comments: SurveyComment[] = [];
  for (const { answer: a, comment } of shared.surveys?.() ?? readSurveys(book)) {
    answers.push(a);
    if (comment) comments.push({ kind: a.kind, date: a.date, text: comment });
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
