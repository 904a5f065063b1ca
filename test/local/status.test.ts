// `nastavnik local status`: the programme's figures come from the script itself (the bases, pairs,
// documents and the Журнал events that report an error or a rejection), the rest from the workspace.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SEED_SCRIPT } from '../../bench/schools/seedScript';
import { localCommand } from '../../src/cli/local';
import { LocalWorkspace } from '../../src/local';

async function status(dir: string): Promise<Record<string, unknown>> {
  let out = '';
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  try {
    expect(await localCommand(['status', dir, '--json'])).toBe(0);
  } finally {
    spy.mockRestore();
  }
  return JSON.parse(out);
}

test('status counts what the sheets hold and the Журнал errors, and leaves no run behind', async () => {
  const dir = join(mkdtempSync(join(tmpdir(), 'nastavnik-status-')), 'школа');
  const ws = await LocalWorkspace.create(dir, { clockStart: new Date('2026-09-01T06:00:00Z') });
  ws.init();
  const seed = await LocalWorkspace.open(dir, { code: SEED_SCRIPT });
  seed.run('appendRecords', 'Наставники', [{ ID: 'T1' }, { ID: 'T2' }]);
  seed.run('appendRecords', 'Наставляемые', [{ ID: 'S1' }, { ID: 'S2' }, { ID: 'S3' }]);
  seed.run('appendRecords', 'Пары', [{ 'ID пары': 'P1' }]);
  seed.run('appendRecords', 'Журнал', [
    { Событие: 'Анкета наставника: ошибка обработки' },
    { Событие: 'Отклонено: нет согласия' },
    { Событие: 'Анкета принята' },
  ]);
  await seed.save();
  const clock = ws.now().toISOString();

  const figures = await status(dir);
  expect(figures).toMatchObject({ mentors: 2, mentees: 3, pairs: 1, documents: 0, errors: 2, emails: 0 });
  expect(figures.year).toBe('2026-2027');
  expect(figures.archive).toEqual([]);
  expect(figures.now).toBe(clock);
  expect((await status(dir)).now).toBe(clock);
});
