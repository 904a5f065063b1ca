// One writer at a time: every path that writes to the workbook runs under the script lock.
const LOCK_WAIT_MS = 30_000;

export function withScriptLock<T>(work: () => T): T {
  const lock = LockService.getScriptLock();
  lock.waitLock(LOCK_WAIT_MS);
  try {
    return work();
  } finally {
    SpreadsheetApp.flush();
    lock.releaseLock();
  }
}
