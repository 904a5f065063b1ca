// The Google-time model's price list: what one service call costs on Google, by the call's name
// ('SpreadsheetApp.Range.getValues'), plus a price per cell for range reads and writes and the fixed
// cost of starting an execution. Read from JSON (the default beside this file, or `--latency FILE`).
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import defaultTableJson from './default.json';

/** `[pattern, ms]` or `[pattern, ms, source]`: the first glob (`*` any run, `?` one character) matching the call's name wins. */
const ruleSchema = z.union([
  z.tuple([z.string(), z.number().nonnegative()]),
  z.tuple([z.string(), z.number().nonnegative(), z.string()]),
]);

export const latencyTableSchema = z.object({
  /** Google's own start of an execution, before the bundle's first line. */
  executionStartMs: z.number().nonnegative(),
  /** Script time on Google per millisecond of script time measured here (1: Google's V8 runs as fast as Node's). */
  scriptTimeFactor: z.number().nonnegative().default(1),
  /** Added per cell of the range, by call name (exact), on top of the call's rule. */
  perCellMs: z.record(z.string(), z.number().nonnegative()).default({}),
  rules: z.array(ruleSchema),
  /** Where each figure comes from, keyed by figure ('executionStartMs', 'perCellMs.<name>'); free text. */
  sources: z.record(z.string(), z.string()).default({}),
});

export type LatencyTableInput = z.input<typeof latencyTableSchema>;
export type LatencyTableData = z.output<typeof latencyTableSchema>;

/** A price list ready to charge calls: globs compiled once, each call name's price remembered. */
export class LatencyTable {
  private readonly patterns: Array<{ test: RegExp; ms: number }>;
  private readonly byName = new Map<string, number>();

  constructor(readonly data: LatencyTableData) {
    this.patterns = data.rules.map(([pattern, ms]) => ({ test: globToRegExp(pattern), ms }));
  }

  static parse(value: unknown, origin: string): LatencyTable {
    const parsed = latencyTableSchema.safeParse(value);
    if (!parsed.success)
      throw new Error(
        `Таблица задержек ${origin} не подходит: ${parsed.error.issues
          .map((i) => `${i.path.join('.') || '(корень)'}: ${i.message}`)
          .join('; ')}`,
      );
    return new LatencyTable(parsed.data);
  }

  static read(path: string): LatencyTable {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      throw new Error(`Нет файла таблицы задержек ${path}.`);
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      throw new Error(`Таблица задержек ${path} — не JSON: ${e instanceof Error ? e.message : String(e)}`);
    }
    return LatencyTable.parse(value, path);
  }

  private static defaultTable: LatencyTable | undefined;

  static default(): LatencyTable {
    LatencyTable.defaultTable ??= LatencyTable.parse(defaultTableJson, 'src/local/latency/default.json');
    return LatencyTable.defaultTable;
  }

  /**
   * What the option names: a table, a table's JSON value, a file path, or nothing: then the file
   * NASTAVNIK_LATENCY names (how `bench --latency` reaches every workspace its suites make), else the default.
   */
  static of(option: LatencyOption | undefined): LatencyTable {
    if (option === undefined) {
      const path = process.env.NASTAVNIK_LATENCY;
      return path ? LatencyTable.read(path) : LatencyTable.default();
    }
    if (option instanceof LatencyTable) return option;
    if (typeof option === 'string') return LatencyTable.read(option);
    return LatencyTable.parse(option, '(параметр latency)');
  }

  get executionStartMs(): number {
    return this.data.executionStartMs;
  }

  get scriptTimeFactor(): number {
    return this.data.scriptTimeFactor;
  }

  /** Milliseconds one call costs on Google; `cells`: the size of the range it reads or writes. */
  charge(name: string, cells = 0): number {
    let ms = this.byName.get(name);
    if (ms === undefined) {
      ms = this.patterns.find((p) => p.test.test(name))?.ms ?? 0;
      this.byName.set(name, ms);
    }
    const perCell = cells > 0 ? this.data.perCellMs[name] : undefined;
    return perCell === undefined ? ms : ms + perCell * cells;
  }
}

export type LatencyOption = LatencyTable | LatencyTableInput | string;

export function globToRegExp(glob: string): RegExp {
  let source = '';
  for (const ch of glob) {
    if (ch === '*') source += '.*';
    else if (ch === '?') source += '.';
    else source += ch.replace(/[\\^$.|+()[\]{}]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}
