// «Собрать отчёты» over a district of 30 generated schools in the offline workspace: the time of
// one collection and the Apps Script service calls it makes, per school. Real Sheets calls cost
// tens of milliseconds each, so the calls per school are what decides the 6-minute budget.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedDistrict } from '../src/cli/districtSample';
import { LocalWorkspace } from '../src/local';
import type { BenchSuite } from './index';

const SCHOOLS = 30;

export const districtBench: BenchSuite = {
  name: `Район: собрать отчёты ${SCHOOLS} школ`,
  run: async () => {
    const work = mkdtempSync(join(tmpdir(), 'nastavnik-bench-district-'));
    try {
      const ws = await LocalWorkspace.create(join(work, 'district'), {
        clockStart: new Date('2026-05-20T09:00:00Z'),
      });
      const seeded = Date.now();
      seedDistrict(ws, SCHOOLS, { missing: ['Школа без доступа'] });
      console.log(`  подготовка ${SCHOOLS} таблиц школ: ${Date.now() - seeded} мс`);
      for (const action of ['collectDistrictReports', 'collectDistrictReports', 'sendDistrictProposals']) {
        ws.run(action);
        const stats = ws.lastRun;
        if (!stats) continue;
        const perSchool = (n: number) => (n / SCHOOLS).toFixed(1);
        const top = Object.entries(stats.calls)
          .sort((a, b) => b[1] - a[1])
          .slice(0, 5)
          .map(([name, n]) => `${name} ${perSchool(n)}`)
          .join(', ');
        console.log(
          `  ${action}: ${Math.round(stats.elapsedMs)} мс, вызовов ${stats.totalCalls} (на школу ${perSchool(stats.totalCalls)}: ${top})`,
        );
      }
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  },
};
