// `register mail`: the letters the script left «ждёт реестра» in «Почта», sent through the school's
// own SMTP server with the names and addresses from the register. Exactly once by the letter's «Ключ»:
// the key goes into the register's sent log as «sending» before the SMTP transaction and «sent» after
// it, so a rerun skips both, and a run killed mid-letter never sends that letter a second time. Both go
// through the register's sent-log journal (a line appended per change); the save at the end folds it in.

import { MAIL } from '../core/mail/outbox';
import {
  AWAITING_REGISTER,
  findPlaceholders,
  resolvePlaceholders,
} from '../core/pseudonymous/namePlaceholders';
import { readRows } from '../core/schema';
import { type CellValue, cellText } from '../core/table';
import { BASE_SHEETS, googleConsents } from './googleConsents';
import type { SentLetter } from './model';
import { consentedLookup } from './people';
import type { Register } from './registerFile';
import { type MailTransport, UnreachableMailServerError } from './smtpTransport';
import type { WorkbookReader } from './workbookReader';

export interface MailReport {
  sent: number;
  /** Already in the sent log: sent by an earlier run. */
  alreadySent: number;
  /** Russian sentences: letters not sent and why. */
  problems: string[];
}

export type Progress = (done: number, total: number) => void;

const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** «Не раньше» as the workspace keeps it (a date) or as the Sheets API shows it («12.03.2026 10:00»). */
function due(notBefore: CellValue, now: Date): boolean {
  if (notBefore instanceof Date) return notBefore.getTime() <= now.getTime();
  const text = cellText(notBefore);
  const ru = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:\s+(\d{1,2}):(\d{2}))?/.exec(text);
  const at = ru
    ? new Date(Number(ru[3]), Number(ru[2]) - 1, Number(ru[1]), Number(ru[4] ?? 0), Number(ru[5] ?? 0))
    : new Date(text);
  return !text || Number.isNaN(at.getTime()) || at.getTime() <= now.getTime();
}

export async function sendDueLetters(
  register: Register,
  reader: WorkbookReader,
  transport: MailTransport,
  onProgress: Progress = () => {},
): Promise<MailReport> {
  const sheets = await reader.readSheets([MAIL.name, ...BASE_SHEETS]);
  const rows = readRows(MAIL, sheets.get(MAIL.name) ?? []).filter(
    (r) => r.values.state === AWAITING_REGISTER && r.values.key && due(r.values.notBefore, register.now()),
  );
  const report: MailReport = { sent: 0, alreadySent: 0, problems: [] };
  const logged = new Map(register.data.sent.map((s) => [s.key, s]));
  const lookup = consentedLookup(register, googleConsents(sheets));
  onProgress(0, rows.length);
  let done = 0;
  for (const { values: letter } of rows) {
    const previous = logged.get(letter.key);
    if (previous?.state === 'sent') report.alreadySent++;
    else if (previous) {
      report.problems.push(
        `«${letter.key}»: прошлый запуск прервался во время отправки — письмо могло уйти; проверьте «Отправленные» на почтовом сервере`,
      );
    } else if (letter.attachment) {
      // A file on Google Drive is Google's to send: the register reads only the workbook.
      report.problems.push(
        `«${letter.key}» не отправлено: вложение хранится на Google Диске, реестр его не читает`,
      );
    } else {
      const to = resolvePlaceholders(letter.to, lookup);
      const subject = resolvePlaceholders(cellText(letter.subject), lookup);
      const text = resolvePlaceholders(cellText(letter.text), lookup);
      const html = resolvePlaceholders(cellText(letter.html), lookup, escapeHtml);
      const problems = [...to.problems, ...subject.problems, ...text.problems, ...html.problems];
      if (problems.length > 0) report.problems.push(`«${letter.key}» не отправлено: ${problems.join('; ')}`);
      else {
        const code = findPlaceholders(letter.to)[0]?.code ?? '';
        const entry: SentLetter = {
          key: letter.key,
          state: 'sending',
          at: register.now().toISOString(),
          code,
        };
        register.recordSent(entry);
        logged.set(letter.key, entry);
        try {
          await transport.send({
            to: to.text,
            subject: subject.text,
            text: text.text,
            html: html.text || undefined,
          });
        } catch (e) {
          // Not accepted by the server: nothing went, so the next run tries again.
          register.forgetSent(letter.key);
          logged.delete(letter.key);
          if (e instanceof UnreachableMailServerError) throw e;
          report.problems.push(`«${letter.key}»: почтовый сервер не принял письмо (${(e as Error).message})`);
          onProgress(++done, rows.length);
          continue;
        }
        const sent: SentLetter = { ...entry, state: 'sent', at: register.now().toISOString() };
        register.recordSent(sent);
        logged.set(letter.key, sent);
        report.sent++;
      }
    }
    onProgress(++done, rows.length);
  }
  register.log(
    'письма',
    '',
    `отправлено ${report.sent}, уже были отправлены ${report.alreadySent}, не отправлено ${report.problems.length}`,
  );
  register.save();
  return report;
}
