// The letters that carry documents' PDFs to addresses Drive would not share the documents with. Each
// document queues its own letter (keyed by the document, so a re-made document never sends twice);
// the delivery joins the letters waiting for one address into one message with every PDF attached.

/** «Вид» of a letter carrying a document's PDF. */
export const DOCUMENT_LETTER_KIND = 'документ в PDF';

/** Subject and text of the letter carrying `count` documents to `email`. */
export function documentLetter(email: string, count: number): { subject: string; text: string } {
  const many = count > 1;
  return {
    // Names stay in the attachments: the log keeps the subject, and a person's export must not show others.
    subject: many ? 'Программа наставничества: документы в PDF' : 'Программа наставничества: документ в PDF',
    text: [
      'Здравствуйте!',
      '',
      many
        ? `Во вложении — документы программы наставничества в формате PDF (${count}). Открыть их в Google Документах для адреса ${email} нельзя: у этого адреса нет аккаунта Google.`
        : `Во вложении — документ программы наставничества в формате PDF. Открыть его в Google Документах для адреса ${email} нельзя: у этого адреса нет аккаунта Google.`,
      '',
      many
        ? 'Если документы нужно подписать, распечатайте их, подпишите и передайте куратору программы наставничества.'
        : 'Если документ нужно подписать, распечатайте его, подпишите и передайте куратору программы наставничества.',
    ].join('\n'),
  };
}

/**
 * The queue as messages: letters carrying documents to one address go together, where the first of
 * them stands; every other letter is a message of its own. Order is otherwise kept.
 */
export function messagesOf<T extends { to: string; kind: string }>(queue: readonly T[]): T[][] {
  const messages: T[][] = [];
  const byAddress = new Map<string, T[]>();
  for (const letter of queue) {
    if (letter.kind !== DOCUMENT_LETTER_KIND) {
      messages.push([letter]);
      continue;
    }
    const address = letter.to.trim().toLowerCase();
    const joined = byAddress.get(address);
    if (joined) joined.push(letter);
    else {
      const message = [letter];
      byAddress.set(address, message);
      messages.push(message);
    }
  }
  return messages;
}
