// ItemResponse: one answer of a response.
import type { Implements } from '../services';
import type { FakeItem } from './item';
import type { Answer } from './model';

export class FakeItemResponse
  implements Implements<GoogleAppsScript.Forms.ItemResponse, 'getItem' | 'getResponse'>
{
  constructor(
    private readonly item: FakeItem,
    private readonly value: Answer,
  ) {}

  getItem(): FakeItem {
    return this.item;
  }

  getResponse(): Answer {
    return Array.isArray(this.value)
      ? (this.value.map((v) => (Array.isArray(v) ? [...v] : v)) as Answer)
      : this.value;
  }

  get itemId(): number {
    return this.item.getId();
  }
}
