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

/** Where a table block stands now: a table rebuilt from rows replaces the element under its port. */
interface TableRef {
  table: GoogleAppsScript.Document.Table;
}

/** Column widths and borders the template gave the table, carried over to a rebuilt one. */
function copyLayout(from: GoogleAppsScript.Document.Table, to: GoogleAppsScript.Document.Table): void {
  const columns = from.getNumRows() > 0 ? from.getRow(0).getNumCells() : 0;
  for (let c = 0; c < columns; c++) {
    const width = from.getColumnWidth(c);
    if (width) to.setColumnWidth(c, width);
  }
  to.setBorderWidth(from.getBorderWidth());
}

function tablePort(
  body: Body,
  ref: TableRef,
  laidOut: (format: TableFormat) => void,
  rebuilt: (table: GoogleAppsScript.Document.Table) => void,
): TablePort {
  let rows: Array<TextPort[][] | undefined> | undefined;
  let format: TableFormat | undefined;
  const cache = () => {
    if (!rows) rows = new Array(ref.table.getNumRows());
    return rows;
  };
  return {
    rowCount: () => cache().length,
    cells: (row) => {
      const known = cache()[row];
      if (known) return known;
      const r = ref.table.getRow(row);
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
      ref.table.insertTableRow(at, ref.table.getRow(row).copy());
      cache().splice(at, 0, undefined);
    },
    removeRow: (row) => {
      ref.table.removeRow(row);
      cache().splice(row, 1);
    },
    // One insertTable from a 2D array instead of a copy and edits per cell: the other rows are
    // carried over as copies (formatting included), the layout is set again on the new table.
    replaceRow: (row, texts) => {
      const old = ref.table;
      const count = cache().length;
      const table = body.insertTable(body.getChildIndex(old), texts);
      for (let r = 0; r < row; r++) table.insertTableRow(r, old.getRow(r).copy());
      for (let r = row + 1; r < count; r++) table.appendTableRow(old.getRow(r).copy());
      copyLayout(old, table);
      if (format) layOut(table, format);
      old.removeFromParent();
      ref.table = table;
      // Cached cells point into the old table: every row is read again from the new one.
      rows = new Array(count - 1 + texts.length);
      rebuilt(table);
    },
    format: (f) => {
      format = f;
      layOut(ref.table, f);
      laidOut(f);
    },
  };
}

export class GasDocumentPort implements DocumentPort {
  private readonly elements = new WeakMap<BlockPort, Element>();
  /** The body's blocks as last read; dropped when a block is inserted or removed. */
  private known: BlockPort[] | undefined;

  /** Tables whose rows repeat or stay whole: DocumentApp cannot set that, the Docs API does (tableRows.ts). */
  readonly rowLayouts: TableRows[] = [];

  /** Placeholders to replace document-wide after the save (one Docs API request each, in one batch). */
  readonly replacements = new Map<string, string>();

  /** `batched`: the Docs API is there, so placeholders that read the same everywhere wait for it. */
  constructor(
    private readonly body: Body,
    batched = false,
  ) {
    if (!batched) this.replaceAll = undefined;
  }

  replaceAll?: (replacements: ReadonlyMap<string, string>) => void = (replacements) => {
    for (const [from, to] of replacements) this.replacements.set(from, to);
  };

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
    const type = el.getType();
    const holder = textHolder(el);
    if (!holder && type === DocumentApp.ElementType.TABLE) {
      const ref: TableRef = { table: el.asTable() };
      const made: BlockPort = {
        kind: 'table',
        table: tablePort(
          this.body,
          ref,
          (f) => this.noteRows(ref.table, f),
          (table) => this.elements.set(made, table),
        ),
        remove: () => {
          this.known = undefined;
          ref.table.removeFromParent();
        },
      };
      this.elements.set(made, el);
      return made;
    }
    // Google Docs refuses to remove a body's last paragraph: it is emptied instead.
    const remove = () => {
      this.known = undefined;
      if (holder && this.body.getChildIndex(el) === this.body.getNumChildren() - 1) holder.setText('');
      else if (holder) holder.removeFromParent();
    };
    const made: BlockPort = holder
      ? { kind: 'paragraph', paragraph: new TextOf(holder), remove }
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
