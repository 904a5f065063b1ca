// The year's results for the reports: the statistics for the regional centre (participants by form
// and role), the best mentors by the curator's criteria and the cases of completed pairs.

import { FULFILLED_PERCENT, fulfilmentOf } from '../meetings/completion';
import type { SurveyAnswer } from '../meetings/surveys';
import { CATEGORIES, CATEGORY_LABELS, type Category, fullName, type Pair, type Participant } from '../model';
import {
  answerMean,
  isDue,
  isWorking,
  latestAnswers,
  type MonitoringInput,
  type MonitoringMeeting,
  meetingOfPair,
} from './compute';
import { percentOf, roundTo, russianNumber } from './figures';
import { impactLabel, impactOrder } from './impact';
import type { BestMentorCriteria } from './settings';

export interface StatisticsRow {
  label: string;
  mentors: number;
  mentees: number;
}

export interface Statistics {
  byForm: StatisticsRow[];
  byCategory: StatisticsRow[];
  /** Distinct people: one person in two forms counts once here. */
  total: StatisticsRow;
}

/** Participants of working pairs by form and role — the figures of the federal statistics form. */
export function statistics(input: Pick<MonitoringInput, 'participants' | 'pairs' | 'forms'>): Statistics {
  const working = input.pairs.filter(isWorking);
  const count = (pairs: readonly Pair[]) => ({
    mentors: new Set(pairs.map((p) => p.mentorId)).size,
    mentees: new Set(pairs.map((p) => p.menteeId)).size,
  });
  const byForm = input.forms.map((f) => ({
    label: f.label,
    ...count(working.filter((p) => p.formId === f.id)),
  }));
  const byId = new Map(input.participants.map((p) => [p.id, p]));
  const categoryOf = (id: string): Category | undefined => byId.get(id)?.category;
  const byCategory = CATEGORIES.map((c) => ({
    label: CATEGORY_LABELS[c],
    mentors: new Set(working.filter((p) => categoryOf(p.mentorId) === c).map((p) => p.mentorId)).size,
    mentees: new Set(working.filter((p) => categoryOf(p.menteeId) === c).map((p) => p.menteeId)).size,
  })).filter((r) => r.mentors + r.mentees > 0);
  return { byForm, byCategory, total: { label: 'Всего (без повторов)', ...count(working) } };
}

export interface BestMentor {
  id: string;
  name: string;
  position: string;
  pairs: number;
  completed: number;
  /** Meetings held and due by the day of the figures. */
  held: number;
  due: number;
  heldShare: number;
  menteeScore: number;
  menteeAnswers: number;
}

/** What every mentor's figures read, gathered once: a year's meetings by mentor, the latest satisfaction answers. */
interface MentorSources {
  meetingsByMentor: Map<string, MonitoringMeeting[]>;
  /** Working pairs by mentor, in the order of «Пары». */
  pairsByMentor: Map<string, Pair[]>;
  /** The mentees' latest satisfaction answers by pair, and those naming no pair by respondent. */
  satisfactionByPair: Map<string, number[]>;
  satisfactionByMentee: Map<string, number[]>;
  satisfaction: SurveyAnswer[];
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = out.get(key);
    if (list) list.push(item);
    else out.set(key, [item]);
  }
  return out;
}

function mentorSources(input: MonitoringInput): MentorSources {
  const satisfaction = latestAnswers(input.answers, 'satisfaction');
  // Answers are kept as their places in `satisfaction`, so a mentor's scores add up in that order.
  const byPair = new Map<string, number[]>();
  const byMentee = new Map<string, number[]>();
  satisfaction.forEach((a, i) => {
    if (a.role !== 'mentee') return;
    const [map, key] = a.pairId ? [byPair, a.pairId] : [byMentee, a.respondentId];
    const list = map.get(key);
    if (list) list.push(i);
    else map.set(key, [i]);
  });
  return {
    meetingsByMentor: groupBy(input.meetings, (m) => m.mentorId),
    pairsByMentor: groupBy(input.pairs.filter(isWorking), (p) => p.mentorId),
    satisfactionByPair: byPair,
    satisfactionByMentee: byMentee,
    satisfaction,
  };
}

/** A mentor's figures of the year; undefined for a mentor without a working pair. */
function mentorFigures(
  input: MonitoringInput,
  sources: MentorSources,
  mentor: Participant,
): BestMentor | undefined {
  const own = sources.pairsByMentor.get(mentor.id) ?? [];
  if (own.length === 0) return undefined;
  const ids = new Set(own.map((p) => p.id));
  // A meeting of one of these pairs has this mentor's id: only theirs are looked at.
  const due = (sources.meetingsByMentor.get(mentor.id) ?? []).filter(
    (m) => own.some((p) => meetingOfPair(m, p)) && isDue(m, input.asOf),
  );
  const held = due.filter((m) => m.held).length;
  const places = new Set<number>();
  for (const id of ids) for (const i of sources.satisfactionByPair.get(id) ?? []) places.add(i);
  for (const p of own) for (const i of sources.satisfactionByMentee.get(p.menteeId) ?? []) places.add(i);
  const scores = [...places]
    .sort((a, b) => a - b)
    .map((i) => answerMean(sources.satisfaction[i]))
    .filter((v): v is number => v !== undefined);
  return {
    id: mentor.id,
    name: fullName(mentor),
    position: mentor.position,
    pairs: own.length,
    completed: own.filter((p) => p.state === 'completed').length,
    held,
    due: due.length,
    heldShare: percentOf(held, due.length),
    menteeScore: scores.length ? roundTo(scores.reduce((s, v) => s + v, 0) / scores.length, 2) : 0,
    menteeAnswers: scores.length,
  };
}

