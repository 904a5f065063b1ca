// The meeting plan of an approved pair or group (seed 002, stage 6): знакомство, пробная встреча,
// планирование, regular meetings at the configured cadence, итоговая встреча before the programme
// ends. Dates are proposals on school days; the curator and the mentor move them in «Встречи».
import {
  addDays,
  type DayRange,
  formatRussianDate,
  isSchoolDay,
  type LocalDate,
  nextSchoolDay,
  previousSchoolDay,
} from './calendar';

export const MEETING_KINDS = ['intro', 'trial', 'planning', 'regular', 'final'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];
export const MEETING_KIND_LABELS: Record<MeetingKind, string> = {
  intro: 'встреча-знакомство',
  trial: 'пробная встреча',
  planning: 'встреча-планирование',
  regular: 'регулярная встреча',
  final: 'итоговая встреча',
};

export interface PlanRules {
  holidays: readonly DayRange[];
  programmeEnd: LocalDate;
  firstMeetingAfterDays: number;
  startStepDays: number;
  intervalDays: number;
}

export interface PlannedMeeting {
  kind: MeetingKind;
  date: LocalDate;
}

/**
 * A group (one mentor, one form, one or more mentees) has a single plan; its id is stable across
 * reruns so that creating plans is idempotent. The school year runs September to August.
 */
export function planId(mentorId: string, formId: string, approvedOn: LocalDate): string {
  const year = Number(approvedOn.slice(0, 4));
  const start = Number(approvedOn.slice(5, 7)) >= 9 ? year : year - 1;
  return `${mentorId}/${formId}/${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

export const meetingId = (plan: string, number: number): string => `${plan}#${number}`;

/**
 * Proposed dates. Regular meetings keep the cadence from the planning meeting; one that falls on a
 * holiday moves to the next school day and the cadence goes on from there, so the meeting after a
 * break is never followed by another a few days later. A regular meeting comes no closer than a week
 * to the final one; whatever does not fit before the programme end is left out, except the final
 * meeting itself.
 */
export function planMeetings(approvedOn: LocalDate, rules: PlanRules): PlannedMeeting[] {
  const final = previousSchoolDay(rules.programmeEnd, rules.holidays);
  if (final <= approvedOn) return [];
  const out: PlannedMeeting[] = [];
  const intro = nextSchoolDay(addDays(approvedOn, rules.firstMeetingAfterDays), rules.holidays);
  const trial = nextSchoolDay(addDays(intro, rules.startStepDays), rules.holidays);
  const planning = nextSchoolDay(addDays(trial, rules.startStepDays), rules.holidays);
  for (const [kind, date] of [
    ['intro', intro],
    ['trial', trial],
    ['planning', planning],
  ] as const) {
    if (date < final) out.push({ kind, date });
  }
  const lastRegular = addDays(final, -7);
  if (out.length === 3) {
    for (
      let date = nextSchoolDay(addDays(planning, rules.intervalDays), rules.holidays);
      date <= lastRegular;
    ) {
      out.push({ kind: 'regular', date });
      date = nextSchoolDay(addDays(date, rules.intervalDays), rules.holidays);
    }
  }
  out.push({ kind: 'final', date: final });
  return out;
}

/** Why a date typed by a curator cannot be a meeting day, or undefined when it can. */
export function meetingDateProblem(date: LocalDate, rules: Pick<PlanRules, 'holidays' | 'programmeEnd'>) {
  if (date > rules.programmeEnd) return 'дата позже окончания программы';
  if (!isSchoolDay(date, rules.holidays)) return 'это выходной или каникулы';
  return undefined;
}

/**
 * Why a meeting cannot move to `to` within its plan: the plan's order (знакомство first, итоговая
 * last) holds, so a move may not pass the meeting before or after it. Meetings are numbered «план#N».
 */
export function moveOrderProblem(
  plan: ReadonlyArray<{ id: string; kind: MeetingKind; date?: LocalDate }>,
  movedId: string,
  to: LocalDate,
): string | undefined {
  const number = (id: string) => Number(id.slice(id.lastIndexOf('#') + 1));
  const n = number(movedId);
  const dated = plan.filter((m) => m.id !== movedId && m.date !== undefined);
  const before = dated.filter((m) => number(m.id) < n).sort((a, b) => number(b.id) - number(a.id))[0];
  const after = dated.filter((m) => number(m.id) > n).sort((a, b) => number(a.id) - number(b.id))[0];
  const show = (m: { kind: MeetingKind; date?: LocalDate }) =>
    `${MEETING_KIND_LABELS[m.kind]} ${formatRussianDate(m.date as LocalDate)}`;
  if (before?.date && to <= before.date)
    return `не раньше следующего дня после предыдущей встречи плана (${show(before)})`;
  if (after?.date && to >= after.date) return `не позже дня перед следующей встречей плана (${show(after)})`;
  return undefined;
}
