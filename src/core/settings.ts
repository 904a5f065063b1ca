// Настройки: a key–value sheet the curator edits. Each feature declares its own settings with a
// Russian name, a default written at setup, a help text and a zod parser; reading validates every
// value and reports a Russian message for a bad one instead of failing the whole run.
import * as z from 'zod/mini';
import { cellColumn, defineSheet, type Row, textColumn } from './schema';
import { SHEETS } from './sheets';
import type { CellValue } from './table';

export const SETTINGS = defineSheet(SHEETS.settings, {
  name: textColumn('Параметр'),
  value: cellColumn('Значение'),
  problem: cellColumn('Проблема'),
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
  parse: () => z.ZodMiniType<T, CellValue>;
  /**
   * A value only the school knows (its name, director, curator): the default is empty, the row sits
   * in the first group of Настройки, and an empty value is a problem. «школа» — required in a
   * school's workbook only; «всегда» — in a district's workbook too. The parser must accept ''.
   */
  required?: 'школа' | 'всегда';
}

export type SettingDefs = Record<string, SettingDef<unknown>>;
export type SettingValues<D extends SettingDefs> = {
  [K in keyof D]: D[K] extends SettingDef<infer T> ? T : never;
};

export interface SettingIssue<K extends string = string> {
  key: K;
  /** The setting's name in «Параметр». */
  name: string;
  /** Short Russian text for the «Проблема» column. */
  problem: string;
}

export interface SettingsReadResult<D extends SettingDefs> {
  values: SettingValues<D>;
  /** Russian messages for values that did not parse or are missing; the default is used for those. */
  problems: string[];
  /** The same, one per setting, for the «Проблема» column and for jobs that cannot run without it. */
  issues: SettingIssue<keyof D & string>[];
}

export const EMPTY_REQUIRED = 'не заполнено — заполните, без этого значения часть работы стоит';

export interface ReadOptions {
  /** A district workbook does not need the school's own settings (required: «школа»). */
  district?: boolean;
}

// The bundle is evaluated afresh at the start of every Apps Script execution, so parsers are built
// when first read rather than at module load; each factory runs once per execution.
const parsers = new WeakMap<() => z.ZodMiniType<unknown, CellValue>, z.ZodMiniType<unknown, CellValue>>();

function parserOf<T>(def: SettingDef<T>): z.ZodMiniType<T, CellValue> {
  const cached = parsers.get(def.parse);
  if (cached) return cached as z.ZodMiniType<T, CellValue>;
  const built = def.parse();
  parsers.set(def.parse, built);
  return built;
}

/**
 * Inside a setting's z.transform: records `message` as the reason the value does not fit (it becomes
 * the «Проблема»); the answered value is never used.
 */
export function reject(ctx: z.core.ParsePayload, message: string): never {
  ctx.issues.push({ code: 'custom', message, input: ctx.value });
  return z.NEVER;
}

export function defineSettings<D extends { [K in keyof D]: SettingDef<unknown> }>(defs: D): D {
  return defs;
}

/** Reads the settings from Настройки rows (name → cell). Missing values fall back to defaults. */
export function readSettings<D extends SettingDefs>(
  defs: D,
  cells: ReadonlyMap<string, CellValue>,
  options: ReadOptions = {},
): SettingsReadResult<D> {
  const values: Record<string, unknown> = {};
  const problems: string[] = [];
  const issues: SettingIssue<keyof D & string>[] = [];
  for (const [key, def] of Object.entries(defs) as Array<[keyof D & string, SettingDef<unknown>]>) {
    const typed = cells.get(def.name);
    const empty = typed === undefined || (typeof typed === 'string' && typed.trim() === '');
    const raw = empty ? def.defaultCell : typed;
    const parser = parserOf(def);
    const parsed = parser.safeParse(raw);
    if (parsed.success) {
      values[key] = parsed.data;
      const needed = def.required === 'всегда' || (def.required === 'школа' && !options.district);
      if (needed && empty) {
        issues.push({ key, name: def.name, problem: EMPTY_REQUIRED });
        problems.push(`Настройка «${def.name}» не заполнена.`);
      }
    } else {
      const reason = parsed.error.issues[0]?.message ?? 'ошибка';
      issues.push({ key, name: def.name, problem: `«${String(raw)}» не подходит: ${reason}` });
      const fallback = def.defaultCell === '' ? 'оставлено пустым' : `взято «${String(def.defaultCell)}»`;
      problems.push(
        `Настройка «${def.name}»: значение «${String(raw)}» не подходит (${reason}); ${fallback}.`,
      );
      values[key] = parser.parse(def.defaultCell);
    }
  }
  return { values: values as SettingValues<D>, problems, issues };
}

/**
 * The values of only `keys` among `defs`, for a caller that needs a few of them (a letter's sender,
 * the workbook's mode): the others are neither built nor parsed. Problems are the full read's business.
 */
export function readSettingValues<D extends SettingDefs, K extends keyof D & string>(
  defs: D,
  keys: readonly K[],
  cells: ReadonlyMap<string, CellValue>,
): Pick<SettingValues<D>, K> {
  const picked: SettingDefs = {};
  for (const key of keys) picked[key] = defs[key];
  return readSettings(picked, cells).values as Pick<SettingValues<D>, K>;
}

/** The first problem among the given settings, for a job that cannot run without them. */
export function blockingIssues<D extends SettingDefs>(
  result: SettingsReadResult<D>,
  keys: ReadonlyArray<keyof D & string>,
): SettingIssue[] {
  return result.issues.filter((i) => keys.includes(i.key));
}

/** «Документы остановлены: …» — one sentence naming the settings to fix. */
export function blockedMessage(job: string, issues: readonly SettingIssue[]): string {
  const list = issues.map((i) => `«${i.name}» (${i.problem})`).join('; ');
  return `${job} остановлено до исправления в листе «Настройки»: ${list}. Исправьте значение — работа продолжится сама при следующем запуске.`;
}
