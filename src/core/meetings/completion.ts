// The end of a pair's year: after the programme's end date every working pair gets its final state,
// each pair's plan fulfilment (meetings held against planned) is kept on its row of «Пары», and the
// outcome goes back to both bases (seed 002, 7.7). A pair the curator ended early keeps that state
// and must say why. Pure: the same rows and day give the same changes, so a repeated run changes nothing.
import { PAIR_STATE_LABELS, type PairState } from '../model';
import { addDays, formatRussianDate, type LocalDate } from './calendar';

export interface CompletionPair {
  rowNumber: number;
  id: string;
  mentorId: string;
  menteeId: string;
  state: PairState | undefined;
  /** A pair approved after the programme's end belongs to the next programme. */
  approvedOn?: LocalDate;
  endedOn?: LocalDate;
  reason: string;
  problem: string;
  fulfilment: number | undefined;
}

export interface PlannedMeeting {
  mentorId: string;
  menteeIds: readonly string[];
  held: boolean;
}

export interface Fulfilment {
  planned: number;
  held: number;
  /** Whole percent of the plan's meetings held; 0 for a pair without a plan. */
  percent: number;
}

/** The share of a plan that counts as fulfilled (seed 004: individual plans fulfilled at least by 90 %). */
export const FULFILLED_PERCENT = 90;

export const REASON_MISSING =
  'Пара завершена досрочно: укажите причину в столбце «Причина окончания» — она попадёт в отчёт и в базы.';

/**
 * Each pair's plan fulfilment over the year's meetings. Callers ask it for every pair: the meetings are
 * grouped by mentor once, not scanned whole for each pair.
 */
export function fulfilmentOf(
  meetings: readonly PlannedMeeting[],
): (pair: { mentorId: string; menteeId: string }) => Fulfilment {
  const byMentor = new Map<string, PlannedMeeting[]>();
  for (const m of meetings) {
    const list = byMentor.get(m.mentorId);
    if (list) list.push(m);
    else byMentor.set(m.mentorId, [m]);
  }
  return (pair) => {
    const own = (byMentor.get(pair.mentorId) ?? []).filter((m) => m.menteeIds.includes(pair.menteeId));
    const held = own.filter((m) => m.held).length;
    return {
      planned: own.length,
      held,
      percent: own.length > 0 ? Math.round((held * 100) / own.length) : 0,
    };
  };
}

export interface PairChange {
  rowNumber: number;
  state?: PairState;
  endedOn?: LocalDate;
  problem?: string;
  fulfilment?: number;
}

const WORKING: readonly PairState[] = ['approved', 'completed', 'ended_early'];

/**
 * What changes on «Пары» today: approved pairs become «завершена» the day after the programme's end;
 * an early end without a date gets today's, without a reason a problem; every working pair gets its
 * current fulfilment.
 */
export function completionChanges(
  pairs: readonly CompletionPair[],
  meetings: readonly PlannedMeeting[],
  today: LocalDate,
  programmeEnd: LocalDate,
): PairChange[] {
  const out: PairChange[] = [];
  const fulfilment = fulfilmentOf(meetings);
  for (const p of pairs) {
    if (!p.state || !WORKING.includes(p.state)) continue;
    const change: PairChange = { rowNumber: p.rowNumber };
    if (p.state === 'approved' && today > programmeEnd && !(p.approvedOn && p.approvedOn > programmeEnd)) {
      change.state = 'completed';
      if (!p.endedOn) change.endedOn = programmeEnd;
    }
    if (p.state === 'ended_early') {
      if (!p.endedOn) change.endedOn = addDays(today, -1);
      const problem = p.reason.trim() ? '' : REASON_MISSING;
      if (problem !== p.problem && (problem || p.problem === REASON_MISSING)) change.problem = problem;
    }
    const { percent } = fulfilment(p);
    if (percent !== p.fulfilment) change.fulfilment = percent;
    if (Object.keys(change).length > 1) out.push(change);
  }
  return out;
}

/** «завершена 10.06.2027, встреч проведено 12 из 14 (86 %)», with the reason of an early end. */
export function pairOutcome(
  pair: { state: PairState; endedOn?: LocalDate; reason: string },
  f: Fulfilment,
): string {
  const when = pair.endedOn ? ` ${formatRussianDate(pair.endedOn)}` : '';
  const why = pair.state === 'ended_early' && pair.reason.trim() ? ` (причина: ${pair.reason.trim()})` : '';
  return `${PAIR_STATE_LABELS[pair.state]}${when}${why}, встреч проведено ${f.held} из ${f.planned} (${f.percent} %)`;
}

export interface BaseOutcome {
  id: string;
  finishedOn: LocalDate;
  results: string;
}

/**
 * What each participant's row in the bases says once their pairs have ended: the latest end date and
 * one line per pair («с НЯ-0001: …» for a mentor, «с наставником НС-0001: …» for a mentee). Only people
 * all of whose working pairs have ended get an outcome.
 */
export function baseOutcomes(
  pairs: readonly CompletionPair[],
  meetings: readonly PlannedMeeting[],
): { mentors: BaseOutcome[]; mentees: BaseOutcome[] } {
  const working = pairs.filter((p) => p.state && WORKING.includes(p.state));
  const fulfilment = fulfilmentOf(meetings);
  const collect = (side: 'mentorId' | 'menteeId'): BaseOutcome[] => {
    const bySide = new Map<string, CompletionPair[]>();
    for (const p of working) {
      const list = bySide.get(p[side]);
      if (list) list.push(p);
      else bySide.set(p[side], [p]);
    }
    return [...bySide.keys()].sort().flatMap((id) => {
      const own = (bySide.get(id) ?? []).sort((a, b) => a.id.localeCompare(b.id));
      if (own.some((p) => p.state === 'approved' || !p.endedOn)) return [];
      const lines = own.map((p) => {
        const other = side === 'mentorId' ? `с ${p.menteeId}` : `с наставником ${p.mentorId}`;
        const state = p.state as PairState;
        return `${other}: ${pairOutcome({ state, endedOn: p.endedOn, reason: p.reason }, fulfilment(p))}`;
      });
      const finishedOn = own.map((p) => p.endedOn as LocalDate).sort()[own.length - 1];
      return [{ id, finishedOn, results: lines.join('; ') }];
    });
  };
  return { mentors: collect('mentorId'), mentees: collect('menteeId') };
}
