// «Ожидают подтверждения»: responses that would change who a record belongs to, or erase it, kept
// here with their answers until the address on file or the curator confirms them.
import { type CellValue, cellText, type TableRecord } from '../table';
import { CHANGE_LABELS, type ChangeKind } from './identity';

export const PENDING_SHEET = 'Ожидают подтверждения';

export const PENDING_HEADERS = [
  'Создано',
  'Участник',
  'Что меняется',
  'Причина',
  'Подтверждение',
  'Действует до',
  'Состояние',
  'Решение куратора',
  'Токен',
  'Форма',
  'Ответ',
  'Получен',
  'Ответы',
] as const;

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

const dateOf = (v: CellValue | undefined): Date | undefined => (v instanceof Date ? v : undefined);

export function readPendingRow(rowNumber: number, r: TableRecord): PendingRow {
  const kindLabel = cellText(r['Что меняется']);
  const decision = cellText(r['Решение куратора']).trim().toLowerCase().replace(/ё/g, 'е');
  return {
    rowNumber,
    createdAt: dateOf(r.Создано),
    participantId: cellText(r.Участник),
    kind: (Object.keys(CHANGE_LABELS) as ChangeKind[]).find((k) => CHANGE_LABELS[k] === kindLabel),
    state: cellText(r.Состояние),
    decision: decision.startsWith('подтверд')
      ? 'confirm'
      : decision.startsWith('отклон')
        ? 'reject'
        : undefined,
    token: cellText(r.Токен),
    validUntil: dateOf(r['Действует до']),
    formId: cellText(r.Форма),
    responseId: cellText(r.Ответ),
    submittedAt: dateOf(r.Получен),
    answersJson: cellText(r.Ответы),
  };
}
