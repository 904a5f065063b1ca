// The one sending module. Every letter the programme sends goes through here, so the
// send log «Почта» is the single truth about what went out. A feature that sends mail calls
//   enqueue([{ to, kind, subject, text, participantId, urgent: true }], ...) with a deterministic key per
//   letter (mailKey(recipient, kind, period) from src/core/mail/outbox), then deliverDue(), or
//   scheduleDelivery() where the letters may wait a minute for a delivery run (a form's trigger).
// enqueue drops keys already in the log, so calling it again after a crash or a double trigger is safe.
//
// Exactly once, a batch at a time: up to SEND_BATCH letters are marked «отправляется» in one write
// (with the run id and, for each, the quota it will find if the letters before it went) and flushed,
// then sent one by one under the script lock, then settled in one write. A run that dies in between
// leaves the batch «отправляется»; the next run settles it from the quota (settleBatch in core: the
// letters that went are a prefix of the batch, and the quota says how long), and a continuation
// trigger is scheduled before sending so that the next run comes within minutes. A flush per batch
// instead of per letter keeps the guarantee: no letter is sent before its mark is in the sheet.

import { DOCUMENTS } from '../../core/documents/sheets';
import { messageContent, messagesOf } from '../../core/mail/documentLetters';
import {
  deliveryOrder,
  MAIL,
  MAIL_STATES,
  MAX_ATTEMPTS,
  type OutboxRow,
  settleBatch,
  UNVERIFIED_DAILY_LIMIT,
  unverifiedDays,
} from '../../core/mail/outbox';
import { MAIL_KIND_LABELS } from '../../core/mail/templates';
import {
  dayOfSheetDate,
  formatRussianDate,
  type LocalDate,
  parseLocalDate,
  sheetDateBefore,
} from '../../core/meetings/calendar';
import { isMailDay } from '../../core/meetings/duties';
import { SCHEDULE_SETTINGS } from '../../core/meetings/settings';
import { hasPlaceholders } from '../../core/pseudonymous/namePlaceholders';
import type { PickedRow, Row, RowOf, RowPatch } from '../../core/schema';
import { readSettingValues } from '../../core/settings';
import { appendRows, readColumn } from '../appendRows';
import { readSettingCells } from '../settingsSheet';
import { readSheet, SheetTable } from '../sheetTable';
import { appendJournal, localToday } from './journal';
import { loadSender } from './sender';

export interface OutgoingMail {
  key: string;
  to: string;
  /** Shown in «Вид»; a participant's opt-out stops only kinds marked non-essential by their sender. */
  kind: string;
  subject: string;
  text: string;
  html?: string;
  participantId?: string;
  /** Sent before the backlog (confirmations, the curator's letters). */
  urgent?: boolean;
  /** The opt-out token embedded in the letter, when it has one. */
  token?: string;
  /** Recorded without sending: the participant has opted out of this kind. */
  optedOut?: boolean;
  /** To an address nobody has confirmed (see UNVERIFIED_DAILY_LIMIT): it may have to wait its day. */
  unverified?: boolean;
  /** Recorded without sending: told as a line of another letter (the curator's daily letter). */
  merged?: boolean;
  /** Drive id of a file to attach (the log needs the «Вложение» column: ensureSheet adds it). */
  attachment?: string;
}

export interface DeliveryReport {
  sent: number;
  failed: number;
  waiting: number;
  settled: { sent: number; requeued: number; unconfirmed: number };
  stoppedBy?: 'quota' | 'time' | 'holiday';
}

const CONTINUATION_PROPERTY = 'outbox.continuationTrigger';
export const DELIVER_HANDLER = 'deliverMail';
/** Stop starting new sends well before Apps Script's 6-minute limit. */
const TIME_BUDGET_MS = 4 * 60_000;
/**
 * What the daily run spends on letters: the rest of a long queue goes by the continuation a minute
 * later, so the morning run stays short and a busy day's letters do not hold the lock for minutes.
 */
export const DAILY_DELIVERY_BUDGET_MS = 35_000;
/** Hold the script lock at most this long at a time, so form submissions are not kept waiting. */
const LOCK_SLICE_MS = 10_000;
const LOCK_WAIT_MS = 20_000;
/** What making one attachment's PDF may take, for the time budget (a Drive export: 1–2 s). */
const EXPORT_ALLOWANCE_MS = 2_000;
/** Letters marked, sent and settled together: one flush and two writes per batch, not per letter. */
const SEND_BATCH = 50;

