// The mentor moves a meeting from the link in the reminder: a holiday or a day past the plan's next
// meeting is refused with the reason, a school day is written into «Встречи», and the meeting is
// reminded again before the new date.

import { SEED_SCRIPT } from '../../bench/schools/seedScript';
import { LocalWorkspace } from '../../src/local';
import { copyOf, outbox, schoolBeforeDecember } from './fixtures';

type Row = Record<string, string | number | boolean>;
type Page = { getContent(): string };

test('moving a meeting from the reminder link: checked, written, reminded again', async () => {
  const { dir: prepared } = await schoolBeforeDecember(1);
  const { dir, ws } = await copyOf(prepared);
  ws.advanceClock('42d');
  const first = (await outbox(dir)).filter(
    (m) => m.to === 'n001@school.test' && m.subject.startsWith('Напоминание'),
  );
  expect(first.map((m) => m.subject)).toEqual(['Напоминание: встреча-знакомство 11 января 2027 г.']);
  const seed = await LocalWorkspace.open(dir, { code: SEED_SCRIPT });
  const meeting = (seed.run('readSheet', 'Встречи') as Row[])[0];
  const token = String(meeting['Токен']);

  const refused = ws.run('doGet', {
    parameter: { a: 'move', t: token, confirm: '1', date: '2027-02-23' },
  }) as Page;
  expect(refused.getContent()).toContain('Нельзя перенести на 23.02.2027: это выходной или каникулы');
  // The plan keeps its order: знакомство cannot pass the trial meeting of 18 January.
  const pastNext = ws.run('doGet', {
    parameter: { a: 'move', t: token, confirm: '1', date: '2027-01-20' },
  }) as Page;
  expect(pastNext.getContent()).toContain(
    'Нельзя перенести на 20.01.2027: не позже дня перед следующей встречей плана (пробная встреча 18.01.2027)',
  );
  const moved = ws.run('doGet', {
    parameter: { a: 'move', t: token, confirm: '1', date: '2027-01-14' },
  }) as Page;
  expect(moved.getContent()).toContain('перенесена на 14.01.2027');
  expect(String((seed.run('readSheet', 'Встречи') as Row[])[0]['Дата'])).toMatch(
    /14\.01\.2027|2027-01-13T2\d/,
  );

  ws.advanceClock('8d');
  const all = (await outbox(dir)).filter(
    (m) => m.to === 'n001@school.test' && m.subject.startsWith('Напоминание'),
  );
  expect(all.map((m) => m.subject)).toContain('Напоминание: встреча-знакомство 14 января 2027 г.');
  expect(all.filter((m) => m.subject.includes('знакомство'))).toHaveLength(2);
}, 300_000);
