// «Настроить программу»: creates what the school needs and is safe to run again. Each feature adds
// a step to SETUP_STEPS; steps run in order under the script lock and must be idempotent.

import { JOURNAL } from '../core/intake/journal';
import { withScriptLock } from './lock';
import { seedSettings } from './settingsSheet';
import { ensureSheet } from './sheetTable';

export interface SetupStep {
  name: string;
  run: () => string | undefined;
}

export const SETUP_STEPS: SetupStep[] = [
  {
    name: 'Журнал',
    run: () => {
      ensureSheet(JOURNAL);
      return undefined;
    },
  },
];

export function runSetup(): string[] {
  return withScriptLock(() => {
    const report: string[] = [];
    for (const step of SETUP_STEPS) {
      const note = step.run();
      if (note) report.push(note);
    }
    const seeded = seedSettings();
    if (seeded > 0) report.push(`Настройки: добавлено параметров — ${seeded}`);
    return report;
  });
}
