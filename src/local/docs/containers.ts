// Body, Table, TableRow and TableCell: the elements that hold others. One module, because a table
// cell holds what the body holds and the body makes tables.
import type { Implements } from '../services';
import { childIndexMessage, DocElement, type DocHost, detachedMessage } from './element';
import { type BlockNode, runsText, type TableNode, type TextBlockNode } from './model';
import { RangeElement } from './rangeElement';
import { BlocksText, Text } from './text';
import { ListItem, Paragraph, type TextBlock } from './textBlocks';

/** Parent of an ordered list of children; detaching goes through here. */
export abstract class DocContainer<C extends DocElement> extends DocElement {
  children: C[] = [];

  detach(child: DocElement): void {
    const index = this.children.indexOf(child as C);
    if (index < 0) return;
    this.children.splice(index, 1);
    child.parent = null;
    this.host.changed();
  }

  protected attach(index: number, child: C): C {
    if (child.parent) this.fail(detachedMessage);
    if (index < 0 || index > this.children.length)
      this.fail(
        `Index (${index}) must be less than or equal to the number of child elements (${this.children.length}).`,
      );
    child.adopt(this.host);
    child.parent = this as unknown as DocContainer<DocElement>;
    this.children.splice(index, 0, child);
    this.host.changed();
    return child;
  }

  override adopt(host: DocHost): void {
    this.host = host;
    for (const child of this.children) child.adopt(host);
  }

  textBlocks(): TextBlock[] {
    return this.children.flatMap((c) => c.textBlocks());
  }

  getNumChildren(): number {
    this.call('getNumChildren');
    return this.children.length;
  }
  getChild(index: number): C {
    this.call('getChild');
    const child = this.children[index];
    if (!child) this.fail(childIndexMessage(index, this.children.length));
    return child;
  }
  getChildIndex(child: DocElement): number {
    this.call('getChildIndex');
    const index = this.children.indexOf(child as C);
    if (index < 0) this.fail('Element does not contain the specified child element.');
    return index;
  }
  replaceText(pattern: string, replacement: string): this {
    this.call('replaceText');
    for (const block of this.textBlocks()) block.text().replaceText(pattern, replacement);
    return this;
  }
  editAsText(): Text {
    this.call('editAsText');
    return new Text(new BlocksText(this.textBlocks()), (method) =>
      this.host.ctx.count('DocumentApp', `Text.${method}`, this.host.docId),
    );
  }
}

/** Body and table cells hold paragraphs, list items and (the body only) tables. */
abstract class FlowContainer extends DocContainer<Paragraph | ListItem | Table> {
  protected allowsTables = true;

