// Ui of the bound workbook: alerts, menus, sidebars and dialogs.
import type { ServiceContext } from '../context';
import { recordShownHtml } from '../html/shown';
import type { Implements } from '../services';
import { FakeMenu } from './menu';

export interface UiButtonSet {
  OK: string;
  OK_CANCEL: string;
  YES_NO: string;
  YES_NO_CANCEL: string;
}

/**
 * What the curator will click in the next alerts («YES», «NO», «OK», «CANCEL»), in order, per
 * workspace; when none is left an alert is answered YES (or OK), as a curator who agrees would.
 */
const scripted = new WeakMap<object, string[]>();

export function scriptAlertReplies(key: object, replies: readonly string[]): void {
  scripted.set(key, [...replies]);
}

/** What the curator types into the next prompts, in order; null presses «Отмена». */
const typed = new WeakMap<object, Array<string | null>>();

export function scriptPromptReplies(key: object, replies: ReadonlyArray<string | null>): void {
  typed.set(key, [...replies]);
}

/** A prompt's answer: the button pressed and the text typed. */
export class FakePromptResponse {
  constructor(
    private readonly button: string,
    private readonly text: string,
  ) {}

  getSelectedButton(): GoogleAppsScript.Base.Button {
    return this.button as unknown as GoogleAppsScript.Base.Button;
  }

  getResponseText(): string {
    return this.text;
  }
}

/** Ui of the bound workbook: menus and alerts are recorded in lastRun.ui; dialogs go to HtmlService's server. */
export class FakeUi
  implements
    Implements<
      GoogleAppsScript.Base.Ui,
      'createMenu' | 'alert' | 'prompt' | 'showSidebar' | 'showModalDialog' | 'showModelessDialog'
    >
{
  readonly ButtonSet = { OK: 'OK', OK_CANCEL: 'OK_CANCEL', YES_NO: 'YES_NO', YES_NO_CANCEL: 'YES_NO_CANCEL' };
  readonly Button = { OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO', CLOSE: 'CLOSE' };

  constructor(private readonly ctx: ServiceContext) {}

  createMenu(caption: string): FakeMenu {
    return new FakeMenu(this.ctx, caption);
  }

  /** Answers the next scripted reply (see scriptAlertReplies), else OK (or YES). */
  alert(titleOrPrompt: string, promptOrButtons?: unknown, buttons?: unknown): GoogleAppsScript.Base.Button {
    this.ctx.count('Ui', 'alert');
    const hasTitle = typeof promptOrButtons === 'string';
    this.ctx.ui({
      kind: 'alert',
      title: hasTitle ? titleOrPrompt : '',
      text: hasTitle ? String(promptOrButtons) : titleOrPrompt,
    });
    const set = String(hasTitle ? buttons : promptOrButtons);
    const reply = scripted.get(this.ctx.meta)?.shift() ?? (set.startsWith('YES') ? 'YES' : 'OK');
    return reply as unknown as GoogleAppsScript.Base.Button;
  }

  /** Answers the next scripted text (see scriptPromptReplies); with none left the curator cancels. */
  prompt(titleOrPrompt: string, promptOrButtons?: unknown, _buttons?: unknown): FakePromptResponse {
    this.ctx.count('Ui', 'prompt');
    const hasTitle = typeof promptOrButtons === 'string';
    this.ctx.ui({
      kind: 'prompt',
      title: hasTitle ? titleOrPrompt : '',
      text: hasTitle ? String(promptOrButtons) : titleOrPrompt,
    });
    const reply = typed.get(this.ctx.meta)?.shift();
    return reply === undefined || reply === null
      ? new FakePromptResponse(this.Button.CANCEL, '')
      : new FakePromptResponse(this.Button.OK, reply);
  }

  showSidebar(userInterface: object): void {
    this.ctx.count('Ui', 'showSidebar');
    this.ctx.ui({ kind: 'sidebar', title: titleOf(userInterface), output: userInterface });
    recordShownHtml(this.ctx, 'sidebar', titleOf(userInterface), userInterface);
  }

  showModalDialog(userInterface: object, title: string): void {
    this.ctx.count('Ui', 'showModalDialog');
    this.ctx.ui({ kind: 'dialog', title, output: userInterface });
    recordShownHtml(this.ctx, 'dialog', title, userInterface);
  }

  showModelessDialog(userInterface: object, title: string): void {
    this.ctx.count('Ui', 'showModelessDialog');
    this.ctx.ui({ kind: 'dialog', title, output: userInterface });
    recordShownHtml(this.ctx, 'dialog', title, userInterface);
  }
}

function titleOf(output: object): string {
  const getTitle = (output as { getTitle?: () => unknown }).getTitle;
  return typeof getTitle === 'function' ? String(getTitle.call(output)) : '';
}
