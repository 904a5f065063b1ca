// «Ожидают подтверждения»: a response that would change who a record belongs to, or erase it, is kept
// here untouched; a letter with a one-time link goes to the address on file. Erasure clears the rows
// of the erased person.

import { CHANGE_LABELS, confirmationLetter, type PendingChange } from '../../core/intake/identity';
import { PENDING, PENDING_STATES, PENDING_VALID_DAYS } from '../../core/intake/pendingRow';
import type { Submission } from '../../core/intake/process';
import { mailKey } from '../../core/mail/outbox';
import { plainLetterHtml } from '../../core/mail/render';
import { formatRussianDate } from '../../core/meetings/calendar';
import type { Participant } from '../../core/model';
import type { RowPatch } from '../../core/schema';
import { appendRows } from '../appendRows';
import { localToday } from '../mail/journal';
import { enqueue, type OutgoingMail } from '../mail/outbox';
import { loadYearSettings, webAppUrl } from '../meetings/yearSettings';
import { SheetTable } from '../sheetTable';

export const CONFIRM_ROUTE = 'confirm';
export const CONFIRM_MAIL_KIND = 'подтверждение изменения';
const DAY_MS = 86_400_000;

export function pendingTable(): SheetTable<typeof PENDING> {
  return SheetTable.open(PENDING);
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
  const record: RowPatch<typeof PENDING> = {
    createdAt: now,
    participantId: change.participantId,
    change: CHANGE_LABELS[change.kind],
    reason: change.reason,
    confirmBy: change.confirmTo.length
      ? 'письмо со ссылкой на адрес из анкеты; или куратор'
      : 'решает куратор',
    validUntil: token ? validUntil : undefined,
    state: PENDING_STATES.waiting,
    decision: '',
    token,
    formId: s.formId,
    responseId: s.responseId,
    submittedAt: s.submittedAt,
    answers: JSON.stringify(s.answers),
  };
  appendRows(PENDING, [record]);
  if (!token) return 0;
  const link = `${webAppUrl(loadYearSettings())}?a=${CONFIRM_ROUTE}&t=${token}`;
  const until = formatRussianDate(localToday(validUntil));
  const letter = confirmationLetter(person, change.kind, link, until);
  const mails: OutgoingMail[] = change.confirmTo.map((to) => {
    return {
      key: mailKey(to, CONFIRM_MAIL_KIND, token),
      to,
      kind: CONFIRM_MAIL_KIND,
      subject: letter.subject,
      text: letter.body,
      html: plainLetterHtml(letter.body, letter.buttons),
      participantId: change.participantId,
      urgent: true,
      unverified: true,
    };
  });
  return enqueue(mails);
}

/** Rows of an erased person: the answers and the reason go, the fact of the request stays. */
export function erasePending(participantId: string, email: string): void {
  if (!SpreadsheetApp.getActive().getSheetByName(PENDING.name)) return;
  const table = pendingTable();
  const updates = table
    .read()
    .filter(
      (r) =>
        (participantId !== '' && r.values.participantId === participantId) ||
        (email !== '' && r.values.answers.toLowerCase().includes(`"${email}"`)),
    )
    .map((r) => ({
      rowNumber: r.rowNumber,
      values: {
        reason: 'данные удалены',
        answers: '',
        ...(r.values.state === PENDING_STATES.waiting ? { state: PENDING_STATES.rejected } : {}),
      },
    }));
  table.write(updates);
}