export type OutboxTable = SheetTable<typeof MAIL>;
type MailRow = Row<typeof MAIL>;

export function outboxTable(): OutboxTable {
  return SheetTable.openRead(MAIL);
}

function num(v: unknown): number {
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isFinite(n) ? n : Number.NaN;
}

function timeOf(v: unknown): number {
  if (v instanceof Date) return v.getTime();
  const t = Date.parse(String(v));
  return Number.isFinite(t) ? t : 0;
}

/** The columns an OutboxRow is made of. */
const OUTBOX_ROW_KEYS = [
  'key',
  'to',
  'kind',
  'state',
  'createdAt',
  'urgent',
  'participantId',
  'notBefore',
  'attachment',
] as const;

function asOutboxRow({
  rowNumber,
  values: v,
}: PickedRow<typeof MAIL, (typeof OUTBOX_ROW_KEYS)[number]>): OutboxRow {
  return {
    rowNumber,
    key: v.key,
    to: v.to,
    kind: v.kind,
    state: v.state,
    createdAt: timeOf(v.createdAt),
    urgent: v.urgent === true || String(v.urgent).toLowerCase() === 'да',
    participantId: v.participantId,
    notBefore: dayOf(v.notBefore),
    ...(v.attachment ? { attachment: v.attachment } : {}),
  };
}

function dayOf(v: unknown): LocalDate | undefined {
  if (v instanceof Date) return dayOfSheetDate(v);
  return parseLocalDate(String(v ?? ''));
}

/** What enqueue needs of the log: three of its columns, and rows added below. */
interface LogColumns {
  cells<K extends 'key' | 'to' | 'notBefore'>(key: K): Array<RowOf<typeof MAIL>[K]>;
  append(rows: RowPatch<typeof MAIL>[]): void;
}

const ofTable = (table: OutboxTable): LogColumns => ({
  cells: (key) => table.cells(key),
  append: (rows) => table.write([], rows),
});

/** A caller without the log in hand: its columns alone are read, not the thousands of rows whole. */
const ofSheet: LogColumns = {
  cells: (key) => readColumn(MAIL, key),
  append: (rows) => appendRows(MAIL, rows, { strict: true }),
};

/** The day of each unverified letter among `mails` (undefined for the others). */
function daysOfUnverified(mails: readonly OutgoingMail[], table: LogColumns): Array<LocalDate | undefined> {
  if (!mails.some((m) => m.unverified)) return mails.map(() => undefined);
  const to = table.cells('to');
  const notBefore = table.cells('notBefore');
  const today = localToday();
  // Only days from today on count: the dated rows of past days, most of a long log, are skipped.
  const booked = notBefore.flatMap((v, i) => {
    if (v === '' || (v instanceof Date && sheetDateBefore(v, today))) return [];
    const day = dayOf(v);
    return day ? [{ to: String(to[i] ?? ''), day }] : [];
  });
  const days = unverifiedDays(
    booked,
    mails.filter((m) => m.unverified).map((m) => m.to),
    today,
  );
  let k = 0;
  return mails.map((m) => (m.unverified ? days[k++] : undefined));
}

/** A letter that names anyone by a register placeholder: Apps Script never sends it. */
const forRegister = (m: OutgoingMail): boolean =>
  hasPlaceholders(`${m.to}\n${m.subject}\n${m.text}\n${m.html ?? ''}`);

/**
 * Adds letters whose keys the log does not hold yet; returns how many were added. A caller that has
 * just read the log under the same lock passes its table, so the log is not read again, and may pass
 * the keys it read from it (the set gets the new keys).
 */
