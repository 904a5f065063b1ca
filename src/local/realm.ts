// What each execution's fresh V8 context gets around the bundle: the workspace clock behind Date,
// a probe for the realm's own constructors, the call of an entry point, and Apps Script's text for
// an execution cut by the time limit.
import { Script } from 'node:vm';
import { EXECUTION_LIMIT_MESSAGE } from './failures';

// Installed inside each fresh context: `new Date()` and `Date.now()` answer the workspace clock. The
// common shapes construct the real Date directly: dates are made by the thousand in an execution
// (every date cell read), and a generic Reflect.construct per date was the largest single cost of a
// daily run.
const CLOCK_PRELUDE = `(function (now) {
  var RealDate = globalThis.Date;
  function Date(a, b, c, d, e, f, g) {
    if (!new.target) return new RealDate(now()).toString();
    if (new.target !== Date) {
      var args = Array.prototype.slice.call(arguments);
      return Reflect.construct(RealDate, args.length ? args : [now()], new.target);
    }
    switch (arguments.length) {
      case 0: return new RealDate(now());
      case 1: return new RealDate(a);
      case 2: return new RealDate(a, b);
      case 3: return new RealDate(a, b, c);
      case 4: return new RealDate(a, b, c, d);
      case 5: return new RealDate(a, b, c, d, e);
      case 6: return new RealDate(a, b, c, d, e, f);
      default: return new RealDate(a, b, c, d, e, f, g);
    }
  }
  Date.prototype = RealDate.prototype;
  Object.defineProperty(RealDate.prototype, 'constructor', { value: Date, writable: true, configurable: true });
  Date.now = function () { return now(); };
  Date.parse = RealDate.parse;
  Date.UTC = RealDate.UTC;
  globalThis.Date = Date;
})`;

// Compiled once per process: each execution only runs them in its fresh context.
export const CLOCK_INSTALLER = new Script(CLOCK_PRELUDE, { filename: 'clock.js' });
export const REALM_PROBE = new Script('({ Date: Date, Error: Error, Object: Object, Array: Array })', {
  filename: 'realm.js',
});
export const CALL_ENTRY = new Script(
  'globalThis[globalThis.__localFunction].apply(globalThis, globalThis.__localArgs)',
  {
    filename: 'call.js',
  },
);

export function messageOf(e: unknown): string {
  if (e && typeof e === 'object' && 'message' in e) {
    const message = String((e as { message: unknown }).message);
    if (
      (e as { code?: unknown }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT' ||
      /^Script execution timed out/.test(message)
    )
      return EXECUTION_LIMIT_MESSAGE;
    return message;
  }
  return String(e);
}
