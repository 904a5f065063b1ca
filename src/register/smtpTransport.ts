// The school's own mail server over SMTP (nodemailer). Connection failures become one clear Russian
// error that stops the run; a letter the server refuses is that letter's problem only.
import nodemailer from 'nodemailer';

export interface SmtpSettings {
  host: string;
  port: number;
  /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
  secure: boolean;
  user?: string;
  pass?: string;
  /** «Программа наставничества <mentor@school.ru>» */
  from: string;
}

export interface OutgoingLetter {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

export interface MailTransport {
  send(letter: OutgoingLetter): Promise<void>;
  close(): void;
}

/** The server cannot be used at all (not reachable, or refuses the login): the run stops. */
export class UnreachableMailServerError extends Error {
  constructor(settings: SmtpSettings, code: string, detail: string) {
    const where = `${settings.host}:${settings.port}`;
    super(
      code === 'EAUTH'
        ? `Почтовый сервер ${where} не принял логин или пароль (${detail}). Проверьте учётную запись в адресе сервера; неотправленные письма уйдут при следующем запуске.`
        : `Почтовый сервер ${where} недоступен (${code}: ${detail}). Проверьте адрес и порт сервера, подключение к сети и что сервер принимает соединения; неотправленные письма уйдут при следующем запуске.`,
    );
    this.name = 'UnreachableMailServerError';
  }
}

const CONNECTION_CODES = new Set([
  'ECONNECTION',
  'ETIMEDOUT',
  'ESOCKET',
  'EDNS',
  'ECONNREFUSED',
  'EAUTH',
  'ETLS',
  'EPROTOCOL',
]);

/** «smtp://user:pass@host:587» or «smtps://…:465» → settings. */
export function parseSmtpUrl(url: string, from: string): SmtpSettings {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(
      `«${url}» — не адрес почтового сервера; пример: smtp://mentor%40school.ru:пароль@mail.school.ru:587`,
    );
  }
  if (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:')
    throw new Error(`Адрес почтового сервера начинается с smtp:// или smtps://, а не «${parsed.protocol}».`);
  const secure = parsed.protocol === 'smtps:';
  return {
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : secure ? 465 : 587,
    secure,
    user: parsed.username ? decodeURIComponent(parsed.username) : undefined,
    pass: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    from,
  };
}

export function smtpTransport(settings: SmtpSettings): MailTransport {
  const transporter = nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    auth: settings.user ? { user: settings.user, pass: settings.pass ?? '' } : undefined,
    pool: true,
    maxConnections: 1,
    connectionTimeout: 20_000,
    greetingTimeout: 20_000,
    socketTimeout: 60_000,
  });
  return {
    async send(letter) {
      try {
        await transporter.sendMail({ from: settings.from, ...letter });
      } catch (e) {
        const code = (e as { code?: string }).code ?? '';
        if (CONNECTION_CODES.has(code))
          throw new UnreachableMailServerError(settings, code, (e as Error).message);
        throw e;
      }
    },
    close() {
      transporter.close();
    },
  };
}
