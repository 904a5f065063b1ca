// Letters are written by curators in Настройки as plain text with {{placeholders}}. One template
// gives both parts of the message: the plain text as is, and HTML in which the template and every
// value are escaped, line breaks kept and links clickable. Nothing in a template is executed.
import { BUTTON_LABELS, type LetterValues, valuesByName } from './fields';

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const PLACEHOLDER = /\{\{\s*([^{}]+?)\s*\}\}/g;
const URL = /^https?:\/\/\S+$/;

export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Placeholders a template uses that the letter does not provide. */
export function unknownPlaceholders(template: string, known: readonly string[]): string[] {
  const out: string[] = [];
  for (const m of template.matchAll(PLACEHOLDER)) {
    if (!known.includes(m[1]) && !out.includes(m[1])) out.push(m[1]);
  }
  return out;
}

/** A link as a button a finger can hit; mail clients keep inline styles only. */
export function buttonHtml(url: string, label: string): string {
  return (
    `<a href="${escapeHtml(url)}" style="display:inline-block;padding:12px 20px;margin:4px 0;` +
    'background:#1a73e8;color:#ffffff;border-radius:6px;text-decoration:none;font-weight:bold">' +
    `${escapeHtml(label)}</a>`
  );
}

const URL_IN_TEXT = /https?:\/\/[^\s<>"]+/g;

/**
 * HTML of a letter written as plain text (intake's letters): escaped, line breaks kept, and every link
 * a button labelled from `labels` (url → label), as in the templated letters.
 */
export function plainLetterHtml(text: string, labels: Readonly<Record<string, string>> = {}): string {
  let out = '';
  let at = 0;
  for (const m of text.matchAll(URL_IN_TEXT)) {
    out += escapeHtml(text.slice(at, m.index));
    out += buttonHtml(m[0], labels[m[0]] ?? 'Открыть');
    at = (m.index ?? 0) + m[0].length;
  }
  out += escapeHtml(text.slice(at));
  return `<div style="font-family:Arial,sans-serif;font-size:14px">${out.replace(/\r?\n/g, '<br>\n')}</div>`;
}

/** A value that begins a sentence begins with a capital: «Пробная встреча 3 декабря …». */
// «2026 г.» and «тел.» end with a dot but not the sentence.
const startsSentence = (before: string): boolean => /(^|[!?]\s+|(?<!\sг|тел)\.\s+|\n\s*)$/.test(before);
const capitalised = (value: string): string => value.charAt(0).toUpperCase() + value.slice(1);

function fill(template: string, values: Readonly<Record<string, string>>, asHtml: boolean): string {
  let out = '';
  let at = 0;
  let plain = '';
  for (const m of template.matchAll(PLACEHOLDER)) {
    const literal = template.slice(at, m.index);
    out += asHtml ? escapeHtml(literal) : literal;
    plain += literal;
    let value = values[m[1]] ?? '';
    if (!URL.test(value) && startsSentence(plain)) value = capitalised(value);
    plain += value;
    if (!asHtml) out += value;
    else if (URL.test(value)) out += buttonHtml(value, BUTTON_LABELS[m[1]] ?? 'Открыть');
    else out += escapeHtml(value);
    at = (m.index ?? 0) + m[0].length;
  }
  const rest = template.slice(at);
  // A date value ends with «г.»: «… 2027 г.» before a template's full stop keeps one dot.
  return (out + (asHtml ? escapeHtml(rest) : rest)).replace(/ г\.\./g, ' г.');
}

const OPT_OUT_TEXT = 'Чтобы больше не получать такие письма, перейдите по ссылке:';
const OPT_OUT_HTML = 'Не хотите получать такие письма?';

interface Filled {
  subject: string;
  text: string;
  /** The body as HTML before its line breaks become <br>. */
  html: string;
}

function filled(template: { subject: string; body: string }, fields: LetterValues): Filled {
  const values = valuesByName(fields);
  return {
    subject: fill(template.subject, values, false).replace(/\s+/g, ' ').trim(),
    text: fill(template.body, values, false).trimEnd(),
    html: fill(template.body, values, true).trimEnd(),
  };
}

function finished(
  { subject, text: body, html: bodyHtml }: Filled,
  optOutUrl: string | undefined,
  signature: readonly string[],
): RenderedMail {
  let text = body;
  let htmlBody = bodyHtml;
  if (signature.length > 0) {
    text += `\n\n${signature.join('\n')}`;
    htmlBody += `\n\n<span style="color:#555555">${signature.map(escapeHtml).join('\n')}</span>`;
  }
  if (optOutUrl) {
    text += `\n\n—\n${OPT_OUT_TEXT}\n${optOutUrl}`;
    htmlBody += `\n\n—\n<span style="color:#555555">${escapeHtml(OPT_OUT_HTML)}</span> <a href="${escapeHtml(optOutUrl)}" style="color:#555555">Отписаться</a>`;
  }
  const html = `<div style="font-family:Arial,sans-serif;font-size:14px">${htmlBody.replace(/\r?\n/g, '<br>\n')}</div>`;
  return { subject, text, html };
}

/**
 * Fills subject and body. A non-essential letter carries its opt-out link at the end, outside the
 * curator's template, so that editing the template cannot remove it.
 */
export function renderMail(
  template: { subject: string; body: string },
  fields: LetterValues,
  optOutUrl?: string,
  signature: readonly string[] = [],
): RenderedMail {
  return finished(filled(template, fields), optOutUrl, signature);
}

const PARAGRAPH_BREAK = /\n[ \t]*\n/;
const firstParagraph = (text: string): string => text.split(PARAGRAPH_BREAK, 1)[0].trim();
const withoutFirstParagraph = (text: string): string => {
  const m = PARAGRAPH_BREAK.exec(text);
  return m ? text.slice(m.index + m[0].length) : '';
};

/**
 * Two letters to one person on one day as one: the first's subject, its body, then the second's body
 * without the greeting both begin with (the same first paragraph, «Здравствуйте, Анна!»), one
 * signature, and the opt-out link (the second's, when it is a non-essential letter) at the end.
 */
export function renderJoined(
  first: { template: { subject: string; body: string }; fields: LetterValues },
  second: { template: { subject: string; body: string }; fields: LetterValues },
  optOutUrl?: string,
  signature: readonly string[] = [],
): RenderedMail {
  const a = filled(first.template, first.fields);
  const b = filled(second.template, second.fields);
  const greeted = firstParagraph(a.text) !== '' && firstParagraph(a.text) === firstParagraph(b.text);
  const rest = (part: string) => (greeted ? withoutFirstParagraph(part) : part);
  return finished(
    { subject: a.subject, text: `${a.text}\n\n${rest(b.text)}`, html: `${a.html}\n\n${rest(b.html)}` },
    optOutUrl,
    signature,
  );
}
