// Paragraph and ListItem: the text blocks of a document, styled runs of text with a heading and an
// alignment.
import type { Implements } from '../services';
import {
  childIndexMessage,
  DocElement,
  type DocHost,
  type GlyphType,
  type HorizontalAlignment,
  type ParagraphHeading,
} from './element';
import {
  type Alignment,
  type Glyph,
  type Heading,
  type ListItemNode,
  type ParagraphNode,
  runsText,
  type TextRun,
} from './model';
import { type RunOwner, Text } from './text';

export abstract class TextBlock extends DocElement implements RunOwner {
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
    this.text().setText(text);
    return this;
  }
  appendText(text: string): Text {
    this.call('appendText');
    return this.text().appendText(text);
  }
  /** The block's characters as a Text, its calls counted as Apps Script's Text calls. */
  editAsText(): Text {
    this.call('editAsText');
    return new Text(this, (method) => this.host.ctx.count('DocumentApp', `Text.${method}`, this.host.docId));
  }
  /** The same without counting: the fakes' own edits, which Apps Script makes in the one call. */
  text(): Text {
    return new Text(this);
  }
  clear(): this {
    this.call('clear');
    this.setRuns([]);
    return this;
  }
  replaceText(pattern: string, replacement: string): this {
    this.call('replaceText');
    this.text().replaceText(pattern, replacement);
    return this;
  }
  getNumChildren(): number {
    return this.runs.length > 0 ? 1 : 0;
  }
  getChild(index: number): Text {
    if (index !== 0 || this.runs.length === 0) this.fail(childIndexMessage(index, this.getNumChildren()));
    return this.text();
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
    this.text().setBold(bold);
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
