// What the daily run owes people today. The answer depends only on the plan, the calendar and
// today's date, so a missed or repeated run is harmless: every letter has a deterministic key, the
// send log «Почта» drops keys it already holds, and a window of days lets a late run catch up.

import type { LetterValues } from '../mail/fields';
import { meetingsCount, partnerSentence, placeSentence, withMentees, withMentor } from '../mail/phrases';
import type { MailKind } from '../mail/templates';
import type { PersonName } from '../templates/declension';
import { MONTHS_NOMINATIVE } from '../templates/russianDate';
import {
  addDays,
  type DayRange,
  formatLongRussianDate,
  inRanges,
  isoWeekday,
  type LocalDate,
  monthKey,
  weekStart,
} from './calendar';
import type { Meeting } from './meetingRow';
import { MEETING_KIND_LABELS } from './plan';
import type { SurveyKind } from './surveys';

export interface Person {
  id: string;
  /** Full name, as others see it in letters. */
  name: string;
  /** How a letter addresses the person: «Анна» for a student, «Ирина Петровна» for a teacher. */
  greeting: string;
  email: string;
  /** Set for a minor whose parent gave an address: reminders go there too. */
  parentEmail: string;
  optOut: boolean;
  /** The name's parts, to decline it in letters. */
  nameParts?: PersonName;
  /** Age from the questionnaire: a parent's reminders depend on it. */
  age?: number;
}

/** Who of the parents gets meeting reminders: by default, only those of mentees under 14. */
export const PARENT_REMINDERS = ['до 14 лет', 'всем', 'никому'] as const;
export type ParentReminders = (typeof PARENT_REMINDERS)[number];

const parentReminded = (mentee: Person, policy: ParentReminders): boolean =>
  mentee.parentEmail !== '' &&
  (policy === 'всем' || (policy === 'до 14 лет' && (mentee.age === undefined || mentee.age < 14)));

/** An approved pair or group with its people and the days it is active. */
export interface ActiveGroup {
  planId: string;
  formId: string;
  mentor: Person;
  mentees: Person[];
  startsOn: LocalDate;
  /** The pair's own end (ended early, or the programme end). Nothing is sent after it. */
  endsOn: LocalDate;
}

export interface DutyRules {
  holidays: readonly DayRange[];
  reminderDays: number;
  overdueAfterDays: number;
  feedbackMonths: readonly number[];
  feedbackDay: number;
  digestWeekday: number;
  parentReminders: ParentReminders;
  /** «Встречи: время и место», for the letters that announce a meeting. */
  place: string;
  programmeEnd: LocalDate;
  /** The exit diagnostics invitation goes this many days before the programme's end. */
  exitSurveyDays: number;
  /** Who has not answered an invitation after this many days is reminded once. */
  surveyReminderDays: number;
}

/** What the reminder letter calls each survey. */
export const SURVEY_NAMES: Record<SurveyKind, string> = {
  feedback: 'анкета обратной связи',
  satisfaction: 'анкета удовлетворённости',
  impact_entry: 'входная диагностика',
  impact_exit: 'выходная диагностика',
};

/**
 * The key an answer leaves in the set dutiesOn is given: the respondent, the survey and, for the
 * feedback asked every few months, the month it answers.
 */
export const answeredKey = (participantId: string, kind: SurveyKind, month = ''): string =>
  [participantId, kind, kind === 'feedback' ? month : ''].join('|');

export interface Duty {
  kind: MailKind;
  to: string;
  /**
   * Meeting id and date (a moved meeting is reminded again), month, plan or week: with recipient and
   * kind it makes the send-log key.
   */
  period: string;
  participantId: string;
  values: LetterValues;
  /** The meeting's token, for the web-app links «проведена» and «перенести» in the letter. */
  meetingToken?: string;
  /** The survey an invitation or its reminder links to. */
  survey?: SurveyKind;
}

/** No letters to participants on a holiday; the daily run resumes when the holiday ends. */
export const isMailDay = (today: LocalDate, holidays: readonly DayRange[]): boolean =>
  !inRanges(today, holidays);

const names = (people: readonly Person[]) => people.map((p) => p.name).join(', ');

/** Meetings whose date has passed the grace period without being marked held. */
export function overdueMeetings(meetings: readonly Meeting[], today: LocalDate, overdueAfterDays: number) {
  return meetings.filter(
    (m) => !m.held && m.date !== undefined && addDays(m.date, overdueAfterDays) <= today,
  );
}

/**
 * «Пара утверждена», sent when the curator approves: to the mentor and to the mentees just approved
 * (`newMentees`), who the partner is and when they first meet, while that meeting is ahead.
 */
