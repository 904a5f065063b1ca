// MailApp.sendEmail is synchronous, nodemailer is not: a worker thread composes each message with
// nodemailer's MailComposer (and sends it when SMTP_URL is set) while the execution waits on an
// Atomics flag, so the bundle sees a send that has happened when the call returns.
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

type Reply = { ok: true; eml: Uint8Array } | { ok: false; error: string };

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const MailComposer = require(workerData.composer);
const nodemailer = require(workerData.nodemailer);
const transports = new Map();
parentPort.on('message', async ({ mail, smtpUrl, port, flag }) => {
  const flagView = new Int32Array(flag);
  const reply = (value) => {
    port.postMessage(value);
    Atomics.store(flagView, 0, 1);
    Atomics.notify(flagView, 0);
  };
  try {
    const options = {
      from: mail.from, sender: mail.sender, to: mail.to, cc: mail.cc, bcc: mail.bcc, replyTo: mail.replyTo,
      subject: mail.subject, text: mail.text, html: mail.html, date: new Date(mail.date),
      attachments: mail.attachments.map((a) => ({ filename: a.filename, content: Buffer.from(a.content), contentType: a.contentType, cid: a.cid })),
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
    reply({ ok: true, eml });
  } catch (error) {
    reply({ ok: false, error: error && error.message ? error.message : String(error) });
  }
});
`;

let worker: Worker | undefined;

function mailWorker(): Worker {
  if (!worker) {
    worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        composer: require.resolve('nodemailer/lib/mail-composer'),
        nodemailer: require.resolve('nodemailer'),
      },
    });
    worker.unref();
    worker.on('error', () => {
      worker = undefined;
    });
  }
  return worker;
}

/** Composes (and, with smtpUrl, delivers) one message; blocks until done. Returns the RFC 5322 bytes. */
export function composeSync(mail: OutgoingMail, smtpUrl?: string, timeoutMs = 60_000): Buffer {
  const flag = new SharedArrayBuffer(4);
  const { port1, port2 } = new MessageChannel();
  try {
    mailWorker().postMessage({ mail, smtpUrl, port: port2, flag }, [port2 as MessagePort]);
    if (Atomics.wait(new Int32Array(flag), 0, 0, timeoutMs) === 'timed-out')
      throw new Error('mail worker timed out');
    const received = receiveMessageOnPort(port1);
    const reply = received?.message as Reply | undefined;
    if (!reply) throw new Error('mail worker gave no answer');
    if (!reply.ok) throw new Error(reply.error);
    return Buffer.from(reply.eml);
  } finally {
    port1.close();
  }
}
