// Choice of a multiple-choice, list or checkbox item, with where choosing it leads (sections).
import type { Implements } from '../services';
import type { Navigation } from './model';

export class FakeChoice
  implements Implements<GoogleAppsScript.Forms.Choice, 'getValue' | 'getPageNavigationType'>
{
  constructor(
    private readonly value: string,
    readonly navigation: Navigation | null = null,
    private readonly pageOf: (id: number) => unknown = () => null,
  ) {}
  getValue(): string {
    return this.value;
  }
  getPageNavigationType(): GoogleAppsScript.Forms.PageNavigationType {
    const type =
      this.navigation === null
        ? 'CONTINUE'
        : typeof this.navigation === 'number'
          ? 'GO_TO_PAGE'
          : this.navigation;
    return type as unknown as GoogleAppsScript.Forms.PageNavigationType;
  }
  /** The page break this choice goes to, or null when it does not go to a page. */
  getGotoPage(): unknown {
    return typeof this.navigation === 'number' ? this.pageOf(this.navigation) : null;
  }
}
