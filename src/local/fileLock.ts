// A lock between processes sharing a workspace, made of a file.
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { unlinkQuiet } from './jsonFiles';

const sleeper = new Int32Array(new SharedArrayBuffer(4));
export function sleepSync(ms: number): void {
  Atomics.wait(sleeper, 0, 0, Math.max(0, ms));
}

/**
 * A mutual-exclusion file shared by processes: atomic create (O_EXCL), polling with Atomics.wait.
 * A lock whose owner process is gone, or older than staleMs, is broken.
 */
export class FileLock {
  private held = false;
  constructor(
    readonly path: string,
    private readonly staleMs = 10 * 60_000,
  ) {}

  get isHeld(): boolean {
    return this.held;
  }

  tryAcquire(timeoutMs: number): boolean {
    if (this.held) return true;
    const deadline = Date.now() + timeoutMs;
    let pause = 1;
    for (;;) {
      if (this.attempt()) return true;
      if (Date.now() >= deadline) return false;
      sleepSync(Math.min(pause, Math.max(0, deadline - Date.now())));
      pause = Math.min(pause * 2, 20);
    }
  }

  release(): void {
    if (!this.held) return;
    this.held = false;
    try {
      renameSync(this.path, `${this.path}.${process.pid}.released`);
      unlinkQuiet(`${this.path}.${process.pid}.released`);
    } catch {
      // Broken as stale by another process: nothing left to release.
    }
  }

  private attempt(): boolean {
    mkdirSync(dirname(this.path), { recursive: true });
    try {
      const fd = openSync(this.path, 'wx');
      writeSync(fd, JSON.stringify({ pid: process.pid, at: Date.now() }));
      closeSync(fd);
      this.held = true;
      return true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      this.breakIfStale();
      return false;
    }
  }

  private breakIfStale(): void {
    let owner: { pid?: number; at?: number };
    try {
      owner = JSON.parse(readFileSync(this.path, 'utf8')) as { pid?: number; at?: number };
    } catch {
      return; // being written or just released
    }
    const dead = typeof owner.pid === 'number' && owner.pid !== process.pid && !processAlive(owner.pid);
    const old = typeof owner.at === 'number' && Date.now() - owner.at > this.staleMs;
    if (dead || old) unlinkQuiet(this.path);
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
