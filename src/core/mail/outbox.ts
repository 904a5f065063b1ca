// The send log «Почта»: one row per (recipient, kind, period/meeting) key. A letter is written to
// the log before it is sent, and its state moves «в очереди» → «отправляется» → «отправлено». The
// pure rules here decide what to send in which order and how to settle a row a dead run left behind.
import { addDays, type LocalDate } from '../meetings/calendar';
import { AWAITING_REGISTER } from '../pseudonymous/namePlaceholders';
import { cellColumn, defineSheet, textColumn } from '../schema';
import { SHEETS } from '../sheets';

export const MAIL = defineSheet(SHEETS.mail, {
  key: textColumn('Ключ'),
  to: textColumn('Кому'),
  kind: textColumn('Вид'),
  subject: cellColumn('Тема'),
  text: cellColumn('Текст'),
  html: cellColumn('HTML'),
  state: textColumn('Состояние'),
  createdAt: cellColumn('Создано'),
  run: textColumn('Запуск'),
  quotaBefore: cellColumn('Квота до отправки'),
  sentAt: cellColumn('Отправлено'),
  attempts: cellColumn('Попыток'),
  error: textColumn('Ошибка'),
  participantId: textColumn('Участник'),
  token: textColumn('Токен'),
  urgent: cellColumn('Срочно'),
  /** A letter to an address nobody has confirmed waits for its day (see unverifiedDays). */
  notBefore: cellColumn('Не раньше', { optional: true }),
  /** The Drive id of a file sent with the letter (a document's PDF for an address without Google). */
  attachment: textColumn('Вложение', { optional: true }),
});
export const MAIL_HEADERS = MAIL.headers;

export const MAIL_STATES = {
  queued: 'в очереди',
  sending: 'отправляется',
  sent: 'отправлено',
  optedOut: 'отказ от рассылки',
  merged: 'в общем письме',
  cancelled: 'отменено',
  unconfirmed: 'не подтверждено',
  failed: 'ошибка',
  /** Pseudonymous mode: the letter names people by placeholders; only the school's register sends it. */
  awaitingRegister: AWAITING_REGISTER,
} as const;
export type MailState = (typeof MAIL_STATES)[keyof typeof MAIL_STATES];

/** A letter is given up after this many failed sends; the curator sees it in the digest. */
export const MAX_ATTEMPTS = 5;

/**
 * Letters that anyone can cause by typing an address into a form (questionnaire received, confirm a
 * change) go to addresses nobody has confirmed: each address gets at most one such letter a day, and
 * all of them together at most this many a day, so strangers' questionnaires cannot spend the
 * account's daily quota (100 recipients on a consumer account) or flood someone's mailbox.
 */
export const UNVERIFIED_DAILY_LIMIT = 40;

/**
 * The day each new letter to an unconfirmed address may go: the first day from `today` on which that
 * address has no such letter yet and fewer than `limit` go in all. `booked`: letters already queued or
 * sent, with their days.
 */
export function unverifiedDays(
  booked: ReadonlyArray<{ to: string; day: LocalDate }>,
  incoming: readonly string[],
  today: LocalDate,
  limit = UNVERIFIED_DAILY_LIMIT,
): LocalDate[] {
  const total = new Map<LocalDate, number>();
  const taken = new Set<string>();
  const book = (to: string, day: LocalDate) => {
    total.set(day, (total.get(day) ?? 0) + 1);
    taken.add(`${day}|${to.trim().toLowerCase()}`);
  };
  for (const b of booked) if (b.day >= today) book(b.to, b.day);
  return incoming.map((to) => {
    let day = today;
    while ((total.get(day) ?? 0) >= limit || taken.has(`${day}|${to.trim().toLowerCase()}`))
      day = addDays(day, 1);
    book(to, day);
    return day;
  });
}

export const mailKey = (recipient: string, kind: string, period: string): string =>
  `${kind}|${period}|${recipient.trim().toLowerCase()}`;

export interface OutboxRow {
  rowNumber: number;
  key: string;
  to: string;
  kind: string;
  state: string;
  createdAt: number;
  /** Letters the curator needs today (confirmations, escalations) go before the backlog. */
  urgent: boolean;
  participantId: string;
  /** A letter to an unconfirmed address waits for its day (see unverifiedDays); '' goes at once. */
  notBefore?: LocalDate;
  /** The Drive id of the file the letter carries, if any. */
  attachment?: string;
}

/**
 * Queued letters in sending order: urgent first, then oldest first (by enqueue time, then row). With
 * `today`, letters whose day has not come are left for later.
 */
export function deliveryOrder<T extends OutboxRow>(rows: readonly T[], today?: LocalDate): T[] {
  return rows
    .filter((r) => r.state === MAIL_STATES.queued)
    .filter((r) => !today || !r.notBefore || r.notBefore <= today)
    .sort(
      (a, b) => Number(b.urgent) - Number(a.urgent) || a.createdAt - b.createdAt || a.rowNumber - b.rowNumber,
    );
}

export type Settlement = 'sent' | 'not_sent' | 'unknown';

