// Настройки: a key–value sheet the curator edits. Each feature declares its own settings with a
// Russian name, a default written at setup, a help text and a zod parser; reading validates every
// value and reports a Russian message for a bad one instead of failing the whole run.
import type * as z from 'zod';
import { cellColumn, defineSheet, type Row, textColumn } from './schema';
import { SHEETS } from './sheets';
import type { CellValue } from './table';

export const SETTINGS = defineSheet(SHEETS.settings, {
  name: textColumn('Параметр'),
  value: cellColumn('Значение'),
  help: cellColumn('Пояснение'),
});
export const SETTINGS_HEADERS = SETTINGS.headers;

/** The rows of Настройки as name → cell, the input of readSettings. */
export function settingCells(rows: readonly Row<typeof SETTINGS>[]): Map<string, CellValue> {
  const cells = new Map<string, CellValue>();
  for (const r of rows) if (r.values.name) cells.set(r.values.name, r.values.value);
  return cells;
}

export interface SettingDef<T> {
  /** The name curators see in column «Параметр»; never rename once shipped (it is the key). */
  name: string;
  help: string;
  /** Default as written into the sheet at setup (Russian text, numbers, dates). */
  defaultCell: CellValue;
  /** Builds the parser; called once per execution, on the first read of this setting. */
  parse: () => z.ZodType<T, CellValue>;
}

export type SettingDefs = Record<string, SettingDef<unknown>>;
export type SettingValues<D extends SettingDefs> = {
  [K in keyof D]: D[K] extends SettingDef<infer T> ? T : never;
};

export interface SettingsReadResult<D extends SettingDefs> {
  values: SettingValues<D>;
  /** Russian messages for values that did not parse; the default is used for those. */
  problems: string[];
}

// The bundle is evaluated afresh at the start of every Apps Script execution, so parsers are built
// when first read rather than at module load; each factory runs once per execution.
const parsers = new WeakMap<() => z.ZodType<unknown, CellValue>, z.ZodType<unknown, CellValue>>();

function parserOf<T>(def: SettingDef<T>): z.ZodType<T, CellValue> {
  const cached = parsers.get(def.parse);
  if (cached) return cached as z.ZodType<T, CellValue>;
  const built = def.parse();
  parsers.set(def.parse, built);
  return built;
}

export function defineSettings<D extends { [K in keyof D]: SettingDef<unknown> }>(defs: D): D {
  return defs;
}

/** Reads the settings from Настройки rows (name → cell). Missing values fall back to defaults. */
export function readSettings<D extends SettingDefs>(
  defs: D,
  cells: ReadonlyMap<string, CellValue>,
): SettingsReadResult<D> {
  const values: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [key, def] of Object.entries(defs)) {
    const raw = cells.has(def.name) && cells.get(def.name) !== '' ? cells.get(def.name)! : def.defaultCell;
    const parser = parserOf(def);
    const parsed = parser.safeParse(raw);
    if (parsed.success) {
      values[key] = parsed.data;
    } else {
      problems.push(
        `Настройка «${def.name}»: значение «${String(raw)}» не подходит (${parsed.error.issues[0]?.message ?? 'ошибка'}); взято значение по умолчанию «${String(def.defaultCell)}».`,
      );
      values[key] = parser.parse(def.defaultCell);
    }
  }
  return { values: values as SettingValues<D>, problems };
}
