// Drive shares a document only with addresses that are Google accounts; a minor's parent at a
// mail.test address (like most parents' mail.ru or yandex.ru) is refused. That parent gets the
// document as a PDF by mail instead, once, and «Документы» says so; sharing is never tried again.
// The PDF is made from the document when the letter goes, unless the school keeps PDF copies.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { copyOf, driveItems, schoolWithApprovedPairs, seedScript } from './school';

const AGREEMENT = 'Соглашение — А. П. Иванова и П. П. Петров';
/** Only the school's addresses are Google accounts: the parents' mail.test ones are not. */
const NO_GOOGLE_PARENTS = { googleAccountDomains: ['school.test'] };

/** The letters in outbox/ that carry this attachment, parsed. */
async function lettersWith(dir: string, filename: string) {
  const files = readdirSync(join(dir, 'outbox')).filter((f) => f.endsWith('.eml'));
  const parsed = await Promise.all(files.map((f) => simpleParser(readFileSync(join(dir, 'outbox', f)))));
  return parsed
    .filter((m) => m.attachments.some((a) => a.filename === filename))
    .map((m) => ({ ...m, to: (Array.isArray(m.to) ? m.to[0] : m.to)?.value[0]?.address ?? '' }));
}

let prepared: string;
beforeAll(async () => {
  prepared = (await schoolWithApprovedPairs()).dir;
}, 120_000);

test('a parent without a Google account gets the agreement as a PDF by mail instead of access', async () => {
  const { dir, ws } = await copyOf(prepared, NO_GOOGLE_PARENTS);
  expect(ws.run('generateDocumentsForApprovedPairs')).toMatchObject({ remaining: 0 });
  const items = driveItems(dir).filter((i) => !i.trashed);
  const doc = items.find((i) => i.name === AGREEMENT);
  expect(doc?.viewers.sort()).toEqual(['s1@school.test', 't1@school.test']);
  // The PDF is made when the letter goes, not kept in Drive beside the document.
  expect(items.some((i) => i.mimeType === 'application/pdf')).toBe(false);
  const row =
    ws
      .sheetRows('Документы')
      .find((r) => r.includes(AGREEMENT))
      ?.map(String) ?? [];
  expect(row).toContain('готов');
  expect(row.join(' ')).toMatch(/parent\.s1@mail\.test \(.*PDF отправлен по почте/);

  // Every document this parent was refused goes in one letter, the agreement among them.
  const refusedTitles = ws
    .sheetRows('Документы')
    .filter((r) => r.map(String).join(' ').includes('parent.s1@mail.test ('))
    .map((r) => `${r.map(String).find((c) => items.some((i) => i.name === c))}.pdf`)
    .sort();
  expect(refusedTitles.length).toBeGreaterThan(1);
  ws.run('deliverMail');
  ws.run('deliverMail');
  const ours = await lettersWith(dir, `${AGREEMENT}.pdf`);
  expect(ours.map((m) => m.to)).toEqual(['parent.s1@mail.test']);
  const parsed = ours[0];
  expect(parsed.subject).toBe('Программа наставничества: документы в PDF');
  expect(parsed.text).toMatch(/нет аккаунта Google/);
  expect(parsed.attachments.map((a) => a.filename).sort()).toEqual(refusedTitles);
  const attachment = parsed.attachments.find((a) => a.filename === `${AGREEMENT}.pdf`);
  expect(attachment?.contentType).toBe('application/pdf');
  expect(attachment?.content.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(driveItems(dir).some((i) => i.mimeType === 'application/pdf')).toBe(false);

  // The next run makes nothing again and sends nothing again.
  ws.run('generateDocumentsForApprovedPairs');
  ws.run('deliverMail');
  expect(await lettersWith(dir, `${AGREEMENT}.pdf`)).toHaveLength(1);
}, 180_000);

test('with «копия в PDF» the letter carries the PDF kept beside the document', async () => {
  const { dir, ws } = await copyOf(prepared, NO_GOOGLE_PARENTS);
  const seed = await seedScript(dir);
  seed.run('setWhere', 'Настройки', 'Параметр', 'Документы: копия в PDF', 'Значение', 'да');
  await seed.save();
  ws.run('generateDocumentsForApprovedPairs');
  const pdf = driveItems(dir).find((i) => i.name === `${AGREEMENT}.pdf` && !i.trashed);
  expect(pdf).toBeDefined();
  ws.run('deliverMail');
  ws.run('deliverMail');
  const [letter] = await lettersWith(dir, `${AGREEMENT}.pdf`);
  expect(letter?.to).toBe('parent.s1@mail.test');
  const attachment = letter?.attachments.find((a) => a.filename === `${AGREEMENT}.pdf`);
  expect(attachment?.content.equals(readFileSync(join(dir, pdf?.path ?? '')))).toBe(true);
}, 180_000);

test('with «печать» nothing is mailed: the document is marked for printing', async () => {
  const { dir, ws } = await copyOf(prepared, NO_GOOGLE_PARENTS);
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
  expect(await lettersWith(dir, `${AGREEMENT}.pdf`)).toEqual([]);
  expect(driveItems(dir).some((i) => i.name === `${AGREEMENT}.pdf`)).toBe(false);
}, 180_000);
