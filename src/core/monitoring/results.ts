// The year's results for the reports: the statistics for the regional centre (participants by form
// and role), the best mentors by the curator's criteria and the cases of completed pairs.
import { CATEGORIES, CATEGORY_LABELS, type Category, fullName, type Pair } from '../model';
import { answerMean, isDue, isWorking, latestAnswers, type MonitoringInput, meetingOfPair } from './compute';
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
  heldShare: number;
  menteeScore: number;
  menteeAnswers: number;
}

/** Mentors meeting the curator's criteria, best first: mentees' score, then meetings, then pairs. */
export function bestMentors(input: MonitoringInput, criteria: BestMentorCriteria): BestMentor[] {
  const working = input.pairs.filter(isWorking);
  const satisfaction = latestAnswers(input.answers, 'satisfaction').filter((a) => a.role === 'mentee');
  const out: BestMentor[] = [];
  for (const mentor of input.participants) {
    if (mentor.role !== 'mentor' || mentor.erased) continue;
    const own = working.filter((p) => p.mentorId === mentor.id);
    if (own.length === 0) continue;
    const ids = new Set(own.map((p) => p.id));
    const due = input.meetings.filter((m) => own.some((p) => meetingOfPair(m, p)) && isDue(m, input.asOf));
    const held = due.filter((m) => m.held).length;
    const scores = satisfaction
      .filter((a) => ids.has(a.pairId) || (!a.pairId && own.some((p) => p.menteeId === a.respondentId)))
      .map(answerMean)
      .filter((v): v is number => v !== undefined);
    if (scores.length === 0 || due.length === 0) continue;
    const heldShare = percentOf(held, due.length);
    const menteeScore = roundTo(scores.reduce((s, v) => s + v, 0) / scores.length, 2);
    if (held * 100 < criteria.minHeldShare * due.length || menteeScore < criteria.minMenteeScore) continue;
    out.push({
      id: mentor.id,
      name: fullName(mentor),
      position: mentor.position,
      pairs: own.length,
      completed: own.filter((p) => p.state === 'completed').length,
      heldShare,
      menteeScore,
      menteeAnswers: scores.length,
    });
  }
  return out
    .sort(
      (a, b) =>
        b.menteeScore - a.menteeScore ||
        b.heldShare - a.heldShare ||
        b.completed - a.completed ||
        a.name.localeCompare(b.name, 'ru'),
    )
    .slice(0, criteria.count);
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
}

/** A case per completed pair, with the mentee's measured change. */
export function mentoringCases(input: MonitoringInput): MentoringCase[] {
  const byId = new Map(input.participants.map((p) => [p.id, p]));
  const latest = (kind: 'impact_entry' | 'impact_exit', id: string) =>
    latestAnswers(input.answers, kind)
      .filter((a) => a.respondentId === id)
      .sort((a, b) => b.date.getTime() - a.date.getTime())[0];
  return input.pairs
    .filter((p) => p.state === 'completed')
    .sort((a, b) => a.id.localeCompare(b.id))
    .flatMap((pair) => {
      const mentor = byId.get(pair.mentorId);
      const mentee = byId.get(pair.menteeId);
      if (!mentor || !mentee || mentor.erased || mentee.erased) return [];
      const entry = latest('impact_entry', mentee.id);
      const exit = latest('impact_exit', mentee.id);
      const changes =
        entry && exit
          ? impactOrder(Object.keys(entry.scores))
              .filter((k) => exit.scores[k] !== undefined)
              .map((k) => {
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
        },
      ];
    });
}
