// What the school holds about one person (152-ФЗ ст. 14): every row that names them, sheet by sheet,
// as plain text the curator can hand over.
import { type CellValue, cellText, type TableRecord } from '../table';
import { ruDate } from './dates';

export interface SheetExtract {
  sheet: string;
  rows: TableRecord[];
}

const show = (v: CellValue | undefined): string => (v instanceof Date ? ruDate(v) : cellText(v));

export function subjectAccessReport(who: string, extracts: readonly SheetExtract[], now: Date): string {
  const lines = [
    `Сведения об участнике ${who}, обрабатываемые в программе наставничества, на ${ruDate(now)}`,
    '',
  ];
  for (const e of extracts) {
    if (e.rows.length === 0) continue;
    lines.push(`${e.sheet}:`);
    for (const r of e.rows) {
      const filled = Object.entries(r).filter(([, v]) => cellText(v) !== '');
      lines.push(...filled.map(([k, v]) => `  ${k}: ${show(v)}`), '');
    }
  }
  lines.push(
    'Цели обработки: подбор наставнических пар и групп, организация их работы, ведение реестра участников.',
    'Данные хранятся в Google Таблице школы; их можно уточнить или отозвать согласие — тогда они будут удалены.',
  );
  return lines.join('\n');
}

/** Rows of a sheet that mention the person by id or e-mail in any cell. */
export function rowsAbout(rows: readonly TableRecord[], id: string, email: string): TableRecord[] {
  const keys = [id, email].filter(Boolean);
  return rows.filter((r) =>
    Object.values(r).some((v) => keys.some((k) => cellText(v).toLowerCase().includes(k.toLowerCase()))),
  );
}
