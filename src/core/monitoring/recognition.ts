// The best mentors and cases of the year are proposed from data (satisfaction, meetings held, the
// change entry → exit) and confirmed by the curator: the proposals sheet keeps one row per proposal
// with the curator's «Подтверждаю», and the year-end report names only the confirmed ones.
import { defineSheet, type RowOf, type RowPatch, textColumn } from '../schema';
import { russianNumber } from './figures';
import type { BestMentor, MentoringCase } from './results';

export const RECOGNITION_SHEET = 'Лучшие наставники и кейсы';
export const RECOGNITION = defineSheet(RECOGNITION_SHEET, {
  year: textColumn('Учебный год'),
  kind: textColumn('Предложение'),
  id: textColumn('Код'),
  name: textColumn('Кто'),
  basis: textColumn('Основание', { freeText: true }),
  decision: textColumn('Подтверждаю'),
});
export type RecognitionRow = RowOf<typeof RECOGNITION>;

export const RECOGNITION_KINDS = { mentor: 'лучший наставник', case: 'кейс пары' } as const;
export const DECISIONS = ['да', 'нет'] as const;

/** «да», a ticked checkbox → confirmed; «нет», an unticked one → rejected; blank → not decided yet. */
export function decisionOf(cell: string): 'confirmed' | 'rejected' | 'pending' {
  const v = cell.trim().toLowerCase();
  if (v === 'да' || v === 'true') return 'confirmed';
  if (v === 'нет' || v === 'false') return 'rejected';
  return 'pending';
}

export function mentorProposal(year: string, m: BestMentor): RowPatch<typeof RECOGNITION> {
  return {
    year,
    kind: RECOGNITION_KINDS.mentor,
    id: m.id,
    name: m.name,
    basis: `пар ${m.pairs}, завершено ${m.completed}; встреч проведено ${russianNumber(m.heldShare)} %; оценка наставляемых ${russianNumber(m.menteeScore)} (ответов ${m.menteeAnswers})`,
  };
}

export function caseProposal(year: string, c: MentoringCase): RowPatch<typeof RECOGNITION> {
  return {
    year,
    kind: RECOGNITION_KINDS.case,
    id: c.pairId,
    name: `${c.mentor} — ${c.mentee}`,
    basis: `${c.formLabel}; встреч ${c.meetingsHeld}${c.changes.length ? `; ${c.changes.join('; ')}` : ''}`,
  };
}

const keyOf = (r: Pick<RecognitionRow, 'year' | 'kind' | 'id'>) => `${r.year}\u0000${r.kind}\u0000${r.id}`;

/**
 * New proposals are appended; a known one gets its current figures; the curator's decision is
 * never touched, and a proposal that no longer meets the criteria stays (the curator may keep it).
 */
export function mergeProposals(
  existing: ReadonlyArray<{ rowNumber: number; values: RecognitionRow }>,
  incoming: ReadonlyArray<RowPatch<typeof RECOGNITION>>,
): {
  updates: Array<{ rowNumber: number; values: RowPatch<typeof RECOGNITION> }>;
  appends: Array<RowPatch<typeof RECOGNITION>>;
} {
  const byKey = new Map(existing.map((r) => [keyOf(r.values), r]));
  const updates: Array<{ rowNumber: number; values: RowPatch<typeof RECOGNITION> }> = [];
  const appends: Array<RowPatch<typeof RECOGNITION>> = [];
  for (const p of incoming) {
    const known = byKey.get(keyOf({ year: p.year ?? '', kind: p.kind ?? '', id: p.id ?? '' }));
    if (!known) appends.push({ ...p, decision: '' });
    else if (known.values.basis !== p.basis || known.values.name !== p.name)
      updates.push({ rowNumber: known.rowNumber, values: { name: p.name, basis: p.basis } });
  }
  return { updates, appends };
}

export interface Recognition {
  /** Mentor ids and pair ids the curator confirmed for the year. */
  mentors: ReadonlySet<string>;
  cases: ReadonlySet<string>;
  /** Proposals of the year, and how many still wait for the curator. */
  proposedMentors: number;
  proposedCases: number;
  pending: number;
}

export function recognitionOf(rows: readonly RecognitionRow[], year: string): Recognition {
  const own = rows.filter((r) => r.year === year);
  const confirmed = (kind: string) =>
    new Set(own.filter((r) => r.kind === kind && decisionOf(r.decision) === 'confirmed').map((r) => r.id));
  return {
    mentors: confirmed(RECOGNITION_KINDS.mentor),
    cases: confirmed(RECOGNITION_KINDS.case),
    proposedMentors: own.filter((r) => r.kind === RECOGNITION_KINDS.mentor).length,
    proposedCases: own.filter((r) => r.kind === RECOGNITION_KINDS.case).length,
    pending: own.filter((r) => decisionOf(r.decision) === 'pending').length,
  };
}

export const NO_RECOGNITION: Recognition = {
  mentors: new Set(),
  cases: new Set(),
  proposedMentors: 0,
  proposedCases: 0,
  pending: 0,
};
