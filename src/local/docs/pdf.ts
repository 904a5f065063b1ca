// A minimal, valid PDF of a document's text (A4, one column, wrapped lines), so getAs('application/pdf')
// gives a file a viewer opens. Text uses a TrueType font from the system when one with Cyrillic is
// installed (embedded, Identity-H); otherwise the built-in Helvetica, where non-Latin-1 letters show as '?'.
import { existsSync, readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import type { BlockNode } from './model';

// Liberation Serif first: metrics of Times New Roman (the .docx font) and a fifth of DejaVu's size.
const FONT_CANDIDATES = [
  '/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf',
  '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf',
  '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/TTF/DejaVuSans.ttf',
  '/Library/Fonts/Arial Unicode.ttf',
  'C:\\Windows\\Fonts\\arial.ttf',
];

interface TrueType {
  data: Buffer;
  /** `data` deflated once: every PDF embeds the same font file. */
  deflated: Buffer;
  unitsPerEm: number;
  glyphOf(codePoint: number): number;
  advance(glyph: number): number;
}

let cachedFont: TrueType | null | undefined;

function systemFont(): TrueType | null {
  if (cachedFont !== undefined) return cachedFont;
  const path = FONT_CANDIDATES.find((p) => existsSync(p));
  cachedFont = null;
  if (path) {
    try {
      cachedFont = parseTrueType(readFileSync(path));
    } catch {
      cachedFont = null;
    }
  }
  return cachedFont;
}

/** Reads just what embedding needs: units per em, the Unicode cmap (format 4) and advance widths. */
function parseTrueType(data: Buffer): TrueType {
  const tables = new Map<string, number>();
  const count = data.readUInt16BE(4);
  for (let i = 0; i < count; i++) {
    const at = 12 + i * 16;
    tables.set(data.toString('latin1', at, at + 4), data.readUInt32BE(at + 8));
  }
  const table = (tag: string) => {
    const offset = tables.get(tag);
    if (offset === undefined) throw new Error(`no ${tag} table`);
    return offset;
  };
  const unitsPerEm = data.readUInt16BE(table('head') + 18);
  const numberOfHMetrics = data.readUInt16BE(table('hhea') + 34);
  const hmtx = table('hmtx');
  const cmap = table('cmap');
  let sub = -1;
  for (let i = 0; i < data.readUInt16BE(cmap + 2); i++) {
    const rec = cmap + 4 + i * 8;
    const platform = data.readUInt16BE(rec);
    const encoding = data.readUInt16BE(rec + 2);
    const offset = cmap + data.readUInt32BE(rec + 4);
    if (platform === 3 && encoding === 1 && data.readUInt16BE(offset) === 4) sub = offset;
  }
  if (sub < 0) throw new Error('no unicode cmap');
  const segCount = data.readUInt16BE(sub + 6) / 2;
  const ends = sub + 14;
  const starts = ends + segCount * 2 + 2;
  const deltas = starts + segCount * 2;
  const ranges = deltas + segCount * 2;
  // Documents use a few dozen letters: each is looked up in the cmap once per process.
  const glyphs = new Map<number, number>();
  const glyphOf = (cp: number): number => {
    let glyph = glyphs.get(cp);
    if (glyph === undefined) {
      glyph = cmapGlyph(cp);
      glyphs.set(cp, glyph);
    }
    return glyph;
  };
  const cmapGlyph = (cp: number): number => {
    if (cp > 0xffff) return 0;
    for (let i = 0; i < segCount; i++) {
      if (data.readUInt16BE(ends + i * 2) < cp) continue;
      const start = data.readUInt16BE(starts + i * 2);
      if (start > cp) return 0;
      const delta = data.readInt16BE(deltas + i * 2);
      const rangeOffset = data.readUInt16BE(ranges + i * 2);
      if (rangeOffset === 0) return (cp + delta) & 0xffff;
      const glyph = data.readUInt16BE(ranges + i * 2 + rangeOffset + (cp - start) * 2);
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
    }
    return 0;
  };
  const advance = (glyph: number) => data.readUInt16BE(hmtx + Math.min(glyph, numberOfHMetrics - 1) * 4);
  return { data, deflated: deflateSync(data), unitsPerEm, glyphOf, advance };
}

interface PdfLine {
  text: string;
  size: number;
  align: 'LEFT' | 'CENTER' | 'RIGHT';
}

function documentLines(body: BlockNode[]): PdfLine[] {
  const lines: PdfLine[] = [];
  for (const block of body) {
    if (block.kind === 'TABLE') {
      for (const row of block.rows)
        lines.push({
          text: row.cells
            .map((c) => c.children.map((p) => p.runs.map((r) => r.text).join('')).join(' '))
            .join(' | '),
          size: 11,
          align: 'LEFT',
        });
      continue;
    }
    const text = block.runs.map((r) => r.text).join('');
    const heading = block.heading && block.heading !== 'NORMAL';
    const align = block.alignment === 'CENTER' || block.alignment === 'RIGHT' ? block.alignment : 'LEFT';
    lines.push({ text: block.kind === 'LIST_ITEM' ? `• ${text}` : text, size: heading ? 14 : 11, align });
  }
  return lines;
}

export function pdfBytes(title: string, body: BlockNode[]): Buffer {
  const font = systemFont();
  const width = 595;
  const height = 842;
  const margin = 56;
  // Widths in font units (whole numbers, so a sum is exact in any order), scaled once per line.
  const units = (s: string): number => {
    if (!font) return s.length;
    let w = 0;
    for (const ch of s) w += font.advance(font.glyphOf(ch.codePointAt(0) ?? 0));
    return w;
  };
  const scaled = (u: number, size: number) => (font ? u * (size / font.unitsPerEm) : u * size * 0.5);
  const textWidth = (s: string, size: number) => scaled(units(s), size);
  const wrapped: PdfLine[] = [];
  for (const line of documentLines(body)) {
    let current = '';
    let currentUnits = 0;
    for (const word of line.text.split(/(\s+)/)) {
      const wordUnits = units(word);
      if (current && scaled(currentUnits + wordUnits, line.size) > width - 2 * margin) {
        wrapped.push({ ...line, text: current.trimEnd() });
        current = word.trimStart();
        currentUnits = units(current);
      } else {
        current += word;
        currentUnits += wordUnits;
      }
    }
    wrapped.push({ ...line, text: current });
  }
  const encode = (s: string) =>
    font
      ? `<${Array.from(s, (ch) =>
          font
            .glyphOf(ch.codePointAt(0) ?? 0)
            .toString(16)
            .padStart(4, '0'),
        ).join('')}>`
      : `(${Array.from(s, (ch) => ((ch.codePointAt(0) ?? 63) < 256 ? ch : '?'))
          .join('')
          .replace(/[\\()]/g, (c) => `\\${c}`)})`;
  const pages: string[] = [];
  let y = height - margin;
  let content = '';
  for (const line of wrapped) {
    const step = line.size * 1.4;
    if (y - step < margin) {
      pages.push(content);
      content = '';
      y = height - margin;
    }
    y -= step;
    const room = width - 2 * margin - textWidth(line.text, line.size);
    const x = margin + (line.align === 'CENTER' ? room / 2 : line.align === 'RIGHT' ? room : 0);
    content += `BT /F1 ${line.size} Tf ${x.toFixed(1)} ${y.toFixed(1)} Td ${encode(line.text)} Tj ET\n`;
  }
  pages.push(content);

  const objects: Array<string | Buffer> = [];
  const add = (body: string | Buffer) => {
    objects.push(body);
    return objects.length;
  };
  const stream = (dict: string, data: Buffer) =>
    Buffer.concat([
      Buffer.from(`<< ${dict} /Length ${data.length} >>\nstream\n`, 'latin1'),
      data,
      Buffer.from('\nendstream', 'latin1'),
    ]);
  const catalog = add('');
  const pagesId = add('');
  let fontId: number;
  if (font) {
    const fileId = add(stream(`/Filter /FlateDecode /Length1 ${font.data.length}`, font.deflated));
    const scale = 1000 / font.unitsPerEm;
    const descriptor = add(
      `<< /Type /FontDescriptor /FontName /Embedded /Flags 32 /FontBBox [-1000 -300 2000 1000] /ItalicAngle 0 /Ascent 900 /Descent -250 /CapHeight 700 /StemV 80 /FontFile2 ${fileId} 0 R >>`,
    );
    const used = new Map<number, number>();
    for (const line of wrapped)
      for (const ch of line.text) used.set(font.glyphOf(ch.codePointAt(0) ?? 0), ch.codePointAt(0) ?? 0);
    const widths = [...used.keys()]
      .sort((a, b) => a - b)
      .map((g) => `${g} [${Math.round(font.advance(g) * scale)}]`)
      .join(' ');
    const cmap = `/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def /CMapName /Adobe-Identity-UCS def /CMapType 2 def 1 begincodespacerange <0000> <FFFF> endcodespacerange ${used.size} beginbfchar ${[...used].map(([g, cp]) => `<${g.toString(16).padStart(4, '0')}> <${cp.toString(16).padStart(4, '0')}>`).join(' ')} endbfchar endcmap CMapName currentdict /CMap defineresource pop end end`;
    const toUnicode = add(stream('', Buffer.from(cmap, 'latin1')));
    const cid = add(
      `<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Embedded /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor ${descriptor} 0 R /W [${widths}] /CIDToGIDMap /Identity >>`,
    );
    fontId = add(
      `<< /Type /Font /Subtype /Type0 /BaseFont /Embedded /Encoding /Identity-H /DescendantFonts [${cid} 0 R] /ToUnicode ${toUnicode} 0 R >>`,
    );
  } else {
    fontId = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  }
  const pageIds = pages.map((text) => {
    const contentId = add(stream('/Filter /FlateDecode', deflateSync(Buffer.from(text, 'latin1'))));
    return add(
      `<< /Type /Page /Parent ${pagesId} 0 R /MediaBox [0 0 ${width} ${height}] /Resources << /Font << /F1 ${fontId} 0 R >> >> /Contents ${contentId} 0 R >>`,
    );
  });
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesId} 0 R >>`;
  objects[pagesId - 1] =
    `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pageIds.length} >>`;
  const info = add(
    `<< /Title <FEFF${Buffer.from(title, 'utf16le').swap16().toString('hex')}> /Producer (nastavnik offline workspace) >>`,
  );

  const chunks: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let length = chunks[0].length;
  objects.forEach((body, i) => {
    offsets.push(length);
    const chunk = Buffer.concat([
      Buffer.from(`${i + 1} 0 obj\n`, 'latin1'),
      typeof body === 'string' ? Buffer.from(body, 'latin1') : body,
      Buffer.from('\nendobj\n', 'latin1'),
    ]);
    chunks.push(chunk);
    length += chunk.length;
  });
  const xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  chunks.push(
    Buffer.from(
      `${xref}trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R /Info ${info} 0 R >>\nstartxref\n${length}\n%%EOF\n`,
      'latin1',
    ),
  );
  return Buffer.concat(chunks);
}
