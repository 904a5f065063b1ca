// The element tree Apps Script's DocumentApp exposes: Body, Paragraph, ListItem, Table, TableRow,
// TableCell and Text. Elements know their parent, because Apps Script refuses to insert an element
// that still has one ("Element must be detached.") and copy() makes detached deep copies.

import type { ServiceContext } from '../context';
import type { Implements } from '../services';
import {
  type Alignment,
  type BlockNode,
  type Glyph,
  type Heading,
  type ListItemNode,
  type ParagraphNode,
  type RunStyle,
  replaceInRuns,
  runsText,
  spliceRuns,
  styleAt,
  styleRuns,
  type TableNode,
  type TextBlockNode,
  type TextRun,
} from './model';

/** The open document an element belongs to: counts calls and learns about changes. */
export interface DocHost {
  readonly ctx: ServiceContext;
  readonly docId: string;
  changed(): void;
}

export const ELEMENT_TYPES = [
  'BODY_SECTION',
  'PARAGRAPH',
  'LIST_ITEM',
  'TABLE',
  'TABLE_ROW',
  'TABLE_CELL',
  'TEXT',
] as const;
type ElementTypeName = (typeof ELEMENT_TYPES)[number];
/** Counted as Apps Script's class names, e.g. 'DocumentApp' / 'Paragraph.setText'. */
const CLASS_NAMES: Record<ElementTypeName, string> = {
  BODY_SECTION: 'Body',
  PARAGRAPH: 'Paragraph',
  LIST_ITEM: 'ListItem',
  TABLE: 'Table',
  TABLE_ROW: 'TableRow',
  TABLE_CELL: 'TableCell',
  TEXT: 'Text',
};
type ElementType = GoogleAppsScript.Document.ElementType;
type ParagraphHeading = GoogleAppsScript.Document.ParagraphHeading;
type HorizontalAlignment = GoogleAppsScript.Document.HorizontalAlignment;
type GlyphType = GoogleAppsScript.Document.GlyphType;

const detachedMessage = 'Element must be detached.';
const childIndexMessage = (i: number, n: number) =>
  `Child index (${i}) must be less than the number of child elements (${n}).`;

abstract class DocElement {
  parent: DocContainer<DocElement> | null = null;
  abstract readonly typeName: ElementTypeName;

  constructor(public host: DocHost) {}

  protected call(method: string): void {
    this.host.ctx.count('DocumentApp', `${CLASS_NAMES[this.typeName]}.${method}`, this.host.docId);
  }

  protected fail(message: string): never {
    throw this.host.ctx.error(message);
  }

  getType(): ElementType {
    return this.typeName as unknown as ElementType;
  }

  getParent(): DocElement | null {
    this.call('getParent');
    return this.parent;
  }

  abstract getText(): string;
  /** The text without counting a service call (internal use). */
  abstract textContent(): string;
  abstract copy(): DocElement;
  abstract replaceText(pattern: string, replacement: string): DocElement;
  /** Text blocks inside, in document order (for replaceText and findText). */
  abstract textBlocks(): TextBlock[];

  /** Moves a (possibly foreign) detached element into this element's document. */
  adopt(host: DocHost): void {
    this.host = host;
  }

  removeFromParent(): this {
    this.call('removeFromParent');
    this.parent?.detach(this);
    return this;
  }

  isAtDocumentEnd(): boolean {
    return false;
  }

  asParagraph(): Paragraph {
    return this.as(Paragraph);
  }
  asListItem(): ListItem {
    return this.as(ListItem);
  }
  asTable(): Table {
    return this.as(Table);
  }
  asTableRow(): TableRow {
    return this.as(TableRow);
  }
  asTableCell(): TableCell {
    return this.as(TableCell);
  }
  asBody(): Body {
    return this.as(Body);
  }

  private as<T>(kind: abstract new (...args: never[]) => T): T {
    if (this instanceof kind) return this as T;
    return this.fail(`Element of type ${this.typeName} cannot be cast.`);
  }
}

/** Something whose characters a Text view edits: one text block, or all blocks of a container. */
interface RunOwner {
  readonly runs: TextRun[];
  setRuns(runs: TextRun[]): void;
}

/**
 * A container's text as one Text (paragraphs joined by newlines), as Apps Script's
 * container.editAsText() gives: styling applies across blocks; an edit that changes the number of
 * lines puts the text in the first block and empties the rest.
 */
class BlocksText implements RunOwner {
  constructor(private readonly blocks: TextBlock[]) {}

  get runs(): TextRun[] {
    return this.blocks.flatMap((b, i) => (i === 0 ? b.runs : [{ text: '\n' }, ...b.runs]));
  }

