// Every setting of every feature checked at once: the «Проблема» column of Настройки is rewritten
// where it changed (when the curator types a value, at setup and at every daily run), and the list
// goes into the curator's digest and `local status`. A job that cannot run with a bad value stops and
// says so instead of failing again and again (see documents/generate.ts).
import { monitoringSettings } from '../core/monitoring/settings';
import { readSettings, readSettingValues, type SettingIssue, settingCells } from '../core/settings';
import type { CellValue } from '../core/table';
import { settingSections } from './features';
import { settingsTable } from './settingsSheet';

/** Problems of all settings, from cells already read. */
export function settingIssues(cells: ReadonlyMap<string, CellValue>): SettingIssue[] {
  const district = readSettingValues(monitoringSettings, ['mode'], cells).mode === 'муниципалитет';
  return settingSections().flatMap((defs) => readSettings(defs, cells, { district }).issues);
}

/** Checks Настройки and writes «Проблема» beside each value; returns the problems found. */
export function checkSettings(): SettingIssue[] {
  const table = settingsTable();
  const rows = table.read();
  const issues = settingIssues(settingCells(rows));
  const problemOf = new Map(issues.map((i) => [i.name, i.problem]));
  const updates = rows
    .filter((r) => String(r.values.problem ?? '') !== (problemOf.get(r.values.name) ?? ''))
    .map((r) => ({ rowNumber: r.rowNumber, values: { problem: problemOf.get(r.values.name) ?? '' } }));
  table.write(updates);
  return issues;
}

/** «Почта: адрес куратора — …» lines for the digest and toasts. */
export const issueLines = (issues: readonly SettingIssue[]): string[] =>
  issues.map((i) => `«${i.name}»: ${i.problem}`);
