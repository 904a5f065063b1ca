// Text: the characters of a text block (or of all blocks of a container) and their styles.
import type { Implements } from '../services';
import type { ElementType } from './element';
import {
  type RunStyle,
  replaceInRuns,
  runsText,
  spliceRuns,
  styleAt,
  styleRuns,
  type TextRun,
} from './model';
import type { TextBlock } from './textBlocks';

/** Something whose characters a Text view edits: one text block, or all blocks of a container. */
export interface RunOwner {
  readonly runs: TextRun[];
  setRuns(runs: TextRun[]): void;
}

/**
 * A container's text as one Text (paragraphs joined by newlines), as Apps Script's
 * container.editAsText() gives: styling applies across blocks; an edit that changes the number of
 * lines puts the text in the first block and empties the rest.
 */
export class BlocksText implements RunOwner {
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
  /** `count`: a Text the script holds (editAsText) counts each call; the fakes' own views do not. */
  constructor(
    private readonly owner: RunOwner,
    private readonly count: (method: string) => void = () => undefined,
  ) {}

  setFontSize(...args: [number] | [number, number, number]): Text {
    this.count('setFontSize');
    const [start, end, size] = args.length === 1 ? [0, runsText(this.runs).length - 1, args[0]] : args;
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
    this.count('getText');
    return runsText(this.runs);
  }
  setText(text: string): Text {
    this.count('setText');
    this.runs = [{ text: String(text), ...styleAt(this.runs, 0) }];
    return this;
  }
  appendText(text: string): Text {
    this.count('appendText');
    const length = runsText(this.runs).length;
    this.runs = spliceRuns(this.runs, length, length, String(text), styleAt(this.runs, length));
    return this;
  }
  insertText(offset: number, text: string): Text {
    this.count('insertText');
    this.runs = spliceRuns(this.runs, offset, offset, String(text));
    return this;
  }
  deleteText(startOffset: number, endOffsetInclusive: number): Text {
    this.count('deleteText');
    this.runs = spliceRuns(this.runs, startOffset, endOffsetInclusive + 1, '');
    return this;
  }
  replaceText(pattern: string, replacement: string): Text {
    this.count('replaceText');
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
    this.count(`set${key[0].toUpperCase()}${key.slice(1)}`);
    const [start, end, value] = args.length === 1 ? [0, runsText(this.runs).length - 1, args[0]] : args;
    this.runs = styleRuns(this.runs, start, end + 1, { [key]: !!value });
    return this;
  }

  /** Without an offset: true only when the whole text has the style (Apps Script returns null when mixed). */
  private styleIs(key: keyof RunStyle, offset?: number | null): boolean {
    this.count(`is${key[0].toUpperCase()}${key.slice(1)}`);
    if (offset !== undefined && offset !== null) return !!styleAt(this.runs, offset)[key];
    return this.runs.length > 0 && this.runs.every((r) => !!r[key]);
  }
}
