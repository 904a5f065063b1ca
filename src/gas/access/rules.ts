// Who may start an entry point, and how an execution proves it. Apps Script lets any page the web app
// serves call every top-level function through google.script.run, with the deploying account's
// rights: each entry point therefore checks its caller before it does anything.

/**
 * - `editor`: a menu item or a sidebar button, run by an editor of the programme's spreadsheet.
 * - `trigger`: an installable trigger of this project (its event names a trigger that exists), or an
 *   editor running the function by hand from the script editor.
 * - `opening`: the simple `onOpen` / `onEdit` triggers (their event carries the spreadsheet object,
 *   which no web page can pass), or an editor.
 * - `webToken`: the web app's page; anyone may open it, and the page does nothing without a valid
 *   token for exactly the one thing it does.
 */
export type AccessRule = 'editor' | 'trigger' | 'opening' | 'webToken';

export type Refusal = { kind: 'anonymous' | 'notEditor' };

function eventOf(args: readonly unknown[]): Record<string, unknown> | undefined {
  const e = args[0];
  return e !== null && typeof e === 'object' ? (e as Record<string, unknown>) : undefined;
}

/** A trigger event names its trigger; a forged one names none of this project's triggers. */
function fromProjectTrigger(args: readonly unknown[]): boolean {
  const uid = eventOf(args)?.triggerUid;
  if (typeof uid !== 'string' && typeof uid !== 'number') return false;
  const wanted = String(uid);
  if (wanted === '') return false;
  return ScriptApp.getProjectTriggers().some((t) => t.getUniqueId() === wanted);
}

/** google.script.run passes only data, never an object with methods such as the spreadsheet. */
function fromSimpleOpen(args: readonly unknown[]): boolean {
  const source = eventOf(args)?.source;
  return (
    source !== null &&
    typeof source === 'object' &&
    typeof (source as { getId?: unknown }).getId === 'function'
  );
}

/** The signed-in user at the menu or the sidebar, when they may edit the programme's spreadsheet. */
function editorRefusal(): Refusal | undefined {
  const email = Session.getActiveUser().getEmail().trim().toLowerCase();
  // Google gives no address to a visitor of a web app that runs as its owner.
  if (email === '') return { kind: 'anonymous' };
  const file = DriveApp.getFileById(SpreadsheetApp.getActive().getId());
  const owner = file.getOwner();
  const people = [...(owner ? [owner] : []), ...file.getEditors()];
  return people.some((p) => p.getEmail().trim().toLowerCase() === email) ? undefined : { kind: 'notEditor' };
}

/** Undefined when the caller may run an entry point under `rule` with these arguments. */
export function refusalFor(rule: AccessRule, args: readonly unknown[]): Refusal | undefined {
  switch (rule) {
    case 'webToken':
      return undefined;
    case 'trigger':
      return fromProjectTrigger(args) ? undefined : editorRefusal();
    case 'opening':
      return fromSimpleOpen(args) ? undefined : editorRefusal();
    case 'editor':
      return editorRefusal();
  }
}

export const RULE_EXPLANATIONS: Record<Exclude<AccessRule, 'webToken'>, string> = {
  editor: 'Это действие доступно только редактору таблицы программы из меню «Наставничество».',
  trigger: 'Это действие выполняет триггер программы или редактор таблицы программы.',
  opening: 'Меню строится при открытии таблицы её редактором.',
};
