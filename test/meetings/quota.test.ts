// 600 letters fall due on one day with a quota of 100 a day (300 participants invited to the feedback
// and to the entry diagnostics): they go out over six days, each exactly once, oldest first, and the
// curator's digest says how many wait.

import { SEED_SCRIPT } from '../../bench/schools/seedScript';
import { LocalWorkspace } from '../../src/local';
import { CURATOR, outbox, schoolBeforeDecember } from './fixtures';

type Row = Record<string, string | number | boolean>;

test('with a quota of 100 a day, 600 invitations go out once each over six days, in order', async () => {
  const { dir, ws } = await schoolBeforeDecember(100, { mailQuota: 100 });
  const perDay: number[] = [];
  for (let day = 0; day < 7; day++) {
    const before = (await outbox(dir)).length;
    ws.advanceClock('1d');
    perDay.push((await outbox(dir)).length - before);
  }
  const sent = await outbox(dir);
  const invitations = sent.filter(
    (m) => m.subject.startsWith('Обратная связь') || m.subject.startsWith('Входная диагностика'),
  );
  expect(invitations).toHaveLength(600);
  expect(new Set(invitations.map((m) => `${m.to} ${m.subject}`)).size).toBe(600);
  for (const n of perDay) expect(n).toBeLessThanOrEqual(100);
  expect(perDay.slice(0, 6)).toEqual([100, 100, 100, 100, 100, 100]);

  // Sending order is the order of the send log (oldest first), the curator's digest ahead of the backlog.
  const seed = await LocalWorkspace.open(dir, { code: SEED_SCRIPT });
  const log = (seed.run('readSheet', 'Почта') as Row[]).filter((r) =>
    String(r.Вид).startsWith('приглашение'),
  );
  expect(log.every((r) => r.Состояние === 'отправлено')).toBe(true);
  expect(invitations.map((m) => m.to)).toEqual(log.map((r) => r.Кому));
  const digest = sent.find((m) => m.to === CURATOR);
  expect(String(digest?.file) < invitations[0].file).toBe(true);
});
