// Reads and seeds the Настройки sheet. Each feature declares its setting sections (src/gas/features.ts);
// setup writes the defaults of any setting not yet in the sheet, in the order of the feature list.
import { readSettings, SETTINGS_HEADERS, type SettingDefs, type SettingsReadResult } from '../core/settings';
import { SHEETS } from '../core/sheets';
import type { CellValue } from '../core/table';
import { SheetTable } from './sheetTable';

function settingsTable(): SheetTable {
  return SheetTable.open(SHEETS.settings, SETTINGS_HEADERS);
}

export function readSettingCells(): Map<string, CellValue> {
  const cells = new Map<string, CellValue>();
  for (const r of settingsTable().read()) {
    const name = String(r.values[SETTINGS_HEADERS[0]] ?? '').trim();
    if (name) cells.set(name, r.values[SETTINGS_HEADERS[1]] ?? '');
  }
  return cells;
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
  const present = new Set(table.read().map((r) => String(r.values[SETTINGS_HEADERS[0]]).trim()));
  const appends = sections
    .flatMap((defs) => Object.values(defs))
    .filter((def) => !present.has(def.name))
    .map((def) => ({
      [SETTINGS_HEADERS[0]]: def.name,
      [SETTINGS_HEADERS[1]]: def.defaultCell,
      [SETTINGS_HEADERS[2]]: def.help,
    }));
  table.write([], appends);
  return appends.length;
}
