// The template port over a Google Docs body (and over the offline workspace's DocumentApp fake).
import type { BlockPort, DocumentPort, TablePort, TextPort } from '../../core/templates/document';
import type { TableFormat } from '../../core/templates/syntax';
import type { TableRows } from './tableRows';

type Body = GoogleAppsScript.Document.Body;
type Element = GoogleAppsScript.Document.Element;
type TextHolder = GoogleAppsScript.Document.Paragraph | GoogleAppsScript.Document.ListItem;

// Every Docs call is a round trip on Apps Script: texts are read once and kept in step with our edits.
class TextOf implements TextPort {
  private cached: string | undefined;
  constructor(private readonly holder: TextHolder) {}
  text(): string {
    if (this.cached === undefined) this.cached = this.holder.getText();
    return this.cached;
  }
  /** Inserting before deleting keeps the formatting of the placeholder's first character. */
  replace(start: number, end: number, value: string): void {
    const current = this.text();
    const text = this.holder.editAsText();
    if (value) text.insertText(start, value);
    if (end > start) text.deleteText(start + value.length, end + value.length - 1);
    this.cached = current.slice(0, start) + value + current.slice(end);
  }
}

function textHolder(el: Element): TextHolder | undefined {
  const type = el.getType();
  if (type === DocumentApp.ElementType.PARAGRAPH) return el.asParagraph();
  if (type === DocumentApp.ElementType.LIST_ITEM) return el.asListItem();
  return undefined;
}

/** Text width of an A4 page with the usual margins of a school order (3 cm left, 1.5 cm right), in points. */
const TEXT_WIDTH_PT = 467;

/** Column widths, borders and font size, as DocumentApp can set them. */
function layOut(table: GoogleAppsScript.Document.Table, format: TableFormat): void {
  if (format.widths) {
    const total = format.widths.reduce((a, b) => a + b, 0);
    format.widths.forEach((w, i) => {
      table.setColumnWidth(i, Math.round((TEXT_WIDTH_PT * w) / total));
    });
  }
  if (format.borders !== undefined) table.setBorderWidth(format.borders);
  if (format.fontSize) table.editAsText().setFontSize(format.fontSize);
}

function tablePort(
  table: GoogleAppsScript.Document.Table,
  laidOut: (format: TableFormat) => void,
): TablePort {
  let rows: Array<TextPort[][] | undefined> | undefined;
  const cache = () => {
    if (!rows) rows = new Array(table.getNumRows());
    return rows;
  };
  return {
    rowCount: () => cache().length,
    cells: (row) => {
      const known = cache()[row];
      if (known) return known;
      const r = table.getRow(row);
      const cells: TextPort[][] = [];
      for (let c = 0, n = r.getNumCells(); c < n; c++) {
        const cell = r.getCell(c);
        const paragraphs: TextPort[] = [];
        for (let i = 0, n = cell.getNumChildren(); i < n; i++) {
          const holder = textHolder(cell.getChild(i));
          if (holder) paragraphs.push(new TextOf(holder));
        }
        cells.push(paragraphs);
      }
      cache()[row] = cells;
      return cells;
    },
    duplicateRow: (row, at) => {
      table.insertTableRow(at, table.getRow(row).copy());
      cache().splice(at, 0, undefined);
    },
    removeRow: (row) => {
      table.removeRow(row);
      cache().splice(row, 1);
    },
    format: (format) => {
      layOut(table, format);
      laidOut(format);
    },
  };
}

export class GasDocumentPort implements DocumentPort {
  private readonly elements = new WeakMap<BlockPort, Element>();
  /** The body's blocks as last read; dropped when a block is inserted or removed. */
  private known: BlockPort[] | undefined;

  /** Tables whose rows repeat or stay whole: DocumentApp cannot set that, the Docs API does (tableRows.ts). */
  readonly rowLayouts: TableRows[] = [];

  constructor(private readonly body: Body) {}

  /** The table's place among the body's tables, counted over the blocks as they stand now. */
  private noteRows(el: Element, format: TableFormat): void {
    if (!format.headerRows && !format.keepRows) return;
    const at = this.body.getChildIndex(el);
    const tableIndex = this.blocks()
      .slice(0, at)
      .filter((b) => b.kind === 'table').length;
    this.rowLayouts.push({ tableIndex, headerRows: format.headerRows ?? 0, keepRows: !!format.keepRows });
  }

  blocks(): BlockPort[] {
    if (this.known) return [...this.known];
    const out: BlockPort[] = [];
    for (let i = 0, n = this.body.getNumChildren(); i < n; i++) out.push(this.port(this.body.getChild(i)));
    this.known = out;
    return [...out];
  }

  cloneAfter(source: BlockPort, anchor: BlockPort): BlockPort {
    const from = this.elements.get(source);
    const after = this.elements.get(anchor);
    if (!from || !after) throw new Error('Блок не из этого документа.');
    this.known = undefined;
    const index = this.body.getChildIndex(after) + 1;
    const type = from.getType();
    if (type === DocumentApp.ElementType.TABLE)
      return this.port(this.body.insertTable(index, from.asTable().copy()));
    if (type === DocumentApp.ElementType.LIST_ITEM)
      return this.port(this.body.insertListItem(index, from.asListItem().copy()));
    return this.port(this.body.insertParagraph(index, from.asParagraph().copy()));
  }

  private port(el: Element): BlockPort {
    // Google Docs refuses to remove a body's last paragraph: it is emptied instead.
    const remove = () => {
      this.known = undefined;
      const holder = textHolder(el);
      if (holder && this.body.getChildIndex(el) === this.body.getNumChildren() - 1) holder.setText('');
      else if (el.getType() === DocumentApp.ElementType.TABLE) el.asTable().removeFromParent();
      else if (holder) holder.removeFromParent();
    };
    const holder = textHolder(el);
    const made: BlockPort = holder
      ? { kind: 'paragraph', paragraph: new TextOf(holder), remove }
      : el.getType() === DocumentApp.ElementType.TABLE
        ? { kind: 'table', table: tablePort(el.asTable(), (f) => this.noteRows(el, f)), remove }
        : { kind: 'other', remove };
    this.elements.set(made, el);
    return made;
  }
}

/** Writes a DocumentSpec into an empty body: how setup turns the shipped templates into Google Docs. */
export function writeSpec(body: Body, spec: import('../../core/templates/document').DocumentSpec): void {
  const first = body.getNumChildren() > 0 ? body.getChild(0) : undefined;
  for (const block of spec.blocks) {
    if (block.kind === 'paragraph') {
      const p = body.appendParagraph(block.text);
      if (block.style === 'title') p.setHeading(DocumentApp.ParagraphHeading.HEADING1);
      if (block.align === 'center') p.setAlignment(DocumentApp.HorizontalAlignment.CENTER);
      if (block.align === 'right') p.setAlignment(DocumentApp.HorizontalAlignment.RIGHT);
      if (block.align === 'justify') p.setAlignment(DocumentApp.HorizontalAlignment.JUSTIFY);
      if (block.bold && block.text) p.editAsText().setBold(true);
    } else {
      const table = body.appendTable(block.rows);
      if (block.header && block.rows.length > 1) table.getRow(0).editAsText().setBold(true);
    }
  }
  // A new document starts with one empty paragraph; drop it once there is other content.
  if (
    first &&
    body.getNumChildren() > 1 &&
    first.getType() === DocumentApp.ElementType.PARAGRAPH &&
    first.asParagraph().getText() === ''
  )
    first.asParagraph().removeFromParent();
}