  setRuns(runs: TextRun[]): void {
    const lines: TextRun[][] = [[]];
    for (const run of runs) {
      const parts = run.text.split('\n');
      parts.forEach((text, i) => {
        if (i > 0) lines.push([]);
        if (text) lines[lines.length - 1].push({ ...run, text });
      });
    }
    const fits = lines.length === this.blocks.length;
    for (const [i, block] of this.blocks.entries()) block.setRuns(fits ? lines[i] : i === 0 ? runs : []);
  }
}

/** A view over a text block's characters: what editAsText() returns. */
export class Text
  implements
    Implements<
      GoogleAppsScript.Document.Text,
      | 'getText'
      | 'setText'
      | 'appendText'
      | 'insertText'
      | 'deleteText'
      | 'replaceText'
      | 'setBold'
      | 'setItalic'
      | 'setUnderline'
      | 'isBold'
      | 'isItalic'
      | 'isUnderline'
      | 'getType'
      | 'setFontSize'
    >
{
  constructor(private readonly owner: RunOwner) {}

  setFontSize(...args: [number] | [number, number, number]): Text {
    const [start, end, size] = args.length === 1 ? [0, this.getText().length - 1, args[0]] : args;
    this.runs = styleRuns(this.runs, start, end + 1, { fontSize: size });
    return this;
  }

  private get runs(): TextRun[] {
    return this.owner.runs;
  }
  private set runs(runs: TextRun[]) {
    this.owner.setRuns(runs);
  }

  getType(): ElementType {
    return 'TEXT' as unknown as ElementType;
  }
  getText(): string {
    return runsText(this.runs);
  }
  setText(text: string): Text {
    this.runs = [{ text: String(text), ...styleAt(this.runs, 0) }];
    return this;
  }
  appendText(text: string): Text {
    const length = this.getText().length;
    this.runs = spliceRuns(this.runs, length, length, String(text), styleAt(this.runs, length));
    return this;
  }
  insertText(offset: number, text: string): Text {
    this.runs = spliceRuns(this.runs, offset, offset, String(text));
    return this;
  }
  deleteText(startOffset: number, endOffsetInclusive: number): Text {
    this.runs = spliceRuns(this.runs, startOffset, endOffsetInclusive + 1, '');
    return this;
  }
  replaceText(pattern: string, replacement: string): Text {
    const replaced = replaceInRuns(this.runs, pattern, replacement);
    if (replaced) this.runs = replaced;
    return this;
  }
  setBold(...args: [boolean] | [number, number, boolean]): Text {
    return this.setStyle('bold', args);
  }
  setItalic(...args: [boolean] | [number, number, boolean]): Text {
    return this.setStyle('italic', args);
  }
  setUnderline(...args: [boolean] | [number, number, boolean]): Text {
    return this.setStyle('underline', args);
  }
  isBold(offset?: number | null): boolean {
    return this.styleIs('bold', offset);
  }
  isItalic(offset?: number | null): boolean {
    return this.styleIs('italic', offset);
  }
  isUnderline(offset?: number | null): boolean {
    return this.styleIs('underline', offset);
  }

  private setStyle(key: keyof RunStyle, args: [boolean] | [number, number, boolean]): Text {
    const [start, end, value] = args.length === 1 ? [0, this.getText().length - 1, args[0]] : args;
    this.runs = styleRuns(this.runs, start, end + 1, { [key]: !!value });
    return this;
  }

  /** Without an offset: true only when the whole text has the style (Apps Script returns null when mixed). */
  private styleIs(key: keyof RunStyle, offset?: number | null): boolean {
    if (offset !== undefined && offset !== null) return !!styleAt(this.runs, offset)[key];
    return this.runs.length > 0 && this.runs.every((r) => !!r[key]);
  }
}

abstract class TextBlock extends DocElement implements RunOwner {
  runs: TextRun[] = [];
  heading: Heading | undefined;
  alignment: Alignment | undefined;

  setRuns(runs: TextRun[]): void {
    this.runs = runs.filter((r) => r.text.length > 0);
    this.host.changed();
  }

  textBlocks(): TextBlock[] {
    return [this];
  }

