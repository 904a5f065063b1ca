// Protection of a sheet or a range: its description, editors and the warning-only mode.
import type { Implements } from '../services';
import type { BookRef } from './bookRef';
import type { Box } from './model';

export class FakeProtection
  implements
    Implements<
      GoogleAppsScript.Spreadsheet.Protection,
      | 'setDescription'
      | 'getDescription'
      | 'setWarningOnly'
      | 'isWarningOnly'
      | 'addEditor'
      | 'removeEditors'
      | 'remove'
    >
{
  private constructor(
    private readonly book: BookRef,
    private readonly sheetId: number,
    private readonly id: number,
  ) {}

  static create(book: BookRef, sheetId: number, range: Box | null): FakeProtection {
    const id = Math.floor(Math.random() * 1e9);
    book.apply({
      op: 'setProtection',
      sheetId,
      protection: { id, description: '', range, warningOnly: false, editors: [book.ctx.meta.curatorEmail] },
    });
    return new FakeProtection(book, sheetId, id);
  }

  static existing(book: BookRef, sheetId: number, id: number): FakeProtection {
    return new FakeProtection(book, sheetId, id);
  }

  private update(
    change: (p: { description: string; warningOnly: boolean; editors: string[] }) => void,
  ): FakeProtection {
    const current = this.book.sheet(this.sheetId).protections.find((p) => p.id === this.id);
    if (current) {
      const next = { ...current, editors: [...current.editors] };
      change(next);
      this.book.apply({ op: 'setProtection', sheetId: this.sheetId, protection: next });
    }
    return this;
  }

  setDescription(description: string): FakeProtection {
    this.book.count('Protection.setDescription');
    return this.update((p) => {
      p.description = description;
    });
  }

  getDescription(): string {
    return this.book.sheet(this.sheetId).protections.find((p) => p.id === this.id)?.description ?? '';
  }

  setWarningOnly(warningOnly: boolean): FakeProtection {
    this.book.count('Protection.setWarningOnly');
    return this.update((p) => {
      p.warningOnly = warningOnly;
    });
  }

  isWarningOnly(): boolean {
    return this.book.sheet(this.sheetId).protections.find((p) => p.id === this.id)?.warningOnly ?? false;
  }

  addEditor(user: string | GoogleAppsScript.Base.User): FakeProtection {
    this.book.count('Protection.addEditor');
    const email = typeof user === 'string' ? user : user.getEmail();
    return this.update((p) => {
      if (!p.editors.includes(email)) p.editors.push(email);
    });
  }

  removeEditors(users: ReadonlyArray<string | GoogleAppsScript.Base.User>): FakeProtection {
    this.book.count('Protection.removeEditors');
    const emails = users.map((u) => (typeof u === 'string' ? u : u.getEmail()));
    return this.update((p) => {
      p.editors = p.editors.filter((e) => !emails.includes(e) || e === this.book.ctx.meta.curatorEmail);
    });
  }

  remove(): void {
    this.book.count('Protection.remove');
    this.book.apply({ op: 'removeProtection', sheetId: this.sheetId, id: this.id });
  }
}
