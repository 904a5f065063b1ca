// MailApp: every message becomes an RFC 5322 .eml in outbox/ (named by the workspace time it was
// sent, so a directory listing is in send order); with SMTP_URL set it is also delivered to that
// server before sendEmail returns. Without it, sendEmail returns once the message is checked and
// counted; the .eml is composed meanwhile and written as soon as it is ready (at the latest before
// the workspace call — a run, a clock advance, a submission — returns), so a month of letters is
// never held in memory at once. The daily quota counts recipients (to + cc + bcc) as Google does.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import type { ServiceContext } from '../context';
import { blobBytes } from '../drive/blob';
import { QUOTA_MESSAGES } from '../failures';
import type { Implements } from '../services';
import { type Composition, type MailAttachment, startCompose } from './mailWorker';

export interface MailOptions {
  attachments?: unknown[];
  bcc?: string;
  cc?: string;
  htmlBody?: string;
  inlineImages?: Record<string, unknown>;
  name?: string;
  noReply?: boolean;
  replyTo?: string;
}

interface MessageObject extends MailOptions {
  to: string;
  subject: string;
  body?: string;
}

const EMAIL = /^[^@\s<>,;]+@[^@\s<>,;]+\.[^@\s<>,;]+$/;
const MAX_RECIPIENTS = 50;

export class FakeMailApp
  implements Implements<GoogleAppsScript.Mail.MailApp, 'getRemainingDailyQuota' | 'sendEmail'>
{
  /** Number of the last .eml this object wrote (file names carry a running number). */
  private sequence: number | undefined;
  /** Letters handed to the composer and not yet in the outbox, in the order they were sent. */
  private readonly composing: Array<{ sentAt: Date; subject: string; composition: Composition }> = [];

  constructor(
    private readonly ctx: ServiceContext,
    private readonly smtpUrl: string | undefined = process.env.SMTP_URL || undefined,
  ) {}

  getRemainingDailyQuota(): GoogleAppsScript.Integer {
    this.ctx.count('MailApp', 'getRemainingDailyQuota');
    return this.ctx.remainingQuota('email');
  }

  sendEmail(...args: unknown[]): void {
    this.ctx.count('MailApp', 'sendEmail');
    const message = this.normalise(args);
    const list = (value: string | undefined) =>
      value
        ? value
            .split(',')
            .map((a) => a.trim())
            .filter(Boolean)
        : [];
    const to = list(message.to);
    const cc = list(message.cc);
    const bcc = list(message.bcc);
    const recipients = [...to, ...cc, ...bcc];
    if (to.length === 0 && cc.length === 0 && bcc.length === 0)
      throw this.ctx.error('Failed to send email: no recipient');
    for (const address of recipients) {
      const bare = /<([^>]+)>/.exec(address)?.[1] ?? address;
      if (!EMAIL.test(bare)) throw this.ctx.error(`Invalid email: ${address}`);
    }
    if (recipients.length > MAX_RECIPIENTS)
      throw this.ctx.error(
        `Invalid argument: too many recipients (${recipients.length} > ${MAX_RECIPIENTS})`,
      );
    if (this.ctx.remainingQuota('email') < recipients.length) throw this.ctx.error(QUOTA_MESSAGES.email);

    const curator = this.ctx.meta.curatorEmail;
    const domain = curator.split('@')[1] ?? 'localhost';
    const address = message.noReply ? `noreply@${domain}` : curator;
    const from = message.name ? `"${message.name.replace(/["\\]/g, '')}" <${address}>` : address;
    const attachments: MailAttachment[] = (message.attachments ?? []).map((blob, i) => {
      const { data, name, contentType } = blobBytes(blob);
      return {
        filename: name ?? `attachment-${i + 1}`,
        content: data,
        contentType: contentType ?? 'application/octet-stream',
      };
    });
    for (const [cid, blob] of Object.entries(message.inlineImages ?? {})) {
      const { data, name, contentType } = blobBytes(blob);
      attachments.push({
        filename: name ?? cid,
        content: data,
        contentType: contentType ?? 'application/octet-stream',
        cid,
      });
    }
    const sentAt = this.ctx.now();
    const composed = startCompose(
      {
        from,
        to,
        cc,
        bcc,
        replyTo: message.replyTo,
        subject: String(message.subject ?? ''),
        text: String(message.body ?? ''),
        html: message.htmlBody === undefined ? undefined : String(message.htmlBody),
        date: sentAt.toISOString(),
        attachments,
      },
      this.smtpUrl,
    );
    if (this.smtpUrl) {
      let eml: Buffer;
      // The server may take its time; other processes need not wait for it.
      this.ctx.releaseStoreLock();
      try {
        eml = composed.bytes();
      } catch (e) {
        throw this.ctx.error(`Failed to send email: ${(e as Error).message}`);
      }
      this.ctx.consumeQuota('email', recipients.length);
      this.writeOutbox(sentAt, eml);
      return;
    }
    this.ctx.consumeQuota('email', recipients.length);
    if (this.composing.length === 0) this.ctx.onExecutionEnd(() => this.writeComposed(false));
    this.composing.push({ sentAt, subject: String(message.subject ?? ''), composition: composed });
    this.ctx.deferOutput(() => this.writeComposed(true));
  }

  /**
   * Writes the letters composed so far, oldest first. `all`: waits for every one and reports a letter
   * the composer failed; otherwise (at the end of an execution, outside its measured time) it stops
   * at the first letter not ready or failed, which the workspace call then reports.
   */
  private writeComposed(all: boolean): void {
    while (this.composing.length > 0) {
      const { sentAt, subject, composition } = this.composing[0];
      if (!all && !composition.done()) return;
      let eml: Buffer;
      try {
        eml = composition.bytes();
      } catch (e) {
        if (!all) return;
        this.composing.shift();
        // The message passed every check Google makes; only our composer can fail here.
        throw new Error(`Письмо «${subject}» не записано в outbox: ${(e as Error).message}`);
      }
      this.composing.shift();
      this.writeOutbox(sentAt, eml);
    }
  }

  private normalise(args: unknown[]): MessageObject {
    const [first, second, third, fourth] = args;
    if (first && typeof first === 'object') return first as MessageObject;
    if (typeof fourth === 'string')
      return { to: String(first), replyTo: String(second), subject: String(third), body: fourth };
    return {
      ...((fourth as MailOptions | undefined) ?? {}),
      to: String(first ?? ''),
      subject: String(second ?? ''),
      body: String(third ?? ''),
    };
  }

  /** outbox/2026-11-25T09-00-00.123Z-00001.eml: the workspace time first, then a sequence number. */
  private writeOutbox(sentAt: Date, eml: Buffer): void {
    const dir = this.ctx.path('outbox');
    mkdirSync(dir, { recursive: true });
    const stamp = sentAt.toISOString().replace(/:/g, '-');
    // Listing the outbox once per execution; other processes' letters are stepped over by 'wx'.
    this.sequence ??= readdirSync(dir).filter((f) => f.endsWith('.eml')).length;
    let n = this.sequence + 1;
    for (;;) {
      try {
        writeFileSync(`${dir}/${stamp}-${String(n).padStart(5, '0')}.eml`, eml, { flag: 'wx' });
        this.sequence = n;
        return;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
        n++;
      }
    }
  }
}
