// RangeElement: where findText found a match.
import type { Text } from './text';
import type { TextBlock } from './textBlocks';

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
