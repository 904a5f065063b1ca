import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { type ParsedMail, simpleParser } from 'mailparser';
import { LocalWorkspace } from '../../src/local';
import { FakeDocumentApp } from '../../src/local/docs/documentApp';
import { FakeMailApp } from '../../src/local/mail/mailApp';
import { execute, tempContext } from './workspaceContext';

function outbox(dir: string): string[] {
  return readdirSync(join(dir, 'outbox')).sort();
}

describe('MailApp offline', () => {
  test('a message is an .eml with a Cyrillic subject, plain + HTML alternatives and an attachment', async () => {
    const ctx = tempContext();
    execute(ctx, () => {
      const doc = new FakeDocumentApp(ctx).create('Соглашение о наставничестве');
      doc.getBody().appendParagraph('Текст соглашения');
      doc.saveAndClose();
      new FakeMailApp(ctx, undefined).sendEmail(
        'mentor@school.local',
        'Назначение наставником — «Петров В. В.»',
        'Здравствуйте, Виктор Викторович!',
        {
          htmlBody: '<p>Здравствуйте, <b>Виктор Викторович</b>!</p>',
          name: 'Куратор наставничества',
          cc: 'deputy@school.local',
          bcc: 'archive@school.local',
          replyTo: 'curator@school.local',
          attachments: [doc.getAs('application/pdf')],
        },
      );
    });
    const files = outbox(ctx.dir);
    expect(files).toEqual([expect.stringMatching(/^2026-11-25T09-00-\d\d\.\d{3}Z-00001\.eml$/)]);
    const mail: ParsedMail = await simpleParser(readFileSync(join(ctx.dir, 'outbox', files[0])));
    expect(mail.subject).toBe('Назначение наставником — «Петров В. В.»');
    expect(mail.text?.trim()).toBe('Здравствуйте, Виктор Викторович!');
    expect(mail.html).toContain('<b>Виктор Викторович</b>');
    expect(mail.from?.value).toEqual([{ address: 'curator@school.local', name: 'Куратор наставничества' }]);
    expect(mail.replyTo?.text).toBe('curator@school.local');
    expect(mail.attachments.map((a) => [a.filename, a.contentType])).toEqual([
      ['Соглашение о наставничестве.pdf', 'application/pdf'],
    ]);
    expect(mail.attachments[0].content.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(readFileSync(join(ctx.dir, 'outbox', files[0]), 'latin1')).toMatch(/multipart\/alternative/);
  });

  test("the daily quota counts recipients and fails with Google's text when exhausted", () => {
    const ctx = tempContext({ mailQuota: 3 });
    const seen = execute(ctx, () => {
      const mail = new FakeMailApp(ctx, undefined);
      const before = mail.getRemainingDailyQuota();
      mail.sendEmail({ to: 'a@school.local, b@school.local', subject: 'Тема', body: 'Текст' });
      const after = mail.getRemainingDailyQuota();
      let error = '';
      try {
        mail.sendEmail('c@school.local', 'Тема', 'Текст', { cc: 'd@school.local' });
      } catch (e) {
        error = (e as Error).message;
      }
      return { before, after, error, left: mail.getRemainingDailyQuota() };
    });
    expect(seen).toEqual({
      before: 3,
      after: 1,
      error: 'Service invoked too many times for one day: email.',
      left: 1,
    });
    expect(outbox(ctx.dir)).toHaveLength(1);
  });

  describe('with SMTP_URL', () => {
    let sink: ChildProcess;
    let port = 0;
    const received: Array<{ raw: string; envelope: { from: string; to: string[] } }> = [];

    beforeAll(async () => {
      sink = spawn(process.execPath, [join(__dirname, 'fixtures', 'smtpSink.cjs')], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      const lines = createInterface({ input: sink.stdout as NodeJS.ReadableStream });
      port = await new Promise<number>((resolve) => {
        lines.on('line', (line) => {
          const message = JSON.parse(line) as {
            port?: number;
            raw?: string;
            envelope?: { from: string; to: string[] };
          };
          if (message.port) resolve(message.port);
          else if (message.raw && message.envelope)
            received.push({ raw: message.raw, envelope: message.envelope });
        });
      });
    });

    afterAll(() => {
      sink.kill('SIGTERM');
    });

    test('a message arrives intact at a real SMTP server, Bcc only in the envelope', async () => {
      const ctx = tempContext();
      execute(ctx, () => {
        new FakeMailApp(ctx, `smtp://127.0.0.1:${port}`).sendEmail({
          to: 'parent@family.ru',
          bcc: 'archive@school.local',
          subject: 'Согласие на обработку персональных данных',
          body: 'Уважаемая Анна Петровна!',
          htmlBody: '<p>Уважаемая <i>Анна Петровна</i>!</p>',
        });
      });
      for (let i = 0; i < 100 && received.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
      expect(received).toHaveLength(1);
      expect(received[0].envelope).toEqual({
        from: 'curator@school.local',
        to: ['parent@family.ru', 'archive@school.local'],
      });
      const mail = await simpleParser(Buffer.from(received[0].raw, 'base64'));
      expect(mail.subject).toBe('Согласие на обработку персональных данных');
      expect(mail.text?.trim()).toBe('Уважаемая Анна Петровна!');
      expect(mail.html).toContain('<i>Анна Петровна</i>');
      expect(mail.bcc).toBeUndefined();
      expect(outbox(ctx.dir)).toHaveLength(1);
    });

    test('a script run by the workspace with SMTP_URL set delivers through the server', async () => {
      const dir = join(mkdtempSync(join(tmpdir(), 'nastavnik-h2-smtp-')), 'ws');
      const ws = await LocalWorkspace.create(dir, {
        code: "function remind(to) { MailApp.sendEmail(to, 'Напоминание о встрече', 'Встреча завтра в 15:00.', { name: 'Наставничество' }); }",
      });
      const before = received.length;
      process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
      try {
        ws.run('remind', 'mentor@school.local');
      } finally {
        delete process.env.SMTP_URL;
      }
      for (let i = 0; i < 100 && received.length === before; i++) await new Promise((r) => setTimeout(r, 20));
      const mail = await simpleParser(Buffer.from(received[before].raw, 'base64'));
      expect(mail.subject).toBe('Напоминание о встрече');
      expect(mail.text?.trim()).toBe('Встреча завтра в 15:00.');
      expect(mail.from?.value[0]).toEqual({ address: 'curator@school.local', name: 'Наставничество' });
      expect(outbox(dir)).toHaveLength(1);
    });

    test('an unreachable server fails the send with an error and nothing counted', () => {
      const ctx = tempContext();
      const result = execute(ctx, () => {
        const mail = new FakeMailApp(ctx, 'smtp://127.0.0.1:1');
        let error = '';
        try {
          mail.sendEmail('a@school.local', 'Тема', 'Текст');
        } catch (e) {
          error = (e as Error).message;
        }
        return { error, left: mail.getRemainingDailyQuota() };
      });
      expect(result.error).toMatch(/^Failed to send email: /);
      expect(result.left).toBe(100);
    });
  });
});
