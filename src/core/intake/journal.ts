// What intake tells the curator: one Журнал line per event, one «Приём анкет» line per response.
// Neither holds answers: they point to the raw response (form and response id) instead.
export interface JournalEntry {
  when: Date;
  event: string;
  who: string;
  details: string;
  ref: string;
}

export const INTAKE_LOG_HEADERS = [
  'Ответ',
  'Форма',
  'Получен',
  'Обработан',
  'Результат',
  'Участник',
  'Причина',
] as const;

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