export function approvalDuties(
  group: ActiveGroup,
  meetings: readonly Meeting[],
  today: LocalDate,
  rules: Pick<DutyRules, 'place'>,
  newMentees: ReadonlySet<string>,
): Duty[] {
  const first = meetings
    .filter((m) => m.planId === group.planId && m.date !== undefined)
    .sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''))[0];
  if (!first?.date || first.held || today > first.date) return [];
  const base = {
    meeting: MEETING_KIND_LABELS[first.kind],
    date: formatLongRussianDate(first.date),
    place: placeSentence(rules.place),
  };
  return [
    {
      kind: 'pair_approved',
      to: group.mentor.email,
      period: group.planId,
      participantId: group.mentor.id,
      values: {
        ...base,
        name: group.mentor.greeting,
        pair: partnerSentence('mentor', group.mentor, group.mentees),
      },
    },
    ...group.mentees
      .filter((mentee) => newMentees.has(mentee.id))
      .map(
        (mentee): Duty => ({
          kind: 'pair_approved',
          to: mentee.email,
          period: group.planId,
          participantId: mentee.id,
          values: {
            ...base,
            name: mentee.greeting,
            pair: partnerSentence('mentee', group.mentor, group.mentees),
          },
        }),
      ),
  ];
}

/**
 * The entry diagnostics invitation of a person of the group, due from the group's start. On the day
 * of approval it goes inside «пара утверждена» (see the daily run's announceApprovedPairs) and keeps its
 * own row in «Почта», «в общем письме», so it is told once and its reminder follows as usual.
 */
export function entryInvitation(group: ActiveGroup, person: Person): Duty {
  return {
    kind: 'impact_entry',
    to: person.email,
    period: group.planId,
    participantId: person.id,
    values: { name: person.greeting },
    survey: 'impact_entry',
  };
}

const ENTRY_KEY_PREFIX = 'impact_entry|';

/** The key of the letter an entry invitation recorded «в общем письме» went in: its «пара утверждена». */
export const entryInvitationCarrier = (key: string): string | undefined =>
  key.startsWith(ENTRY_KEY_PREFIX) ? `pair_approved|${key.slice(ENTRY_KEY_PREFIX.length)}` : undefined;

/** Whether a duty's letter may still be due: false for one the send log already holds. */
export type Unsent = (duty: Pick<Duty, 'kind' | 'to' | 'period'>) => boolean;

function meetingDuties(
  group: ActiveGroup,
  meetings: Meeting[],
  today: LocalDate,
  rules: DutyRules,
  unsent: Unsent,
): Duty[] {
  const out: Duty[] = [];
  const menteeNames = names(group.mentees);
  // Declining names costs more than the rest of a group's duties: only for the letters due.
  let declined: { together: string; withMentor: string } | undefined;
  const phrases = () => {
    declined ??= { together: withMentees(group.mentees), withMentor: withMentor(group.mentor) };
    return declined;
  };
  /** A letter to the mentor about one meeting (its reminder, or its overdue mark). */
  const toMentor = (kind: 'reminder_mentor' | 'overdue', m: Meeting, base: Record<string, string>): void => {
    const period = `${m.id}@${m.date}`;
    if (!unsent({ kind, to: group.mentor.email, period })) return;
    out.push({
      kind,
      to: group.mentor.email,
      period,
      participantId: group.mentor.id,
      values: { ...base, name: group.mentor.greeting, mentees: menteeNames, withMentees: phrases().together },
      meetingToken: m.token,
    });
  };
  for (const m of meetings) {
    if (m.held || !m.date || m.date > group.endsOn || today > m.date) continue;
    if (today >= addDays(m.date, -rules.reminderDays)) {
      const base = {
        meeting: MEETING_KIND_LABELS[m.kind],
        date: formatLongRussianDate(m.date),
        place: placeSentence(rules.place),
      };
      const period = `${m.id}@${m.date}`;
      toMentor('reminder_mentor', m, base);
      for (const mentee of group.mentees) {
        if (unsent({ kind: 'reminder_mentee', to: mentee.email, period }))
          out.push({
            kind: 'reminder_mentee',
            to: mentee.email,
            period,
            participantId: mentee.id,
            values: {
              ...base,
              name: mentee.greeting,
              mentor: group.mentor.name,
              withMentor: phrases().withMentor,
            },
          });
        if (parentReminded(mentee, rules.parentReminders)) {
          out.push({
            kind: 'reminder_parent',
            to: mentee.parentEmail,
            period: `${m.id}@${m.date}`,
            participantId: mentee.id,
            values: { ...base, name: mentee.name, mentor: group.mentor.name },
          });
        }
      }
    }
  }
  const overdue = overdueMeetings(meetings, today, rules.overdueAfterDays).filter(
    (m) => m.date !== undefined && m.date <= group.endsOn,
  );
  overdue.forEach((m, i) => {
    const base = { meeting: MEETING_KIND_LABELS[m.kind], date: formatLongRussianDate(m.date!) };
    const period = `${m.id}@${m.date}`;
    toMentor('overdue', m, base);
    if (i >= 1 && unsent({ kind: 'escalation', to: '', period })) {
      out.push({
        kind: 'escalation',
        to: '',
        period,
        participantId: '',
        values: {
          ...base,
          mentor: group.mentor.name,
          mentees: menteeNames,
          withMentees: phrases().together,
          missed: meetingsCount(i + 1),
        },
      });
    }
  });
  return out;
}

