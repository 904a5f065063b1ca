// Menu of the bound workbook: its items are recorded in the execution's ui events.
import type { ServiceContext } from '../context';
import type { Implements } from '../services';

export class FakeMenu
  implements Implements<GoogleAppsScript.Base.Menu, 'addItem' | 'addSeparator' | 'addSubMenu' | 'addToUi'>
{
  /** Items in order; a separator is «—», a sub-menu's items carry its caption before «›». */
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
    this.items.push({ caption: '—', functionName: '' });
    return this;
  }

  addSubMenu(menu: GoogleAppsScript.Base.Menu): FakeMenu {
    if (!(menu instanceof FakeMenu)) throw new Error('Exception: Invalid argument: subMenu');
    for (const item of menu.items)
      this.items.push({ caption: `${menu.title} › ${item.caption}`, functionName: item.functionName });
    return this;
  }

  addToUi(): void {
    this.ctx.count('Ui', 'addToUi');
    this.ctx.ui({ kind: 'menu', title: this.title, items: [...this.items] });
  }
}