export function enqueue(mails: readonly OutgoingMail[], outbox?: OutboxTable, keys?: Set<string>): number {
  if (mails.length === 0) return 0;
  const table = outbox ? ofTable(outbox) : ofSheet;
  const known = keys ?? new Set(table.cells('key'));
  const now = new Date();
  const today = localToday(now);
  const fresh = mails.filter((m) => {
    if (known.has(m.key)) return false;
    known.add(m.key);
    return true;
  });
  const days = daysOfUnverified(fresh, table);
  const appends: RowPatch<typeof MAIL>[] = [];
  for (const [i, m] of fresh.entries()) {
    const day = days[i];
    appends.push({
      key: m.key,
      to: m.to,
      kind: m.kind,
      subject: m.subject,
      text: m.optedOut || m.merged ? '' : m.text,
      html: m.optedOut || m.merged ? '' : (m.html ?? ''),
      state: m.optedOut
        ? MAIL_STATES.optedOut
        : m.merged
          ? MAIL_STATES.merged
          : forRegister(m)
            ? MAIL_STATES.awaitingRegister
            : MAIL_STATES.queued,
      createdAt: now,
      attempts: 0,
      participantId: m.participantId ?? '',
      token: m.token ?? '',
      urgent: m.urgent ? 'да' : '',
      ...(m.attachment ? { attachment: m.attachment } : {}),
      ...(day ? { notBefore: formatRussianDate(day) } : {}),
      error:
        day && day > today
          ? `Отложено до ${formatRussianDate(day)}: до согласия — не больше одного письма в день на адрес и ${UNVERIFIED_DAILY_LIMIT} таких писем в день всего.`
          : '',
    });
  }
  table.append(appends);
  return appends.length;
}

/** Sets queued letters aside for good, with the reason in «Ошибка»; they are never sent. */
export function cancelQueued(
  rowNumbers: readonly number[],
  reason: string,
  table: OutboxTable = outboxTable(),
): void {
  if (rowNumbers.length === 0) return;
  table.write(
    rowNumbers.map((rowNumber) => ({
      rowNumber,
      values: { state: MAIL_STATES.cancelled, error: reason },
    })),
  );
}

/** What the planner needs of the log: every key (to skip letters that exist), and the letters not settled yet. */
export interface OutboxLog {
  keys: Set<string>;
  /** Queued, being sent, unconfirmed or failed; the thousands sent by spring are not made into rows. */
  unsettled: OutboxRow[];
  /** Letters handed to the school's register (the pseudonymous mode): Google's part in them is done. */
  awaitingRegister: number;
}

/**
 * Google's part in these letters is over. A letter «ждёт реестра» is the register's to send: the
 * register reads the workbook and never writes back, so to the script it is as good as sent.
 */
const SETTLED: readonly string[] = [
  MAIL_STATES.sent,
  MAIL_STATES.optedOut,
  MAIL_STATES.cancelled,
  MAIL_STATES.merged,
  MAIL_STATES.awaitingRegister,
];

export function readOutboxLog(table: OutboxTable = outboxTable()): OutboxLog {
  let awaitingRegister = 0;
  const unsettled = table
    .recordsWhere(
      'state',
      (state) => {
        if (state === MAIL_STATES.awaitingRegister) awaitingRegister++;
        return !SETTLED.includes(state);
      },
      OUTBOX_ROW_KEYS,
    )
    .map(asOutboxRow);
  return { keys: new Set(table.cells('key')), unsettled, awaitingRegister };
}

/** Minutes after which a continuation still on record has surely fired or been lost. */
const CONTINUATION_OVERDUE_MS = 15 * 60_000;

/** The property holds the trigger's id and when it is due: "id dueMs". */
function continuationOnRecord(props: GoogleAppsScript.Properties.Properties) {
  const [id, due] = (props.getProperty(CONTINUATION_PROPERTY) ?? '').split(' ');
  return id ? { id, dueMs: Number(due) || 0 } : undefined;
}

function deleteTriggerById(id: string): void {
  for (const t of ScriptApp.getProjectTriggers()) if (t.getUniqueId() === id) ScriptApp.deleteTrigger(t);
}

/**
 * Replaces the continuation trigger before the log is changed, so that a run killed anywhere (even while
 * settling an earlier crash) is followed within minutes, on the same quota day, by another. A fired
 * one-time trigger is deleted here too. A failure to create it is not fatal: the daily run resumes the queue.
 */
