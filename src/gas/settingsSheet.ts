// Reads and seeds the Настройки sheet. Each feature declares its setting sections (src/gas/features.ts);
// setup writes the defaults of any setting not yet in the sheet, in the order of the feature list.
import {
  readSettings,
  SETTINGS,
  type SettingDefs,
  type SettingsReadResult,
  settingCells,
} from '../core/settings';
import type { CellValue } from '../core/table';
import { SheetTable } from './sheetTable';

export function settingsTable(): SheetTable<typeof SETTINGS> {
  return SheetTable.open(SETTINGS);
}

export function readSettingCells(): Map<string, CellValue> {
  return settingCells(settingsTable().read());
}

export function loadSettings<D extends SettingDefs>(
  defs: D,
  cells = readSettingCells(),
): SettingsReadResult<D> {
  return readSettings(defs, cells);
}

/** Appends defaults for settings missing from the sheet; never changes a value the curator set. */
export function seedSettings(sections: readonly SettingDefs[]): number {
  const table = settingsTable();
  const present = new Set(table.read().map((r) => r.values.name));
  const appends = sections
    .flatMap((defs) => Object.values(defs))
    .filter((def) => !present.has(def.name))
    .map((def) => ({ name: def.name, value: def.defaultCell, help: def.help }));
  table.write([], appends);
  return appends.length;
}
