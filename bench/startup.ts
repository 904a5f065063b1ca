// What every execution pays before its first line of work: Apps Script evaluates the whole bundle
// afresh for each trigger run, form submission and menu click. Measured two ways: evaluating
// dist/Code.js in a bare V8 context (what Google's runtime does too), and a whole execution of the
// self-test in the offline workspace (context, services, state files, clock).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createContext, Script } from 'node:vm';
import { LocalWorkspace } from '../src/local';
import type { BenchSuite } from './index';

const ROUNDS = 200;

function perRound(work: () => void): number {
  for (let i = 0; i < 20; i++) work();
  const started = performance.now();
  for (let i = 0; i < ROUNDS; i++) work();
  return (performance.now() - started) / ROUNDS;
}

export const startupBench: BenchSuite = {
  name: 'Запуск скрипта: вычисление dist/Code.js',
  run: async () => {
    const root = join(__dirname, '..');
    spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { stdio: 'ignore' });
    const source = readFileSync(join(root, 'dist', 'Code.js'), 'utf8');
    const script = new Script(source, { filename: 'Code.js' });
    const evaluation = perRound(() => script.runInContext(createContext({})));
    const dir = mkdtempSync(join(tmpdir(), 'nastavnik-bench-startup-'));
    try {
      const ws = await LocalWorkspace.create(dir);
      const execution = perRound(() => {
        if (!ws.execute('selfTest').stats.ok) throw new Error(ws.lastRun?.error);
      });
      console.log(
        `  скрипт ${(source.length / 1024).toFixed(0)} КБ: вычисление ${evaluation.toFixed(1)} мс; пустой запуск в офлайн-копии целиком ${execution.toFixed(1)} мс`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
