// The placeholders of one paragraph. Markers are recognised by text only, so they survive any
// restyling in Google Docs as long as the braces stay together in one paragraph.
export type Token =
  | { kind: 'value'; start: number; end: number; source: string; path: string; filters: string[] }
  | { kind: 'if'; start: number; end: number; source: string; path: string; negate: boolean }
  | { kind: 'else'; start: number; end: number; source: string }
  | { kind: 'endif'; start: number; end: number; source: string; negate: boolean }
  | { kind: 'each'; start: number; end: number; source: string; path: string }
  | { kind: 'endeach'; start: number; end: number; source: string }
  | { kind: 'table'; start: number; end: number; source: string; format: TableFormat }
  | { kind: 'malformed'; start: number; end: number; source: string; message: string };

/** How the next table is laid out: {{таблица ширины=6,30,64 заголовок=1 неразрывно рамки=1 шрифт=10}}. */
export interface TableFormat {
  /** Relative column widths (any units; scaled to the page width). */
  widths?: number[];
  /** How many top rows repeat on every page. */
  headerRows?: number;
  /** Rows are never split across pages. */
  keepRows?: boolean;
  /** Border width in points; 0 — no borders. */
  borders?: number;
  /** Font size of the whole table in points, for wide tables such as the order's appendix. */
  fontSize?: number;
}

const TABLE_OPTION_NAMES: Record<string, keyof TableFormat> = {
  ширины: 'widths',
  widths: 'widths',
  заголовок: 'headerRows',
  header: 'headerRows',
  неразрывно: 'keepRows',
  keep: 'keepRows',
  рамки: 'borders',
  borders: 'borders',
  шрифт: 'fontSize',
  font: 'fontSize',
};

function tableFormat(options: string): TableFormat | string {
  const format: TableFormat = {};
  for (const option of options.split(/\s+/).filter(Boolean)) {
    const [rawName, value = ''] = option.split('=');
    const name = TABLE_OPTION_NAMES[rawName.toLowerCase()];
    if (!name)
      return `неизвестный параметр таблицы «${rawName}» (есть ширины, заголовок, неразрывно, рамки, шрифт)`;
    if (name === 'keepRows') {
      format.keepRows = value === '' || value === '1' || value === 'да';
      continue;
    }
    if (name === 'widths') {
      const widths = value.split(',').map(Number);
      if (widths.length === 0 || widths.some((w) => !Number.isFinite(w) || w <= 0))
        return 'ширины — положительные числа через запятую, например ширины=6,30,64';
      format.widths = widths;
      continue;
    }
    const n = Number(value === '' ? 1 : value);
    if (!Number.isInteger(n) || n < 0) return `«${option}» — нужно целое число`;
    format[name] = n;
  }
  return format;
}

const PLACEHOLDER = /\{\{([^{}]*)\}\}/g;
const PATH = /^@?[A-Za-zА-Яа-яЁё_][\wА-Яа-яЁё]*(\.[\wА-Яа-яЁё]+)*$/;

function classify(inner: string, start: number, end: number, source: string): Token {
  const text = inner.replace(/\s+/g, ' ').trim();
  const malformed = (message: string): Token => ({ kind: 'malformed', start, end, source, message });
  const block = /^([#/])\s*(\w+)\s*(.*)$/.exec(text);
  if (block) {
    const [, sign, word, rest] = block;
    const keyword = word.toLowerCase();
    if (sign === '#') {
      if (keyword !== 'if' && keyword !== 'unless' && keyword !== 'each')
        return malformed(`неизвестный блок «#${word}» (есть #if, #unless, #each)`);
      if (!PATH.test(rest)) return malformed(`после «#${keyword}» нужно имя поля`);
      if (keyword === 'each') return { kind: 'each', start, end, source, path: rest };
      return { kind: 'if', start, end, source, path: rest, negate: keyword === 'unless' };
    }
    if (rest) return malformed(`в закрывающей метке «/${word}» лишний текст`);
    if (keyword === 'if' || keyword === 'unless')
      return { kind: 'endif', start, end, source, negate: keyword === 'unless' };
    if (keyword === 'each') return { kind: 'endeach', start, end, source };
    return malformed(`неизвестная закрывающая метка «/${word}»`);
  }
  if (text.toLowerCase() === 'else') return { kind: 'else', start, end, source };
  const table = /^(таблица|table)(\s+.*)?$/i.exec(text);
  if (table) {
    const format = tableFormat(table[2] ?? '');
    return typeof format === 'string' ? malformed(format) : { kind: 'table', start, end, source, format };
  }
  const [path, ...filters] = text.split('|').map((s) => s.trim());
  if (!path) return malformed('пустая метка');
  if (!PATH.test(path)) return malformed(`«${path}» — не имя поля (буквы, цифры, «_», части через точку)`);
  if (filters.some((f) => !f)) return malformed('пустой фильтр после «|»');
  return { kind: 'value', start, end, source, path, filters };
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let last = 0;
  const strays = (from: number, to: number) => {
    const gap = text.slice(from, to);
    const i = gap.search(/\{\{|\}\}/);
    if (i >= 0) {
      const at = from + i;
      tokens.push({
        kind: 'malformed',
        start: at,
        end: Math.min(text.length, at + 20),
        source: text.slice(at, at + 20),
        message: 'непарные фигурные скобки: метка пишется как {{поле}} в одном абзаце',
      });
    }
  };
  for (const m of text.matchAll(PLACEHOLDER)) {
    const start = m.index ?? 0;
    strays(last, start);
    const end = start + m[0].length;
    tokens.push(classify(m[1], start, end, m[0]));
    last = end;
  }
  strays(last, text.length);
  return tokens.sort((a, b) => a.start - b.start);
}
