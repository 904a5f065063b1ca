// What template filling needs from a document, so the same code fills a Google Doc (src/gas), a
// .docx in the offline workspace (through the same Apps Script fakes) and a plain model in tests.
import type { TableFormat } from './syntax';

/** A paragraph, list item or paragraph of a table cell. */
export interface TextPort {
  text(): string;
  /** Replaces characters [start, end) with value; the inserted text takes the formatting at start. */
  replace(start: number, end: number, value: string): void;
}

export interface TablePort {
  rowCount(): number;
  /** Paragraphs of each cell of the row. */
  cells(row: number): TextPort[][];
  /** Inserts a copy of row `row` (formatting included) at index `at`. */
  duplicateRow(row: number, at: number): void;
  removeRow(row: number): void;
  /**
   * Replaces row `row` with rows holding these texts (one paragraph per cell), in one call where the
   * document can (Docs builds a table from a 2D array in one round trip); the new rows take the
   * table's layout, not the replaced row's character formatting. A port without it gets
   * duplicateRow and per-cell edits instead.
   */
  replaceRow?(row: number, texts: string[][]): void;
  /** Lays the table out ({{таблица …}} before it); a port that cannot does nothing. */
  format?(format: TableFormat): void;
}

export type BlockPort =
  | { kind: 'paragraph'; paragraph: TextPort; remove(): void }
  | { kind: 'table'; table: TablePort; remove(): void }
  | { kind: 'other'; remove(): void };

export interface DocumentPort {
  /** The body's children in order, as they are now. */
  blocks(): BlockPort[];
  /** Inserts a copy of `source` (formatting included) right after `anchor`; returns the copy. */
  cloneAfter(source: BlockPort, anchor: BlockPort): BlockPort;
  /**
   * Replaces every occurrence of each placeholder's literal text with its value, all in one request
   * where the document can (the Docs API's replaceAllText), after every other edit. The filler hands
   * over only placeholders that read the same everywhere in the document and only when no value holds
   * «{{» or «}}», so nothing inserted is ever substituted again. A port without it gets edits in place.
   */
  replaceAll?(replacements: ReadonlyMap<string, string>): void;
}

/** A document as plain data: the shape of the default templates and of the in-memory document. */
export type ParagraphStyle = 'title' | 'heading' | 'normal';
export type Alignment = 'left' | 'center' | 'right' | 'justify';

export interface ParagraphSpec {
  kind: 'paragraph';
  text: string;
  style?: ParagraphStyle;
  align?: Alignment;
  bold?: boolean;
}

export interface TableSpec {
  kind: 'table';
  /** rows → cells → the cell's text (one paragraph). The first row is a header when `header`. */
  rows: string[][];
  header?: boolean;
  /** Set by a {{таблица …}} paragraph when the template is filled. */
  format?: TableFormat;
}

export type BlockSpec = ParagraphSpec | TableSpec;

export interface DocumentSpec {
  blocks: BlockSpec[];
}

class MemoryText implements TextPort {
  constructor(
    private readonly get: () => string,
    private readonly set: (s: string) => void,
  ) {}
  text(): string {
    return this.get();
  }
  replace(start: number, end: number, value: string): void {
    const t = this.get();
    this.set(t.slice(0, start) + value + t.slice(end));
  }
}

/** A DocumentSpec that can be filled in place: used by tests and by previews without Drive. */
export class MemoryDocument implements DocumentPort {
  readonly spec: DocumentSpec;

  /** `documentWide`: false — a document that can only be edited in place (no replaceAll). */
  constructor(spec: DocumentSpec, documentWide = true) {
    this.spec = JSON.parse(JSON.stringify(spec)) as DocumentSpec;
    if (!documentWide) this.replaceAll = undefined;
  }

  private readonly specOf = new WeakMap<BlockPort, BlockSpec>();

  cloneAfter(source: BlockPort, anchor: BlockPort): BlockPort {
    const from = this.specOf.get(source);
    const after = this.specOf.get(anchor);
    if (!from || !after) throw new Error('cloneAfter: блок не из этого документа');
    const copy = JSON.parse(JSON.stringify(from)) as BlockSpec;
    this.spec.blocks.splice(this.spec.blocks.indexOf(after) + 1, 0, copy);
    return this.port(copy);
  }

  blocks(): BlockPort[] {
    return this.spec.blocks.map((block) => this.port(block));
  }

  private port(block: BlockSpec): BlockPort {
    const made = ((): BlockPort => {
      const remove = () => {
        const i = this.spec.blocks.indexOf(block);
        if (i >= 0) this.spec.blocks.splice(i, 1);
      };
      if (block.kind === 'paragraph') {
        return {
          kind: 'paragraph' as const,
          remove,
          paragraph: new MemoryText(
            () => block.text,
            (s) => {
              block.text = s;
            },
          ),
        };
      }
      const table: TablePort = {
        rowCount: () => block.rows.length,
        cells: (row) =>
          block.rows[row].map(
            (_, c) =>
              [
                new MemoryText(
                  () => block.rows[row][c],
                  (s) => {
                    block.rows[row][c] = s;
                  },
                ),
              ] as TextPort[],
          ),
        duplicateRow: (row, at) => {
          block.rows.splice(at, 0, [...block.rows[row]]);
        },
        removeRow: (row) => {
          block.rows.splice(row, 1);
        },
        replaceRow: (row, texts) => {
          block.rows.splice(row, 1, ...texts.map((r) => [...r]));
        },
        format: (format) => {
          block.format = format;
        },
      };
      return { kind: 'table' as const, table, remove };
    })();
    this.specOf.set(made, block);
    return made;
  }

  replaceAll?: (replacements: ReadonlyMap<string, string>) => void = (replacements) => {
    const replace = (text: string) => {
      let out = text;
      for (const [from, to] of replacements) out = out.split(from).join(to);
      return out;
    };
    for (const block of this.spec.blocks) {
      if (block.kind === 'paragraph') block.text = replace(block.text);
      else block.rows = block.rows.map((row) => row.map(replace));
    }
  };

  /** Plain text, one line per paragraph or table row (cells separated by « | »). */
  text(): string {
    return this.spec.blocks
      .map((b) => (b.kind === 'paragraph' ? b.text : b.rows.map((r) => r.join(' | ')).join('\n')))
      .join('\n');
  }
}
