// «Настроить программу»: creates what the school needs and is safe to run again. Under the script
// lock: Журнал first (every feature writes to it), then the features' setup steps in the order given
// (the feature list's), then the workbook's on-edit trigger; the defaults of settings not yet in
// Настройки come before the steps.
import { JOURNAL } from '../core/intake/journal';
import { plural } from '../core/russianPlural';
import type { SetupStep } from './feature';
import { withScriptLock } from './lock';
import { checkSettings } from './settingsCheck';
import { type SettingGroup, seedSettings } from './settingsSheet';
import { ensureSheet } from './sheetTable';
import { setupWorkbookEditTrigger } from './workbookEdit';
import { applyWorkbookLook } from './workbookLook';

export function runSetup(steps: readonly SetupStep[], groups: readonly SettingGroup[]): string[] {
  return withScriptLock(() => {
    ensureSheet(JOURNAL);
    const report: string[] = [];
    // Settings first: the groups stay at the top, rows that steps write (links to forms) come after.
    const seeded = seedSettings(groups);
    if (seeded > 0) report.push(`Настройки: добавлено параметров — ${seeded}`);
    for (const step of steps) {
      const note = step.run();
      if (note) report.push(note);
    }
    const edits = setupWorkbookEditTrigger();
    if (edits) report.push(edits);
    applyWorkbookLook();
    const issues = checkSettings();
    if (issues.length > 0)
      report.push(
        `Настройки: ${issues.length} ${plural(issues.length, 'значение требует', 'значения требуют', 'значений требуют')} внимания (столбец «Проблема»), начните с раздела «Обязательно заполнить».`,
      );
    return report;
  });
}