const bestFirst = (a: BestMentor, b: BestMentor): number =>
  b.menteeScore - a.menteeScore ||
  b.heldShare - a.heldShare ||
  b.completed - a.completed ||
  a.name.localeCompare(b.name, 'ru');

const activeMentors = (input: MonitoringInput): Participant[] =>
  input.participants.filter((p) => p.role === 'mentor' && !p.erased);

/** Mentors meeting the curator's criteria, best first: mentees' score, then meetings, then pairs. */
export function bestMentors(input: MonitoringInput, criteria: BestMentorCriteria): BestMentor[] {
  const sources = mentorSources(input);
  return activeMentors(input)
    .flatMap((m) => mentorFigures(input, sources, m) ?? [])
    .filter(
      (f) =>
        f.menteeAnswers > 0 &&
        f.due > 0 &&
        f.held * 100 >= criteria.minHeldShare * f.due &&
        f.menteeScore >= criteria.minMenteeScore,
    )
    .sort(bestFirst)
    .slice(0, criteria.count);
}

/** The mentors the curator confirmed, with their figures, best first. */
export function confirmedMentors(input: MonitoringInput, ids: ReadonlySet<string>): BestMentor[] {
  const sources = mentorSources(input);
  return activeMentors(input)
    .filter((m) => ids.has(m.id))
    .flatMap((m) => mentorFigures(input, sources, m) ?? [])
    .sort(bestFirst);
}

export interface MentoringCase {
  pairId: string;
  formLabel: string;
  mentor: string;
  /** First name and initial only: a case may be published (seed 002, п. 7.6). */
  mentee: string;
  topics: string[];
  meetingsHeld: number;
  changes: string[];
  /** The sum of the mentee's changes entry → exit, over the parameters measured both times. */
  gain: number;
}

/** A case per completed pair, with the mentee's measured change. */
export function mentoringCases(input: MonitoringInput): MentoringCase[] {
  const byId = new Map(input.participants.map((p) => [p.id, p]));
  const byRespondent = {
    impact_entry: groupBy(latestAnswers(input.answers, 'impact_entry'), (a) => a.respondentId),
    impact_exit: groupBy(latestAnswers(input.answers, 'impact_exit'), (a) => a.respondentId),
  };
  const latest = (kind: 'impact_entry' | 'impact_exit', id: string) =>
    [...(byRespondent[kind].get(id) ?? [])].sort((a, b) => b.date.getTime() - a.date.getTime())[0];
  return input.pairs
    .filter((p) => p.state === 'completed')
    .sort((a, b) => a.id.localeCompare(b.id))
    .flatMap((pair) => {
      const mentor = byId.get(pair.mentorId);
      const mentee = byId.get(pair.menteeId);
      if (!mentor || !mentee || mentor.erased || mentee.erased) return [];
      const entry = latest('impact_entry', mentee.id);
      const exit = latest('impact_exit', mentee.id);
      const measured =
        entry && exit
          ? impactOrder(Object.keys(entry.scores)).filter((k) => exit.scores[k] !== undefined)
          : [];
      const gain = roundTo(
        measured.reduce((s, k) => s + (exit?.scores[k] ?? 0) - (entry?.scores[k] ?? 0), 0),
        2,
      );
      const changes =
        entry && exit
          ? measured.map((k) => {
              const delta = roundTo((exit.scores[k] ?? 0) - (entry.scores[k] ?? 0), 2);
              const from = russianNumber(entry.scores[k] ?? 0);
              const to = russianNumber(exit.scores[k] ?? 0);
              return `${impactLabel(k)}: ${from} → ${to} (${delta >= 0 ? '+' : ''}${russianNumber(delta)})`;
            })
          : [];
      return [
        {
          pairId: pair.id,
          formLabel: input.forms.find((f) => f.id === pair.formId)?.label ?? pair.formId,
          mentor: fullName(mentor),
          mentee: `${mentee.firstName} ${mentee.lastName.charAt(0)}.`,
          topics: mentee.topics,
          meetingsHeld: input.meetings.filter((m) => meetingOfPair(m, pair) && m.held).length,
          changes,
          gain,
        },
      ];
    });
}

/**
 * The cases proposed to the curator: completed pairs whose mentee was measured at entry and exit and
 * whose plan was at least 90 % held, the largest change first.
 */
export function proposedCases(input: MonitoringInput, count: number): MentoringCase[] {
  const fulfilment = fulfilmentOf(input.meetings);
  return mentoringCases(input)
    .filter((c) => {
      const pair = input.pairs.find((p) => p.id === c.pairId);
      const f = pair ? fulfilment(pair) : undefined;
      return (
        c.changes.length > 0 &&
        f !== undefined &&
        f.planned > 0 &&
        f.held * 100 >= FULFILLED_PERCENT * f.planned
      );
    })
    .sort((a, b) => b.gain - a.gain || a.pairId.localeCompare(b.pairId))
    .slice(0, count);
}