  getText(): string {
    this.call('getText');
    return this.textContent();
  }
  textContent(): string {
    return this.children.map((c) => c.textContent()).join('\n');
  }
  setText(text: string): this {
    this.call('setText');
    for (const child of [...this.children]) child.parent = null;
    this.children = [];
    for (const line of String(text).split('\n')) this.placeParagraph(this.children.length, line);
    return this;
  }
  getParagraphs(): Array<Paragraph | ListItem> {
    this.call('getParagraphs');
    const found = this.textBlocks().filter(
      (b): b is Paragraph | ListItem => b instanceof Paragraph || b instanceof ListItem,
    );
    return this.host.ctx.realm.Array.from(found);
  }
  getTables(): Table[] {
    this.call('getTables');
    return this.host.ctx.realm.Array.from(this.children.filter((c): c is Table => c instanceof Table));
  }
  appendParagraph(textOrParagraph: string | Paragraph): Paragraph {
    this.call('appendParagraph');
    return this.placeParagraph(this.children.length, textOrParagraph);
  }
  insertParagraph(index: number, textOrParagraph: string | Paragraph): Paragraph {
    this.call('insertParagraph');
    return this.placeParagraph(index, textOrParagraph);
  }
  private placeParagraph(index: number, textOrParagraph: string | Paragraph): Paragraph {
    const paragraph =
      textOrParagraph instanceof Paragraph
        ? textOrParagraph
        : textParagraph(this.host, String(textOrParagraph));
    return this.attach(index, paragraph) as Paragraph;
  }
  appendListItem(textOrItem: string | ListItem): ListItem {
    this.call('appendListItem');
    return this.placeListItem(this.children.length, textOrItem);
  }
  insertListItem(index: number, textOrItem: string | ListItem): ListItem {
    this.call('insertListItem');
    return this.placeListItem(index, textOrItem);
  }
  private placeListItem(index: number, textOrItem: string | ListItem): ListItem {
    let item: ListItem;
    if (textOrItem instanceof ListItem) item = textOrItem;
    else {
      item = new ListItem(this.host);
      item.runs = textOrItem === '' ? [] : [{ text: String(textOrItem) }];
      // Consecutive items form one list, as in Docs: an item continues the list just before it.
      const before = this.children[index - 1];
      item.listId = before instanceof ListItem ? before.listId : `kix.${this.host.ctx.newId(12)}`;
      if (before instanceof ListItem) item.glyph = before.glyph;
    }
    return this.attach(index, item) as ListItem;
  }
  appendTable(cellsOrTable?: string[][] | Table): Table {
    this.call('appendTable');
    return this.placeTable(this.children.length, cellsOrTable);
  }
  insertTable(index: number, cellsOrTable?: string[][] | Table | null): Table {
    this.call('insertTable');
    return this.placeTable(index, cellsOrTable);
  }
  private placeTable(index: number, cellsOrTable?: string[][] | Table | null): Table {
    if (!this.allowsTables) this.fail('Nested tables are not supported by the offline workspace.');
    const table =
      cellsOrTable instanceof Table ? cellsOrTable : Table.fromCells(this.host, cellsOrTable ?? []);
    this.attach(index, table);
    // A body never ends with a table in Docs: an empty paragraph follows it.
    if (this.children[this.children.length - 1] === table)
      this.attach(this.children.length, textParagraph(this.host, ''));
    return table;
  }
  removeChild(child: DocElement): this {
    this.call('removeChild');
    if (!this.children.includes(child as Paragraph))
      this.fail('Element does not contain the specified child element.');
    this.detach(child);
    return this;
  }
  clear(): this {
    this.call('clear');
    for (const child of this.children) child.parent = null;
    this.children = [];
    this.attach(0, textParagraph(this.host, ''));
    return this;
  }

  /** Basic findText: the first match after `from` in document order, within one text block. */
  findText(pattern: string, from?: RangeElement | null): RangeElement | null {
    this.call('findText');
    const blocks = this.textBlocks();
    const regex = new RegExp(pattern, 'g');
    let started = !from;
    for (const block of blocks) {
      const text = runsText(block.runs);
      regex.lastIndex = 0;
      if (!started) {
        if (from?.block !== block) continue;
        started = true;
        regex.lastIndex = from.end + 1;
      }
      const match = regex.exec(text);
      if (match && match[0].length > 0)
        return new RangeElement(block, match.index, match.index + match[0].length - 1);
    }
    return null;
  }

  toNodes(): BlockNode[] {
    return this.children.map((c) => c.toNode());
  }
  loadNodes(nodes: BlockNode[]): void {
    for (const node of nodes) this.attach(this.children.length, blockFrom(this.host, node));
  }
}

export class Body
  extends FlowContainer
  implements
    Implements<
      GoogleAppsScript.Document.Body,
      | 'getText'
      | 'setText'
      | 'getNumChildren'
      | 'getChild'
      | 'getParagraphs'
      | 'getTables'
      | 'appendParagraph'
      | 'insertParagraph'
      | 'appendListItem'
      | 'insertListItem'
      | 'replaceText'
      | 'clear'
      | 'copy'
      | 'getType'
    >
{
  readonly typeName = 'BODY_SECTION';

  copy(): Body {
    this.call('copy');
    const body = new Body(this.host);
    body.loadNodes(this.toNodes());
    return body;
  }
  override detach(child: DocElement): void {
    const last =
      this.children.filter((c) => c instanceof Paragraph).length === 1 && child instanceof Paragraph;
    if (last) this.fail("Can't remove the last paragraph in a document section.");
    super.detach(child);
  }
}

