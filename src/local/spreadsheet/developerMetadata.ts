// DeveloperMetadata attached to a sheet or a spreadsheet.
import type { Implements } from '../services';
import type { BookRef } from './bookRef';

export class FakeDeveloperMetadata
  implements
    Implements<GoogleAppsScript.Spreadsheet.DeveloperMetadata, 'getId' | 'getKey' | 'getValue' | 'remove'>
{
  constructor(
    private readonly book: BookRef,
    private readonly id: number,
    private readonly key: string,
    private readonly value: string | null,
  ) {}

  getId(): number {
    return this.id;
  }

  getKey(): string {
    return this.key;
  }

  getValue(): string | null {
    return this.value;
  }

  remove(): void {
    this.book.count('DeveloperMetadata.remove');
    this.book.apply({ op: 'removeMetadata', id: this.id });
  }
}
