import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { BASES } from '../../src/core/intake/baseRow';
import { MAIL } from '../../src/core/mail/outbox';
import { AWAITING_REGISTER, namePlaceholder } from '../../src/core/pseudonymous/namePlaceholders';
import type { CellValue } from '../../src/core/table';
import { parseClassListCsv } from '../../src/register/classList';
import { importClassList } from '../../src/register/importList';
import { recordConsent } from '../../src/register/people';
import { Register, sentJournalPath } from '../../src/register/registerFile';
import { sendDueLetters } from '../../src/register/registerMail';
import {
  type SmtpSettings,
  smtpTransport,
  UnreachableMailServerError,
} from '../../src/register/smtpTransport';
import type { WorkbookReader } from '../../src/register/workbookReader';

interface Received {
  to: string[];
  subject: string;
  text: string;
  html: string;
}

/** A real SMTP server on loopback; `refuse` makes it turn away recipients at RCPT TO. */
async function smtpSink(refuse: (to: string) => boolean = () => false) {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      callback(refuse(address.address) ? new Error('mailbox unavailable') : undefined);
    },
    onData(stream, session, callback) {
      simpleParser(stream).then((mail) => {
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          subject: mail.subject ?? '',
          text: mail.text ?? '',
          html: typeof mail.html === 'string' ? mail.html : '',
        });
        callback();
      }, callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as { port: number }).port;
  const settings: SmtpSettings = {
    host: '127.0.0.1',
    port,
    secure: false,
    from: 'Наставничество <mentor@school.ru>',
  };
  return { received, settings, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = (probe.address() as { port: number }).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

class MemoryReader implements WorkbookReader {
  readonly source = 'память';
  constructor(private readonly sheets: Map<string, CellValue[][]>) {}
  async readSheets(names: readonly string[]) {
    return new Map([...this.sheets].filter(([n]) => names.includes(n)));
  }
}

const LIST = [
  'Фамилия;Имя;Отчество;Пол;Класс;Категория;E-mail;ФИО родителя;E-mail родителя',
  'Иванова;Анна;Петровна;ж;7А;ученик;anna@school.ru;Иванова Мария Сергеевна;mama@mail.ru',
  'Цой;Алина;;ж;7А;ученик;alina@school.ru;;',
  'Петров;Пётр;Ильич;м;8Б;ученик;petrov@school.ru;;',
].join('\n');

function school() {
  const register = Register.create(
    join(mkdtempSync(join(tmpdir(), 'register-mail-')), 'r.nreg'),
    'пароль реестра',
    'Школа',
  );
  importClassList(register, parseClassListCsv(Buffer.from(LIST)), 'list.csv');
  const [anna, alina, petrov] = register.data.people;
  for (const p of [anna, alina])
    recordConsent(register, p.code, { kind: 'processing', signedBy: 'parent', signedOn: '2026-09-01' });
  register.save();
  return { register, anna: anna.code, alina: alina.code, petrov: petrov.code };
}

function letter(
  key: string,
  code: string,
  state = AWAITING_REGISTER,
  field: 'email' | 'parentEmail' = 'email',
) {
  return {
    key,
    to: namePlaceholder(code, field),
    subject: `Встреча: ${namePlaceholder(code, 'firstName')}`,
    text: `Здравствуйте, ${namePlaceholder(code, 'firstName')}! Ваш наставник ждёт ${namePlaceholder(code, 'fullName.accusative')}.`,
    html: `<p>Здравствуйте, ${namePlaceholder(code, 'fullName')}!</p>`,
    state,
  };
}

function mailSheet(letters: ReturnType<typeof letter>[]): Map<string, CellValue[][]> {
  const keys = ['key', 'to', 'subject', 'text', 'html', 'state'] as const;
  const header = keys.map((k) => MAIL.columns[k].header);
  return new Map([[MAIL.name, [header, ...letters.map((l) => keys.map((k) => l[k]))]]]);
}

describe('register mail over SMTP', () => {
  it('sends each waiting letter once with the names and addresses from the register', async () => {
    const { register, anna, alina, petrov } = school();
    const sink = await smtpSink();
    const reader = new MemoryReader(
      mailSheet([
        letter('k-anna', anna),
        letter('k-mama', anna, AWAITING_REGISTER, 'parentEmail'),
        letter('k-alina-queued', alina, 'в очереди'),
        letter('k-petrov', petrov),
        letter('k-nobody', '1234566'),
      ]),
    );
    const transport = smtpTransport(sink.settings);
    const progress: string[] = [];
    try {
      const report = await sendDueLetters(register, reader, transport, (d, t) => progress.push(`${d}/${t}`));
      expect(report.sent).toBe(2);
      expect(report.problems).toEqual([
        expect.stringMatching(/^«k-petrov» не отправлено: .*кода \d{7} нет в реестре/),
        expect.stringMatching(/^«k-nobody» не отправлено: .*кода 1234566 нет в реестре/),
      ]);
      expect(progress).toEqual(['0/4', '1/4', '2/4', '3/4', '4/4']);
      expect(sink.received).toEqual([
        {
          to: ['anna@school.ru'],
          subject: 'Встреча: Анна',
          text: 'Здравствуйте, Анна! Ваш наставник ждёт Иванову Анну Петровну.',
          html: '<p>Здравствуйте, Иванова Анна Петровна!</p>',
        },
        expect.objectContaining({ to: ['mama@mail.ru'] }),
      ]);
      const again = await sendDueLetters(Register.open(register.path, 'пароль реестра'), reader, transport);
      expect(again).toMatchObject({ sent: 0, alreadySent: 2 });
      expect(sink.received).toHaveLength(2);
    } finally {
      transport.close();
      await sink.close();
    }
  });

  it('stops with a Russian message when the server is unreachable, and the next run sends all', async () => {
    const { register, anna, alina } = school();
    const reader = new MemoryReader(mailSheet([letter('k-anna', anna), letter('k-alina', alina)]));
    const down = smtpTransport({
      host: '127.0.0.1',
      port: await closedPort(),
      secure: false,
      from: 'm@school.ru',
    });
    try {
      await expect(sendDueLetters(register, reader, down)).rejects.toThrow(UnreachableMailServerError);
      await expect(sendDueLetters(register, reader, down)).rejects.toThrow(
        /^Почтовый сервер 127\.0\.0\.1:\d+ недоступен \(ESOCKET: connect ECONNREFUSED .*неотправленные письма уйдут при следующем запуске\.$/,
      );
    } finally {
      down.close();
    }
    expect(Register.open(register.path, 'пароль реестра').data.sent).toEqual([]);
    const sink = await smtpSink();
    const up = smtpTransport(sink.settings);
    try {
      expect((await sendDueLetters(register, reader, up)).sent).toBe(2);
      expect(sink.received.map((m) => m.to[0])).toEqual(['anna@school.ru', 'alina@school.ru']);
    } finally {
      up.close();
      await sink.close();
    }
  });

  it('resumes after a run killed inside an SMTP transaction without sending anything twice', async () => {
    const { register, anna, alina } = school();
    const reader = new MemoryReader(
      mailSheet([
        letter('k-anna', anna),
        letter('k-mama', anna, AWAITING_REGISTER, 'parentEmail'),
        letter('k-alina', alina),
      ]),
    );
    const sink = await smtpSink();
    const real = smtpTransport(sink.settings);
    // The first run delivers the second letter and dies before hearing back: it never finishes.
    let calls = 0;
    const dying = {
      async send(l: Parameters<typeof real.send>[0]) {
        await real.send(l);
        if (++calls === 2) await new Promise<never>(() => {});
      },
      close() {},
    };
    try {
      void sendDueLetters(register, reader, dying);
      while (sink.received.length < 2) await new Promise((r) => setTimeout(r, 20));
      const resumed = Register.open(register.path, 'пароль реестра');
      const report = await sendDueLetters(resumed, reader, real);
      expect(report).toMatchObject({ sent: 1, alreadySent: 1 });
      expect(report.problems).toEqual([
        expect.stringMatching(/^«k-mama»: прошлый запуск прервался во время отправки/),
      ]);
      expect(sink.received.map((m) => m.to[0])).toEqual([
        'anna@school.ru',
        'mama@mail.ru',
        'alina@school.ru',
      ]);
      expect((await sendDueLetters(resumed, reader, real)).sent).toBe(0);
      expect(sink.received).toHaveLength(3);
    } finally {
      real.close();
      await sink.close();
    }
  });

  it('keeps the letters of a run that died before its final save, in an encrypted journal', async () => {
    const { register, anna, alina } = school();
    const beforeRun = readFileSync(register.path);
    const reader = new MemoryReader(mailSheet([letter('k-anna', anna), letter('k-alina', alina)]));
    const sink = await smtpSink();
    const transport = smtpTransport(sink.settings);
    try {
      // Every letter went out; the process died before writing the register file.
      jest.spyOn(register, 'save').mockImplementationOnce(() => {
        throw new Error('процесс завершён');
      });
      await expect(sendDueLetters(register, reader, transport)).rejects.toThrow('процесс завершён');
      expect(sink.received).toHaveLength(2);
      const journal = sentJournalPath(register.path);
      const lines = readFileSync(journal, 'utf8').split('\n').filter(Boolean);
      expect(lines).toHaveLength(4);
      for (const secret of ['k-anna', 'k-alina', anna, alina, 'sent'])
        expect(lines.join()).not.toContain(secret);

      const leftOver = `${journal}.copy`;
      copyFileSync(journal, leftOver);
      // Opening folds the journal into the file: the file alone holds those letters from now on.
      const reopened = Register.open(register.path, 'пароль реестра');
      expect(reopened.data.sent.map((s) => [s.key, s.state, s.code])).toEqual([
        ['k-anna', 'sent', anna],
        ['k-alina', 'sent', alina],
      ]);
      expect(existsSync(journal)).toBe(false);
      expect(Register.open(register.path, 'пароль реестра').data.sent).toEqual(reopened.data.sent);
      // A save that wrote the file but died before removing the journal: replaying it changes nothing.
      copyFileSync(leftOver, journal);
      expect(Register.open(register.path, 'пароль реестра').data.sent).toEqual(reopened.data.sent);

      // The last append torn by the crash: «k-alina» stays «sending», so it is reported, never resent.
      writeFileSync(register.path, beforeRun);
      writeFileSync(journal, `${lines.slice(0, 3).join('\n')}\n${lines[3].slice(0, 40)}`);
      const torn = Register.open(register.path, 'пароль реестра');
      expect(torn.data.sent.map((s) => [s.key, s.state])).toEqual([
        ['k-anna', 'sent'],
        ['k-alina', 'sending'],
      ]);
      const report = await sendDueLetters(torn, reader, transport);
      expect(report).toMatchObject({ sent: 0, alreadySent: 1 });
      expect(report.problems).toEqual([
        expect.stringMatching(/^«k-alina»: прошлый запуск прервался во время отправки/),
      ]);
      expect(sink.received).toHaveLength(2);
      expect(existsSync(journal)).toBe(false);
    } finally {
      transport.close();
      await sink.close();
    }
  });

  it('refuses a sent-log journal damaged before its last line, and journals again after a torn one', () => {
    const { register, anna } = school();
    register.recordSent({ key: 'k-1', state: 'sending', at: '2026-10-01T08:00:00.000Z', code: anna });
    register.recordSent({ key: 'k-1', state: 'sent', at: '2026-10-01T08:00:01.000Z', code: anna });
    const journal = sentJournalPath(register.path);
    const [first, second] = readFileSync(journal, 'utf8').split('\n');
    writeFileSync(journal, `${first}\n${second.slice(0, 30)}`);
    const reopened = Register.open(register.path, 'пароль реестра');
    expect(reopened.data.sent.map((s) => s.state)).toEqual(['sending']);
    reopened.forgetSent('k-1');
    expect(Register.open(register.path, 'пароль реестра').data.sent).toEqual([]);

    writeFileSync(journal, `${first}\n${second.slice(0, 30)}x\n${second}\n`);
    expect(() => Register.open(register.path, 'пароль реестра')).toThrow(
      /^Журнал отправленных писем «.*\.sent» повреждён: строка 2 не читается\. Восстановите реестр из резервной копии/,
    );
  });

  it('honours consents given under the code on the Google side, and withdrawals there', async () => {
    const { register, anna, petrov } = school();
    const sink = await smtpSink();
    const sheets = mailSheet([letter('k-anna', anna), letter('k-petrov', petrov)]);
    const base = BASES.mentee.columns;
    sheets.set(BASES.mentee.name, [
      [base.id.header, base.consent.header],
      [anna, 'отозвано'],
      [petrov, 'получено'],
    ]);
    const transport = smtpTransport(sink.settings);
    try {
      const report = await sendDueLetters(register, new MemoryReader(sheets), transport);
      expect(report.sent).toBe(1);
      expect(report.problems).toEqual([
        expect.stringMatching(/^«k-anna» не отправлено: .*кода \d{7} нет в реестре/),
      ]);
      expect(sink.received.map((m) => m.to[0])).toEqual(['petrov@school.ru']);
    } finally {
      transport.close();
      await sink.close();
    }
  });

  it('waits for a letter’s «Не раньше» however the sheet shows it', async () => {
    const { register, anna, alina } = school();
    const sink = await smtpSink();
    const sheets = mailSheet([letter('k-anna', anna), letter('k-alina', alina)]);
    const rows = sheets.get(MAIL.name) ?? [];
    rows[0].push(MAIL.columns.notBefore.header);
    rows[1].push('01.01.2099 10:00');
    rows[2].push(new Date(Date.now() - 60_000));
    const transport = smtpTransport(sink.settings);
    try {
      expect(await sendDueLetters(register, new MemoryReader(sheets), transport)).toMatchObject({
        sent: 1,
        problems: [],
      });
      expect(sink.received.map((m) => m.to[0])).toEqual(['alina@school.ru']);
    } finally {
      transport.close();
      await sink.close();
    }
  });
});