export class TableCell
  extends FlowContainer
  implements
    Implements<
      GoogleAppsScript.Document.TableCell,
      | 'getText'
      | 'setText'
      | 'getNumChildren'
      | 'getChild'
      | 'appendParagraph'
      | 'insertParagraph'
      | 'appendListItem'
      | 'replaceText'
      | 'clear'
      | 'copy'
      | 'getColSpan'
      | 'getRowSpan'
      | 'removeFromParent'
      | 'getType'
    >
{
  readonly typeName = 'TABLE_CELL';
  protected override allowsTables = false;

  getColSpan(): number {
    return 1;
  }
  getRowSpan(): number {
    return 1;
  }
  getParentRow(): TableRow | null {
    return this.parent as TableRow | null;
  }
  getParentTable(): Table | null {
    return (this.parent?.parent ?? null) as Table | null;
  }
  copy(): TableCell {
    this.call('copy');
    return TableCell.from(this.host, { children: this.toNodes() as TextBlockNode[] });
  }
  /** An empty cell still holds one empty paragraph, as in Docs. */
  static from(host: DocHost, node: { children: TextBlockNode[] }): TableCell {
    const cell = new TableCell(host);
    cell.loadNodes(node.children.length > 0 ? node.children : [{ kind: 'PARAGRAPH', runs: [] }]);
    return cell;
  }
}

export class TableRow
  extends DocContainer<TableCell>
  implements
    Implements<
      GoogleAppsScript.Document.TableRow,
      | 'getText'
      | 'getNumCells'
      | 'getCell'
      | 'removeCell'
      | 'getNumChildren'
      | 'getChild'
      | 'replaceText'
      | 'copy'
      | 'removeFromParent'
      | 'getType'
    >
{
  readonly typeName = 'TABLE_ROW';

  getText(): string {
    this.call('getText');
    return this.textContent();
  }
  textContent(): string {
    return this.children.map((c) => c.textContent()).join('\t');
  }
  getNumCells(): number {
    this.call('getNumCells');
    return this.children.length;
  }
  getCell(index: number): TableCell {
    this.call('getCell');
    const cell = this.children[index];
    if (!cell) this.fail(childIndexMessage(index, this.children.length));
    return cell;
  }
  appendTableCell(textOrCell?: string | TableCell): TableCell {
    this.call('appendTableCell');
    const cell = textOrCell instanceof TableCell ? textOrCell : cellWithText(this.host, textOrCell ?? '');
    return this.attach(this.children.length, cell);
  }
  insertTableCell(index: number, textOrCell?: string | TableCell): TableCell {
    this.call('insertTableCell');
    const cell = textOrCell instanceof TableCell ? textOrCell : cellWithText(this.host, textOrCell ?? '');
    return this.attach(index, cell);
  }
  removeCell(index: number): TableCell {
    return this.getCell(index).removeFromParent();
  }
  getParentTable(): Table | null {
    return this.parent as Table | null;
  }
  copy(): TableRow {
    this.call('copy');
    return TableRow.from(this.host, this.toNode());
  }
  toNode(): TableNode['rows'][number] {
    return { cells: this.children.map((c) => ({ children: c.toNodes() as TextBlockNode[] })) };
  }
  static from(host: DocHost, node: TableNode['rows'][number]): TableRow {
    const row = new TableRow(host);
    for (const cell of node.cells) row.attach(row.children.length, TableCell.from(host, cell));
    return row;
  }
}

