// The template port over a Google Docs body (and over the offline workspace's DocumentApp fake).
import type { BlockPort, DocumentPort, TextPort } from '../../core/templates/document';
import type { TableFormat } from '../../core/templates/syntax';
import type { TableRows } from './tableRows';

type Body = GoogleAppsScript.Document.Body;
type Element = GoogleAppsScript.Document.Element;
type TextHolder = GoogleAppsScript.Document.Paragraph | GoogleAppsScript.Document.ListItem;

/** A template's body as plain text, keyed by the body's getText(): what the next copy of it holds. */
export type BlockShape =
  | { kind: 'paragraph'; text: string }
  | { kind: 'table'; rows: string[][][] }
  | { kind: 'other' };
export type BodyShapes = Map<string, BlockShape[]>;

// Every Docs call is a round trip on Apps Script: texts are read once (or known from an earlier copy
// of the same template) and kept in step with our edits; elements are looked up only to be edited.
class TextOf implements TextPort {
  private found: TextHolder | undefined;
  constructor(
    private readonly find: () => TextHolder,
    private cached?: string,
  ) {}
  holder(): TextHolder {
    this.found ??= this.find();
    return this.found;
  }
  text(): string {
    if (this.cached === undefined) this.cached = this.holder().getText();
    return this.cached;
  }
  /** Inserting before deleting keeps the formatting of the placeholder's first character. */
  replace(start: number, end: number, value: string): void {
    const current = this.text();
    const text = this.holder().editAsText();
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

function holderOf(el: Element): TextHolder {
  const holder = textHolder(el);
  if (!holder) throw new Error('Документ изменился во время заполнения: на месте абзаца другой элемент.');
  return holder;
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

/** Column widths and borders the template gave the table (those its format does not set), carried over to a rebuilt one. */
function copyLayout(
  from: GoogleAppsScript.Document.Table,
  to: GoogleAppsScript.Document.Table,
  columns: number,
  format: TableFormat | undefined,
): void {
  if (!format?.widths)
    for (let c = 0; c < columns; c++) {
      const width = from.getColumnWidth(c);
      if (width) to.setColumnWidth(c, width);
    }
  if (format?.borders === undefined) to.setBorderWidth(from.getBorderWidth());
}

/** A table block: its element found on first need and replaced when the table is rebuilt from rows. */
class TableBlock {
  private found: GoogleAppsScript.Document.Table | undefined;
  /** Each row's cells (paragraphs' texts), as known or read; undefined: read when asked. */
  rows: Array<TextPort[][] | undefined>;
  format: TableFormat | undefined;

  constructor(
    private readonly find: () => GoogleAppsScript.Document.Table,
    shape: string[][][] | undefined,
    found?: GoogleAppsScript.Document.Table,
  ) {
    this.found = found;
    this.rows = shape ? shape.map((cells) => this.knownRow(cells)) : [];
    if (!shape) this.rows = new Array(this.table().getNumRows());
  }

  table(): GoogleAppsScript.Document.Table {
    this.found ??= this.find();
    return this.found;
  }

  replaceTable(table: GoogleAppsScript.Document.Table): void {
    this.found = table;
  }

  private rowIndex(row: TextPort[][]): number {
    const i = this.rows.indexOf(row);
    if (i < 0) throw new Error('Строка таблицы уже удалена.');
    return i;
  }

  /**
   * After the table is rebuilt with `texts` in place of row `row`: every paragraph is looked up in
   * the new table when edited; texts already known stay known (copied rows hold the same text).
   */
  rebuilt(row: number, texts: string[][]): void {
    const textsOf = (cells: TextPort[][] | undefined) =>
      cells ? this.knownRow(cells.map((paragraphs) => paragraphs.map((p) => p.text()))) : undefined;
    // Array.from, not map: rows never read are holes, and map would keep them as holes.
    this.rows = [
      ...Array.from(this.rows.slice(0, row), textsOf),
      ...texts.map((cells) => this.knownRow(cells.map((text) => [text]))),
      ...Array.from(this.rows.slice(row + 1), textsOf),
    ];
  }

  /** Cells whose texts are known: each paragraph is looked up through its row and cell when edited. */
  private knownRow(cells: string[][]): TextPort[][] {
    const row: TextPort[][] = cells.map((paragraphs, c) =>
      paragraphs.map(
        (text, i) =>
          new TextOf(() => holderOf(this.table().getRow(this.rowIndex(row)).getCell(c).getChild(i)), text),
      ),
    );
    return row;
  }

  cells(row: number): TextPort[][] {
    const known = this.rows[row];
    if (known) return known;
    const r = this.table().getRow(row);
    const cells: TextPort[][] = [];
    for (let c = 0, n = r.getNumCells(); c < n; c++) {
      const cell = r.getCell(c);
      const paragraphs: TextPort[] = [];
      for (let i = 0, n = cell.getNumChildren(); i < n; i++) {
        const holder = textHolder(cell.getChild(i));
        if (holder) paragraphs.push(new TextOf(() => holder));
      }
      cells.push(paragraphs);
    }
    this.rows[row] = cells;
    return cells;
  }

  /** The texts of every cell, read now: a template's first copy is read whole. */
  shape(): string[][][] {
    return Array.from(this.rows, (_, r) =>
      this.cells(r).map((paragraphs) => paragraphs.map((p) => p.text())),
    );
  }
}

export class GasDocumentPort implements DocumentPort {
  private readonly tables = new WeakMap<BlockPort, TableBlock>();
  /** The body's blocks in order, kept in step with every insert and removal made through this port. */
  private readonly known: BlockPort[];

  /** Tables whose rows repeat or stay whole: DocumentApp cannot set that, the Docs API does (tableRows.ts). */
  readonly rowLayouts: TableRows[] = [];

  /** Placeholders to replace document-wide after the save (one Docs API request each, in one batch). */
  readonly replacements = new Map<string, string>();

  /**
   * `batched`: the Docs API is there, so placeholders that read the same everywhere wait for it.
   * `shapes`: bodies already read in this run, by their text; a copy whose getText() matches one is
   * not read again (the copy is that template's snapshot), and a new one is read whole and added.
   */
  constructor(
    private readonly body: Body,
    batched = false,
    shapes?: BodyShapes,
  ) {
    if (!batched) this.replaceAll = undefined;
    const text = shapes ? body.getText() : '';
    const shape = shapes?.get(text);
    if (shape) this.known = shape.map((block) => this.portOf(block));
    else {
      this.known = [];
      for (let i = 0, n = body.getNumChildren(); i < n; i++) this.known.push(this.port(body.getChild(i)));
      if (shapes) shapes.set(text, this.shape());
    }
  }

  replaceAll?: (replacements: ReadonlyMap<string, string>) => void = (replacements) => {
    for (const [from, to] of replacements) this.replacements.set(from, to);
  };

  private indexOf(block: BlockPort): number {
    const i = this.known.indexOf(block);
    if (i < 0) throw new Error('Блок не из этого документа.');
    return i;
  }

  private element(block: BlockPort): Element {
    const table = this.tables.get(block);
    if (table) return table.table();
    if (block.kind === 'paragraph' && block.paragraph instanceof TextOf) return block.paragraph.holder();
    return this.body.getChild(this.indexOf(block));
  }

  private shape(): BlockShape[] {
    return this.known.map((block): BlockShape => {
      if (block.kind === 'paragraph') return { kind: 'paragraph', text: block.paragraph.text() };
      const table = this.tables.get(block);
      return table ? { kind: 'table', rows: table.shape() } : { kind: 'other' };
    });
  }

  blocks(): BlockPort[] {
    return [...this.known];
  }

  cloneAfter(source: BlockPort, anchor: BlockPort): BlockPort {
    const from = this.element(source);
    const index = this.indexOf(anchor) + 1;
    const type = from.getType();
    let made: BlockPort;
    if (type === DocumentApp.ElementType.TABLE) {
      made = this.port(this.body.insertTable(index, from.asTable().copy()));
    } else {
      const copy =
        type === DocumentApp.ElementType.LIST_ITEM
          ? this.body.insertListItem(index, from.asListItem().copy())
          : this.body.insertParagraph(index, from.asParagraph().copy());
      const text = source.kind === 'paragraph' ? source.paragraph.text() : undefined;
      made = this.paragraphPort(() => copy, text);
    }
    this.known.splice(index, 0, made);
    // A table put last gets an empty paragraph after it, as Docs keeps one at a body's end.
    if (type === DocumentApp.ElementType.TABLE && this.body.getNumChildren() > this.known.length)
      this.known.push(this.port(this.body.getChild(this.known.length)));
    return made;
  }

  /** The table's place among the body's tables, counted over the blocks as they stand now. */
  private noteRows(block: BlockPort, format: TableFormat): void {
    if (!format.headerRows && !format.keepRows) return;
    const tableIndex = this.known.slice(0, this.indexOf(block)).filter((b) => b.kind === 'table').length;
    this.rowLayouts.push({ tableIndex, headerRows: format.headerRows ?? 0, keepRows: !!format.keepRows });
  }

  /**
   * Lays out the tables the template asked to ({{таблица …}}), once each, on the table as it stands
   * after its rows are filled. Call after fillTemplate, before the document is saved.
   */
  finish(): void {
    for (const block of this.known) {
      const table = this.tables.get(block);
      if (!table?.format) continue;
      layOut(table.table(), table.format);
      this.noteRows(block, table.format);
    }
  }

  private removeBlock(block: BlockPort): void {
    const index = this.indexOf(block);
    // Google Docs refuses to remove a body's last paragraph: it is emptied instead.
    if (block.kind === 'paragraph' && index === this.known.length - 1) {
      if (block.paragraph.text() !== '') (this.element(block) as TextHolder).setText('');
      return;
    }
    const el = this.element(block);
    this.known.splice(index, 1);
    if (block.kind === 'table') el.asTable().removeFromParent();
    else if (block.kind === 'paragraph') (el as TextHolder).removeFromParent();
    else el.removeFromParent();
  }

  private paragraphPort(find: () => TextHolder, text?: string): BlockPort {
    const made: BlockPort = {
      kind: 'paragraph',
      paragraph: new TextOf(find, text),
      remove: () => this.removeBlock(made),
    };
    return made;
  }

  private tablePort(table: TableBlock): BlockPort {
    const made: BlockPort = {
      kind: 'table',
      table: {
        rowCount: () => table.rows.length,
        cells: (row) => table.cells(row),
        duplicateRow: (row, at) => {
          table.table().insertTableRow(at, table.table().getRow(row).copy());
          table.rows.splice(at, 0, undefined);
        },
        removeRow: (row) => {
          table.table().removeRow(row);
          table.rows.splice(row, 1);
        },
        // One insertTable from a 2D array instead of a copy and edits per cell: the other rows are
        // carried over as copies (formatting included); the layout is set on the new table.
        replaceRow: (row, texts) => {
          const old = table.table();
          const count = table.rows.length;
          const columns = count > 0 ? table.cells(0).length : 0;
          const rebuilt = this.body.insertTable(this.indexOf(made), texts);
          for (let r = 0; r < row; r++) rebuilt.insertTableRow(r, old.getRow(r).copy());
          for (let r = row + 1; r < count; r++) rebuilt.appendTableRow(old.getRow(r).copy());
          copyLayout(old, rebuilt, columns, table.format);
          old.removeFromParent();
          table.replaceTable(rebuilt);
          table.rebuilt(row, texts);
        },
        format: (f) => {
          table.format = f;
        },
      },
      remove: () => this.removeBlock(made),
    };
    this.tables.set(made, table);
    return made;
  }

  /** A block known from an earlier copy of the template: its element is looked up when edited. */
  private portOf(shape: BlockShape): BlockPort {
    // The port is made before its element is looked up, which asks where the port stands.
    const box: { port?: BlockPort } = {};
    const at = () => this.body.getChild(this.indexOf(box.port as BlockPort));
    if (shape.kind === 'paragraph') box.port = this.paragraphPort(() => holderOf(at()), shape.text);
    else if (shape.kind === 'table')
      box.port = this.tablePort(new TableBlock(() => at().asTable(), shape.rows));
    else {
      const made: BlockPort = { kind: 'other', remove: () => this.removeBlock(made) };
      box.port = made;
    }
    return box.port;
  }

  private port(el: Element): BlockPort {
    const holder = textHolder(el);
    if (holder) return this.paragraphPort(() => holder);
    if (el.getType() === DocumentApp.ElementType.TABLE) {
      const table = el.asTable();
      return this.tablePort(new TableBlock(() => table, undefined, table));
    }
    const made: BlockPort = { kind: 'other', remove: () => this.removeBlock(made) };
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
