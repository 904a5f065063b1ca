// Rows of Пары and Без пары. Matching owns both sheets; other features read Пары by these headers
// (monitoring's reader uses the same names). The curator edits «Код наставника» to move a mentee
// and «Состояние» to lock or reject; names are display only and rewritten from the bases.
import {
  fullName,
  type MentoringForm,
  PAIR_STATE_LABELS,
  PAIR_STATES,
  type Pair,
  type PairState,
  type Participant,
} from '../model';
import {
  cellColumn,
  dateColumn,
  defineSheet,
  numberColumn,
  type RowOf,
  type RowPatch,
  textColumn,
} from '../schema';
import { SHEETS } from '../sheets';

export const PAIRS = defineSheet(SHEETS.pairs, {
  number: cellColumn('№'),
  id: textColumn('ID пары'),
  mentor: textColumn('Наставник'),
  mentorId: textColumn('Код наставника'),
  mentee: textColumn('Наставляемый'),
  menteeId: textColumn('Код наставляемого'),
  form: textColumn('Форма'),
  state: textColumn('Состояние'),
  score: numberColumn('Баллы'),
  explanation: textColumn('Почему эта пара'),
  problem: textColumn('Проблема'),
  approvedAt: cellColumn('Дата утверждения'),
  /** The curator's own column, when a pair ended on a known day. */
  endedAt: cellColumn('Дата окончания', { optional: true }),
  /** Why the curator ended the pair early; it goes to the bases and the reports. */
  endReason: textColumn('Причина окончания', { optional: true }),
  /** Meetings held of those planned, in whole percent; the daily run keeps it current. */
  fulfilment: numberColumn('Выполнение плана, %', { optional: true }),
});
/** The columns the end of the year adds to «Пары» beside matching's own. */
export const COMPLETION_COLUMNS = ['endedAt', 'endReason', 'fulfilment'] as const;
export const PAIRS_HEADERS = PAIRS.headers;
export type PairValues = RowOf<typeof PAIRS>;

export const UNMATCHED_SHEET = 'Без пары';
/** Everyone a matching run left without a pair (or with free places, for mentors), with the reason. */
export const UNMATCHED = defineSheet(UNMATCHED_SHEET, {
  role: textColumn('Роль'),
  participantId: textColumn('Код участника'),
  participant: textColumn('Участник'),
  detail: textColumn('Класс или должность'),
  forms: textColumn('Формы наставничества'),
  reason: textColumn('Причина'),
  updatedAt: dateColumn('Обновлено'),
});
export const UNMATCHED_HEADERS = UNMATCHED.headers;

export const stateFromText = (text: string): PairState | undefined =>
  PAIR_STATES.find((s) => s === text || PAIR_STATE_LABELS[s] === text.toLowerCase());

/** A row of Пары as a pair; a Russian problem instead when the curator left it unreadable. */
export function recordToPair(
  r: PairValues,
  forms: readonly MentoringForm[],
): { pair?: Pair; problem?: string } {
  const { mentorId, menteeId, state: stateText } = r;
  const state = stateText === '' ? 'proposed' : stateFromText(stateText);
  if (!mentorId || !menteeId) return { problem: 'нет кода наставника или наставляемого' };
  if (!state)
    return {
      problem: `непонятное состояние «${stateText}»: нужно одно из ${PAIR_STATES.map((s) => `«${PAIR_STATE_LABELS[s]}»`).join(', ')}`,
    };
  const formText = r.form;
  const score = r.score;
  const approved = r.approvedAt;
  return {
    pair: {
      id: r.id || `${mentorId}/${menteeId}`,
      mentorId,
      menteeId,
      formId: forms.find((f) => f.label === formText || f.id === formText)?.id ?? formText,
      state,
      score: score !== undefined && Number.isInteger(score) ? score : 0,
      explanation: r.explanation,
      problem: r.problem,
      approvedAt: approved instanceof Date ? approved : undefined,
    },
  };
}

const describe = (p: Participant | undefined, id: string, outside?: string): string =>
  p ? fullName(p) : (outside ?? `нет в базе (${id})`);

/** `outside`: how to name people who are not in the bases (a district bank mentor), by code. */
export function pairToRecord(
  p: Pair,
  number: number,
  forms: readonly MentoringForm[],
  people: ReadonlyMap<string, Participant>,
  outside: ReadonlyMap<string, string> = new Map(),
): RowPatch<typeof PAIRS> {
  return {
    number,
    id: p.id,
    mentor: describe(people.get(p.mentorId), p.mentorId, outside.get(p.mentorId)),
    mentorId: p.mentorId,
    mentee: describe(people.get(p.menteeId), p.menteeId),
    menteeId: p.menteeId,
    form: forms.find((f) => f.id === p.formId)?.label ?? p.formId,
    state: PAIR_STATE_LABELS[p.state],
    score: p.score,
    explanation: p.explanation,
    problem: p.problem,
    approvedAt: p.approvedAt ?? '',
  };
}
