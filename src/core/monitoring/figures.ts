import { byHeader, cellColumn, defineSheet, textColumn } from '../schema';
import { SHEETS } from '../sheets';
import type { CellValue } from '../table';
// The Мониторинг sheet as data: every figure is a named row with a stable key. Keys follow one
// convention so the district can add schools up without knowing each figure:
//   <base>.count / <base>.total / <base>.n  — summed across schools;
//   <base>.percent                          — recomputed as Σcount / Σtotal;
//   any other suffix (avg, entry, exit, change) — averaged across schools weighted by <base>.n.
export type MonitoringUnit = 'чел.' | 'пар' | 'встреч' | 'орг.' | '%' | 'балл' | 'ответов';

export interface MonitoringRow {
  key: string;
  section: string;
  name: string;
  value: number;
  unit: MonitoringUnit;
  /** Percent target (seed 004) for .percent rows that have one. */
  target?: number;
  met?: boolean;
}

/** Мониторинг: rewritten whole on every refresh; the district reads it back by these headers. */
export const MONITORING = defineSheet(SHEETS.monitoring, {
  section: cellColumn('Раздел'),
  name: cellColumn('Показатель'),
  value: cellColumn('Значение'),
  unit: cellColumn('Ед.'),
  target: cellColumn('Цель, %'),
  met: textColumn('Выполнено'),
  key: textColumn('Ключ'),
});
export const MONITORING_HEADERS = MONITORING.headers;

export const roundTo = (value: number, digits: number): number => {
  const f = 10 ** digits;
  return Math.round(value * f + Number.EPSILON * f) / f;
};

/** count / total as a percent with one decimal; 0 when the total is unknown. */
export const percentOf = (count: number, total: number): number =>
  total > 0 ? roundTo((count * 100) / total, 1) : 0;

/** Exact comparison, so a rounded percent never flips the verdict. */
export const meetsTarget = (count: number, total: number, target: number): boolean =>
  total > 0 && count * 100 >= target * total;

/** 7.5 → «7,5»: a Russian document writes the decimal comma. */
export const russianNumber = (n: number): string => String(n).replace('.', ',');

export type AggregateRule =
  | { kind: 'sum' }
  | { kind: 'ratio'; count: string; total: string }
  | { kind: 'weighted'; weight: string };

export function aggregateRule(key: string): AggregateRule {
  const dot = key.lastIndexOf('.');
  const base = key.slice(0, dot);
  const suffix = key.slice(dot + 1);
  if (suffix === 'count' || suffix === 'total' || suffix === 'n') return { kind: 'sum' };
  if (suffix === 'percent') return { kind: 'ratio', count: `${base}.count`, total: `${base}.total` };
  return { kind: 'weighted', weight: `${base}.n` };
}

export const monitoringValue = (rows: readonly MonitoringRow[], key: string): number | undefined =>
  rows.find((r) => r.key === key)?.value;

/** The Мониторинг sheet's cells: header row, then one line per figure. */
export function monitoringGrid(rows: readonly MonitoringRow[]): CellValue[][] {
  return [
    [...MONITORING_HEADERS],
    ...rows.map((r) => {
      const cells = byHeader(MONITORING, {
        section: r.section,
        name: r.name,
        value: r.value,
        unit: r.unit,
        target: r.target ?? '',
        met: r.met === undefined ? '' : r.met ? 'да' : 'нет',
        key: r.key,
      });
      return MONITORING_HEADERS.map((h) => cells[h]);
    }),
  ];
}
