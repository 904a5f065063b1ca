// The review sidebar: proposals grouped by mentor with their explanations, lock / reject / return
// buttons and the mentees without a pair. It holds no state of its own: every call reads Пары and
// Без пары afresh and every button writes to Пары, so the sheet stays the single source of truth.

import * as z from 'zod';
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

export interface ReviewData {
  groups: Array<{ mentorId: string; mentor: string; capacity: number; pairs: ReviewPair[] }>;
  unmatched: Array<{ menteeId: string; mentee: string; reason: string }>;
  problems: string[];
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
  const unmatched = readSheet(SpreadsheetApp.getActive(), UNMATCHED)
    .filter(({ values: v }) => v.role === ROLE_LABELS.mentee)
    .map(({ values: v }) => ({ menteeId: v.participantId, mentee: v.participant, reason: v.reason }));
  return { groups: [...groups.values()], unmatched, problems };
}

// z.lazy: built on first parse, since the bundle is evaluated at the start of every Apps Script execution.
const StateChange = z.lazy(() =>
  z.object({
    pairId: z.string().min(1, 'не указана пара'),
    state: z.enum(['proposed', 'locked', 'rejected'], {
      error: 'можно только предложить, закрепить или отклонить',
    }),
  }),
);

/** Sets one pair's state in Пары. Approved and finished pairs are not changed from the sidebar. */
export function changePairState(pairId: unknown, state: unknown): void {
  const parsed = StateChange.safeParse({ pairId, state });
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
