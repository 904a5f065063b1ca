// The daily end-of-year step: pairs past the programme's end become «завершена», early ends get a
// date and are asked for a reason, each pair's plan fulfilment is kept on «Пары», and the outcome of
// finished pairs is written to both bases. Runs after the day's letters, so the last letters of a
// pair go out before it is closed.
import { BASES } from '../../core/intake/baseRow';
import { COMPLETION_COLUMNS, PAIRS, stateFromText } from '../../core/matching/pairRow';
import {
  dayOfSheetDate,
  formatRussianDate,
  type LocalDate,
  parseLocalDate,
} from '../../core/meetings/calendar';
import {
  baseOutcomes,
  type CompletionPair,
  completionChanges,
  type PlannedMeeting,
} from '../../core/meetings/completion';
import type { Meeting, MeetingRules } from '../../core/meetings/meetingRow';
import { PAIR_STATE_LABELS, ROLES } from '../../core/model';
import type { RowPatch } from '../../core/schema';
import type { CellValue } from '../../core/table';
import { appendJournal } from '../mail/journal';
import { ensureSheet, SheetTable, spreadsheet } from '../sheetTable';
import { readMeetings } from './plans';
import type { YearSettings } from './yearSettings';

const dayOf = (v: CellValue): LocalDate | undefined =>
  v instanceof Date
    ? Number.isNaN(v.getTime())
      ? undefined
      : dayOfSheetDate(v)
    : parseLocalDate(String(v ?? ''));

export interface CompletionReport {
  completed: number;
  basesUpdated: number;
}

export function completePairs(
  today: LocalDate,
  settings: YearSettings,
  meetingsOf: (rules: MeetingRules) => readonly Meeting[] = readMeetings,
): CompletionReport {
  const book = spreadsheet();
  if (!book.getSheetByName(PAIRS.name)) return { completed: 0, basesUpdated: 0 };
  const table = new SheetTable(ensureSheet(PAIRS, book, [...COMPLETION_COLUMNS]), PAIRS);
  const rows = table.read();
  const rules = { holidays: settings.schedule.holidays, programmeEnd: settings.schedule.programmeEnd };
  const meetings: PlannedMeeting[] = meetingsOf(rules).map((m) => ({
    mentorId: m.mentorId,
    menteeIds: m.menteeIds,
    held: m.held,
  }));
  const pairs: CompletionPair[] = rows.map(({ rowNumber, values: v }) => ({
    rowNumber,
    id: v.id || `строка ${rowNumber}`,
    mentorId: v.mentorId,
    menteeId: v.menteeId,
    state: stateFromText(v.state),
    approvedOn: dayOf(v.approvedAt),
    endedOn: dayOf(v.endedAt),
    reason: v.endReason,
    problem: v.problem,
    fulfilment: v.fulfilment,
  }));
  const changes = completionChanges(pairs, meetings, today, settings.schedule.programmeEnd);
  table.write(
    changes.map((c) => {
      const values: RowPatch<typeof PAIRS> = {};
      if (c.state) values.state = PAIR_STATE_LABELS[c.state];
      if (c.endedOn) values.endedAt = formatRussianDate(c.endedOn);
      if (c.problem !== undefined) values.problem = c.problem;
      if (c.fulfilment !== undefined) values.fulfilment = c.fulfilment;
      return { rowNumber: c.rowNumber, values };
    }),
  );
  const completed = changes.filter((c) => c.state === 'completed').length;
  for (const c of changes) {
    const pair = pairs.find((p) => p.rowNumber === c.rowNumber);
    if (!pair) continue;
    if (c.state) pair.state = c.state;
    if (c.endedOn) pair.endedOn = c.endedOn;
  }
  const basesUpdated = writeOutcomes(book, pairs, meetings);
  if (completed > 0)
    appendJournal(
      'Пары завершены',
      'ежедневный запуск',
      `Программа окончена ${formatRussianDate(settings.schedule.programmeEnd)}: завершено пар — ${completed}; итоги записаны в базы (${basesUpdated} строк).`,
    );
  return { completed, basesUpdated };
}

/** Writes «Дата окончания» and «Итоги» of everyone whose pairs have all ended; only rows that change. */
function writeOutcomes(
  book: GoogleAppsScript.Spreadsheet.Spreadsheet,
  pairs: readonly CompletionPair[],
  meetings: readonly PlannedMeeting[],
): number {
  const outcomes = baseOutcomes(pairs, meetings);
  let written = 0;
  for (const role of ROLES) {
    const list = role === 'mentor' ? outcomes.mentors : outcomes.mentees;
    if (list.length === 0 || !book.getSheetByName(BASES[role].name)) continue;
    const byId = new Map(list.map((o) => [o.id, o]));
    const base = new SheetTable(ensureSheet(BASES[role], book, ['finishedAt', 'results']), BASES[role]);
    // Only the rows of people with an outcome become records: most of a base is not touched.
    const rows = base.recordsWhere('id', (id) => byId.has(id));
    const updates = rows.flatMap(({ rowNumber, values: v }) => {
      const o = byId.get(v.id);
      if (!o || (v.results === o.results && dayOf(v.finishedAt) === o.finishedOn)) return [];
      return [{ rowNumber, values: { finishedAt: formatRussianDate(o.finishedOn), results: o.results } }];
    });
    base.write(updates);
    written += updates.length;
  }
  return written;
}
