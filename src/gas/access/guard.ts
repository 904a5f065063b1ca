// Applies the table of callers to the entry points, where src/gas/index.ts exports them.
import { type AccessRule, type Refusal, RULE_EXPLANATIONS, refusalFor } from './rules';

/** Any entry point: its parameters are whatever Apps Script or a page passes. */
type EntryFunction = (...args: never[]) => unknown;

const CALLER_WORDS: Record<Refusal['kind'], string> = {
  anonymous: 'вызов без входа в Google',
  notEditor: 'пользователь не редактор таблицы',
};

/** The Russian text a refused caller sees; it names the action, never a person. */
export function refusalMessage(name: string, rule: AccessRule): string {
  const why = rule === 'webToken' ? '' : ` ${RULE_EXPLANATIONS[rule]}`;
  return `«${name}»: нет доступа.${why}`;
}

/**
 * Each entry point, checked before it runs: a refused call changes nothing, leaves one line in the
 * execution log (the action and the kind of caller, no address) and ends with the Russian message.
 */
export function guardEntryPoints<T extends Record<string, EntryFunction>>(
  entries: T,
  rules: { readonly [K in keyof T]: AccessRule },
): T {
  const guarded: Record<string, EntryFunction> = {};
  for (const name of Object.keys(entries)) {
    const run = entries[name];
    const rule = rules[name];
    guarded[name] = function guardedEntry(this: unknown, ...args: unknown[]) {
      const refusal = refusalFor(rule, args);
      if (refusal) {
        console.warn(`Отказано: ${name} — ${CALLER_WORDS[refusal.kind]}`);
        throw new Error(refusalMessage(name, rule));
      }
      return Reflect.apply(run, this, args);
    };
  }
  return guarded as T;
}