function renewContinuation(): void {
  try {
    const props = PropertiesService.getScriptProperties();
    const previous = continuationOnRecord(props);
    const trigger = ScriptApp.newTrigger(DELIVER_HANDLER).timeBased().after(60_000).create();
    props.setProperty(CONTINUATION_PROPERTY, `${trigger.getUniqueId()} ${Date.now() + 60_000}`);
    if (previous) deleteTriggerById(previous.id);
  } catch (e) {
    console.warn(
      `Не удалось запланировать продолжение отправки: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
}

/**
 * Letters just queued go by a delivery run within a minute or two instead of this execution: a form's
 * trigger then holds the lock for a moment, not for the seconds each letter takes, and a burst of
 * questionnaires shares one delivery run. A continuation already due is enough.
 */
export function scheduleDelivery(): void {
  const pending = continuationOnRecord(PropertiesService.getScriptProperties());
  if (pending && Date.now() < pending.dueMs + CONTINUATION_OVERDUE_MS) return;
  renewContinuation();
}

function dropContinuation(): void {
  const props = PropertiesService.getScriptProperties();
  const pending = continuationOnRecord(props);
  if (!pending) return;
  deleteTriggerById(pending.id);
  props.deleteProperty(CONTINUATION_PROPERTY);
}

function recipientsOf(to: string): number {
  return to.split(',').filter((s) => s.trim()).length;
}

const sameQuotaDay = (a: number, b: number): boolean =>
  new Date(a).toISOString().slice(0, 10) === new Date(b).toISOString().slice(0, 10);

/**
 * Settles rows dead runs left «отправляется», one run's batch at a time (see settleBatch). Runs under
 * the script lock, and every send happens under it too, so any such row not of this run belongs to a
 * run that died. All the outcomes go to the sheet in one write.
 */
function settleDeadRuns(table: OutboxTable, rows: MailRow[], runId: string, quotaNow: number) {
  const settled = { sent: 0, requeued: 0, unconfirmed: 0 };
  const now = Date.now();
  const batches = new Map<string, MailRow[]>();
  for (const r of rows) {
    if (r.values.state !== MAIL_STATES.sending || r.values.run === runId) continue;
    const batch = batches.get(r.values.run) ?? [];
    batch.push(r);
    batches.set(r.values.run, batch);
  }
  const updates: Array<{ rowNumber: number; values: RowPatch<typeof MAIL> }> = [];
  for (const batch of batches.values()) {
    const outcomes = settleBatch(
      batch.map(({ values: v }) => {
        const markedAt = timeOf(v.sentAt);
        return {
          quotaBefore: num(v.quotaBefore),
          recipients: recipientsOf(v.to),
          sameDay: sameQuotaDay(markedAt, now) && now - markedAt < 6 * 3_600_000,
        };
      }),
      quotaNow,
    );
    batch.forEach((r, i) => {
      const outcome = outcomes[i];
      updates.push({
        rowNumber: r.rowNumber,
        values:
          outcome === 'sent'
            ? { state: MAIL_STATES.sent, error: '', text: '', html: '' }
            : outcome === 'not_sent'
              ? { state: MAIL_STATES.queued, error: 'прервано до отправки, поставлено в очередь снова' }
              : {
                  state: MAIL_STATES.unconfirmed,
                  error: 'отправка прервана сбоем; неизвестно, ушло ли письмо — повторно не отправляем',
                },
      });
      settled[outcome === 'sent' ? 'sent' : outcome === 'not_sent' ? 'requeued' : 'unconfirmed'] += 1;
    });
  }
  table.write(updates);
  for (const batch of batches.values())
    for (const { rowNumber, values: v } of batch)
      if (updates.find((u) => u.rowNumber === rowNumber)?.values.state === MAIL_STATES.unconfirmed)
        appendJournal('Письмо: отправка не подтверждена', v.to, v.key);
  return settled;
}

/** Titles of the documents made, by file id, from «Документы»: which attachments to export, and their names. */
function documentTitles(): Map<string, string> {
  return new Map(
    readSheet(SpreadsheetApp.getActive(), DOCUMENTS).flatMap(({ values: v }) =>
      v.fileId ? [[v.fileId, v.title] as const] : [],
    ),
  );
}

/**
 * What a letter attaches: a document of «Документы» as its PDF, exported now (so the letter carries
 * the document as it is when sent) and named after it; any other file (a PDF kept in Drive) as it is.
 */
function attachmentBlob(id: string, titles: ReadonlyMap<string, string>): GoogleAppsScript.Base.Blob {
  const file = DriveApp.getFileById(id);
  const title = titles.get(id);
  // Named here: getAs would take the part of the title after its last dot for an extension.
  return title === undefined ? file.getBlob() : file.getAs(MimeType.PDF).setName(`${title}.pdf`);
}

/** An address Google refuses will not get better by retrying. */
const PERMANENT_FAILURE = /invalid email|недопустим|неверный адрес/i;

/** The invitation to the next year is sent in the summer break, when the year has been closed. */
const PAUSED_ON_HOLIDAYS: readonly string[] = Object.entries(MAIL_KIND_LABELS)
  .filter(([kind]) => kind !== 'reenrol')
  .map(([, label]) => label);
const OPEN: readonly string[] = [MAIL_STATES.queued, MAIL_STATES.sending];

/**
 * Sends queued letters, urgent first and then oldest first, while the daily quota and the time budget
 * last (the continuation, already scheduled, sends the rest). Letters of the pair's year wait on
 * holidays. Safe to call from any trigger at any time. `continuationRenewed`: the caller has just set
 * the continuation itself (the continuation's handler), so it is not replaced again before the log changes.
 */
export function deliverDue(budgetMs: number = TIME_BUDGET_MS, continuationRenewed = false): DeliveryReport {
  const started = Date.now();
  const runId = Utilities.getUuid();
  const report: DeliveryReport = {
    sent: 0,
    failed: 0,
    waiting: 0,
    settled: { sent: 0, requeued: 0, unconfirmed: 0 },
  };
  const cells = readSettingCells();
  const schedule = readSettingValues(SCHEDULE_SETTINGS, ['holidays'], cells);
  const sender = loadSender(cells);
  const holiday = !isMailDay(localToday(), schedule.holidays);
  const lock = LockService.getScriptLock();
  let renewed = continuationRenewed;
  // A group's document goes to several parents: its PDF is made once per run.
  const blobs = new Map<string, GoogleAppsScript.Base.Blob>();
  let titles: Map<string, string> | undefined;
  // A message is not started when the PDFs it still has to make would carry the run past its budget.
  const exportAllowance = (letters: readonly OutboxRow[]): number =>
    new Set(letters.flatMap((l) => (l.attachment && !blobs.has(l.attachment) ? [l.attachment] : []))).size *
    EXPORT_ALLOWANCE_MS;
  for (;;) {
    if (!lock.tryLock(LOCK_WAIT_MS)) return report;
    const sliceStart = Date.now();
    let more = false;
    try {
      const table = outboxTable();
      // Only queued and sending rows become records: by spring the log holds thousands of sent letters.
      const open = () => table.recordsWhere('state', (state) => OPEN.includes(state));
      let rows = open();
      // Before any change to the log; a run with nothing to send or settle needs no follow-up.
      if (!renewed && rows.length > 0) {
        renewContinuation();
        renewed = true;
      }
      let quota = MailApp.getRemainingDailyQuota();
      const settled = settleDeadRuns(table, rows, runId, quota);
      report.settled.sent += settled.sent;
      report.settled.requeued += settled.requeued;
      report.settled.unconfirmed += settled.unconfirmed;
      // The table holds what settling wrote: no second read of the sheet.
      if (settled.requeued + settled.sent + settled.unconfirmed > 0) rows = open();
      const byRow = new Map(rows.map((r) => [r.rowNumber, r]));
      const queue = deliveryOrder(rows.map(asOutboxRow), localToday()).filter(
        (r) => !(holiday && PAUSED_ON_HOLIDAYS.includes(r.kind)),
      );
      if (holiday && queue.length === 0) report.stoppedBy = 'holiday';
      // Letters carrying documents to one address go as one message, or in its «пара утверждена» (documentLetters).
      const messages = messagesOf(queue);
      let i = 0;
      while (i < messages.length && !report.stoppedBy) {
        if (Date.now() - started + exportAllowance(messages[i]) > budgetMs) {
          report.stoppedBy = 'time';
          break;
        }
        if (Date.now() - sliceStart > LOCK_SLICE_MS) {
          more = true;
          break;
        }
        // The batch: the next messages the quota covers, each marked with the quota it will find; the
        // letters of one message share its mark.
        const batch: Array<{
          letters: Array<{ row: OutboxRow; record: MailRow; attempts: number }>;
          need: number;
        }> = [];
        let expected = quota;
        for (let j = i; j < messages.length && batch.length < SEND_BATCH; j++) {
          const need = recipientsOf(messages[j][0].to);
          if (expected < need) break;
          batch.push({
            letters: messages[j].map((row) => {
              const record = byRow.get(row.rowNumber)!;
              return { row, record, attempts: num(record.values.attempts) || 0 };
            }),
            need,
          });
          expected -= need;
        }
        if (batch.length === 0) {
          report.stoppedBy = 'quota';
          break;
        }
        let before = quota;
        table.write(
          batch.flatMap((b) => {
            const marks = b.letters.map((l) => ({
              rowNumber: l.row.rowNumber,
              values: {
                state: MAIL_STATES.sending,
                run: runId,
                quotaBefore: before,
                sentAt: new Date(),
                attempts: l.attempts + 1,
              },
            }));
            before -= b.need;
            return marks;
          }),
        );
        SpreadsheetApp.flush();
        const results: Array<{ rowNumber: number; values: RowPatch<typeof MAIL> }> = [];
        let k = 0;
        for (; k < batch.length; k++) {
          const { letters, need } = batch[k];
          const [first] = letters;
          // Past the budget the rest of the batch goes back to the queue untried.
          if (k > 0 && Date.now() - started + exportAllowance(letters.map((l) => l.row)) > budgetMs) {
            report.stoppedBy = 'time';
            break;
          }
          try {
            const attachments = letters.flatMap((l) => {
              const id = l.record.values.attachment;
              if (!id) return [];
              let blob = blobs.get(id);
              if (!blob) {
                titles ??= documentTitles();
                blob = attachmentBlob(id, titles);
                blobs.set(id, blob);
              }
              return [blob];
            });
            const content = messageContent(
              letters.map(({ row, record: { values: v } }) => ({
                to: row.to,
                kind: row.kind,
                subject: String(v.subject),
                text: String(v.text),
                html: String(v.html),
              })),
              sender.signature,
            );
            MailApp.sendEmail({
              name: sender.name,
              replyTo: sender.replyTo,
              to: first.row.to,
              subject: content.subject,
              body: content.text,
              htmlBody: content.html || undefined,
              ...(attachments.length > 0 ? { attachments } : {}),
            });
          } catch (e) {
            const message = e instanceof Error ? e.message : String(e);
            for (const { row, attempts } of letters) {
              const giveUp = PERMANENT_FAILURE.test(message) || attempts + 1 >= MAX_ATTEMPTS;
              results.push({
                rowNumber: row.rowNumber,
                values: { state: giveUp ? MAIL_STATES.failed : MAIL_STATES.queued, error: message },
              });
              if (giveUp) report.failed += 1;
            }
            if (/too many times|quota/i.test(message)) report.stoppedBy = 'quota';
            // The letters after it were marked with a quota that counted this one: they are not
            // sent in this batch, so a crash can never be settled against wrong marks.
            k++;
            break;
          }
          // The text goes with the letter (a copy stays in «Отправленные» of the sending account): the
          // log keeps who, what kind and when, not months of letters with children's names in them.
          for (const { row } of letters)
            results.push({
              rowNumber: row.rowNumber,
              values: { state: MAIL_STATES.sent, sentAt: new Date(), error: '', text: '', html: '' },
            });
          quota -= need;
          report.sent += letters.length;
        }
        for (const b of batch.slice(k))
          for (const l of b.letters)
            results.push({
              rowNumber: l.row.rowNumber,
              values: { state: MAIL_STATES.queued, run: '', quotaBefore: '', attempts: l.attempts },
            });
        table.write(results);
        i += k;
      }
      if (!more) {
        report.waiting = messages.slice(i).reduce((n, m) => n + m.length, 0);
        if (report.stoppedBy !== 'time') dropContinuation();
      }
    } finally {
      SpreadsheetApp.flush();
      lock.releaseLock();
    }
    if (!more) return report;
  }
}

/**
 * Trigger handler of the continuation. A fired one-off trigger is gone: the next one is set before
 * anything that can fail, so a continuation cut by a service error is retried within minutes, the
 * same quota day, and a letter it left «отправляется» can still be settled by the quota.
 */
export function deliverMail(): void {
  renewContinuation();
  deliverDue(TIME_BUDGET_MS, true);
}
