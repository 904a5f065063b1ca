// The December run of a school with 100 groups (300 participants): 300 survey invitations go out in
// one daily run. Service calls per letter show what the send log costs (a batch of letters is marked,
// flushed and settled together: exactly-once costs two writes and a flush per batch, not per letter);
// on Apps Script each call costs far more than here,
// which is why sending stops at a time budget and a continuation trigger carries on.
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchSuite } from './index';
import { schoolBeforeDecember } from './schools/december';

export const mailBench: BenchSuite = {
  name: 'Почта: 300 приглашений в один день',
  run: async () => {
    const { dir, ws } = await schoolBeforeDecember(100, { mailQuota: 1500 });
    try {
      const december = ws
        .advanceClock('1d')
        .filter((r) => r.functionName === 'dailyRun' || r.functionName === 'deliverMail');
      const sent = readdirSync(join(dir, 'outbox')).filter((f) => f.endsWith('.eml')).length;
      const calls = december.reduce((n, r) => n + r.totalCalls, 0);
      const ms = december.reduce((n, r) => n + r.elapsedMs, 0);
      const quiet = ws.advanceClock('1d').find((r) => r.functionName === 'dailyRun');
      console.log(
        `  1 декабря: писем ${sent}, запусков ${december.length}, вызовов сервисов ${calls} (${(calls / sent).toFixed(1)} на письмо), ${ms.toFixed(0)} мс (${(ms / sent).toFixed(1)} мс на письмо)`,
      );
      console.log(
        `  обычный день (планирование без писем): вызовов ${quiet?.totalCalls ?? 0}, ${quiet?.elapsedMs.toFixed(0) ?? 0} мс`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
