// «Ожидают подтверждения»: a response that would change who a record belongs to, or erase it, is kept
// here untouched; a letter with a one-time link goes to the address on file. Erasure clears the rows
// of the erased person.

import { CHANGE_LABELS, confirmationLetter, type PendingChange } from '../../core/intake/identity';
import {
  PENDING_HEADERS,
  PENDING_SHEET,
  PENDING_STATES,
  PENDING_VALID_DAYS,
} from '../../core/intake/pendingRow';
import type { Submission } from '../../core/intake/process';
import { mailKey } from '../../core/mail/outbox';
import { fullName, type Participant } from '../../core/model';
import { formatRussianDate } from '../../core/schedule/calendar';
import { cellText, type TableRecord } from '../../core/table';
import { appendRows } from '../appendRows';
import { localToday } from '../mail/journal';
import { enqueue, type OutgoingMail } from '../mail/outbox';
import { loadYearSettings, webAppUrl } from '../meetings/yearSettings';
import { SheetTable } from '../sheetTable';

export const CONFIRM_ROUTE = 'confirm';
export const CONFIRM_MAIL_KIND = 'подтверждение изменения';
const DAY_MS = 86_400_000;

export function pendingTable(): SheetTable {
  return SheetTable.open(PENDING_SHEET, PENDING_HEADERS);
}

/** Records the waiting change and queues the letter to the address on file; returns letters queued. */
export function recordPending(
  change: PendingChange,
  s: Submission,
  now: Date,
  person: Participant | undefined,
): number {
  const token = change.confirmTo.length ? Utilities.getUuid() : '';
  const validUntil = new Date(now.getTime() + PENDING_VALID_DAYS * DAY_MS);
  const record: TableRecord = {
    Создано: now,
    Участник: change.participantId,
    'Что меняется': CHANGE_LABELS[change.kind],
    Причина: change.reason,
    Подтверждение: change.confirmTo.length
      ? 'письмо со ссылкой на адрес из анкеты; или куратор'
      : 'решает куратор',
    'Действует до': token ? validUntil : '',
    Состояние: PENDING_STATES.waiting,
    'Решение куратора': '',
    Токен: token,
    Форма: s.formId,
    Ответ: s.responseId,
    Получен: s.submittedAt,
    Ответы: JSON.stringify(s.answers),
  };
  appendRows(PENDING_SHEET, PENDING_HEADERS, [record]);
  if (!token) return 0;
  const link = `${webAppUrl(loadYearSettings())}?a=${CONFIRM_ROUTE}&t=${token}`;
  const until = formatRussianDate(localToday(validUntil));
  const letter = confirmationLetter(person ? fullName(person) : '', change.kind, link, until);
  const mails: OutgoingMail[] = change.confirmTo.map((to) => {
    return {
      key: mailKey(to, CONFIRM_MAIL_KIND, token),
      to,
      kind: CONFIRM_MAIL_KIND,
      subject: letter.subject,
      text: letter.body,
      participantId: change.participantId,
      urgent: true,
      unverified: true,
    };
  });
  return enqueue(mails);
}

/** Rows of an erased person: the answers and the reason go, the fact of the request stays. */
export function erasePending(participantId: string, email: string): void {
  if (!SpreadsheetApp.getActive().getSheetByName(PENDING_SHEET)) return;
  const table = pendingTable();
  const updates = table
    .read()
    .filter(
      (r) =>
        (participantId !== '' && cellText(r.values.Участник) === participantId) ||
        (email !== '' && cellText(r.values.Ответы).toLowerCase().includes(`"${email}"`)),
    )
    .map((r) => ({
      rowNumber: r.rowNumber,
      values: {
        Причина: 'данные удалены',
        Ответы: '',
        ...(cellText(r.values.Состояние) === PENDING_STATES.waiting
          ? { Состояние: PENDING_STATES.rejected }
          : {}),
      } as TableRecord,
    }));
  table.write(updates);
}
