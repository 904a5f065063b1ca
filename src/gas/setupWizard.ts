// The first-run wizard: a dialog with one labelled field per setting of «Обязательно заполнить»,
// checked by the same parsers as the sheet, so the curator can start without reading 80 rows of
// Настройки. Valid values are written into Настройки (the sheet stays the single source of truth);
// a value that does not fit is not written, and its field says why.
import * as z from 'zod/mini';
import { emailSetting } from '../core/documents/settings';
import { lazySchema } from '../core/lazySchema';
import { readSettings, SETTINGS, type SettingDef, settingCells } from '../core/settings';
import type { CellValue } from '../core/table';
import { settingGroups } from './features';
import { isDistrictMode } from './monitoring/mode';
import { checkSettings } from './settingsCheck';
import { seedSettings, settingsTable } from './settingsSheet';
import { WIZARD_HTML } from './setupWizardHtml';
import { readSheet } from './sheetTable';

export const WIZARD_TITLE = 'Первый запуск: обязательные настройки';

export interface WizardField {
  key: string;
  /** The setting's name in «Параметр», the field's label. */
  label: string;
  help: string;
  value: string;
  /** Why the value in the sheet does not fit, or '' . */
  problem: string;
  type: 'email' | 'text';
}

export interface WizardResult {
  /** Names of the settings written. */
  saved: string[];
  /** Field key → Russian message, for the values not written and the fields still empty. */
  problems: Record<string, string>;
}

type Book = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The settings the wizard asks for in this workbook: a district needs only its name. */
function requiredDefs(cells: Map<string, CellValue>): Array<[string, SettingDef<unknown>]> {
  const district = isDistrictMode(cells);
  return settingGroups()
    .flatMap((g) => g.defs.flatMap((defs) => Object.entries(defs)))
    .filter(([, d]) => d.required === 'всегда' || (d.required === 'школа' && !district));
}

const shown = (cell: CellValue | undefined): string =>
  cell === undefined || cell === null ? '' : cell instanceof Date ? cell.toISOString() : String(cell);

/** A Russian message for one value, or '' when it fits. */
function problemOf(key: string, def: SettingDef<unknown>, value: string): string {
  if (value.trim() === '') return 'Заполните это поле.';
  const issue = readSettings({ [key]: def }, new Map([[def.name, value]])).issues[0];
  if (!issue) return '';
  const reason = issue.problem.replace(/^«[^»]*» не подходит: /, '');
  return `Не подходит: ${reason}.`;
}

/** The wizard's fields with what Настройки holds now. */
export function wizardFields(book: Book = SpreadsheetApp.getActive()): WizardField[] {
  const cells = settingCells(readSheet(book, SETTINGS));
  return requiredDefs(cells).map(([key, def]) => {
    const value = shown(cells.get(def.name)).trim();
    return {
      key,
      label: def.name,
      help: def.help,
      value,
      problem: value === '' ? '' : problemOf(key, def, value),
      type: def.parse === emailSetting ? 'email' : 'text',
    };
  });
}

/** True when a setting of «Обязательно заполнить» is empty or wrong: the wizard is worth offering. */
export function wizardNeeded(book: Book = SpreadsheetApp.getActive()): boolean {
  if (!book.getSheetByName(SETTINGS.name)) return false;
  return wizardFields(book).some((f) => f.value === '' || f.problem !== '');
}

const submittedSchema = lazySchema(() =>
  z.record(
    z.string(),
    z
      .string({ error: 'форма прислала не то, что ожидалось' })
      .check(z.maxLength(500, 'слишком длинное значение')),
    { error: 'форма прислала не то, что ожидалось' },
  ),
);

/** Writes the values that fit into Настройки; reports the rest field by field. */
export function saveWizard(submitted: unknown): WizardResult {
  const parsed = submittedSchema().safeParse(submitted);
  if (!parsed.success) throw new Error(`Значения не приняты: ${parsed.error.issues[0]?.message}.`);
  const table = settingsTable();
  let rows = table.read();
  const defs = requiredDefs(settingCells(rows));
  if (defs.some(([, d]) => !rows.some((r) => r.values.name === d.name))) {
    seedSettings(settingGroups());
    rows = table.read();
  }
  const problems: Record<string, string> = {};
  const saved: string[] = [];
  const updates: Array<{ rowNumber: number; values: { value: CellValue } }> = [];
  for (const [key, def] of defs) {
    const value = (parsed.data[key] ?? '').trim();
    const problem = problemOf(key, def, value);
    if (problem) {
      problems[key] = problem;
      continue;
    }
    const row = rows.find((r) => r.values.name === def.name);
    if (!row || shown(row.values.value).trim() === value) continue;
    updates.push({ rowNumber: row.rowNumber, values: { value } });
    saved.push(def.name);
  }
  table.write(updates);
  checkSettings();
  return { saved, problems };
}

export function wizardDialog(): GoogleAppsScript.HTML.HtmlOutput {
  return HtmlService.createHtmlOutput(WIZARD_HTML)
    .setTitle(WIZARD_TITLE)
    .setWidth(560)
    .setHeight(640)
    .addMetaTag('viewport', 'width=device-width, initial-scale=1');
}
