// The «Наставничество» menu. Each item names a global function of the bundle (see index.ts);
// test/bundle.test.ts proves every name here exists in the built script.
export interface MenuItem {
  title: string;
  functionName: string;
}

export const MENU_TITLE = 'Наставничество';

export const MENU: MenuItem[] = [{ title: 'Настроить программу', functionName: 'setupProgramme' }];

/** Functions that installed triggers call by name; also checked against the bundle. */
export const TRIGGER_HANDLERS: string[] = [];
