// «Утвердить пары»: proposed and locked pairs become approved with today's date, unless a hard rule
// is broken now (consent withdrawn, a curator edit that does not fit, a mentor over capacity):
// such a pair stays as it is and gets the problem on its row.
import type { MentoringForm, Pair, Participant } from '../model';
import { hardRuleProblems, type MatchingSettings } from './compatibility';
import { pairId } from './proposePairs';

export interface ApprovalResult {
  /** The pairs in the same order, approved or flagged. */
  pairs: Pair[];
  approvedIds: string[];
  flagged: number;
}

export function approveValidPairs(
  pairs: readonly Pair[],
  mentors: readonly Participant[],
  mentees: readonly Participant[],
  forms: readonly MentoringForm[],
  settings: MatchingSettings,
  now: Date,
): ApprovalResult {
  const mentorById = new Map(mentors.map((p) => [p.id, p]));
  const menteeById = new Map(mentees.map((p) => [p.id, p]));
  const load = new Map<string, number>();
  const menteeTaken = new Set<string>();
  for (const p of pairs)
    if (p.state === 'approved') {
      load.set(p.mentorId, (load.get(p.mentorId) ?? 0) + 1);
      menteeTaken.add(p.menteeId);
    }
  const approvedIds: string[] = [];
  let flagged = 0;
  // Locked pairs first: the curator's explicit choices claim capacity before plain proposals.
  const order = pairs
    .map((_p, k) => k)
    .sort((a, b) => Number(pairs[b].state === 'locked') - Number(pairs[a].state === 'locked') || a - b);
  const out = [...pairs];
  for (const k of order) {
    const p = pairs[k];
    if (p.state !== 'proposed' && p.state !== 'locked') continue;
    const mentor = mentorById.get(p.mentorId);
    const mentee = menteeById.get(p.menteeId);
    const problems: string[] = [];
    if (!mentor) problems.push(`нет наставника с ID «${p.mentorId}»`);
    if (!mentee) problems.push(`нет наставляемого с ID «${p.menteeId}»`);
    let formId = p.formId;
    if (mentor && mentee) {
      const rules = hardRuleProblems(mentor, mentee, forms, settings.exclusions, false);
      problems.push(...rules.problems);
      formId = rules.form?.id ?? formId;
      if ((load.get(mentor.id) ?? 0) >= mentor.capacity)
        problems.push(`у наставника уже ${load.get(mentor.id) ?? 0} при ёмкости ${mentor.capacity}`);
    }
    if (menteeTaken.has(p.menteeId)) problems.push('наставляемый уже в другой утверждённой паре');
    if (problems.length > 0) {
      out[k] = { ...p, problem: problems.join('; ') };
      flagged++;
      continue;
    }
    load.set(p.mentorId, (load.get(p.mentorId) ?? 0) + 1);
    menteeTaken.add(p.menteeId);
    // The curator may have typed another mentor into the row: the id follows the pair it now names.
    const id = pairId(p.mentorId, p.menteeId);
    out[k] = { ...p, id, formId, state: 'approved', approvedAt: now, problem: '' };
    approvedIds.push(id);
  }
  return { pairs: out, approvedIds, flagged };
}
