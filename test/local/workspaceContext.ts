// A bare ServiceContext over a temporary directory, for tests of single fakes without the bundle.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ServiceContext, type WorkspaceOptions } from '../../src/local/context';

export function tempContext(options: WorkspaceOptions = {}): ServiceContext {
  const dir = mkdtempSync(join(tmpdir(), 'nastavnik-h2-'));
  return new ServiceContext(
    dir,
    {
      version: 1,
      scriptId: 'script',
      boundSpreadsheetId: 'book',
      curatorEmail: 'curator@school.local',
      timeZone: 'Europe/Moscow',
    },
    { clockStart: new Date('2026-11-25T09:00:00Z'), ...options },
  );
}

/** Runs `work` as one execution, as the workspace runtime brackets a function call. */
export function execute<T>(ctx: ServiceContext, work: () => T): T {
  ctx.beginExecution('test', { Date, Error, Object, Array });
  let result: T;
  try {
    result = work();
  } catch (e) {
    ctx.endExecution({ ok: false, error: String(e) });
    throw e;
  }
  ctx.endExecution({ ok: true });
  // What LocalWorkspace does when a run returns to its caller: letters are written out.
  ctx.settleOutputs();
  return result;
}
