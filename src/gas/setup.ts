// «Настроить программу»: creates what the school needs and is safe to run again. Under the script
// lock: Журнал first (every feature writes to it), then the features' setup steps in the order given
// (the feature list's), then the defaults of settings not yet in Настройки.
import { JOURNAL } from '../core/intake/journal';
import type { SettingDefs } from '../core/settings';
import type { SetupStep } from './feature';
import { withScriptLock } from './lock';
import { seedSettings } from './settingsSheet';
import { ensureSheet } from './sheetTable';

export function runSetup(steps: readonly SetupStep[], sections: readonly SettingDefs[]): string[] {
  return withScriptLock(() => {
    ensureSheet(JOURNAL);
    const report: string[] = [];
    for (const step of steps) {
      const note = step.run();
      if (note) report.push(note);
    }
    const seeded = seedSettings(sections);
    if (seeded > 0) report.push(`Настройки: добавлено параметров — ${seeded}`);
    return report;
  });
}
