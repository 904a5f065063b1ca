// Choice of a multiple-choice, list or checkbox item.
import type { Implements } from '../services';

export class FakeChoice implements Implements<GoogleAppsScript.Forms.Choice, 'getValue'> {
  constructor(private readonly value: string) {}
  getValue(): string {
    return this.value;
  }
}
