// A participant switches off reminders and survey invitations from the link in a letter: the link
// asks first (mail scanners open links), then the base records it, later letters are logged as
// «отказ от рассылки» and not sent, and Журнал says so. Other participants are not affected.

import { SEED_SCRIPT } from '../../bench/schools/seedScript';
import { LocalWorkspace } from '../../src/local';
import { copyOf, outbox, schoolBeforeDecember } from './fixtures';

type Row = Record<string, string | number | boolean>;

test('opting out from a letter stops the non-essential letters to that participant only', async () => {
  const { dir: prepared } = await schoolBeforeDecember(1);
  const { dir, ws } = await copyOf(prepared);
  ws.advanceClock('1d');
  const seed = await LocalWorkspace.open(dir, { code: SEED_SCRIPT });
  // The first letter that may be switched off (the pair's announcement may not).
  const letter = (seed.run('readSheet', 'Почта') as Row[]).find(
    (r) => r.Кому === 'u001a@school.test' && r.Токен !== '',
  );
  const token = String(letter?.Токен);
  // The letter carries the link; once sent, the log keeps no copy of the text.
  const sent = (await outbox(dir)).find((m) => m.to === 'u001a@school.test' && m.text.includes(token));
  expect(sent?.text).toContain(`a=optout&t=${token}`);
  expect(letter?.Состояние).toBe('отправлено');
  expect(letter?.Текст).toBe('');

  const ask = ws.run('doGet', { parameter: { a: 'optout', t: token } }) as { getContent(): string };
  expect(ask.getContent()).toContain('Не присылать');
  expect(
    (seed.run('readSheet', 'Наставляемые') as Row[]).find((r) => r.ID === 'U001a')?.['Без рассылок'],
  ).not.toBe('да');
  ws.run('doGet', { parameter: { a: 'optout', t: token, confirm: '1' } });
  expect(
    (seed.run('readSheet', 'Наставляемые') as Row[]).find((r) => r.ID === 'U001a')?.['Без рассылок'],
  ).toBe('да');

  const before = (await outbox(dir)).length;
  ws.advanceClock('50d');
  const later = (await outbox(dir)).slice(before);
  expect(later.filter((m) => m.to === 'u001a@school.test')).toEqual([]);
  expect(
    later.filter((m) => m.to === 'u001b@school.test' && m.subject.startsWith('Напоминание')).length,
  ).toBeGreaterThan(0);
  const skipped = (seed.run('readSheet', 'Почта') as Row[]).filter(
    (r) => r.Кому === 'u001a@school.test' && r.Состояние === 'отказ от рассылки',
  );
  expect(skipped.length).toBeGreaterThan(0);
  const journal = seed.run('readSheet', 'Журнал') as Row[];
  expect(journal.some((r) => r.Событие === 'Отказ от рассылки' && String(r.Кто).includes('U001a'))).toBe(
    true,
  );
}, 300_000);
