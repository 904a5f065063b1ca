import { LocalWorkspace } from '../../src/local';
import { copyOf, schoolBeforeDecember } from './fixtures';
import { SEED_SCRIPT } from './seedScript';
test('probe', async () => {
  const { dir: prepared } = await schoolBeforeDecember(3);
  const { dir, ws } = await copyOf(prepared, { faults: { failRate: 0.02, seed: 7, services: ['SpreadsheetApp', 'MailApp'] } });
  const runs = ws.advanceClock('15d');
  console.log(runs.map((r) => `${r.functionName} ${r.startedAt ?? ''} ok=${r.ok} ${r.error ?? ''}`).join('\n'));
  const seed = await LocalWorkspace.open(dir, { code: SEED_SCRIPT });
  const rows = seed.run('readSheet', 'Почта') as Record<string, unknown>[];
  console.log(rows.filter((r) => r['Состояние'] !== 'отправлено').map((r) => JSON.stringify({ ...r, Текст: '', HTML: '' })).join('\n'));
}, 300000);
