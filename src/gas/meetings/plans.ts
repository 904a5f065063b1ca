// «Встречи»: creates the plan of every approved group that has none yet, and reads the sheet back
// with the curator's edits validated (a bad date becomes a problem on its row, not a crash).

import { formatRussianDate, type LocalDate } from '../../core/meetings/calendar';
import type { ActiveGroup } from '../../core/meetings/duties';
import { heldLinkProblem, moveLinkProblem } from '../../core/meetings/linkValidity';
import {
  MEETINGS,
  type Meeting,
  type MeetingRules,
  meetingRecord,
  parseMeetingRow,
} from '../../core/meetings/meetingRow';
import {
  meetingDateProblem,
  meetingId,
  moveOrderProblem,
  type PlanRules,
  planMeetings,
} from '../../core/meetings/plan';
import type { MentoringForm } from '../../core/model';
import { applyPatch, type RowPatch } from '../../core/schema';
import { readSheet, SheetTable, spreadsheet } from '../sheetTable';

export type MeetingsTable = SheetTable<typeof MEETINGS>;

export function meetingsTable(): MeetingsTable {
  return SheetTable.open(MEETINGS);
}

/** Every meeting of «Встречи» read with the rules, read-only (none when the sheet is missing). */
export function readMeetings(
  rules: MeetingRules,
  book: GoogleAppsScript.Spreadsheet.Spreadsheet = spreadsheet(),
): Meeting[] {
  return readSheet(book, MEETINGS).flatMap((r) => parseMeetingRow(r, rules) ?? []);
}

export interface MeetingsRead {
  table: MeetingsTable;
  meetings: Meeting[];
  created: number;
}

/**
 * Adds plans for groups without one, then returns every meeting; one read and one write. A plan made
 * later than the approval (setup run late, trigger missed) starts from today, so that it does not
 * begin with meetings already «missed».
 */
/**
 * Plans the meetings of new groups; a form of mentoring with its own interval in «Формы
 * наставничества» meets at that interval, the others at the school's.
 */
export function syncMeetings(
  groups: readonly ActiveGroup[],
  rules: PlanRules,
  today: LocalDate,
  // Read only when a new group is planned: most days plan nothing.
  formsOf: () => readonly MentoringForm[] = () => [],
) {
  const table = meetingsTable();
  const rows = table.read();
  const planned = new Set(rows.map((r) => r.values.planId));
  let forms: readonly MentoringForm[] | undefined;
  const appends: RowPatch<typeof MEETINGS>[] = [];
  for (const g of groups) {
    if (planned.has(g.planId)) continue;
    planned.add(g.planId);
    forms ??= formsOf();
    const form = forms.find((f) => f.label === g.formId || f.id === g.formId);
    planMeetings([g.startsOn, today].sort()[1], {
      ...rules,
      intervalDays: form?.intervalDays ?? rules.intervalDays,
      programmeEnd: [g.endsOn, rules.programmeEnd].sort()[0],
    }).forEach((m, i) => {
      appends.push(
        meetingRecord({
          id: meetingId(g.planId, i + 1),
          planId: g.planId,
          mentorName: g.mentor.name,
          menteeNames: g.mentees.map((p) => p.name),
          mentorId: g.mentor.id,
          menteeIds: g.mentees.map((p) => p.id),
          formId: g.formId,
          kind: m.kind,
          date: m.date,
          token: Utilities.getUuid(),
        }),
      );
    });
  }
  const meetings: Meeting[] = [];
  const updates: Array<{ rowNumber: number; values: RowPatch<typeof MEETINGS> }> = [];
  for (const r of rows) {
    const m = parseMeetingRow(r, rules);
    if (!m) continue;
    meetings.push(m);
    if (r.values.problem !== m.problem)
      updates.push({ rowNumber: r.rowNumber, values: { problem: m.problem } });
  }
  const firstNew = rows.length === 0 ? 2 : Math.max(...rows.map((r) => r.rowNumber)) + 1;
  table.write(updates, appends);
  appends.forEach((values, i) => {
    const m = parseMeetingRow({ rowNumber: firstNew + i, values: applyPatch(MEETINGS, values) }, rules);
    if (m) meetings.push(m);
  });
  return { table, meetings, created: appends.length };
}

/** The meeting a link's token names, read with the plan rules; undefined for an unknown token. */
export function meetingByToken(token: string): Meeting | undefined {
  if (token === '') return undefined;
  const row = meetingsTable()
    .read()
    .find((r) => r.values.token === token);
  return row ? parseMeetingRow(row, { holidays: [], programmeEnd: '9999-12-31' }) : undefined;
}

/**
 * Marks a meeting held by the link in a letter: once, from the meeting's day, within the link's
 * window; a second click changes nothing and says so.
 */
export function markHeld(
  token: string,
  note: string,
  today: LocalDate,
): { meeting?: Meeting; problem?: string } {
  const table = meetingsTable();
  const row = table.read().find((r) => token !== '' && r.values.token === token);
  if (!row) return { problem: 'Ссылка недействительна: нет доступа.' };
  const meeting = parseMeetingRow(row, { holidays: [], programmeEnd: '9999-12-31' });
  const problem = meeting ? heldLinkProblem(meeting, today) : 'Ссылка недействительна: нет доступа.';
  if (!meeting || problem) return { meeting, problem };
  table.write([
    {
      rowNumber: row.rowNumber,
      values: {
        held: true,
        note: note.slice(0, 500),
        markedOn: today.split('-').reverse().join('.'),
      },
    },
  ]);
  return { meeting: { ...meeting, held: true, note } };
}

/**
 * Moves a meeting to a day the mentor proposes (web app); the same checks as a curator's edit in the
 * sheet. Returns the Russian reason when the day cannot be a meeting day.
 */
export function moveMeeting(
  token: string,
  to: LocalDate,
  rules: Pick<PlanRules, 'holidays' | 'programmeEnd'>,
  today: LocalDate,
): { meeting?: Meeting; problem?: string } {
  if (to < today) return { problem: 'дата уже прошла' };
  const why = meetingDateProblem(to, rules);
  if (why) return { problem: why };
  const table = meetingsTable();
  const rows = table.read();
  const row = rows.find((r) => token !== '' && r.values.token === token);
  if (!row) return { problem: 'встреча не найдена' };
  const current = parseMeetingRow(row, rules);
  const closed = current && moveLinkProblem(current, today, rules.programmeEnd);
  if (closed) return { problem: closed };
  const plan = rows
    .filter((r) => r.values.planId === row.values.planId)
    .flatMap((r) => parseMeetingRow(r, rules) ?? []);
  const order = moveOrderProblem(plan, row.values.id, to);
  if (order) return { problem: order };
  table.write([{ rowNumber: row.rowNumber, values: { date: formatRussianDate(to), problem: '' } }]);
  return {
    meeting: parseMeetingRow(
      { rowNumber: row.rowNumber, values: { ...row.values, date: formatRussianDate(to) } },
      rules,
    ),
  };
}
