// The rows of an individual plan: the group's meetings on the dates «Встречи» holds (or, before the
// sheet has the plan, the dates the same planner will put there), with the tasks taken from what the
// mentees asked for in their questionnaires.
import type { LocalDate } from '../meetings/calendar';
import {
  MEETING_KIND_LABELS,
  type MeetingKind,
  type PlanRules,
  planId,
  planMeetings,
} from '../meetings/plan';
import { type CalendarDate, formatShortDate, isoDay, parseIsoDay } from '../templates/russianDate';
import type { TemplateRecord } from '../templates/value';

export interface PlannedDate {
  kind: MeetingKind;
  date: LocalDate;
}

/** What the documents know of the meetings: the planner's rules and the plans already in «Встречи». */
export interface MeetingPlans {
  rules: PlanRules;
  /** planId → meetings as the sheet holds them now (the curator may have moved dates). */
  byPlan: ReadonlyMap<string, readonly PlannedDate[]>;
}

const RESULTS: Record<MeetingKind, string> = {
  intro: 'Стороны познакомились, обсудили ожидания и правила работы',
  trial: 'Опробован формат совместной работы',
  planning: 'Составлен и согласован индивидуальный план',
  regular: 'Продвижение по задачам месяца',
  final: 'Подведены итоги, заполнены анкеты удовлетворённости',
};

const REGULAR_TITLE = 'регулярные встречи';

const capital = (s: string): string => (s ? s[0].toUpperCase() + s.slice(1) : s);

/** The group's plan id, as «Встречи» names it: mentor, form and the school year of the first approval. */
export const groupPlanId = (mentorId: string, formId: string, approvedOn: CalendarDate): string =>
  planId(mentorId, formId, isoDay(approvedOn));

/** The meetings of a group: from «Встречи» when it has them, otherwise as the planner will propose them. */
export function groupMeetings(
  plans: MeetingPlans,
  id: string,
  startsOn: CalendarDate,
  programmeEnd: CalendarDate,
): PlannedDate[] {
  const held = plans.byPlan.get(id);
  if (held && held.length > 0) return [...held].sort((a, b) => a.date.localeCompare(b.date));
  return planMeetings(isoDay(startsOn), { ...plans.rules, programmeEnd: isoDay(programmeEnd) });
}

/** The day the planning meeting falls on, if the plan has one. */
export function planningDay(meetings: readonly PlannedDate[]): CalendarDate | undefined {
  const planning = meetings.find((m) => m.kind === 'planning');
  return planning ? parseIsoDay(planning.date) : undefined;
}

/**
 * The plan's rows: the opening meetings and the final one each on its own row; the regular meetings
 * of a month share a row with their dates, each working on the next task in turn (the mentees'
 * requests first, then the formats of the form), so the plan's goals come from the questionnaires.
 */
export function planRows(meetings: readonly PlannedDate[], tasks: readonly string[]): TemplateRecord[] {
  let next = 0;
  const rows: TemplateRecord[] = [];
  let month = '';
  let current: { dates: string[]; tasks: string[] } | undefined;
  const flush = () => {
    if (!current) return;
    const list = [...new Set(current.tasks)].join('; ');
    const label = capital(current.dates.length === 1 ? MEETING_KIND_LABELS.regular : REGULAR_TITLE);
    rows.push({
      title: list ? `${label}: ${list}` : label,
      when: current.dates.join(', '),
      result: RESULTS.regular,
    });
    current = undefined;
  };
  for (const m of meetings) {
    const when = formatShortDate(parseIsoDay(m.date));
    if (m.kind !== 'regular') {
      flush();
      rows.push({ title: capital(MEETING_KIND_LABELS[m.kind]), when, result: RESULTS[m.kind] });
      continue;
    }
    if (m.date.slice(0, 7) !== month) {
      flush();
      month = m.date.slice(0, 7);
    }
    current ??= { dates: [], tasks: [] };
    current.dates.push(when);
    if (tasks.length > 0) current.tasks.push(tasks[next++ % tasks.length]);
  }
  flush();
  return rows;
}
