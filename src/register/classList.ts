// The class list a school exports from its own systems (электронный журнал, «1С», a spreadsheet):
// CSV with «;» or «,», UTF-8 (with or without BOM) or Windows-1251, or an .xlsx workbook's first
// sheet. Columns are found by their Russian headers in any order; «Код» is optional and kept.
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import ExcelJS from 'exceljs';
import { parseGender } from '../core/intake/nameForms';
import { parseCsv } from '../local/base/csv';

export const CLASS_LIST_COLUMNS = {
  lastName: 'Фамилия',
  firstName: 'Имя',
  middleName: 'Отчество',
  gender: 'Пол',
  className: 'Класс',
  category: 'Категория',
  email: 'E-mail',
  parentName: 'ФИО родителя',
  parentEmail: 'E-mail родителя',
  code: 'Код',
} as const;
type ColumnKey = keyof typeof CLASS_LIST_COLUMNS;
const REQUIRED: readonly ColumnKey[] = ['lastName', 'firstName'];

export interface ClassListRow {
  /** Line of the file (the header is line 1), for messages. */
  line: number;
  lastName: string;
  firstName: string;
  middleName: string;
  gender: 'm' | 'f' | '';
  className: string;
  category: string;
  email: string;
  parentName: string;
  parentEmail: string;
  code: string;
}

/** UTF-8 when the bytes are valid UTF-8, otherwise Windows-1251 (what Excel saves as «CSV» in Russia). */
export function decodeText(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('windows-1251').decode(bytes);
  }
}

/** The delimiter of the header line: whichever of «;», «,» and tab it has most of. */
function delimiterOf(text: string): string {
  const header = text.split(/\r?\n/, 1)[0] ?? '';
  const counts = [';', ',', '\t'].map((d) => [d, header.split(d).length] as const);
  return counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

const normaliseHeader = (h: string): string =>
  h
    .trim()
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[\s-]+/g, '');

function rowsToList(table: string[][]): ClassListRow[] {
  const [header = [], ...rows] = table;
  const index = new Map(header.map((h, i) => [normaliseHeader(h), i]));
  const column = Object.fromEntries(
    Object.entries(CLASS_LIST_COLUMNS).map(([key, title]) => [key, index.get(normaliseHeader(title))]),
  ) as Record<ColumnKey, number | undefined>;
  const missing = REQUIRED.filter((k) => column[k] === undefined).map((k) => `«${CLASS_LIST_COLUMNS[k]}»`);
  if (missing.length > 0)
    throw new Error(
      `В списке класса нет столбцов ${missing.join(', ')}. Первая строка должна называть столбцы: ${Object.values(CLASS_LIST_COLUMNS).join('; ')}.`,
    );
  return rows
    .map((cells, i): ClassListRow => {
      const get = (k: ColumnKey) => {
        const at = column[k];
        return at === undefined ? '' : (cells[at] ?? '').trim();
      };
      return {
        line: i + 2,
        lastName: get('lastName'),
        firstName: get('firstName'),
        middleName: get('middleName'),
        gender: parseGender(get('gender')) ?? '',
        className: get('className').replace(/\s+/g, '').toUpperCase(),
        category: get('category'),
        email: get('email'),
        parentName: get('parentName'),
        parentEmail: get('parentEmail'),
        code: get('code'),
      };
    })
    .filter((r) => r.lastName || r.firstName);
}

export function parseClassListCsv(bytes: Buffer): ClassListRow[] {
  const text = decodeText(bytes);
  return rowsToList(parseCsv(text, delimiterOf(text)));
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return value.result === undefined ? '' : String(value.result);
    return '';
  }
  return String(value);
}

export async function parseClassListXlsx(bytes: Buffer): Promise<ClassListRow[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = book.worksheets[0];
  if (!sheet) throw new Error('В файле .xlsx нет ни одного листа.');
  const table: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    const values = Array.isArray(row.values) ? row.values.slice(1) : [];
    table[n - 1] = values.map((v) => cellText(v as ExcelJS.CellValue));
  });
  return rowsToList(Array.from(table, (r) => r ?? []));
}

export async function readClassList(path: string): Promise<ClassListRow[]> {
  const bytes = readFileSync(path);
  const ext = extname(path).toLowerCase();
  if (ext === '.xlsx') return parseClassListXlsx(bytes);
  if (ext === '.csv' || ext === '.txt') return parseClassListCsv(bytes);
  throw new Error(`Список класса — файл .csv или .xlsx, а не «${ext || path}».`);
}
