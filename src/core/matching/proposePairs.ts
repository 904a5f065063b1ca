// «Подобрать пары»: from the bases, the post-meeting choices and the pairs the curator already
// handled, proposes new pairs and explains who stays without a mentor. Locked and approved pairs
// keep their mentee and use up their mentor's capacity; rejected pairs are never proposed again;
// district bank proposals wait for the curator; the rest is re-optimised. Pairs kept from the sheet
// that now break a hard rule get a problem text.
import { hasValidConsent } from '../intake/consent';
import type { MentoringForm, Pair, PairState, Participant } from '../model';
import {
  explain,
  formProblem,
  hardRuleProblems,
  isExcluded,
  type MatchingSettings,
  type Rankings,
  scorePair,
} from './compatibility';
import { isDistrictPairId } from './districtProposal';
import { type MatchingInstance, solveMatching } from './solver';
import { stableMatching } from './stable';

export interface ProposeInput {
  mentors: readonly Participant[];
  mentees: readonly Participant[];
  forms: readonly MentoringForm[];
  /** Pairs as they are in Пары now, in sheet order. */
  existing: readonly Pair[];
  rankings: Rankings;
  settings: MatchingSettings;
}

export interface UnmatchedMentee {
  menteeId: string;
  reason: string;
}

export interface ProposeResult {
  /**
   * The existing pairs in the same order, with problems re-checked; plain proposals are dropped
   * (undefined), proposals the curator edited come back locked.
   */
  kept: Array<Pair | undefined>;
  proposals: Pair[];
  unmatched: UnmatchedMentee[];
  summary: { matched: number; unmatched: number; meanScore: number };
}

/** States in which the mentee is taken; of those, the ones that also use the mentor's capacity. */
const TAKES_MENTEE: readonly PairState[] = ['locked', 'approved', 'completed'];
const USES_CAPACITY: readonly PairState[] = ['locked', 'approved'];

export const pairId = (mentorId: string, menteeId: string): string => `${mentorId}/${menteeId}`;

