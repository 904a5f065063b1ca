// Writes a document model as a .docx (WordprocessingML) that Word and LibreOffice open: headings as
// the built-in Heading styles, lists as numbering, tables with borders, bold/italic/underline runs.
import { zipSync } from '../drive/zip';
import type { BlockNode, Heading, ListItemNode, ParagraphNode, TableNode, TextRun } from './model';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** Characters XML 1.0 cannot carry (controls other than tab, newline, carriage return) are dropped. */
function xmlSafe(text: string): string {
  return Array.from(text)
    .filter((ch) => {
      const code = ch.charCodeAt(0);
      return code >= 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
    })
    .join('');
}

function escapeXml(text: string): string {
  return xmlSafe(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

const STYLE_IDS: Record<Heading, string | undefined> = {
  NORMAL: undefined,
  TITLE: 'Title',
  SUBTITLE: 'Subtitle',
  HEADING1: 'Heading1',
  HEADING2: 'Heading2',
  HEADING3: 'Heading3',
  HEADING4: 'Heading4',
  HEADING5: 'Heading5',
  HEADING6: 'Heading6',
};
const JUSTIFY = { LEFT: 'left', CENTER: 'center', RIGHT: 'right', JUSTIFY: 'both' } as const;

function runXml(run: TextRun): string {
  const size = run.fontSize
    ? `<w:sz w:val="${Math.round(run.fontSize * 2)}"/><w:szCs w:val="${Math.round(run.fontSize * 2)}"/>`
    : '';
  const props = `${run.bold ? '<w:b/><w:bCs/>' : ''}${run.italic ? '<w:i/><w:iCs/>' : ''}${run.underline ? '<w:u w:val="single"/>' : ''}${size}`;
  // Line breaks inside a paragraph (vertical tab in Docs, \n from setText) become <w:br/>.
  const parts = run.text.split(/\r\n|[\n\r\v]/).map((t) => `<w:t xml:space="preserve">${escapeXml(t)}</w:t>`);
  return `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}${parts.join('<w:br/>')}</w:r>`;
}

interface ListNumbering {
  /** listId → numId, in order of first appearance. */
  ids: Map<string, { numId: number; numbered: boolean }>;
}

function paragraphXml(node: ParagraphNode | ListItemNode, lists: ListNumbering): string {
  const props: string[] = [];
  const style =
    STYLE_IDS[node.heading ?? 'NORMAL'] ?? (node.kind === 'LIST_ITEM' ? 'ListParagraph' : undefined);
  if (style) props.push(`<w:pStyle w:val="${style}"/>`);
  if (node.kind === 'LIST_ITEM') {
    let list = lists.ids.get(node.listId);
    if (!list) {
      list = { numId: lists.ids.size + 1, numbered: !/BULLET/.test(node.glyph) };
      lists.ids.set(node.listId, list);
    }
    props.push(`<w:numPr><w:ilvl w:val="${node.nesting}"/><w:numId w:val="${list.numId}"/></w:numPr>`);
  }
  if (node.alignment) props.push(`<w:jc w:val="${JUSTIFY[node.alignment]}"/>`);
  return `<w:p>${props.length ? `<w:pPr>${props.join('')}</w:pPr>` : ''}${node.runs.map(runXml).join('')}</w:p>`;
}

/** Text width of the page in twips (A4 minus the section's margins). */
const TEXT_WIDTH = 9355;

function tableXml(node: TableNode, lists: ListNumbering): string {
  const columns = Math.max(1, ...node.rows.map((r) => r.cells.length));
  // Widths set in points (Table.setColumnWidth) scale to the page; unset columns share what is left.
  const set = Array.from({ length: columns }, (_, i) => node.widths?.[i] ?? undefined);
  const known = set.reduce<number>((a, w) => a + (w ?? 0), 0);
  const unset = set.filter((w) => w === undefined).length;
  const scale = known > 0 && unset === 0 ? TEXT_WIDTH / (known * 20) : 1;
  const rest = unset > 0 ? Math.max(0, TEXT_WIDTH - known * 20) / unset : 0;
  const widths = set.map((w) => Math.floor(w === undefined ? rest : w * 20 * scale));
  const size = Math.round((node.borderWidth ?? 0.5) * 8);
  const border = (side: string) =>
    size > 0
      ? `<w:${side} w:val="single" w:sz="${size}" w:space="0" w:color="000000"/>`
      : `<w:${side} w:val="nil"/>`;
  const borders = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(border).join('');
  const grid = `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`;
  const rows = node.rows
    .map((row, r) => {
      const cells = row.cells.map((cell, c) => {
        const content = cell.children.length
          ? cell.children.map((p) => paragraphXml(p, lists)).join('')
          : '<w:p/>';
        return `<w:tc><w:tcPr><w:tcW w:w="${widths[c] ?? widths[0]}" w:type="dxa"/></w:tcPr>${content}</w:tc>`;
      });
      const props = `${node.keepRows ? '<w:cantSplit/>' : ''}${r < (node.headerRows ?? 0) ? '<w:tblHeader/>' : ''}`;
      return `<w:tr>${props ? `<w:trPr>${props}</w:trPr>` : ''}${cells.join('')}</w:tr>`;
    })
    .join('');
  return `<w:tbl><w:tblPr><w:tblW w:w="${TEXT_WIDTH}" w:type="dxa"/><w:tblLayout w:type="fixed"/><w:tblBorders>${borders}</w:tblBorders></w:tblPr>${grid}${rows}</w:tbl>`;
}

function numberingXml(lists: ListNumbering): string {
  const level = (ilvl: number, numbered: boolean) => {
    const indent = `<w:pPr><w:ind w:left="${720 * (ilvl + 1)}" w:hanging="360"/></w:pPr>`;
    return numbered
      ? `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%${ilvl + 1}."/><w:lvlJc w:val="left"/>${indent}</w:lvl>`
      : `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/><w:lvlJc w:val="left"/>${indent}</w:lvl>`;
  };
  const abstracts = [...lists.ids.values()]
    .map(
      ({ numId, numbered }) =>
        `<w:abstractNum w:abstractNumId="${numId}">${Array.from({ length: 9 }, (_, i) => level(i, numbered)).join('')}</w:abstractNum>`,
    )
    .join('');
  const nums = [...lists.ids.values()]
    .map(({ numId }) => `<w:num w:numId="${numId}"><w:abstractNumId w:val="${numId}"/></w:num>`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:numbering xmlns:w="${W}">${abstracts}${nums}</w:numbering>`;
}

function stylesXml(): string {
  const heading = (id: string, name: string, size: number, level?: number) =>
    `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>` +
    `<w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/>${level !== undefined ? `<w:outlineLvl w:val="${level}"/>` : ''}</w:pPr>` +
    `<w:rPr><w:b/><w:bCs/><w:sz w:val="${size}"/><w:szCs w:val="${size}"/></w:rPr></w:style>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles xmlns:w="${W}">` +
    '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/>' +
    '<w:sz w:val="24"/><w:szCs w:val="24"/><w:lang w:val="ru-RU"/></w:rPr></w:rPrDefault>' +
    '<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="276" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>' +
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>' +
    heading('Title', 'Title', 40) +
    heading('Subtitle', 'Subtitle', 30) +
    heading('Heading1', 'heading 1', 32, 0) +
    heading('Heading2', 'heading 2', 28, 1) +
    heading('Heading3', 'heading 3', 26, 2) +
    heading('Heading4', 'heading 4', 24, 3) +
    heading('Heading5', 'heading 5', 24, 4) +
    heading('Heading6', 'heading 6', 24, 5) +
    '<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/><w:qFormat/></w:style>' +
    '</w:styles>'
  );
}

export function docxBytes(title: string, body: BlockNode[]): Buffer {
  const lists: ListNumbering = { ids: new Map() };
  const blocks = body.map((b) => (b.kind === 'TABLE' ? tableXml(b, lists) : paragraphXml(b, lists))).join('');
  const section =
    '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr>';
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="${W}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>${blocks}${section}</w:body></w:document>`;
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  return zipSync([
    {
      name: '[Content_Types].xml',
      data:
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
        '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>' +
        '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>' +
        '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>',
    },
    {
      name: '_rels/.rels',
      data:
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        `<Relationship Id="rId1" Type="${rel}/officeDocument" Target="word/document.xml"/>` +
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>',
    },
    {
      name: 'docProps/core.xml',
      data:
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">' +
        `<dc:title>${escapeXml(title)}</dc:title></cp:coreProperties>`,
    },
    {
      name: 'word/_rels/document.xml.rels',
      data:
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        `<Relationship Id="rId1" Type="${rel}/styles" Target="styles.xml"/><Relationship Id="rId2" Type="${rel}/numbering" Target="numbering.xml"/></Relationships>`,
    },
    { name: 'word/document.xml', data: document },
    { name: 'word/styles.xml', data: stylesXml() },
    { name: 'word/numbering.xml', data: numberingXml(lists) },
  ]);
}

/** The readable text written beside the .docx: paragraphs by line, table cells separated by « | ». */
export function plainText(body: BlockNode[]): string {
  const line = (b: ParagraphNode | ListItemNode) => {
    const text = b.runs.map((r) => r.text).join('');
    return b.kind === 'LIST_ITEM' ? `${'  '.repeat(b.nesting)}• ${text}` : text;
  };
  return `${body
    .map((b) =>
      b.kind === 'TABLE'
        ? b.rows
            .map((r) => `| ${r.cells.map((c) => c.children.map(line).join(' / ')).join(' | ')} |`)
            .join('\n')
        : line(b),
    )
    .join('\n')}\n`;
}
