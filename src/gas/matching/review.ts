// The review sidebar: the counts after matching, proposals grouped by mentor with their explanations,
// lock / reject / return buttons, the mentees and mentors without a pair, and approval from there. It holds no state of its own: every call reads Пары and
// Без пары afresh and every button writes to Пары, so the sheet stays the single source of truth.

import * as z from 'zod/mini';
import { lazySchema } from '../../core/lazySchema';
import { UNMATCHED } from '../../core/matching/pairRow';
import { fullName, PAIR_STATE_LABELS, type PairState, ROLE_LABELS } from '../../core/model';
import { readSheet } from '../sheetTable';
import { loadWorld, openPairs, readPairRows } from './pairs';
import { REVIEW_HTML } from './reviewHtml';

export interface ReviewPair {
  id: string;
  menteeId: string;
  mentee: string;
  form: string;
  state: PairState;
  stateLabel: string;
  score: number;
  explanation: string;
  problem: string;
}

export interface ReviewSummary {
  /** Pairs waiting for approval: proposed or locked by the curator. */
  waiting: number;
  locked: number;
  approved: number;
  /** Mentors with more than one pair waiting or approved: a group. */
  groups: number;
  unmatchedMentees: number;
  idleMentors: number;
}

export interface ReviewData {
  groups: Array<{ mentorId: string; mentor: string; capacity: number; pairs: ReviewPair[] }>;
  unmatched: Array<{ menteeId: string; mentee: string; reason: string }>;
  /** Mentors left without a pair (or with free places), with the reason from «Без пары». */
  idleMentors: Array<{ mentorId: string; mentor: string; reason: string }>;
  summary: ReviewSummary;
  problems: string[];
}

function summarise(groups: ReviewData['groups'], unmatched: number, idleMentors: number): ReviewSummary {
  const pairs = groups.flatMap((g) => g.pairs);
  const count = (...states: PairState[]) => pairs.filter((p) => states.includes(p.state)).length;
  return {
    waiting: count('proposed', 'locked'),
    locked: count('locked'),
    approved: count('approved'),
    groups: groups.filter(
      (g) => g.pairs.filter((p) => ['proposed', 'locked', 'approved'].includes(p.state)).length > 1,
    ).length,
    unmatchedMentees: unmatched,
    idleMentors,
  };
}

export function reviewData(): ReviewData {
  const world = loadWorld();
  const rows = readPairRows(openPairs(), world.forms);
  const groups = new Map<string, ReviewData['groups'][number]>();
  const problems = [...world.settingProblems];
  for (const r of rows) {
    if (!r.pair) {
      problems.push(`Пары, строка ${r.rowNumber}: ${r.unreadable ?? 'не читается'}`);
      continue;
    }
    const p = r.pair;
    const mentor = world.people.get(p.mentorId);
    const mentee = world.people.get(p.menteeId);
    let group = groups.get(p.mentorId);
    if (!group) {
      group = {
        mentorId: p.mentorId,
        mentor: mentor ? fullName(mentor) : p.mentorId,
        capacity: mentor?.capacity ?? 0,
        pairs: [],
      };
      groups.set(p.mentorId, group);
    }
    group.pairs.push({
      id: p.id,
      menteeId: p.menteeId,
      mentee: mentee ? fullName(mentee) : p.menteeId,
      form: world.forms.find((f) => f.id === p.formId)?.label ?? p.formId,
      state: p.state,
      stateLabel: PAIR_STATE_LABELS[p.state],
      score: p.score,
      explanation: p.explanation,
      problem: p.problem,
    });
  }
  const without = readSheet(SpreadsheetApp.getActive(), UNMATCHED);
  const unmatched = without
    .filter(({ values: v }) => v.role === ROLE_LABELS.mentee)
    .map(({ values: v }) => ({ menteeId: v.participantId, mentee: v.participant, reason: v.reason }));
  const idleMentors = without
    .filter(({ values: v }) => v.role === ROLE_LABELS.mentor)
    .map(({ values: v }) => ({ mentorId: v.participantId, mentor: v.participant, reason: v.reason }));
  const list = [...groups.values()];
  return {
    groups: list,
    unmatched,
    idleMentors,
    summary: summarise(list, unmatched.length, idleMentors.length),
    problems,
  };
}

const stateChange = lazySchema(() =>
  z.object({
    pairId: z.string({ error: 'не указана пара' }).check(z.minLength(1, 'не указана пара')),
    state: z.enum(['proposed', 'locked', 'rejected'], {
      error: 'можно только предложить, закрепить или отклонить',
    }),
  }),
);

/** Sets one pair's state in Пары. Approved and finished pairs are not changed from the sidebar. */
export function changePairState(pairId: unknown, state: unknown): void {
  const parsed = stateChange().safeParse({ pairId, state });
  if (!parsed.success) throw new Error(`Изменение не принято: ${parsed.error.issues[0]?.message}.`);
  const world = loadWorld();
  const table = openPairs();
  const row = readPairRows(table, world.forms).find((r) => r.pair?.id === parsed.data.pairId);
  if (!row?.pair) throw new Error(`Пары «${parsed.data.pairId}» нет в листе «Пары»: обновите панель.`);
  if (!['proposed', 'locked', 'rejected'].includes(row.pair.state))
    throw new Error(`Пара уже «${PAIR_STATE_LABELS[row.pair.state]}»: её меняют только в листе.`);
  table.write([
    {
      rowNumber: row.rowNumber,
      values: { state: PAIR_STATE_LABELS[parsed.data.state] },
    },
  ]);
}

export function reviewSidebar(): GoogleAppsScript.HTML.HtmlOutput {
  return HtmlService.createHtmlOutput(REVIEW_HTML).setTitle('Пары: проверка');
}
