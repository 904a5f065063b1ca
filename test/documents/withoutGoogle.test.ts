// Drive shares a document only with addresses that are Google accounts; a minor's parent at a
// mail.test address (like most parents' mail.ru or yandex.ru) is refused. That parent gets the
// document as a PDF by mail instead, once, and «Документы» says so; sharing is never tried again.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { outbox } from '../meetings/fixtures';
import { copyOf, driveItems, schoolWithApprovedPairs, seedScript } from './school';

const AGREEMENT = 'Соглашение — А. П. Иванова и П. П. Петров';

let prepared: string;
beforeAll(async () => {
  prepared = (await schoolWithApprovedPairs()).dir;
}, 120_000);

test('a parent without a Google account gets the agreement as a PDF by mail instead of access', async () => {
  const { dir, ws } = await copyOf(prepared);
  expect(ws.run('generateDocumentsForApprovedPairs')).toMatchObject({ remaining: 0 });
  const items = driveItems(dir).filter((i) => !i.trashed);
  const doc = items.find((i) => i.name === AGREEMENT);
  expect(doc?.viewers.sort()).toEqual(['s1@school.test', 't1@school.test']);
  const pdf = items.find((i) => i.name === `${AGREEMENT}.pdf`);
  expect(pdf?.viewers).toEqual([]);
  const row =
    ws
      .sheetRows('Документы')
      .find((r) => r.includes(AGREEMENT))
      ?.map(String) ?? [];
  expect(row).toContain('готов');
  expect(row.join(' ')).toMatch(/parent\.s1@mail\.test \(.*PDF отправлен по почте/);

  ws.run('deliverMail');
  ws.run('deliverMail');
  const letters = (await outbox(dir)).filter((m) => m.to === 'parent.s1@mail.test');
  const ours = letters.filter((m) => m.subject.includes(AGREEMENT));
  expect(ours).toHaveLength(1);
  const parsed = await simpleParser(readFileSync(join(dir, 'outbox', ours[0].file)));
  expect(parsed.text).toMatch(/нет аккаунта Google/);
  expect(parsed.attachments).toHaveLength(1);
  const [attachment] = parsed.attachments;
  expect(attachment.contentType).toBe('application/pdf');
  expect(attachment.content.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(attachment.content.equals(readFileSync(join(dir, pdf?.path ?? '')))).toBe(true);

  // The next run makes nothing again and sends nothing again.
  ws.run('generateDocumentsForApprovedPairs');
  ws.run('deliverMail');
  expect((await outbox(dir)).filter((m) => m.subject.includes(AGREEMENT))).toHaveLength(1);
}, 180_000);

test('with «печать» nothing is mailed: the document is marked for printing', async () => {
  const { dir, ws } = await copyOf(prepared);
  const seed = await seedScript(dir);
  seed.run(
    'setWhere',
    'Настройки',
    'Параметр',
    'Документы: если у адресата нет аккаунта Google',
    'Значение',
    'печать',
  );
  await seed.save();
  ws.run('generateDocumentsForApprovedPairs');
  ws.run('deliverMail');
  const row =
    ws
      .sheetRows('Документы')
      .find((r) => r.includes(AGREEMENT))
      ?.map(String) ?? [];
  expect(row.join(' ')).toMatch(/parent\.s1@mail\.test \(.*Распечатайте документ/);
  expect((await outbox(dir)).filter((m) => m.subject.includes(AGREEMENT))).toEqual([]);
  expect(driveItems(dir).some((i) => i.name === `${AGREEMENT}.pdf`)).toBe(false);
}, 180_000);
