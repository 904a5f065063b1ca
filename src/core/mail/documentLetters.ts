// The letters that carry documents' PDFs to addresses Drive would not share the documents with. Each
// document queues its own letter (keyed by the document, so a re-made document never sends twice);
// the delivery joins the letters waiting for one address into one message with every PDF attached,
// and into «пара утверждена» when that letter waits for the same address: the pair's news and its
// documents reach the reader together, as one message.
import { escapeHtml } from './render';
import { MAIL_KIND_LABELS } from './templates';

/** «Вид» of a letter carrying a document's PDF. */
export const DOCUMENT_LETTER_KIND = 'документ в PDF';

/** Kinds of letter that take along the documents waiting for their address. */
const CARRIERS: readonly string[] = [MAIL_KIND_LABELS.pair_approved];

/** What the reader is told about `count` attached documents: paragraphs, without a greeting. */
function documentsNote(email: string, count: number): string[] {
  const many = count > 1;
  return [
    many
      ? `Во вложении — документы программы наставничества в формате PDF (${count}). Открыть их в Google Документах для адреса ${email} нельзя: у этого адреса нет аккаунта Google.`
      : `Во вложении — документ программы наставничества в формате PDF. Открыть его в Google Документах для адреса ${email} нельзя: у этого адреса нет аккаунта Google.`,
    many
      ? 'Если документы нужно подписать, распечатайте их, подпишите и передайте куратору программы наставничества.'
      : 'Если документ нужно подписать, распечатайте его, подпишите и передайте куратору программы наставничества.',
  ];
}

/** Subject and text of the letter carrying `count` documents to `email`. */
export function documentLetter(email: string, count: number): { subject: string; text: string } {
  return {
    // Names stay in the attachments: the log keeps the subject, and a person's export must not show others.
    subject:
      count > 1 ? 'Программа наставничества: документы в PDF' : 'Программа наставничества: документ в PDF',
    text: ['Здравствуйте!', ...documentsNote(email, count)].join('\n\n'),
  };
}

/**
 * The queue as messages: letters carrying documents to one address go together, where the first of
 * them stands, or with a carrier letter («пара утверждена») to that address that stands before them;
 * every other letter is a message of its own. Order is otherwise kept, except that a message
 * carrying a document is followed at once by the other messages carrying it (a group's agreement
 * goes to every parent): a delivery run then makes each document's PDF once.
 */
export function messagesOf<T extends { to: string; kind: string; attachment?: string }>(
  queue: readonly T[],
): T[][] {
  const messages: T[][] = [];
  const byAddress = new Map<string, T[]>();
  for (const letter of queue) {
    const address = letter.to.trim().toLowerCase();
    if (letter.kind !== DOCUMENT_LETTER_KIND) {
      const message = [letter];
      messages.push(message);
      if (CARRIERS.includes(letter.kind) && !byAddress.has(address)) byAddress.set(address, message);
      continue;
    }
    const joined = byAddress.get(address);
    if (joined) joined.push(letter);
    else {
      const message = [letter];
      byAddress.set(address, message);
      messages.push(message);
    }
  }
  return withDocumentsTogether(messages);
}

/** Messages reordered so that those sharing a document follow the first that carries it. */
function withDocumentsTogether<T extends { attachment?: string }>(messages: T[][]): T[][] {
  const carrying = new Map<string, T[][]>();
  for (const message of messages)
    for (const { attachment } of message)
      if (attachment) carrying.set(attachment, [...(carrying.get(attachment) ?? []), message]);
  if (carrying.size === 0) return messages;
  const out: T[][] = [];
  const placed = new Set<T[]>();
  for (const start of messages) {
    if (placed.has(start)) continue;
    placed.add(start);
    // Breadth first: the messages sharing a document with one placed come next, then theirs.
    const next = [start];
    for (let i = 0; i < next.length; i++) {
      out.push(next[i]);
      for (const { attachment } of next[i])
        for (const other of attachment ? (carrying.get(attachment) ?? []) : [])
          if (!placed.has(other)) {
            placed.add(other);
            next.push(other);
          }
    }
  }
  return out;
}

export interface Letter {
  to: string;
  kind: string;
  subject: string;
  text: string;
  /** Empty when the letter is plain text. */
  html: string;
}

/**
 * What one message of messagesOf says: a letter alone as written; documents alone, one letter
 * counting them; a carrier with documents, its own text with the note about them before the
 * signature (`signature`: the sender's lines, as renderMail put them).
 */
export function messageContent(
  letters: readonly Letter[],
  signature: readonly string[],
): { subject: string; text: string; html?: string } {
  const [first] = letters;
  const own = { subject: first.subject, text: first.text, ...(first.html ? { html: first.html } : {}) };
  if (letters.length === 1) return own;
  if (first.kind === DOCUMENT_LETTER_KIND) return documentLetter(first.to, letters.length);
  const note = documentsNote(first.to, letters.length - 1);
  const signed = signature.length > 0 ? first.text.lastIndexOf(`\n\n${signature.join('\n')}`) : -1;
  const at = signed >= 0 ? signed : first.text.length;
  const text = `${first.text.slice(0, at)}\n\n${note.join('\n\n')}${first.text.slice(at)}`;
  if (!first.html) return { subject: first.subject, text };
  const noteHtml = `<br>\n<br>\n${note.map(escapeHtml).join('<br>\n<br>\n')}`;
  const signatureHtml =
    signature.length > 0
      ? first.html.lastIndexOf(`<br>\n<br>\n<span style="color:#555555">${escapeHtml(signature[0])}`)
      : -1;
  const end = first.html.lastIndexOf('</div>');
  const htmlAt = signatureHtml >= 0 ? signatureHtml : end >= 0 ? end : first.html.length;
  return {
    subject: first.subject,
    text,
    html: `${first.html.slice(0, htmlAt)}${noteHtml}${first.html.slice(htmlAt)}`,
  };
}
