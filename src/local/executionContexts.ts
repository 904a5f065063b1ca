// The V8 contexts executions run in. Apps Script starts every execution afresh; a new vm context per
// execution does that too, but a year of the demo made hundreds of them and V8 lets discarded
// contexts pile up (1.1 GiB resident). So one context is kept and made fresh again between
// executions: the globals a run added are emptied and deleted and
// the bundle is evaluated again, which re-creates every top-level function and module closure.
import { setFlagsFromString } from 'node:v8';
import { type Context, createContext, Script } from 'node:vm';
import type { Realm } from './context';
import { CLOCK_INSTALLER, REALM_PROBE } from './realm';

// Run inside the context: the sandbox object seen from Node does not show every global the script made.
const GLOBAL_NAMES = new Script('Object.getOwnPropertyNames(globalThis)', { filename: 'globals.js' });
const GLOBALS_RESET = new Script(
  `(function (keep) {
    Object.getOwnPropertyNames(globalThis).forEach(function (name) {
      if (keep(name)) return;
      // A var binding survives delete on a vm global (its sandbox forgets it, the global keeps it):
      // emptied first, it reads as a fresh declaration would.
      var property = Object.getOwnPropertyDescriptor(globalThis, name);
      if (property && property.writable) globalThis[name] = undefined;
      if (property && property.configurable) delete globalThis[name];
    });
  })`,
  { filename: 'reset.js' },
);

let heapTuned = false;

/**
 * Executions allocate fast (each evaluates the whole bundle again) but keep little alive: about 50 MB
 * after a full collection in the demo year. V8's default growth lets the heap reach up to four times
 * what survived the last collection before it collects again, and it keeps those pages: 220–280 MB
 * of heap for 50 MB of live objects. Growing by 30 % instead keeps the year's peak near 420 MiB of
 * resident memory (540 MiB without), at about 5 % more CPU time spent collecting. The factor follows
 * the live set, so a larger school still gets the heap it needs; there is no cap.
 */
function keepHeapNearLiveSet(): void {
  if (heapTuned) return;
  heapTuned = true;
  setFlagsFromString('--heap-growing-percent=30');
}

export interface Lease {
  context: Context;
  /** The context's own constructors (its real Date, before the clock is installed). */
  realm: Realm;
  /** Global names the context had before any script ran. */
  baseline: ReadonlySet<string>;
}

export class ExecutionContexts {
  private idle: Lease | undefined;
  /** False once the script turned out to declare top-level let/const/class (cannot be evaluated twice in one context). */
  private reusable = true;

  constructor(
    private readonly script: Script,
    private readonly now: () => number,
  ) {
    keepHeapNearLiveSet();
  }

  /** A context ready for an execution: the kept one when free, else a new one. */
  take(): Lease {
    const kept = this.idle;
    this.idle = undefined;
    return kept ?? this.fresh();
  }

  /**
   * Evaluates the script in the lease's context. A script with top-level lexical declarations throws
   * when evaluated again in the same context: it then gets a new context for this and every later run.
   */
  evaluate(lease: Lease, globals: () => Record<string, unknown>): Lease {
    Object.assign(lease.context, globals());
    try {
      this.script.runInContext(lease.context);
      return lease;
    } catch (e) {
      // The error comes from the context's realm: known by its name, not by instanceof.
      const { name, message } = (e ?? {}) as { name?: unknown; message?: unknown };
      if (name !== 'SyntaxError' || !/already been declared/.test(String(message))) throw e;
      this.reusable = false;
      const fresh = this.fresh();
      Object.assign(fresh.context, globals());
      this.script.runInContext(fresh.context);
      return fresh;
    }
  }

  /** The execution is over: its context is made fresh and kept (`clean`: it ended normally, not cut by the watchdog). */
  release(lease: Lease, clean: boolean): void {
    if (!this.reusable || !clean || this.idle) return;
    const reset = GLOBALS_RESET.runInContext(lease.context) as (keep: (name: string) => boolean) => void;
    reset((name) => lease.baseline.has(name));
    this.idle = lease;
  }

  private fresh(): Lease {
    const context = createContext({});
    const realm = REALM_PROBE.runInContext(context) as Realm;
    const install = CLOCK_INSTALLER.runInContext(context) as (now: () => number) => void;
    install(this.now);
    const names = GLOBAL_NAMES.runInContext(context) as string[];
    return { context, realm, baseline: new Set(names) };
  }
}
