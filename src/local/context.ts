// The one object every fake talks to during an execution: the workspace directory, the clock, the
// per-run service-call counter, quotas, fault injection and the execution limit. Fakes never keep
// their own timers or counters, so the limits in the options apply to every service alike.
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const EXECUTION_LIMIT_MESSAGE = 'Exceeded maximum execution time';

export interface FaultOptions {
  /** The Nth service call (1-based, counted across all runs of this workspace object) fails once. */
  failNth?: number;
  /** Fraction of service calls that fail, drawn from a seeded generator. */
  failRate?: number;
  seed?: number;
  /** Only calls to these services can fail (names as counted, e.g. 'SpreadsheetApp', 'MailApp'). */
  services?: string[];
}

export interface WorkspaceOptions {
  /** Wall time one execution may take; the next service call after it throws Apps Script's text. Default 6 min. */
  executionLimitMs?: number;
  faults?: FaultOptions;
  /** Email recipients per day (MailApp.getRemainingDailyQuota). Default 100, a consumer account. */
  mailQuota?: number;
  /** Documents created per day. Default 250. */
  docQuota?: number;
  /** Start of the workspace clock for a new workspace. Default: the real current time. */
  clockStart?: Date;
  /** Script source to run instead of dist/Code.js (tests use small scripts). */
  code?: string;
  /** Path of the bundle; default <repo>/dist/Code.js. */
  codePath?: string;
  /** The curator's address: Session.getActiveUser()/getEffectiveUser(). */
  curatorEmail?: string;
}

/** Constructors of the execution's own V8 realm: values handed to the bundle must come from them. */
export interface Realm {
  Date: DateConstructor;
  Error: ErrorConstructor;
  Object: ObjectConstructor;
  Array: ArrayConstructor;
}

/** Workspace-lifetime state owned by a fake (e.g. the spreadsheet store), kept in step with the disk. */
export interface StateParticipant {
  /** Another process may have written: drop cached state that is not pending, re-read from disk. */
  reload(): void;
  /** Write pending changes to disk (atomically, merged with what other processes wrote). */
  persist(): void;
}

export interface UiEvent {
  kind: 'toast' | 'alert' | 'menu' | 'sidebar' | 'dialog' | 'log';
  title?: string;
  text?: string;
  /** For sidebars and dialogs: the HtmlOutput (or whatever object the bundle passed). */
  output?: unknown;
  items?: Array<{ caption: string; functionName: string }>;
}

export interface RunStats {
  functionName: string;
  /** Service calls by 'Service.method', e.g. 'Range.getValues'. */
  calls: Record<string, number>;
  totalCalls: number;
  elapsedMs: number;
  ok: boolean;
  error?: string;
  ui: UiEvent[];
  logs: string[];
}

export type QuotaKind = 'email' | 'document';

export const QUOTA_MESSAGES: Record<QuotaKind, string> = {
  email: 'Service invoked too many times for one day: email.',
  document: 'Service invoked too many times for one day: document create.',
};

/** Google's texts for transient failures, by counted service name. */
export function serviceFailure(service: string, target?: string): string {
  const withId = (name: string) =>
    target ? `Service ${name} failed while accessing document with id ${target}.` : `Service error: ${name}`;
  switch (service) {
    case 'SpreadsheetApp':
      return withId('Spreadsheets');
    case 'DocumentApp':
      return withId('Documents');
    case 'DriveApp':
      return 'Service error: Drive';
    case 'FormApp':
      return 'Service error: Forms';
    case 'MailApp':
      return 'Service unavailable: Mail. Try again later.';
    case 'LockService':
      return 'There are too many LockService operations against the same script.';
    default:
      return "We're sorry, a server error occurred. Please wait a bit and try again.";
  }
}

/** Sync JSON file helpers: writes go to a temporary file and are renamed, so a reader never sees half a file. */
export function readJson<T>(path: string, fallback: T): T {
  if (!existsSync(path)) return fallback;
  return JSON.parse(readFileSync(path, 'utf8'), reviveDates) as T;
}

export function writeJson(path: string, value: unknown): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(tmp, JSON.stringify(value, replaceDates));
  renameSync(tmp, path);
}

/** Dates survive JSON as {"$date": ISO}. */
function replaceDates(this: unknown, key: string, value: unknown): unknown {
  const holder = this as Record<string, unknown>;
  const raw = holder[key];
  if (isDate(raw)) return { $date: raw.toISOString() };
  return value;
}

function reviveDates(_key: string, value: unknown): unknown {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const keys = Object.keys(value);
    const iso = (value as { $date?: unknown }).$date;
    if (keys.length === 1 && typeof iso === 'string') return new Date(iso);
  }
  return value;
}

/** Cross-realm check: dates made inside the vm context are not `instanceof Date` out here. */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

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

function unlinkQuiet(path: string): void {
  try {
    require('node:fs').unlinkSync(path);
  } catch {
    // already gone
  }
}

export function workspacePath(dir: string, ...parts: string[]): string {
  return join(dir, ...parts);
}
