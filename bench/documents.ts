// Documents for 30 approved pairs of minors (1 order, 30 agreements, 30 plans, 60 consents) made in
// the offline workspace: documents per minute and service calls per document. Each call costs far
// more on Apps Script than here, which is why a run stops at its time budget and a trigger continues.
import { rmSync } from 'node:fs';
import type { BenchSuite } from './index';
import { schoolWithApprovedPairs } from './schools/documents';

export const documentsBench: BenchSuite = {
  name: 'Документы: 30 пар — приказ, соглашения, планы, согласия',
  run: async () => {
    const { dir, ws } = await schoolWithApprovedPairs(28);
    try {
      const first = ws.execute('generateDocumentsForApprovedPairs', () => []);
      const runs = [first.stats];
      for (let i = 0; i < 50 && ws.triggers().some((t) => t.handler === 'continueDocumentGeneration'); i++)
        runs.push(...ws.advanceClock('2m'));
      const made = ws.sheetRows('Документы').filter((r) => r.includes('готов')).length;
      const calls = runs.reduce((n, r) => n + r.totalCalls, 0);
      const ms = runs.reduce((n, r) => n + r.elapsedMs, 0);
      const byService = new Map<string, number>();
      for (const r of runs)
        for (const [k, v] of Object.entries(r.calls))
          byService.set(k.split('.')[0], (byService.get(k.split('.')[0]) ?? 0) + v);
      console.log(
        `  документов ${made} за ${runs.length} запуск(а), ${(ms / 1000).toFixed(1)} с: ${((made / ms) * 60_000).toFixed(0)} документов в минуту`,
      );
      console.log(
        `  вызовов сервисов ${calls} (${(calls / made).toFixed(1)} на документ: ${[...byService].map(([k, v]) => `${k} ${(v / made).toFixed(1)}`).join(', ')})`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