/**
 * A row left «отправляется» by a run that died between marking it and recording the result. MailApp
 * cannot be asked what it sent, but the daily quota can: every send through this log happens under
 * the script lock, and the row keeps the quota read just before its send. If the quota is still the
 * same, the letter did not go; if it dropped by exactly its recipients, it went. Anything else
 * (another day — a continuation trigger comes back within minutes to make that rare — or mail sent
 * outside the log) cannot be told apart: the row is settled as «не подтверждено» and not resent — at most once, with an alert to the curator — because a duplicate letter to a child's
 * parent is worse than one the curator can resend by setting the row back to «в очереди».
 */
export function settleInterrupted(a: {
  quotaBefore: number;
  quotaNow: number;
  recipients: number;
  /** The quota is only comparable within the same quota day. */
  sameDay: boolean;
}): Settlement {
  const { quotaBefore, quotaNow, recipients } = a;
  if (!a.sameDay || !Number.isFinite(quotaBefore) || quotaBefore < 0) return 'unknown';
  if (quotaNow === quotaBefore) return 'not_sent';
  if (quotaNow === quotaBefore - recipients) return 'sent';
  return 'unknown';
}

/** A letter of a dead run's batch: the quota it was marked with and how many recipients it has. */
export interface InterruptedLetter {
  quotaBefore: number;
  recipients: number;
  /** The quota is only comparable within the same quota day. */
  sameDay: boolean;
}

/**
 * The letters a dead run left «отправляется», marked together before any of them was sent. Each was
 * marked with the quota it would find if every letter before it went, and they are sent in that
 * order, one by one, under the lock: so the letters that went are a prefix, and the quota now tells
 * how long it is. It must equal one of the marks (the first letter not sent) or the last mark less
 * its recipients (all sent); anything else — another day, mail outside the log, marks that do not
 * chain — settles every letter of the batch as 'unknown', never resent. A batch of one is
 * settleInterrupted. Letters sent as one message carry one mark and settle together.
 */
export function settleBatch(letters: readonly InterruptedLetter[], quotaNow: number): Settlement[] {
  const unknown = letters.map((): Settlement => 'unknown');
  if (letters.some((l) => !l.sameDay || !Number.isFinite(l.quotaBefore) || l.quotaBefore < 0)) return unknown;
  // Letters that went as one message (documentLetters: messagesOf) share its mark and its fate.
  const marks = new Map<number, InterruptedLetter>();
  for (const l of letters) {
    const same = marks.get(l.quotaBefore);
    if (same && same.recipients !== l.recipients) return unknown;
    marks.set(l.quotaBefore, l);
  }
  if (marks.size < letters.length) {
    const messages = [...marks.values()];
    const fates = settleBatch(messages, quotaNow);
    return letters.map((l) => fates[messages.indexOf(marks.get(l.quotaBefore)!)]);
  }
  const order = letters.map((_, i) => i).sort((a, b) => letters[b].quotaBefore - letters[a].quotaBefore);
  for (let k = 1; k < order.length; k++) {
    const before = letters[order[k - 1]];
    if (letters[order[k]].quotaBefore !== before.quotaBefore - before.recipients) return unknown;
  }
  for (let k = 0; k <= order.length; k++) {
    const last = letters[order[order.length - 1]];
    const boundary = k < order.length ? letters[order[k]].quotaBefore : last.quotaBefore - last.recipients;
    if (quotaNow !== boundary) continue;
    const out = [...unknown];
    order.forEach((i, position) => {
      out[i] = position < k ? 'sent' : 'not_sent';
    });
    return out;
  }
  return unknown;
}

/** The plan a meeting or satisfaction letter belongs to, read from its key (see dutiesOn periods). */
export function planOfKey(key: string): { kind: string; planId: string } | undefined {
  const [kind, period] = key.split('|');
  if (!kind || !period) return undefined;
  if (['reminder_mentor', 'reminder_mentee', 'reminder_parent', 'overdue'].includes(kind)) {
    return { kind, planId: period.replace(/#\d+@.*$/, '') };
  }
  if (kind === 'satisfaction') return { kind, planId: period };
  return undefined;
}

const REMINDER_KINDS = ['reminder_mentor', 'reminder_mentee', 'reminder_parent'];

/**
 * Queued reminders whose meeting day has passed while they waited for the quota: a reminder read
 * after the meeting misleads, so it is dropped (the day of the meeting itself still counts).
 */
export function remindersAfterTheirMeeting<T extends OutboxRow>(rows: readonly T[], today: string): T[] {
  return rows.filter((r) => {
    if (r.state !== MAIL_STATES.queued) return false;
    const [kind, period] = r.key.split('|');
    const day = /@(\d{4}-\d{2}-\d{2})$/.exec(period ?? '')?.[1];
    return REMINDER_KINDS.includes(kind ?? '') && day !== undefined && day < today;
  });
}

/**
 * Queued letters about a pair's meetings that must not go out any more: the pair or group ended, or
 * the participant left it, while the letter waited for the quota.
 */
export function lettersOfEndedPairs<T extends OutboxRow>(
  rows: readonly T[],
  active: ReadonlySet<string>,
): T[] {
  return rows.filter((r) => {
    if (r.state !== MAIL_STATES.queued) return false;
    const plan = planOfKey(r.key);
    return plan !== undefined && !active.has(`${plan.planId}\u0000${r.participantId}`);
  });
}