export function planPairs(input: ProposeInput): ProposeResult {
  const { mentors, mentees, forms, settings, rankings } = input;
  const mentorById = new Map(mentors.map((p) => [p.id, p]));
  const menteeById = new Map(mentees.map((p) => [p.id, p]));
  const rejected = new Set(
    input.existing.filter((p) => p.state === 'rejected').map((p) => pairId(p.mentorId, p.menteeId)),
  );
  const used = new Map<string, number>();
  const takenBy = new Map<string, number>(); // mentee id → index of the pair that holds it

  const kept: Array<Pair | undefined> = input.existing.map((original, index) => {
    // A district bank proposal is not this run's to redo: it waits for the curator to approve or
    // decline it, and its mentee is not offered to anyone else meanwhile.
    if (
      original.state === 'proposed' &&
      isDistrictPairId(original.id) &&
      !mentorById.has(original.mentorId)
    ) {
      const taken = takenBy.has(original.menteeId);
      if (!taken) takenBy.set(original.menteeId, index);
      return { ...original, problem: taken ? 'наставляемый уже в другой паре' : '' };
    }
    // A proposal whose mentor or mentee the curator changed is the curator's choice: it is kept as
    // locked (its ID пары still names the pair we proposed).
    const edited =
      original.state === 'proposed' && original.id !== pairId(original.mentorId, original.menteeId);
    if (original.state === 'proposed' && !edited) return undefined;
    const pair: Pair = edited ? { ...original, state: 'locked' } : original;
    if (!TAKES_MENTEE.includes(pair.state) || pair.state === 'completed') return pair;
    const mentor = mentorById.get(pair.mentorId);
    const mentee = menteeById.get(pair.menteeId);
    const problems: string[] = [];
    if (!mentor) problems.push(`нет наставника с ID «${pair.mentorId}»`);
    if (!mentee) problems.push(`нет наставляемого с ID «${pair.menteeId}»`);
    let next: Pair = pair;
    if (mentor && mentee) {
      const rules = hardRuleProblems(mentor, mentee, forms, settings.exclusions, false);
      problems.push(...rules.problems);
      if (pair.state === 'locked') {
        const { score, terms } = scorePair(mentor, mentee, settings, rankings);
        next = {
          ...pair,
          id: pairId(mentor.id, mentee.id),
          formId: rules.form?.id ?? pair.formId,
          score,
          explanation: explain(terms),
        };
      }
    }
    const other = takenBy.get(pair.menteeId);
    if (other !== undefined) problems.push('наставляемый уже в другой паре');
    else takenBy.set(pair.menteeId, index);
    if (USES_CAPACITY.includes(pair.state)) {
      const n = (used.get(pair.mentorId) ?? 0) + 1;
      used.set(pair.mentorId, n);
      if (mentor && n > mentor.capacity)
        problems.push(
          `у наставника больше наставляемых, чем он готов взять (${n} при ёмкости ${mentor.capacity})`,
        );
    }
    return { ...next, problem: problems.join('; ') };
  });
  for (const pair of input.existing)
    if (pair.state === 'completed' && !takenBy.has(pair.menteeId)) takenBy.set(pair.menteeId, -1);

  const freeMentees = mentees.filter((p) => !takenBy.has(p.id));
  const freeMentors = mentors.filter((p) => p.capacity - (used.get(p.id) ?? 0) > 0);
  const edgeMentor: number[] = [];
  const edgeMentee: number[] = [];
  const edgeWeight: number[] = [];
  const edgeForm: string[] = [];
  const edgeExplanation: string[] = [];
  freeMentees.forEach((mentee, i) => {
    freeMentors.forEach((mentor, j) => {
      const rules = hardRuleProblems(
        mentor,
        mentee,
        forms,
        settings.exclusions,
        rejected.has(pairId(mentor.id, mentee.id)),
      );
      if (rules.problems.length > 0 || !rules.form) return;
      const { score, terms } = scorePair(mentor, mentee, settings, rankings);
      edgeMentor.push(j);
      edgeMentee.push(i);
      edgeWeight.push(score);
      edgeForm.push(rules.form.id);
      edgeExplanation.push(explain(terms));
    });
  });
  const instance: MatchingInstance = {
    mentorCount: freeMentors.length,
    menteeCount: freeMentees.length,
    capacity: freeMentors.map((p) => p.capacity - (used.get(p.id) ?? 0)),
    edgeMentor,
    edgeMentee,
    edgeWeight,
  };
  const mentorIndex = new Map(freeMentors.map((p, j) => [p.id, j]));
  const menteeIndex = new Map(freeMentees.map((p, i) => [p.id, i]));
  const result =
    settings.mode === 'stable'
      ? stableMatching(instance, {
          menteeRanking: freeMentees.map((p) =>
            (rankings.byMentee.get(p.id) ?? []).flatMap((id) =>
              mentorIndex.has(id) ? [mentorIndex.get(id)!] : [],
            ),
          ),
          mentorRanking: freeMentors.map((p) =>
            (rankings.byMentor.get(p.id) ?? []).flatMap((id) =>
              menteeIndex.has(id) ? [menteeIndex.get(id)!] : [],
            ),
          ),
        })
      : solveMatching(instance);

  const proposals: Pair[] = [];
  const candidates = new Int32Array(freeMentees.length);
  for (const i of edgeMentee) candidates[i]++;
  const unmatched: UnmatchedMentee[] = [];
  freeMentees.forEach((mentee, i) => {
    const k = result.edgeOf[i];
    if (k >= 0) {
      const mentor = freeMentors[edgeMentor[k]];
      proposals.push({
        id: pairId(mentor.id, mentee.id),
        mentorId: mentor.id,
        menteeId: mentee.id,
        formId: edgeForm[k],
        state: 'proposed',
        score: edgeWeight[k],
        explanation: edgeExplanation[k],
        problem: '',
      });
    } else {
      unmatched.push({
        menteeId: mentee.id,
        reason: unmatchedReason(mentee, candidates[i], input, rejected),
      });
    }
  });

  const scored = [...kept.filter((p): p is Pair => p !== undefined && p.state === 'locked'), ...proposals];
  const total = scored.reduce((sum, p) => sum + p.score, 0);
  return {
    kept,
    proposals,
    unmatched,
    summary: {
      matched: proposals.length,
      unmatched: unmatched.length,
      meanScore: scored.length ? Math.round((total / scored.length) * 10) / 10 : 0,
    },
  };
}

/** The first reason, in the order a curator would check, why a mentee has no proposal. */
function unmatchedReason(
  mentee: Participant,
  candidates: number,
  input: ProposeInput,
  rejected: Set<string>,
): string {
  if (candidates > 0) return `все подходящие наставники заняты (подходят: ${candidates})`;
  if (!hasValidConsent(mentee)) return 'нет согласия на обработку данных';
  const { settings, forms } = input;
  if (settings.exclusions.some((e) => e.ids.length === 1 && e.ids[0] === mentee.id))
    return 'куратор исключил наставляемого из подбора';
  const formLabels = mentee.forms.map((id) => forms.find((f) => f.id === id)?.label ?? id);
  const offering = input.mentors.filter(
    (m) => hasValidConsent(m) && m.id !== mentee.id && m.forms.some((f) => mentee.forms.includes(f)),
  );
  if (offering.length === 0)
    return `нет наставника с согласием для ${formLabels.length > 1 ? 'форм' : 'формы'} «${formLabels.join('», «')}»`;
  const fitting = offering.filter((m) =>
    mentee.forms.some((id) => {
      const f = forms.find((x) => x.id === id);
      return f !== undefined && m.forms.includes(id) && formProblem(f, m, mentee) === undefined;
    }),
  );
  if (fitting.length === 0) {
    const f = forms.find((x) => mentee.forms.includes(x.id) && offering.some((m) => m.forms.includes(x.id)));
    const why = f ? formProblem(f, offering.find((m) => m.forms.includes(f.id))!, mentee) : undefined;
    return `нет подходящего наставника: ${why ?? 'формы не совпадают'}`;
  }
  const open = fitting.filter(
    (m) => !rejected.has(pairId(m.id, mentee.id)) && !isExcluded(settings.exclusions, m.id, mentee.id),
  );
  if (open.length === 0) return 'все возможные пары отклонены или исключены куратором';
  return 'все подходящие наставники заняты';
}
