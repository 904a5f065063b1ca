// The register's daily run, one command for cron or the Task Scheduler: documents for what Google
// decided since yesterday, then the letters waiting for the register. Also the programmatic entry the
// demo uses with the offline workspace as the Google side.
import { erasuresDue, formatDay } from './people';
import { type DocumentsReport, makeDocuments } from './registerDocuments';
import type { Register } from './registerFile';
import { type MailReport, type Progress, sendDueLetters } from './registerMail';
import { type MailTransport, type SmtpSettings, smtpTransport } from './smtpTransport';
import type { WorkbookReader } from './workbookReader';

export interface DailyOptions {
  register: Register;
  reader: WorkbookReader;
  /** The school's SMTP server, or a transport made already (tests). */
  smtp: SmtpSettings | MailTransport;
  outDir: string;
  pdf?: 'auto' | 'never';
  onProgress?: (stage: 'documents' | 'mail', done: number, total: number) => void;
}

export interface DailyReport {
  documents: DocumentsReport;
  mail: MailReport;
  /** ст. 21: erasures whose day has come; the register does not erase by itself. */
  erasuresDue: string[];
}

const isTransport = (smtp: SmtpSettings | MailTransport): smtp is MailTransport => 'send' in smtp;

export async function runRegisterDaily(options: DailyOptions): Promise<DailyReport> {
  const { register, reader, outDir } = options;
  const progress =
    (stage: 'documents' | 'mail'): Progress =>
    (done, total) =>
      options.onProgress?.(stage, done, total);
  const documents = await makeDocuments(register, reader, outDir, progress('documents'), options.pdf);
  const transport = isTransport(options.smtp) ? options.smtp : smtpTransport(options.smtp);
  let mail: MailReport;
  try {
    mail = await sendDueLetters(register, reader, transport, progress('mail'));
  } finally {
    if (!isTransport(options.smtp)) transport.close();
  }
  return {
    documents,
    mail,
    erasuresDue: erasuresDue(register, register.today()).map(
      (p) =>
        `код ${p.code}: удалить данные до ${formatDay(p.eraseBy ?? '')} (согласие отозвано ${formatDay(p.withdrawnOn ?? '')})`,
    ),
  };
}
