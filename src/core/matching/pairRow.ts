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
import { type CellValue, cellText, type TableRecord } from '../table';

export const PAIR_SHEET_COLUMNS = {
  number: '№',
  id: 'ID пары',
  mentor: 'Наставник',
  mentorId: 'Код наставника',
  mentee: 'Наставляемый',
  menteeId: 'Код наставляемого',
  form: 'Форма',
  state: 'Состояние',
  score: 'Баллы',
  explanation: 'Почему эта пара',
  problem: 'Проблема',
  approvedAt: 'Дата утверждения',
} as const;
export const PAIRS_HEADERS: readonly string[] = Object.values(PAIR_SHEET_COLUMNS);

export const UNMATCHED_SHEET = 'Без пары';
export const UNMATCHED_COLUMNS = {
  menteeId: 'Код наставляемого',
  mentee: 'Наставляемый',
  detail: 'Класс или должность',
  forms: 'Формы наставничества',
  reason: 'Причина',
  updatedAt: 'Обновлено',
} as const;
export const UNMATCHED_HEADERS: readonly string[] = Object.values(UNMATCHED_COLUMNS);

const C = PAIR_SHEET_COLUMNS;

export const stateFromText = (text: string): PairState | undefined =>
  PAIR_STATES.find((s) => s === text || PAIR_STATE_LABELS[s] === text.toLowerCase());

/** A row of Пары as a pair; a Russian problem instead when the curator left it unreadable. */
export function recordToPair(
  r: TableRecord,
  forms: readonly MentoringForm[],
): { pair?: Pair; problem?: string } {
  const mentorId = cellText(r[C.mentorId]);
  const menteeId = cellText(r[C.menteeId]);
  const stateText = cellText(r[C.state]);
  const state = stateText === '' ? 'proposed' : stateFromText(stateText);
  if (!mentorId || !menteeId) return { problem: 'нет кода наставника или наставляемого' };
  if (!state)
    return {
      problem: `непонятное состояние «${stateText}»: нужно одно из ${PAIR_STATES.map((s) => `«${PAIR_STATE_LABELS[s]}»`).join(', ')}`,
    };
  const formText = cellText(r[C.form]);
  const score = Number(r[C.score]);
  const approved = r[C.approvedAt];
  return {
    pair: {
      id: cellText(r[C.id]) || `${mentorId}/${menteeId}`,
      mentorId,
      menteeId,
      formId: forms.find((f) => f.label === formText || f.id === formText)?.id ?? formText,
      state,
      score: Number.isInteger(score) ? score : 0,
      explanation: cellText(r[C.explanation]),
      problem: cellText(r[C.problem]),
      approvedAt: approved instanceof Date ? approved : undefined,
    },
  };
}

const describe = (p: Participant | undefined, id: string): string => (p ? fullName(p) : `нет в базе (${id})`);

export function pairToRecord(
  p: Pair,
  number: number,
  forms: readonly MentoringForm[],
  people: ReadonlyMap<string, Participant>,
): TableRecord {
  const approvedAt: CellValue = p.approvedAt ?? '';
  return {
    [C.number]: number,
    [C.id]: p.id,
    [C.mentor]: describe(people.get(p.mentorId), p.mentorId),
    [C.mentorId]: p.mentorId,
    [C.mentee]: describe(people.get(p.menteeId), p.menteeId),
    [C.menteeId]: p.menteeId,
    [C.form]: forms.find((f) => f.id === p.formId)?.label ?? p.formId,
    [C.state]: PAIR_STATE_LABELS[p.state],
    [C.score]: p.score,
    [C.explanation]: p.explanation,
    [C.problem]: p.problem,
    [C.approvedAt]: approvedAt,
  };
}
