// The stored body of a document: what Apps Script's Body exposes (paragraphs, list items, tables of
// paragraphs) with character formatting as runs. It is kept as JSON next to the .docx, so reopening
// a document gives back exactly what was written, formatting included.
import * as z from 'zod';

const runSchema = z.object({
  text: z.string(),
  bold: z.boolean().optional(),
  italic: z.boolean().optional(),
  underline: z.boolean().optional(),
  /** Points, as Text.setFontSize sets them; missing — the document's default. */
  fontSize: z.number().optional(),
});
export type TextRun = z.infer<typeof runSchema>;
export type RunStyle = Omit<TextRun, 'text'>;

export const HEADINGS = [
  'NORMAL',
  'TITLE',
  'SUBTITLE',
  'HEADING1',
  'HEADING2',
  'HEADING3',
  'HEADING4',
  'HEADING5',
  'HEADING6',
] as const;
export const ALIGNMENTS = ['LEFT', 'CENTER', 'RIGHT', 'JUSTIFY'] as const;
export const GLYPHS = [
  'BULLET',
  'HOLLOW_BULLET',
  'SQUARE_BULLET',
  'NUMBER',
  'LATIN_UPPER',
  'LATIN_LOWER',
  'ROMAN_UPPER',
  'ROMAN_LOWER',
] as const;
export type Heading = (typeof HEADINGS)[number];
export type Alignment = (typeof ALIGNMENTS)[number];
export type Glyph = (typeof GLYPHS)[number];

const paragraphSchema = z.object({
  kind: z.literal('PARAGRAPH'),
  runs: z.array(runSchema),
  heading: z.enum(HEADINGS).optional(),
  alignment: z.enum(ALIGNMENTS).optional(),
});
const listItemSchema = z.object({
  kind: z.literal('LIST_ITEM'),
  runs: z.array(runSchema),
  heading: z.enum(HEADINGS).optional(),
  alignment: z.enum(ALIGNMENTS).optional(),
  nesting: z.number().int().min(0).max(8),
  glyph: z.enum(GLYPHS),
  listId: z.string(),
});
const textBlockSchema = z.discriminatedUnion('kind', [paragraphSchema, listItemSchema]);
const tableSchema = z.object({
  kind: z.literal('TABLE'),
  rows: z.array(z.object({ cells: z.array(z.object({ children: z.array(textBlockSchema) })) })),
  /** Column widths in points, as Table.setColumnWidth sets them; missing — equal columns. */
  widths: z.array(z.number().nullable()).optional(),
  borderWidth: z.number().optional(),
  /** Rows repeated on every page and rows kept whole: set through the Docs API (docsApi.ts). */
  headerRows: z.number().int().optional(),
  keepRows: z.boolean().optional(),
});
const blockSchema = z.discriminatedUnion('kind', [paragraphSchema, listItemSchema, tableSchema]);

export const documentFileSchema = z.object({
  id: z.string(),
  name: z.string(),
  body: z.array(blockSchema),
});

export type ParagraphNode = z.infer<typeof paragraphSchema>;
export type ListItemNode = z.infer<typeof listItemSchema>;
export type TextBlockNode = z.infer<typeof textBlockSchema>;
export type TableNode = z.infer<typeof tableSchema>;
export type BlockNode = z.infer<typeof blockSchema>;
export type DocumentFile = z.infer<typeof documentFileSchema>;

/** One character with its formatting: edits on short paragraph texts are simplest per character. */
interface StyledChar {
  ch: string;
  style: RunStyle;
}

function explode(runs: TextRun[]): StyledChar[] {
  return runs.flatMap(({ text, ...style }) => Array.from(text, (ch) => ({ ch, style })));
}

function sameStyle(a: RunStyle, b: RunStyle): boolean {
  return (
    !!a.bold === !!b.bold &&
    !!a.italic === !!b.italic &&
    !!a.underline === !!b.underline &&
    a.fontSize === b.fontSize
  );
}

function implode(chars: StyledChar[]): TextRun[] {
  const runs: TextRun[] = [];
  for (const { ch, style } of chars) {
    const last = runs[runs.length - 1];
    if (last && sameStyle(last, style)) last.text += ch;
    else runs.push({ text: ch, ...cleanStyle(style) });
  }
  return runs;
}

function cleanStyle(style: RunStyle): RunStyle {
  const out: RunStyle = {};
  if (style.bold) out.bold = true;
  if (style.italic) out.italic = true;
  if (style.underline) out.underline = true;
  if (style.fontSize) out.fontSize = style.fontSize;
  return out;
}

export function runsText(runs: TextRun[]): string {
  return runs.map((r) => r.text).join('');
}

/** Style at a character offset (the last character's style past the end), as Docs continues typing. */
export function styleAt(runs: TextRun[], offset: number): RunStyle {
  const chars = explode(runs);
  const at = chars[Math.min(offset, chars.length - 1)];
  return at ? { ...at.style } : {};
}

/** Replaces characters [start, end) with text that takes `style` (default: the style where it lands). */
export function spliceRuns(
  runs: TextRun[],
  start: number,
  end: number,
  text: string,
  style?: RunStyle,
): TextRun[] {
  const chars = explode(runs);
  const s = style ?? chars[start]?.style ?? chars[start - 1]?.style ?? {};
  const inserted = Array.from(text, (ch) => ({ ch, style: s }));
  chars.splice(start, end - start, ...inserted);
  return implode(chars);
}

export function styleRuns(runs: TextRun[], start: number, end: number, patch: RunStyle): TextRun[] {
  const chars = explode(runs).map((c, i) =>
    i >= start && i < end ? { ch: c.ch, style: { ...c.style, ...patch } } : c,
  );
  return implode(chars);
}

/**
 * Apps Script's replaceText: the pattern is a regular expression string applied to one element's
 * text at a time; the replacement is literal text and takes the formatting of the first matched
 * character. Returns null when nothing matched.
 */
export function replaceInRuns(
  runs: TextRun[],
  pattern: string,
  replacement: string,
  flags = 'g',
): TextRun[] | null {
  const regex = new RegExp(pattern, flags);
  const text = runsText(runs);
  let chars = explode(runs);
  const matches: Array<{ index: number; length: number }> = [];
  for (let m = regex.exec(text); m; m = regex.exec(text)) {
    matches.push({ index: m.index, length: m[0].length });
    if (m[0].length === 0) regex.lastIndex++;
  }
  if (matches.length === 0) return null;
  for (const { index, length } of matches.reverse()) {
    const style = chars[index]?.style ?? chars[index - 1]?.style ?? {};
    chars = [
      ...chars.slice(0, index),
      ...Array.from(replacement, (ch) => ({ ch, style })),
      ...chars.slice(index + length),
    ];
  }
  return implode(chars);
}