  getText(): string {
    this.call('getText');
    return runsText(this.runs);
  }
  textContent(): string {
    return runsText(this.runs);
  }
  setText(text: string): this {
    this.call('setText');
    this.editAsText().setText(text);
    return this;
  }
  appendText(text: string): Text {
    this.call('appendText');
    return this.editAsText().appendText(text);
  }
  editAsText(): Text {
    return new Text(this);
  }
  clear(): this {
    this.call('clear');
    this.setRuns([]);
    return this;
  }
  replaceText(pattern: string, replacement: string): this {
    this.call('replaceText');
    this.editAsText().replaceText(pattern, replacement);
    return this;
  }
  getNumChildren(): number {
    return this.runs.length > 0 ? 1 : 0;
  }
  getChild(index: number): Text {
    if (index !== 0 || this.runs.length === 0) this.fail(childIndexMessage(index, this.getNumChildren()));
    return this.editAsText();
  }
  setHeading(heading: ParagraphHeading): this {
    this.call('setHeading');
    this.heading = String(heading) as Heading;
    this.host.changed();
    return this;
  }
  getHeading(): ParagraphHeading {
    return (this.heading ?? 'NORMAL') as unknown as ParagraphHeading;
  }
  setAlignment(alignment: HorizontalAlignment): this {
    this.call('setAlignment');
    this.alignment = String(alignment) as Alignment;
    this.host.changed();
    return this;
  }
  getAlignment(): HorizontalAlignment {
    return (this.alignment ?? 'LEFT') as unknown as HorizontalAlignment;
  }
  setBold(bold: boolean): this {
    this.editAsText().setBold(bold);
    return this;
  }
}

export class Paragraph
  extends TextBlock
  implements
    Implements<
      GoogleAppsScript.Document.Paragraph,
      | 'getText'
      | 'setText'
      | 'editAsText'
      | 'clear'
      | 'replaceText'
      | 'getNumChildren'
      | 'setHeading'
      | 'getHeading'
      | 'setAlignment'
      | 'getAlignment'
      | 'copy'
      | 'removeFromParent'
      | 'getType'
    >
{
  readonly typeName = 'PARAGRAPH';

  copy(): Paragraph {
    this.call('copy');
    return Paragraph.from(this.host, this.toNode());
  }
  toNode(): ParagraphNode {
    return {
      kind: 'PARAGRAPH',
      runs: this.runs.map((r) => ({ ...r })),
      heading: this.heading,
      alignment: this.alignment,
    };
  }
  static from(host: DocHost, node: ParagraphNode): Paragraph {
    const p = new Paragraph(host);
    p.runs = node.runs.map((r) => ({ ...r }));
    p.heading = node.heading;
    p.alignment = node.alignment;
    return p;
  }
}

export class ListItem
  extends TextBlock
  implements
    Implements<
      GoogleAppsScript.Document.ListItem,
      | 'getText'
      | 'setText'
      | 'editAsText'
      | 'clear'
      | 'replaceText'
      | 'getNumChildren'
      | 'setHeading'
      | 'getHeading'
      | 'setAlignment'
      | 'getAlignment'
      | 'copy'
      | 'removeFromParent'
      | 'getType'
      | 'getNestingLevel'
      | 'setNestingLevel'
      | 'getGlyphType'
      | 'setGlyphType'
      | 'getListId'
    >
{
  readonly typeName = 'LIST_ITEM';
  nesting = 0;
  glyph: Glyph = 'BULLET';
  listId = '';

  getNestingLevel(): number {
    return this.nesting;
  }
  setNestingLevel(level: number): ListItem {
    this.nesting = Math.max(0, Math.min(8, Math.floor(level)));
    this.host.changed();
    return this;
  }
  getGlyphType(): GlyphType {
    return this.glyph as unknown as GlyphType;
  }
  setGlyphType(glyph: GlyphType): ListItem {
    this.glyph = String(glyph) as Glyph;
    this.host.changed();
    return this;
  }
  getListId(): string {
    return this.listId;
  }
  copy(): ListItem {
    this.call('copy');
    return ListItem.from(this.host, this.toNode());
  }
  toNode(): ListItemNode {
    return {
      kind: 'LIST_ITEM',
      runs: this.runs.map((r) => ({ ...r })),
      heading: this.heading,
      alignment: this.alignment,
      nesting: this.nesting,
      glyph: this.glyph,
      listId: this.listId,
    };
  }
  static from(host: DocHost, node: ListItemNode): ListItem {
    const item = new ListItem(host);
    item.runs = node.runs.map((r) => ({ ...r }));
    item.heading = node.heading;
    item.alignment = node.alignment;
    item.nesting = node.nesting;
    item.glyph = node.glyph;
    item.listId = node.listId;
    return item;
  }
}

/** Parent of an ordered list of children; detaching goes through here. */
abstract class DocContainer<C extends DocElement> extends DocElement {
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
    for (const block of this.textBlocks()) block.editAsText().replaceText(pattern, replacement);
    return this;
  }
  editAsText(): Text {
    this.call('editAsText');
    return new Text(new BlocksText(this.textBlocks()));
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

export class RangeElement {
  constructor(
    readonly block: TextBlock,
    readonly start: number,
    readonly end: number,
  ) {}
  getElement(): Text {
    return this.block.editAsText();
  }
  getStartOffset(): number {
    return this.start;
  }
  getEndOffsetInclusive(): number {
    return this.end;
  }
  isPartial(): boolean {
    return true;
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
