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

/** Where a sheet names a person, and which of its columns are about someone else or are secrets. */
export interface SubjectSource {
  sheet: string;
  /** Columns that hold the person's id, e-mail or pair (a cell may list several, «a, b»). */
  by: readonly string[];
  /** Columns left out of the export: other people's names and addresses, link tokens, letter texts. */
  omit?: readonly string[];
}

const PARTICIPANT_LABEL = /[^;,\n]*\(((?:НЯ|НС)-\d+)\)/g;

/** «Смирнова Ольга, учитель (НС-0001)» → «НС-0001»: a choice label names someone else. */
export function withoutOtherNames(text: string, ownId: string): string {
  return text.replace(PARTICIPANT_LABEL, (label: string, id: string) => (id === ownId ? label : id));
}

/**
 * The rows of one source about the person (a `by` cell equal to, or listing, one of `keys`), with the
 * omitted columns dropped and other participants' names reduced to their ids.
 */
export function extractAbout(
  source: SubjectSource,
  rows: readonly TableRecord[],
  keys: readonly string[],
  ownId: string,
): SheetExtract {
  const wanted = new Set(keys.filter(Boolean).map((k) => k.toLowerCase()));
  const omit = new Set(source.omit ?? []);
  const about = rows.filter((r) =>
    source.by.some((column) =>
      cellText(r[column])
        .toLowerCase()
        .split(/\s*[,;\n]\s*/)
        .some((part) => wanted.has(part)),
    ),
  );
  return {
    sheet: source.sheet,
    rows: about.map((r) => {
      const kept: TableRecord = {};
      for (const [k, v] of Object.entries(r)) {
        if (omit.has(k)) continue;
        kept[k] = typeof v === 'string' ? withoutOtherNames(v, ownId) : v;
      }
      return kept;
    }),
  };
}
