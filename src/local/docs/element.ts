// The element tree Apps Script's DocumentApp exposes, from its root: what every element does. Elements
// know their parent, because Apps Script refuses to insert an element that still has one ("Element
// must be detached.") and copy() makes detached deep copies.
import type { ServiceContext } from '../context';
import type { Body, DocContainer, Table, TableCell, TableRow } from './containers';
import type { ListItem, Paragraph, TextBlock } from './textBlocks';

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
export type ElementType = GoogleAppsScript.Document.ElementType;
export type ParagraphHeading = GoogleAppsScript.Document.ParagraphHeading;
export type HorizontalAlignment = GoogleAppsScript.Document.HorizontalAlignment;
export type GlyphType = GoogleAppsScript.Document.GlyphType;

export const detachedMessage = 'Element must be detached.';
export const childIndexMessage = (i: number, n: number) =>
  `Child index (${i}) must be less than the number of child elements (${n}).`;

export abstract class DocElement {
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
    return this.as<Paragraph>('PARAGRAPH');
  }
  asListItem(): ListItem {
    return this.as<ListItem>('LIST_ITEM');
  }
  asTable(): Table {
    return this.as<Table>('TABLE');
  }
  asTableRow(): TableRow {
    return this.as<TableRow>('TABLE_ROW');
  }
  asTableCell(): TableCell {
    return this.as<TableCell>('TABLE_CELL');
  }
  asBody(): Body {
    return this.as<Body>('BODY_SECTION');
  }

  // By type name, not instanceof: the element classes' modules load after this one.
  private as<T extends DocElement>(type: ElementTypeName): T {
    if (this.typeName === type) return this as unknown as T;
    return this.fail(`Element of type ${this.typeName} cannot be cast.`);
  }
}
