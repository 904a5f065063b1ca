// What intake tells the curator: one Журнал line per event, one «Приём анкет» line per response.
// Neither holds answers: they point to the raw response (form and response id) instead.
import { cellColumn, defineSheet, type RowPatch, textColumn } from '../schema';
import { SHEETS } from '../sheets';

export interface JournalEntry {
  when: Date;
  event: string;
  who: string;
  details: string;
  ref: string;
}

/** Журнал: every event the curator may need to account for, personal data only as ids. */
export const JOURNAL = defineSheet(SHEETS.journal, {
  when: cellColumn('Когда'),
  event: textColumn('Событие'),
  who: textColumn('Кто'),
  details: textColumn('Подробности'),
  ref: textColumn('Ссылка на ответ'),
});

/** «Приём анкет»: one line per form response, so a response is never processed twice. */
export const INTAKE_LOG = defineSheet(SHEETS.intake, {
  responseId: textColumn('Ответ'),
  form: textColumn('Форма'),
  receivedAt: cellColumn('Получен'),
  processedAt: cellColumn('Обработан'),
  result: textColumn('Результат'),
  participantId: textColumn('Участник'),
  reason: textColumn('Причина'),
});

export const RESULT_LABELS = {
  accepted: 'принята',
  updated: 'обновлена',
  rejected: 'отклонена',
  pending: 'ждёт подтверждения',
} as const;
export type IntakeResult = keyof typeof RESULT_LABELS;

export interface IntakeLogEntry {
  responseId: string;
  formTitle: string;
  receivedAt: Date;
  processedAt: Date;
  result: IntakeResult;
  participantId: string;
  reasons: string[];
}

export const responseRef = (formTitle: string, responseId: string): string =>
  `${formTitle}, ответ ${responseId}`;

export const intakeLogRecord = (l: IntakeLogEntry): RowPatch<typeof INTAKE_LOG> => ({
  responseId: l.responseId,
  form: l.formTitle,
  receivedAt: l.receivedAt,
  processedAt: l.processedAt,
  result: RESULT_LABELS[l.result],
  participantId: l.participantId,
  reason: l.reasons.join(' '),
});
