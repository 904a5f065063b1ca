// How a fake becomes a global of the execution. Each fake module exports a ServiceDefinition; the
// list in registry.ts is what every execution gets. Another service plugs in by adding itself there.
import type { ServiceContext } from './context';

export interface ServiceDefinition {
  /** For messages and debugging: the service's global name(s). */
  readonly name: string;
  /**
   * Called once per execution with that execution's context; returns the globals to install,
   * e.g. `{ MailApp: new FakeMailApp(ctx) }`. Keep workspace-lifetime state in `ctx.store(...)`.
   */
  globals(ctx: ServiceContext): Record<string, unknown>;
}

/**
 * The members K of Google's interface T with Google's parameter types, so the compiler checks our
 * signatures against @types/google-apps-script. A method returning another Apps Script object may
 * return our fake of it (any object, or null where Apps Script answers null); primitive results must match exactly. For overloaded methods
 * TypeScript checks the last overload only.
 */
export type Implements<T, K extends keyof T> = {
  [P in K]: T[P] extends (...args: infer A) => infer R ? (...args: A) => Returned<R> : T[P];
};

// biome-ignore lint/suspicious/noConfusingVoidType: Google's typings declare methods returning void
type Returned<R> = R extends string | number | boolean | Date | null | undefined | void
  ? R
  : R extends ReadonlyArray<infer E>
    ? ReadonlyArray<E extends object ? (E extends Date ? E : object) : E> | E[]
    : object | null;
