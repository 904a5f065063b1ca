// Reads and seeds the Настройки sheet. Each feature declares its setting sections (src/gas/features.ts);
// setup writes the defaults of any setting not yet in the sheet, in the order of the feature list.

import type { RowPatch } from '../core/schema';
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
  return settingCells(SheetTable.openRead(SETTINGS).read());
}

export function loadSettings<D extends SettingDefs>(
  defs: D,
  cells = readSettingCells(),
): SettingsReadResult<D> {
  return readSettings(defs, cells);
}

/** A group of Настройки: a title row, then its settings. */
export interface SettingGroup {
  title: string;
  defs: readonly SettingDefs[];
}

/** The title of the first group: what only the school knows, to be filled before anything else. */
export const REQUIRED_GROUP = 'Обязательно заполнить';
const GROUP_HELP = 'Раздел настроек';

/** Title rows of the groups: no value, «Раздел настроек» as their help. */
export const isGroupRow = (values: { value: CellValue; help: CellValue }): boolean =>
  values.value === '' && values.help === GROUP_HELP;

/**
 * Appends defaults for settings missing from the sheet, group by group, the required ones first under
 * «Обязательно заполнить»; never changes a value the curator set.
 */
export function seedSettings(groups: readonly SettingGroup[]): number {
  const table = settingsTable();
  const present = new Set(table.read().map((r) => r.values.name));
  const all = groups.flatMap((g) => g.defs.flatMap((defs) => Object.values(defs)));
  const ordered: SettingGroup[] = [
    {
      title: REQUIRED_GROUP,
      defs: [Object.fromEntries(all.filter((d) => d.required).map((d) => [d.name, d]))],
    },
    ...groups.map((g) => ({
      title: g.title,
      defs: g.defs.map((defs) => Object.fromEntries(Object.entries(defs).filter(([, d]) => !d.required))),
    })),
  ];
  const appends: RowPatch<typeof SETTINGS>[] = [];
  let added = 0;
  for (const group of ordered) {
    const fresh = group.defs.flatMap((defs) => Object.values(defs)).filter((d) => !present.has(d.name));
    if (fresh.length === 0) continue;
    if (!present.has(group.title))
      appends.push({ name: group.title, value: '', problem: '', help: GROUP_HELP });
    for (const def of fresh)
      appends.push({ name: def.name, value: def.defaultCell, problem: '', help: def.help });
    added += fresh.length;
  }
  table.write([], appends);
  return added;
}
