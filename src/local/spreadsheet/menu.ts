// Menu of the bound workbook: its items are recorded in the execution's ui events.
import type { ServiceContext } from '../context';
import type { Implements } from '../services';

export class FakeMenu
  implements Implements<GoogleAppsScript.Base.Menu, 'addItem' | 'addSeparator' | 'addToUi'>
{
  private readonly items: Array<{ caption: string; functionName: string }> = [];

  constructor(
    private readonly ctx: ServiceContext,
    private readonly title: string,
  ) {}

  addItem(caption: string, functionName: string): FakeMenu {
    this.items.push({ caption, functionName });
    return this;
  }

  addSeparator(): FakeMenu {
    return this;
  }

  addToUi(): void {
    this.ctx.count('Ui', 'addToUi');
    this.ctx.ui({ kind: 'menu', title: this.title, items: [...this.items] });
  }
}
