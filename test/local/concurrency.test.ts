// Several processes run executions on one workspace at once (as concurrent trigger runs do on
// Google). The script lock excludes them across processes and nothing written is lost.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { LocalWorkspace } from '../../src/local';

const SCRIPT = `
function prepare() {
  SpreadsheetApp.getActive().insertSheet('Счётчик').getRange(1, 1).setValue(0);
  SpreadsheetApp.getActive().insertSheet('Строки');
}
function increment() {
  var lock = LockService.getScriptLock();
  lock.waitLock(30000);
  var cell = SpreadsheetApp.getActive().getSheetByName('Счётчик').getRange(1, 1);
  var seen = Number(cell.getValue());
  Utilities.sleep(2);
  cell.setValue(seen + 1);
  SpreadsheetApp.flush();
  lock.releaseLock();
}
function append(who) {
  SpreadsheetApp.getActive().getSheetByName('Строки').appendRow([who]);
}
function totals() {
  var ss = SpreadsheetApp.getActive();
  return JSON.stringify({ counter: ss.getSheetByName('Счётчик').getRange(1, 1).getValue(), rows: ss.getSheetByName('Строки').getLastRow() });
}
function holdLock() { LockService.getScriptLock().waitLock(1000); Utilities.sleep(1500); }
function tryLockQuick() { return LockService.getScriptLock().tryLock(100); }
function waitLockQuick() { LockService.getScriptLock().waitLock(100); }
`;

const CHILD = `
import { LocalWorkspace } from ${JSON.stringify(join(__dirname, '..', '..', 'src', 'local'))};
const [dir, codePath, fn, times, who] = process.argv.slice(2);
(async () => {
  const ws = await LocalWorkspace.open(dir, { codePath });
  for (let i = 0; i < Number(times); i++) ws.run(fn, who);
})().catch((e) => { console.error(e); process.exit(1); });
`;

function setup() {
  const tmp = mkdtempSync(join(tmpdir(), 'nastavnik-lock-'));
  const codePath = join(tmp, 'script.js');
  writeFileSync(codePath, SCRIPT);
  const childTs = join(tmp, 'child.ts');
  writeFileSync(childTs, CHILD);
  const childJs = join(tmp, 'child.cjs');
  buildSync({
    entryPoints: [childTs],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    packages: 'external',
    outfile: childJs,
    logLevel: 'error',
  });
  return { dir: join(tmp, 'ws'), codePath, childJs };
}

function runChild(childJs: string, args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [childJs, ...args], {
      env: { ...process.env, NODE_PATH: join(__dirname, '..', '..', 'node_modules') },
    });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += String(d);
    });
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('executions in parallel processes', () => {
  it('lose no update made under the script lock, and no appended row even without it', async () => {
    const { dir, codePath, childJs } = setup();
    const ws = await LocalWorkspace.create(dir, { codePath });
    ws.run('prepare');
    const processes = 4;
    const times = 5;
    const results = await Promise.all(
      Array.from({ length: processes }, (_, i) =>
        Promise.all([
          runChild(childJs, [dir, codePath, 'increment', String(times), `p${i}`]),
          runChild(childJs, [dir, codePath, 'append', String(times), `p${i}`]),
        ]),
      ),
    );
    expect(results.flat().map((r) => r.stderr)).toEqual(new Array(processes * 2).fill(''));
    const reopened = await LocalWorkspace.open(dir, { codePath });
    expect(JSON.parse(String(reopened.run('totals')))).toEqual({
      counter: processes * times,
      rows: processes * times,
    });
  });

  it('makes another process wait: tryLock answers false and waitLock throws Google text', async () => {
    const { dir, codePath, childJs } = setup();
    const ws = await LocalWorkspace.create(dir, { codePath });
    const holder = runChild(childJs, [dir, codePath, 'holdLock', '1', '']);
    const lockFile = join(dir, '.locks', 'script.lock');
    while (!existsSync(lockFile)) await new Promise((r) => setTimeout(r, 20));
    expect(ws.run('tryLockQuick')).toBe(false);
    expect(() => ws.run('waitLockQuick')).toThrow(
      'Lock timeout: another process was holding the lock for too long.',
    );
    expect((await holder).code).toBe(0);
    expect(ws.run('tryLockQuick')).toBe(true);
  });
});
