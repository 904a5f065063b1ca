// Attack: every top-level function of the bundle could be called through google.script.run from the
// public web-app page, with the school account's rights. Now each one checks its caller first.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalWorkspace } from '../../src/local';
import { SpreadsheetStore } from '../../src/local/spreadsheet/store';

const root = join(__dirname, '..', '..');
const bin = join(root, 'bin', 'nastavnik.cjs');
const entryPoints = JSON.parse(readFileSync(join(root, 'dist', 'entrypoints.json'), 'utf8')) as string[];

function localRun(ws: string, ...args: string[]) {
  return spawnSync(process.execPath, [bin, 'local', 'run', ws, ...args], { encoding: 'utf8' });
}

/** Everything a refused call might have changed: every sheet, the triggers, the Drive files, the letters. */
async function snapshot(dir: string): Promise<string> {
  const ws = await LocalWorkspace.open(dir);
  const store = SpreadsheetStore.of(ws.ctx);
  store.reload();
  const sheets = store
    .ids()
    .flatMap((id) => (store.model(id)?.sheets ?? []).map((s) => [id, s.name, s.values]));
  const status = ws.status();
  return JSON.stringify({
    sheets,
    triggers: ws.triggers(),
    emails: status.emails,
  });
}

describe('callers of the entry points', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nastavnik-access-'));
  const ws = join(dir, 'ws');

  beforeAll(() => {
    execFileSync(process.execPath, [bin, 'local', 'init', ws, '--curator', 'curator@school.local']);
  });

  it('lists every entry point of the bundle', () => {
    expect(entryPoints.length).toBeGreaterThanOrEqual(30);
    expect(entryPoints).toEqual(expect.arrayContaining(['approvePairs', 'pairsReviewData', 'doGet']));
  });

  it('attack «any global through google.script.run»: an anonymous web visitor is refused by every entry point and changes nothing', async () => {
    const before = await snapshot(ws);
    for (const name of entryPoints) {
      const out = localRun(ws, name, '--as', 'anonymous');
      const text = `${name}: ${out.stdout}${out.stderr}`;
      expect(text).toMatch(/нет доступа/i);
      if (name === 'doGet') {
        expect(out.stdout).toContain('[страница]');
        expect(out.status).toBe(0);
      } else {
        expect(text).toContain(`ОШИБКА: «${name}»: нет доступа`);
        expect(out.status).toBe(1);
      }
    }
    expect(await snapshot(ws)).toBe(before);
  });

  it('attack «forged trigger event»: an event naming no trigger of the project is refused', async () => {
    const before = await snapshot(ws);
    for (const name of ['dailyRun', 'deliverMail', 'onQuestionnaireSubmit', 'continueDocumentGeneration']) {
      const out = localRun(ws, name, '--as', 'anonymous', JSON.stringify({ triggerUid: '1234567890' }));
      expect(out.stdout).toContain(`«${name}»: нет доступа`);
      expect(out.status).toBe(1);
    }
    const opening = localRun(
      ws,
      'onOpen',
      '--as',
      'anonymous',
      JSON.stringify({ authMode: 'LIMITED', source: {} }),
    );
    expect(opening.stdout).toContain('«onOpen»: нет доступа');
    expect(await snapshot(ws)).toBe(before);
  });

  it('a signed-in stranger who is not an editor of the spreadsheet is refused; the curator is not', () => {
    const stranger = localRun(ws, 'pairsReviewData', '--as', 'stranger@example.com');
    expect(stranger.stdout).toContain('«pairsReviewData»: нет доступа');
    expect(stranger.status).toBe(1);
    const curator = localRun(ws, 'pairsReviewData', '--as', 'curator@school.local');
    expect(curator.stdout).not.toMatch(/нет доступа/);
    expect(curator.status).toBe(0);
  });

  it('an event naming a trigger the project has installed is accepted without a Google session', async () => {
    const uid = (await LocalWorkspace.open(ws)).triggers().find((t) => t.handler === 'dailyRun')?.uid;
    expect(uid).toBeDefined();
    const out = localRun(ws, 'dailyRun', '--as', 'anonymous', JSON.stringify({ triggerUid: uid }));
    expect(out.stdout).not.toMatch(/нет доступа/);
    expect(out.status).toBe(0);
  });

  it('a genuine installed trigger still runs when the clock fires it', async () => {
    const workspace = await LocalWorkspace.open(ws);
    const fired = workspace.advanceClock('1d');
    expect(fired.map((s) => s.functionName)).toContain('dailyRun');
    expect(fired.every((s) => s.ok)).toBe(true);
  });
});
