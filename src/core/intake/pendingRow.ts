// «Ожидают подтверждения»: responses that would change who a record belongs to, or erase it, kept
// here with their answers until the address on file or the curator confirms them.
import { cellColumn, dateColumn, defineSheet, type RowOf, textColumn } from '../schema';
import { CHANGE_LABELS, type ChangeKind } from './identity';

export const PENDING = defineSheet('Ожидают подтверждения', {
  createdAt: cellColumn('Создано'),
  participantId: textColumn('Участник'),
  change: textColumn('Что меняется'),
  reason: textColumn('Причина'),
  confirmBy: textColumn('Подтверждение'),
  validUntil: dateColumn('Действует до'),
  state: textColumn('Состояние'),
  decision: textColumn('Решение куратора'),
  token: textColumn('Токен'),
  formId: textColumn('Форма'),
  responseId: textColumn('Ответ'),
  submittedAt: dateColumn('Получен'),
  answers: textColumn('Ответы'),
});

export const PENDING_STATES = {
  waiting: 'ждёт',
  confirmed: 'подтверждено',
  rejected: 'отклонено',
  expired: 'истекло',
} as const;

/** What the curator types into «Решение куратора». */
export const CURATOR_DECISIONS = { confirm: 'подтвердить', reject: 'отклонить' } as const;

/** A link in the letter is valid this long; after it only the curator can confirm. */
export const PENDING_VALID_DAYS = 7;

export interface PendingRow {
  rowNumber: number;
  createdAt: Date | undefined;
  participantId: string;
  kind: ChangeKind | undefined;
  state: string;
  decision: 'confirm' | 'reject' | undefined;
  token: string;
  validUntil: Date | undefined;
  formId: string;
  responseId: string;
  submittedAt: Date | undefined;
  answersJson: string;
}

export function readPendingRow(rowNumber: number, r: RowOf<typeof PENDING>): PendingRow {
  const decision = r.decision.toLowerCase().replace(/ё/g, 'е');
  return {
    rowNumber,
    createdAt: r.createdAt instanceof Date ? r.createdAt : undefined,
    participantId: r.participantId,
    kind: (Object.keys(CHANGE_LABELS) as ChangeKind[]).find((k) => CHANGE_LABELS[k] === r.change),
    state: r.state,
    decision: decision.startsWith('подтверд')
      ? 'confirm'
      : decision.startsWith('отклон')
        ? 'reject'
        : undefined,
    token: r.token,
    validUntil: r.validUntil,
    formId: r.formId,
    responseId: r.responseId,
    submittedAt: r.submittedAt,
    answersJson: r.answers,
  };
}
