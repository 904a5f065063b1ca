// MailApp.sendEmail is synchronous, nodemailer is not: a worker thread composes each message with
// nodemailer's MailComposer (and sends it when SMTP_URL is set); the caller waits on an Atomics flag
// when it needs the result.
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';

export interface MailAttachment {
  filename: string;
  content: Uint8Array;
  contentType: string;
  cid?: string;
}

export interface OutgoingMail {
  from: string;
  sender?: string;
  to: string[];
  cc: string[];
  bcc: string[];
  replyTo?: string;
  subject: string;
  text: string;
  html?: string;
  date: string;
  attachments: MailAttachment[];
}

type Reply = { seq: number } & ({ ok: true; eml: Uint8Array } | { ok: false; error: string });

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const MailComposer = require(workerData.composer);
const nodemailer = require(workerData.nodemailer);
const transports = new Map();
const replies = workerData.replies;
const posted = new Int32Array(workerData.posted);
parentPort.on('message', async ({ mail, smtpUrl, seq }) => {
  const reply = (value, transfer) => {
    replies.postMessage({ seq, ...value }, transfer);
    Atomics.add(posted, 0, 1);
    Atomics.notify(posted, 0);
  };
  try {
    const options = {
      from: mail.from, sender: mail.sender, to: mail.to, cc: mail.cc, bcc: mail.bcc, replyTo: mail.replyTo,
      subject: mail.subject, text: mail.text, html: mail.html, date: new Date(mail.date),
      attachments: mail.attachments.map((a) => ({ filename: a.filename, content: Buffer.from(a.content.buffer, a.content.byteOffset, a.content.byteLength), contentType: a.contentType, cid: a.cid })),
    };
    // The outbox copy keeps Bcc, as a Sent folder shows it; what goes over SMTP does not.
    const saved = new MailComposer(options).compile();
    saved.keepBcc = true;
    const eml = await saved.build();
    if (smtpUrl) {
      let transport = transports.get(smtpUrl);
      if (!transport) { transport = nodemailer.createTransport(smtpUrl); transports.set(smtpUrl, transport); }
      const address = (a) => (String(a).match(/<([^>]+)>/) || [null, a])[1];
      await transport.sendMail({
        envelope: { from: address(mail.sender || mail.from), to: [...mail.to, ...mail.cc, ...mail.bcc].map(address) },
        raw: await new MailComposer(options).compile().build(),
      });
    }
    // Handed over, not copied: a letter with PDFs is hundreds of KB, and copies of it left for the
    // garbage collector keep the process's memory high long after.
    const own = eml.byteOffset === 0 && eml.byteLength === eml.buffer.byteLength ? eml : new Uint8Array(eml);
    reply({ ok: true, eml: own }, [own.buffer]);
  } catch (error) {
    reply({ ok: false, error: error && error.message ? error.message : String(error) });
  }
});
`;

/** The worker, the port its replies come back on, and a count of replies it has posted (to wait on). */
interface MailChannel {
  worker: Worker;
  replies: MessagePort;
  posted: Int32Array;
  /** Replies taken off the port before their message was asked for. */
  early: Map<number, Reply>;
  sent: number;
}

let channel: MailChannel | undefined;

function mailChannel(): MailChannel {
  if (!channel) {
    const { port1, port2 } = new MessageChannel();
    const posted = new Int32Array(new SharedArrayBuffer(4));
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        composer: require.resolve('nodemailer/lib/mail-composer'),
        nodemailer: require.resolve('nodemailer'),
        replies: port2,
        posted: posted.buffer,
      },
      transferList: [port2 as MessagePort],
    });
    worker.unref();
    port1.unref();
    const made: MailChannel = { worker, replies: port1, posted, early: new Map(), sent: 0 };
    worker.on('error', () => {
      if (channel === made) channel = undefined;
    });
    channel = made;
  }
  return channel;
}

/** A message handed to the worker: whether it is composed yet, and its RFC 5322 bytes (blocking). */
export interface Composition {
  done(): boolean;
  bytes(): Buffer;
}

function takeReplies(ch: MailChannel): void {
  for (let m = receiveMessageOnPort(ch.replies); m; m = receiveMessageOnPort(ch.replies)) {
    const r = m.message as Reply;
    ch.early.set(r.seq, r);
  }
}

/**
 * Hands one message to the worker to compose (and, with smtpUrl, deliver) and returns at once. The
 * worker composes on another core while the execution goes on. Attachments go over as copies the
 * worker owns (transferred, not cloned twice).
 */
export function startCompose(mail: OutgoingMail, smtpUrl?: string, timeoutMs = 60_000): Composition {
  const ch = mailChannel();
  const seq = ++ch.sent;
  const attachments = mail.attachments.map((a) => ({ ...a, content: new Uint8Array(a.content) }));
  ch.worker.postMessage(
    { mail: { ...mail, attachments }, smtpUrl, seq },
    attachments.map((a) => a.content.buffer),
  );
  const done = () => {
    takeReplies(ch);
    return ch.early.has(seq);
  };
  let outcome: { eml: Buffer } | { error: Error } | undefined;
  const wait = (): Buffer => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const seen = Atomics.load(ch.posted, 0);
      takeReplies(ch);
      const reply = ch.early.get(seq);
      if (reply) {
        ch.early.delete(seq);
        if (!reply.ok) throw new Error(reply.error);
        return Buffer.from(reply.eml.buffer, reply.eml.byteOffset, reply.eml.byteLength);
      }
      const left = deadline - Date.now();
      if (left <= 0 || Atomics.wait(ch.posted, 0, seen, left) === 'timed-out')
        throw new Error('mail worker timed out');
    }
  };
  const bytes = (): Buffer => {
    if (!outcome)
      try {
        outcome = { eml: wait() };
      } catch (e) {
        outcome = { error: e as Error };
      }
    if ('error' in outcome) throw outcome.error;
    return outcome.eml;
  };
  return { done: () => outcome !== undefined || done(), bytes };
}