interface Invitation {
  kind: SurveyKind;
  dueOn: LocalDate;
  period: string;
  values: LetterValues;
}

/** The surveys a person of the group is invited to by today, with the day each became due. */
function invitations(
  group: ActiveGroup,
  meetings: Meeting[],
  today: LocalDate,
  rules: DutyRules,
): Invitation[] {
  const out: Invitation[] = [
    { kind: 'impact_entry', dueOn: group.startsOn, period: group.planId, values: {} },
  ];
  const month = Number(today.slice(5, 7));
  if (rules.feedbackMonths.includes(month)) {
    out.push({
      kind: 'feedback',
      dueOn: `${monthKey(today)}-${String(rules.feedbackDay).padStart(2, '0')}`,
      period: monthKey(today),
      values: { month: `${MONTHS_NOMINATIVE[month - 1]} ${today.slice(0, 4)}` },
    });
  }
  const final = meetings.find((m) => m.kind === 'final');
  if (final?.date) out.push({ kind: 'satisfaction', dueOn: final.date, period: group.planId, values: {} });
  out.push({
    kind: 'impact_exit',
    dueOn: addDays(rules.programmeEnd, -rules.exitSurveyDays),
    period: group.planId,
    values: {},
  });
  return out.filter((i) => today >= i.dueOn);
}

function surveyDuties(
  group: ActiveGroup,
  meetings: Meeting[],
  today: LocalDate,
  rules: DutyRules,
  answered: ReadonlySet<string>,
): Duty[] {
  const out: Duty[] = [];
  for (const invitation of invitations(group, meetings, today, rules)) {
    for (const p of [group.mentor, ...group.mentees]) {
      const base = { to: p.email, participantId: p.id, survey: invitation.kind };
      out.push({
        ...base,
        kind: invitation.kind,
        period: invitation.period,
        values: { ...invitation.values, name: p.greeting },
      });
      const late = today >= addDays(invitation.dueOn, rules.surveyReminderDays);
      if (late && !answered.has(answeredKey(p.id, invitation.kind, monthKey(invitation.dueOn)))) {
        out.push({
          ...base,
          kind: 'survey_reminder',
          period: `${invitation.kind}:${invitation.period}`,
          values: { name: p.greeting, survey: SURVEY_NAMES[invitation.kind] },
        });
      }
    }
  }
  return out;
}

/**
 * Letters due today for the pairs and groups. Nothing on holidays, nothing for a group before it
 * starts or after it ends. The curator's escalations come with an empty `to`: the caller fills in
 * the curator's address.
 */
export function dutiesOn(
  today: LocalDate,
  groups: readonly ActiveGroup[],
  meetings: readonly Meeting[],
  rules: DutyRules,
  answered: ReadonlySet<string> = new Set(),
  // Letters of meetings are written only when they may still be due: their phrases decline names.
  unsent: Unsent = () => true,
): Duty[] {
  if (!isMailDay(today, rules.holidays)) return [];
  const out: Duty[] = [];
  // The year's meetings by plan, in sheet order, gathered once rather than filtered for every group.
  const byPlan = new Map<string, Meeting[]>();
  for (const m of meetings) {
    const list = byPlan.get(m.planId);
    if (list) list.push(m);
    else byPlan.set(m.planId, [m]);
  }
  for (const g of groups) {
    if (today < g.startsOn || today > g.endsOn) continue;
    const own = (byPlan.get(g.planId) ?? []).sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''));
    out.push(...meetingDuties(g, own, today, rules, unsent), ...surveyDuties(g, own, today, rules, answered));
  }
  return out.filter((d) => d.kind === 'escalation' || d.to !== '');
}

/** The week's digest is due from the configured weekday until the week ends, on a non-holiday. */
export function digestPeriod(today: LocalDate, rules: DutyRules): string | undefined {
  if (!isMailDay(today, rules.holidays) || isoWeekday(today) < rules.digestWeekday) return undefined;
  return weekStart(today);
}
