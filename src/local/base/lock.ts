// LockService: the script, user and document locks, one lock file shared by processes.
import type { ServiceContext } from '../context';
import type { Implements } from '../services';

export const LOCK_TIMEOUT_MESSAGE = 'Lock timeout: another process was holding the lock for too long.';

/**
 * The script lock is a file in the workspace, so executions in different processes exclude each
 * other. Acquiring it re-reads the workspace state (the holder sees every earlier writer's changes);
 * releasing it writes this execution's changes first.
 */
export class FakeLock
  implements Implements<GoogleAppsScript.Lock.Lock, 'waitLock' | 'tryLock' | 'hasLock' | 'releaseLock'>
{
  private held = false;

  constructor(private readonly ctx: ServiceContext) {}

  private acquire(timeoutInMillis: number): boolean {
    if (this.held) return true;
    const remaining = Math.max(0, timeoutInMillis);
    this.ctx.persistAll();
    // The holder of the script lock may need the store lock to finish.
    this.ctx.releaseStoreLock();
    if (!this.ctx.scriptLock.tryAcquire(remaining)) return false;
    this.held = true;
    this.ctx.reloadAll();
    this.ctx.onExecutionEnd(() => this.releaseLock());
    return true;
  }

  tryLock(timeoutInMillis: number): boolean {
    this.ctx.count('LockService', 'tryLock');
    return this.acquire(timeoutInMillis);
  }

  waitLock(timeoutInMillis: number): void {
    this.ctx.count('LockService', 'waitLock');
    if (!this.acquire(timeoutInMillis)) throw this.ctx.error(LOCK_TIMEOUT_MESSAGE);
  }

  hasLock(): boolean {
    return this.held;
  }

  releaseLock(): void {
    if (!this.held) return;
    this.held = false;
    this.ctx.persistAll();
    this.ctx.scriptLock.release();
  }
}

export const lockService = (ctx: ServiceContext) => {
  // One lock object per execution: getScriptLock() twice returns locks sharing the same hold.
  let lock: FakeLock | undefined;
  const script = () => {
    lock ??= new FakeLock(ctx);
    return lock;
  };
  return { getScriptLock: script, getDocumentLock: script, getUserLock: script };
};
