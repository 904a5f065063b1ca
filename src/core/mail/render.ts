// Letters are written by curators in Настройки as plain text with {{placeholders}}. One template
// gives both parts of the message: the plain text as is, and HTML in which the template and every
// value are escaped, line breaks kept and links clickable. Nothing in a template is executed.
import { type LetterValues, valuesByName } from './fields';

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

function fill(template: string, values: Readonly<Record<string, string>>, asHtml: boolean): string {
  let out = '';
  let at = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    const literal = template.slice(at, m.index);
    out += asHtml ? escapeHtml(literal) : literal;
    const value = values[m[1]] ?? '';
    if (!asHtml) out += value;
    else if (URL.test(value)) out += `<a href="${escapeHtml(value)}">${escapeHtml(value)}</a>`;
    else out += escapeHtml(value);
    at = (m.index ?? 0) + m[0].length;
  }
  const rest = template.slice(at);
  return out + (asHtml ? escapeHtml(rest) : rest);
}

const OPT_OUT_TEXT = 'Чтобы больше не получать такие письма, перейдите по ссылке:';

/**
 * Fills subject and body. A non-essential letter carries its opt-out link at the end, outside the
 * curator's template, so that editing the template cannot remove it.
 */
export function renderMail(
  template: { subject: string; body: string },
  fields: LetterValues,
  optOutUrl?: string,
): RenderedMail {
  const values = valuesByName(fields);
  const subject = fill(template.subject, values, false).replace(/\s+/g, ' ').trim();
  let text = fill(template.body, values, false);
  let htmlBody = fill(template.body, values, true);
  if (optOutUrl) {
    text += `\n\n—\n${OPT_OUT_TEXT}\n${optOutUrl}`;
    htmlBody += `\n\n—\n${escapeHtml(OPT_OUT_TEXT)}\n<a href="${escapeHtml(optOutUrl)}">${escapeHtml(optOutUrl)}</a>`;
  }
  const html = `<div style="font-family:Arial,sans-serif;font-size:14px">${htmlBody.replace(/\r?\n/g, '<br>\n')}</div>`;
  return { subject, text, html };
}
