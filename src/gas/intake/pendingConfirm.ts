// Confirming a waiting change: by the one-time link in the letter to the address on file (the web
// app), or by the curator's «подтвердить» / «отклонить» in «Ожидают подтверждения» (menu or the daily
// run). A confirmed response is replayed through intake as if it had just arrived.
import type { FormId } from '../../../forms/definition';
import { FORMS } from '../../../forms/index';
import type { RawAnswers } from '../../core/intake/answers';
import { CHANGE_LABELS } from '../../core/intake/identity';
import { PENDING, PENDING_STATES, type PendingRow, readPendingRow } from '../../core/intake/pendingRow';
import type { WebParameters } from '../feature';
import { withScriptLock } from '../lock';
import { appendJournal } from '../mail/journal';
import { deliverDue } from '../mail/outbox';
import { loadYearSettings, webAppUrl } from '../meetings/yearSettings';
import { MENU_TITLE } from '../menu';
import type { SheetTable } from '../sheetTable';
import { webForm } from '../webApp';
import { pendingTable } from './pendingChanges';
import { processSubmissionLocked } from './submit';

const TOKEN = /^[0-9a-f-]{16,64}$/i;

function answersOf(row: PendingRow): RawAnswers | undefined {
  try {
    const parsed: unknown = JSON.parse(row.answersJson);
    return parsed && typeof parsed === 'object' ? (parsed as RawAnswers) : undefined;
  } catch {
    return undefined;
  }
}

/** Replays the waiting response and closes the row; the caller holds the script lock. */
function confirmRow(table: SheetTable<typeof PENDING>, row: PendingRow, by: string): string {
  const answers = answersOf(row);
  if (!row.kind || !(row.formId in FORMS) || !answers || !row.submittedAt) {
    table.write([{ rowNumber: row.rowNumber, values: { state: PENDING_STATES.rejected } }]);
    return 'запрос не читается, отклонён';
  }
  const result = processSubmissionLocked(
    { formId: row.formId as FormId, responseId: row.responseId, submittedAt: row.submittedAt, answers },
    { kind: row.kind, participantId: row.participantId },
  );
  table.write([{ rowNumber: row.rowNumber, values: { state: PENDING_STATES.confirmed, answers: '' } }]);
  appendJournal(
    'Изменение подтверждено',
    row.participantId,
    `${CHANGE_LABELS[row.kind]}; подтвердил: ${by}; итог: ${result.reason}`,
  );
  return result.reason;
}

/** The link in the letter: first a page with a button (mail scanners open links), then the change. */
export function confirmPage(params: WebParameters): { title: string; body: string } {
  const title = 'Подтверждение изменения';
  const token = params.t ?? '';
  const refused = { title, body: '<p>Ссылка недействительна: нет доступа.</p>' };
  if (!TOKEN.test(token)) return refused;
  const outcome = withScriptLock(() => {
    const table = pendingTable();
    const found = table.read().find((r) => r.values.token === token);
    if (!found) return 'unknown' as const;
    const row = readPendingRow(found.rowNumber, found.values);
    if (row.state === PENDING_STATES.expired) return 'expired' as const;
    if (row.state !== PENDING_STATES.waiting) return 'used' as const;
    if (!row.validUntil || row.validUntil.getTime() < Date.now()) return 'expired' as const;
    if (params.confirm !== '1') return 'ask' as const;
    confirmRow(table, row, 'владелец адреса из анкеты, по ссылке');
    return 'done' as const;
  });
  switch (outcome) {
    case 'unknown':
      return refused;
    case 'used':
      return { title, body: '<p>Этот запрос уже рассмотрен: ссылка срабатывает один раз.</p>' };
    case 'expired':
      return {
        title,
        body: '<p>Срок ссылки истёк: нет доступа. Если изменение нужно, напишите куратору программы.</p>',
      };
    case 'ask':
      return {
        title,
        body: `<p>Подтвердите изменение, о котором говорится в письме.</p>${webForm(webAppUrl(loadYearSettings()), params, '', 'Подтверждаю')}`,
      };
    case 'done':
      deliverDue();
      return { title: 'Спасибо!', body: '<p>Изменение подтверждено.</p>' };
  }
}

/** Rows where the curator wrote «подтвердить» or «отклонить»: applied now, one by one. */
export function applyCuratorDecisions(): string[] {
  const done = withScriptLock(() => {
    if (!SpreadsheetApp.getActive().getSheetByName(PENDING.name)) return [];
    const table = pendingTable();
    const lines: string[] = [];
    for (const r of table.read()) {
      const row = readPendingRow(r.rowNumber, r.values);
      if (row.state !== PENDING_STATES.waiting && row.state !== PENDING_STATES.expired) continue;
      if (row.decision === 'reject') {
        table.write([{ rowNumber: row.rowNumber, values: { state: PENDING_STATES.rejected, answers: '' } }]);
        appendJournal(
          'Изменение отклонено куратором',
          row.participantId,
          row.kind ? CHANGE_LABELS[row.kind] : '',
        );
        lines.push(`${row.participantId || row.responseId}: отклонено`);
      } else if (row.decision === 'confirm') {
        lines.push(`${row.participantId || row.responseId}: ${confirmRow(table, row, 'куратор')}`);
      } else if (
        row.state === PENDING_STATES.waiting &&
        row.validUntil &&
        row.validUntil.getTime() < Date.now()
      ) {
        table.write([{ rowNumber: row.rowNumber, values: { state: PENDING_STATES.expired } }]);
      }
    }
    return lines;
  });
  if (done.length > 0) deliverDue();
  return done;
}

/** Menu «Применить решения по изменениям»: the curator's decisions in «Ожидают подтверждения». */
export function applyPendingDecisions(): string {
  const lines = applyCuratorDecisions();
  const text = lines.length
    ? `Применено решений: ${lines.length}.\n${lines.join('\n')}`
    : 'Нет решений: впишите «подтвердить» или «отклонить» в столбец «Решение куратора» листа «Ожидают подтверждения».';
  SpreadsheetApp.getActive().toast(text, MENU_TITLE);
  return text;
}