export class Table
  extends DocContainer<TableRow>
  implements
    Implements<
      GoogleAppsScript.Document.Table,
      | 'getText'
      | 'getNumRows'
      | 'getRow'
      | 'getCell'
      | 'removeRow'
      | 'getNumChildren'
      | 'getChild'
      | 'replaceText'
      | 'copy'
      | 'removeFromParent'
      | 'getType'
      | 'setColumnWidth'
      | 'getColumnWidth'
      | 'setBorderWidth'
      | 'getBorderWidth'
    >
{
  readonly typeName = 'TABLE';
  layout: Omit<TableNode, 'kind' | 'rows'> = {};

  setColumnWidth(columnIndex: number, width: number): Table {
    this.call('setColumnWidth');
    const widths = [...(this.layout.widths ?? [])];
    while (widths.length <= columnIndex) widths.push(null);
    widths[columnIndex] = width;
    this.layout.widths = widths;
    this.host.changed();
    return this;
  }
  getColumnWidth(columnIndex: number): number {
    this.call('getColumnWidth');
    return this.layout.widths?.[columnIndex] ?? 0;
  }
  setBorderWidth(width: number): Table {
    this.call('setBorderWidth');
    this.layout.borderWidth = width;
    this.host.changed();
    return this;
  }
  getBorderWidth(): number {
    this.call('getBorderWidth');
    return this.layout.borderWidth ?? 1;
  }

  getText(): string {
    this.call('getText');
    return this.textContent();
  }
  textContent(): string {
    return this.children.map((r) => r.textContent()).join('\n');
  }
  getNumRows(): number {
    this.call('getNumRows');
    return this.children.length;
  }
  getRow(index: number): TableRow {
    this.call('getRow');
    const row = this.children[index];
    if (!row) this.fail(childIndexMessage(index, this.children.length));
    return row;
  }
  getCell(rowIndex: number, cellIndex: number): TableCell {
    return this.getRow(rowIndex).getCell(cellIndex);
  }
  appendTableRow(row?: TableRow): TableRow {
    this.call('appendTableRow');
    return this.attach(this.children.length, row ?? new TableRow(this.host));
  }
  insertTableRow(index: number, row?: TableRow): TableRow {
    this.call('insertTableRow');
    return this.attach(index, row ?? new TableRow(this.host));
  }
  removeRow(index: number): TableRow {
    return this.getRow(index).removeFromParent();
  }
  copy(): Table {
    this.call('copy');
    return Table.from(this.host, this.toNode());
  }
  toNode(): TableNode {
    return { kind: 'TABLE', rows: this.children.map((r) => r.toNode()), ...this.layout };
  }
  static from(host: DocHost, node: TableNode): Table {
    const table = new Table(host);
    const { kind: _kind, rows: _rows, ...layout } = node;
    table.layout = { ...layout };
    for (const row of node.rows) table.attach(table.children.length, TableRow.from(host, row));
    return table;
  }
  static fromCells(host: DocHost, cells: string[][]): Table {
    return Table.from(host, {
      kind: 'TABLE',
      rows: Array.from(cells, (row) => ({
        cells: Array.from(row, (text) => ({
          children: [{ kind: 'PARAGRAPH' as const, runs: text === '' ? [] : [{ text: String(text) }] }],
        })),
      })),
    });
  }
}

function textParagraph(host: DocHost, text: string): Paragraph {
  return Paragraph.from(host, { kind: 'PARAGRAPH', runs: text === '' ? [] : [{ text }] });
}

function cellWithText(host: DocHost, text: string): TableCell {
  return TableCell.from(host, { children: [{ kind: 'PARAGRAPH', runs: text === '' ? [] : [{ text }] }] });
}

function blockFrom(host: DocHost, node: BlockNode): Paragraph | ListItem | Table {
  if (node.kind === 'PARAGRAPH') return Paragraph.from(host, node);
  if (node.kind === 'LIST_ITEM') return ListItem.from(host, node);
  return Table.from(host, node);
}
