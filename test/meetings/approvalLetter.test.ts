// «Утвердить пары» announces the pair to the mentor and the mentee; the entry diagnostics invitation,
// due the same day, goes inside that letter instead of as a letter of its own, and is told only once.
// To an address without a Google account the pair's documents go in that letter too, as PDFs.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { MAIL, MAIL_STATES } from '../../src/core/mail/outbox';
import { columnIndex } from '../../src/core/schema';
import { schoolWithApprovedPairs, seedScript } from '../documents/school';
import { outbox } from './fixtures';

/**
 * The documents school with its two pairs approved by the curator. `pupilOffGoogle`: S1's address is
 * at mail.test, which is no Google account here (only the school's addresses are).
 */
async function approvedSchool(pupilOffGoogle = false) {
  const { dir, ws } = await schoolWithApprovedPairs(
    0,
    pupilOffGoogle ? { googleAccountDomains: ['school.test'] } : {},
    'закреплена',
  );
  const seed = await seedScript(dir);
  for (const id of ['S1', 'S2']) seed.run('setWhere', 'Наставляемые', 'ID', id, 'Согласие', 'получено');
  if (pupilOffGoogle) seed.run('setWhere', 'Наставляемые', 'ID', 'S1', 'E-mail', PUPIL_OFF_GOOGLE);
  await seed.save();
  ws.replyToAlerts('YES');
  // The letters go by the next runs, after the documents; the daily runs of the next mornings find
  // the invitation told.
  ws.run('approvePairs');
  return { dir, ws };
}

const PUPIL_OFF_GOOGLE = 'pavel.petrov@mail.test';

test('«пара утверждена» carries the entry diagnostics invitation: one letter, one greeting', async () => {
  const { dir, ws } = await approvedSchool();
  ws.advanceClock('3d');

  const letters = await outbox(dir);
  for (const to of ['s1@school.test', 't1@school.test']) {
    const own = letters.filter((l) => l.to === to);
    const approval = own.filter((l) => l.subject === 'Наставническая пара утверждена');
    expect(approval).toHaveLength(1);
    const [text] = approval.map((l) => l.text);
    expect(text).toContain('Куратор утвердил вашу наставническую пару');
    expect(text).toContain('Ответьте, пожалуйста, на несколько вопросов о себе');
    expect(text).toMatch(/https:\/\/docs\.google\.com\/forms\/\S+/);
    expect(text.match(/Здравствуйте/g)).toHaveLength(1);
    expect(own.filter((l) => l.subject.startsWith('Входная диагностика'))).toEqual([]);
  }

  const col = (key: keyof typeof MAIL.columns) => columnIndex(MAIL, key);
  const invitations = ws
    .sheetRows('Почта')
    .filter((r) => r[col('kind')] === 'приглашение: входная диагностика');
  expect(invitations.map((r) => [r[col('to')], r[col('state')]]).sort()).toEqual(
    ['s1@school.test', 's2@school.test', 't1@school.test', 't2@school.test'].map((to) => [
      to,
      MAIL_STATES.merged,
    ]),
  );
}, 180_000);

test('to a pupil without a Google account the pair’s documents go in «пара утверждена» as PDFs', async () => {
  const { dir, ws } = await approvedSchool(true);
  ws.advanceClock('3d');
  const files = readdirSync(join(dir, 'outbox')).filter((f) => f.endsWith('.eml'));
  const parsed = await Promise.all(files.map((f) => simpleParser(readFileSync(join(dir, 'outbox', f)))));
  const toPupil = parsed.filter(
    (m) => (Array.isArray(m.to) ? m.to[0] : m.to)?.value[0]?.address === PUPIL_OFF_GOOGLE,
  );
  expect(toPupil.map((m) => m.subject)).toEqual(['Наставническая пара утверждена']);
  const [letter] = toPupil;
  expect(letter.text).toContain('Куратор утвердил вашу наставническую пару');
  expect(letter.text).toMatch(/Во вложении — документы программы наставничества в формате PDF \(\d\)/);
  const refused = ws
    .sheetRows('Документы')
    .filter((r) => r.map(String).join(' ').includes(`${PUPIL_OFF_GOOGLE} (`))
    .map((r) => `${String(r[2])}.pdf`)
    .sort();
  expect(refused.length).toBeGreaterThan(1);
  expect(letter.attachments.map((a) => a.filename).sort()).toEqual(refused);
  expect(letter.attachments.every((a) => a.content.subarray(0, 5).toString('latin1') === '%PDF-')).toBe(true);
}, 180_000);
