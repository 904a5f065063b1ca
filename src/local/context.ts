// The one object every fake talks to during an execution: the workspace directory, the clock, the
// per-run service-call counter, quotas, fault injection and the execution limit. Fakes never keep
// their own timers or counters, so the limits in the options apply to every service alike.

import { randomBytes } from 'node:crypto';
import {
  appendFileSync,
  closeSync,
  existsSync,
  fstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  statSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { seededRandom } from './seededRandom';

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
  /**
   * Cuts every execution at its Nth service call with the execution-limit error, as if the 6 minutes
   * ran out right there. Deterministic, unlike a wall-time limit, so tests can cut at chosen points.
   */
  executionLimitCalls?: number;
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
  /**
   * Mail domains with no Google account behind them (e.g. 'mail.ru'): Drive refuses to share a file
   * with such an address, as Google does for most Russian parents' addresses.
   */
  noGoogleAccountDomains?: string[];
}

/**
 * Who starts an execution. `curator` (the default): the workspace's curator at the menu, a sidebar or
 * a trigger they installed. `anonymous`: a web-app visitor without a Google session (the web app runs
 * as the curator). Any other address: that person, running the script under their own authorisation.
 */
export type Caller = 'curator' | 'anonymous' | { email: string };

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
  /** Stack of the error, for debugging a failed run. */
  stack?: string;
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

/**
 * Sync JSON file helpers. A write never shows a reader half a file: the text goes to a temporary
 * file, the old file is renamed aside (`<path>.replacing`), the new one renamed in, the old one
 * deleted; a reader finding no file looks aside, so it gets the old or the new text. (Renaming over
 * the old file would be one step, but ext4 then writes the new file's blocks out at once: a few ms
 * per write, the largest cost of an execution.)
 * Every write also gives the file a modification time later than its previous one (whole
 * milliseconds, set explicitly), so `fileStamp` changes with every write even when two writes fall in
 * one tick of the kernel's coarse file clock: a reader holding an unchanged stamp may keep its parse.
 * Writers of one file hold the store lock (state, forms, triggers, properties, Drive, quotas, clock).
 */
export function readJson<T>(path: string, fallback: T): T {
  const text = readText(path);
  return text === undefined ? fallback : (parseJson(text) as T);
}

const ASIDE = '.replacing';

function readText(path: string): string | undefined {
  return lookTwice(path, (p) => readFileSync(p, 'utf8'));
}

/** `look` at the file, or at the old file while a write replaces it; undefined if there is neither. */
function lookTwice<T>(path: string, look: (p: string) => T): T | undefined {
  // A miss on both means a writer finished meanwhile (or another began): look again a few times.
  for (let round = 0; round < 3; round++) {
    for (const p of [path, path + ASIDE]) {
      try {
        return look(p);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      }
    }
  }
  return undefined;
}

/** Writes atomically (see above) and answers the file's new stamp (as `fileStamp` will report it). */
export function writeJson(path: string, value: unknown): string {
  return writeJsonText(path, toJsonText(value));
}

/** writeJson of text made by `toJsonText` (pieces of it may be cached by the writer). */
export function writeJsonText(path: string, text: string): string {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(tmp, text);
  const previous = fileStamp(path);
  const previousMs = previous === MISSING ? 0 : Number(previous.slice(0, previous.indexOf(':')));
  const mtimeMs = Math.max(Date.now(), previousMs + 1);
  utimesSync(tmp, mtimeMs / 1000, mtimeMs / 1000);
  try {
    renameSync(path, path + ASIDE);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  renameSync(tmp, path);
  unlinkQuiet(path + ASIDE);
  return `${mtimeMs}:${Buffer.byteLength(text)}`;
}

const MISSING = 'missing';

/** Modification time and size: changes with every writeJson of the file. */
export function fileStamp(path: string): string {
  const s = lookTwice(path, (p) => statSync(p));
  return s ? `${Math.round(s.mtimeMs)}:${s.size}` : MISSING;
}

/** Names (without .json) of the JSON files in a directory, also of those a write is replacing. */
export function jsonFileIds(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const ids = new Set<string>();
  for (const f of readdirSync(dir)) {
    if (f.endsWith('.json')) ids.add(f.slice(0, -5));
    else if (f.endsWith(`.json${ASIDE}`)) ids.add(f.slice(0, -5 - ASIDE.length));
  }
  return [...ids];
}

/**
 * The whole lines a file that only grows (an operation or quota log) holds past byte `from`, and the
 * offset after them; a line still being appended by another process waits for the next look.
 */
export function readNewLines(path: string, from: number, to?: number): { lines: string[]; end: number } {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { lines: [], end: from };
    throw e;
  }
  let bytes: Buffer;
  let got = 0;
  try {
    const size = to ?? fstatSync(fd).size;
    bytes = Buffer.alloc(Math.max(0, size - from));
    while (got < bytes.length) {
      const n = readSync(fd, bytes, got, bytes.length - got, from + got);
      if (n === 0) break;
      got += n;
    }
  } finally {
    closeSync(fd);
  }
  const whole = bytes.lastIndexOf(0x0a, got - 1) + 1;
  if (whole === 0) return { lines: [], end: from };
  return { lines: bytes.toString('utf8', 0, whole).split('\n').filter(Boolean), end: from + whole };
}

/** Whether the JSON file exists (also while a write replaces it). */
export function jsonExists(path: string): boolean {
  return fileStamp(path) !== MISSING;
}

/**
 * Dates survive JSON as {"$date": ISO}. Date.prototype.toJSON of this realm answers that tag while
 * stringifying (a JSON.stringify replacer would cost a call per value: twice the time on a
 * workbook). So state written here must hold this realm's Dates: the spreadsheet model copies every
 * date it is given (interpretInput), chart options too; forms, triggers, Drive keep numbers or ISO text.
 */
export function toJsonText(value: unknown): string {
  const proto = Date.prototype as { toJSON: unknown };
  const plain = proto.toJSON;
  proto.toJSON = taggedDate;
  try {
    return JSON.stringify(value);
  } finally {
    proto.toJSON = plain;
  }
}

function taggedDate(this: Date): { $date: string } {
  return { $date: this.toISOString() };
}

/** JSON.parse, then {"$date": ISO} → Date in one walk (much cheaper than a JSON.parse reviver). */
export function parseJson(text: string): unknown {
  const value: unknown = JSON.parse(text);
  return text.includes('"$date"') ? reviveDates(value) : value;
}

function reviveDates(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item = value[i];
      if (item !== null && typeof item === 'object') value[i] = reviveDates(item);
    }
    return value;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.length === 1 && keys[0] === '$date' && typeof record.$date === 'string')
    return new Date(record.$date);
  for (const key of keys) {
    const item = record[key];
    if (item === null || typeof item !== 'object') continue;
    const revived = reviveDates(item);
    if (revived !== item)
      Object.defineProperty(record, key, {
        value: revived,
        writable: true,
        enumerable: true,
        configurable: true,
      });
  }
  return record;
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

export function unlinkQuiet(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
}

export function workspacePath(dir: string, ...parts: string[]): string {
  return join(dir, ...parts);
}

export interface WorkspaceMeta {
  version: 1;
  scriptId: string;
  /** The workbook the script is bound to (SpreadsheetApp.getActive()). */
  boundSpreadsheetId: string;
  curatorEmail: string;
  timeZone: string;
}

interface QuotaState {
  day: string;
  used: Partial<Record<QuotaKind, number>>;
  /** Bytes of the day's log counted in `used`. */
  bytes: number;
}

interface Execution {
  functionName: string;
  startedPerf: number;
  clockBaseMs: number;
  calls: Record<string, number>;
  totalCalls: number;
  ui: UiEvent[];
  logs: string[];
  endHooks: Array<() => void>;
}

const DEFAULT_LIMIT_MS = 6 * 60_000;
/** How long an execution keeps the store lock between its sections (other processes wait that long at most). */
const STORE_LOCK_HOLD_MS = 25;

/**
 * Shared by every fake. One per LocalWorkspace object; `beginExecution`/`endExecution` bracket each
 * Apps Script execution (the workspace runtime calls them, fakes never do).
 */
export class ServiceContext {
  realm: Realm = { Date, Error, Object, Array };
  /** Who runs the current execution; Session answers from it. */
  caller: Caller = 'curator';
  readonly scriptLock: FileLock;
  private readonly storeLock: FileLock;
  private readonly participants = new Map<string, StateParticipant>();
  private readonly parsed = new Map<string, { stamp: string; value: unknown }>();
  /** Sections under the store lock now running (they nest), and when the lock was taken. */
  private storeDepth = 0;
  private storeLockSince = 0;
  private quota: QuotaState = { day: '', used: {}, bytes: 0 };
  private readonly outputs: Array<() => void> = [];
  private execution: Execution | undefined;
  private callsEver = 0;
  private failedNth = false;
  private random: () => number;
  private idleClockMs: number;

  constructor(
    readonly dir: string,
    readonly meta: WorkspaceMeta,
    readonly options: WorkspaceOptions = {},
  ) {
    this.scriptLock = new FileLock(join(dir, '.locks', 'script.lock'));
    this.storeLock = new FileLock(join(dir, '.locks', 'store.lock'), 30_000);
    this.random = seededRandom(options.faults?.seed ?? 1);
    this.idleClockMs = this.readClock();
  }

  get timeZone(): string {
    return this.meta.timeZone;
  }

  get executionLimitMs(): number {
    return this.options.executionLimitMs ?? DEFAULT_LIMIT_MS;
  }

  get inExecution(): boolean {
    return this.execution !== undefined;
  }

  get functionName(): string | undefined {
    return this.execution?.functionName;
  }

  path(...parts: string[]): string {
    return join(this.dir, ...parts);
  }

  // ---- clock -------------------------------------------------------------------------------
  /** Workspace time; during an execution it runs on from the execution's start with real elapsed time. */
  nowMs(): number {
    const run = this.execution;
    if (!run) return this.idleClockMs;
    return run.clockBaseMs + Math.floor(performance.now() - run.startedPerf);
  }

  now(): Date {
    return new Date(this.nowMs());
  }

  /** Moves the persisted clock forward (never back), merged with what other processes wrote. */
  setClock(ms: number): void {
    this.underStoreLock(() => {
      const next = Math.max(ms, this.readClock());
      writeJson(this.path('clock.json'), { now: new Date(next).toISOString() });
      this.idleClockMs = next;
    });
  }

  reloadClock(): void {
    this.idleClockMs = this.readClock();
  }

  private readClock(): number {
    const stored = readJson<{ now?: string }>(this.path('clock.json'), {});
    if (stored.now) return Date.parse(stored.now);
    return (this.options.clockStart ?? new Date()).getTime();
  }

  // ---- values crossing into the execution's realm -------------------------------------------
  date(value: number | Date): Date {
    return new this.realm.Date(typeof value === 'number' ? value : value.getTime());
  }

  error(message: string): Error {
    return new this.realm.Error(message);
  }

  // ---- calls, limits, faults ------------------------------------------------------------------
  /**
   * Every public method of every fake calls this first. Counts the call, enforces the execution
   * limit and injects faults. `target` is the document id used in Google's failure text.
   */
  count(service: string, method: string, target?: string): void {
    const run = this.execution;
    this.callsEver++;
    if (this.storeLock.isHeld && performance.now() - this.storeLockSince > STORE_LOCK_HOLD_MS)
      this.releaseStoreLock();
    if (run) {
      const key = `${service}.${method}`;
      run.calls[key] = (run.calls[key] ?? 0) + 1;
      run.totalCalls++;
      const limitCalls = this.options.executionLimitCalls;
      if (
        performance.now() - run.startedPerf > this.executionLimitMs ||
        (limitCalls !== undefined && run.totalCalls > limitCalls)
      )
        throw this.error(EXECUTION_LIMIT_MESSAGE);
    }
    const faults = this.options.faults;
    if (!faults) return;
    if (faults.services && !faults.services.includes(service)) return;
    const nth = faults.failNth !== undefined && !this.failedNth && this.callsEver >= faults.failNth;
    const random = faults.failRate !== undefined && this.random() < faults.failRate;
    if (nth) this.failedNth = true;
    if (nth || random) throw this.error(serviceFailure(service, target));
  }

  /** Replace fault settings between runs (tests: fail once, then let the retry through). */
  setFaults(faults: FaultOptions | undefined): void {
    this.options.faults = faults;
    this.callsEver = 0;
    this.failedNth = false;
    this.random = seededRandom(faults?.seed ?? 1);
  }

  // ---- quotas (per day of the workspace clock, shared by processes) ---------------------------
  quotaLimit(kind: QuotaKind): number {
    return kind === 'email' ? (this.options.mailQuota ?? 100) : (this.options.docQuota ?? 250);
  }

  remainingQuota(kind: QuotaKind): number {
    const state = this.readQuota();
    return Math.max(0, this.quotaLimit(kind) - (state.used[kind] ?? 0));
  }

  /** Takes n units or throws Google's daily-quota text, taking nothing. */
  consumeQuota(kind: QuotaKind, n = 1): void {
    this.underStoreLock(() => {
      const state = this.readQuota();
      const used = state.used[kind] ?? 0;
      if (used + n > this.quotaLimit(kind)) throw this.error(QUOTA_MESSAGES[kind]);
      // One line per use, appended: a file written whole per letter cost more than the letter.
      mkdirSync(this.path('quotas'), { recursive: true });
      appendFileSync(this.quotaFile(state.day), `${kind} ${n}\n`);
    });
  }

  private quotaFile(day: string): string {
    return this.path('quotas', `${day}.log`);
  }

  /** Today's use: the lines of today's log, read on from where the last look stopped. */
  private readQuota(): QuotaState {
    const day = this.now().toISOString().slice(0, 10);
    if (this.quota.day !== day) this.quota = { day, bytes: 0, used: {} };
    const { lines, end } = readNewLines(this.quotaFile(day), this.quota.bytes);
    for (const line of lines) {
      const [kind, count] = line.split(' ');
      if (kind === 'email' || kind === 'document')
        this.quota.used[kind] = (this.quota.used[kind] ?? 0) + Number(count);
    }
    this.quota.bytes = end;
    return this.quota;
  }

  // ---- state shared across executions -----------------------------------------------------------
  /** A workspace-lifetime store (created once), kept in step with the disk at lock and run boundaries. */
  store<T extends StateParticipant>(key: string, create: () => T): T {
    let found = this.participants.get(key);
    if (!found) {
      found = create();
      this.participants.set(key, found);
    }
    return found as T;
  }

  persistAll(): void {
    for (const p of this.participants.values()) p.persist();
  }

  reloadAll(): void {
    this.reloadClock();
    for (const p of this.participants.values()) p.reload();
  }

  /**
   * A JSON file's parse, shared until the file changes (checked by `fileStamp`): callers must not
   * modify the value; `writeShared` replaces it.
   */
  readShared<T>(path: string, fallback: T): T {
    const stamp = fileStamp(path);
    const hit = this.parsed.get(path);
    if (hit && hit.stamp === stamp) return hit.value as T;
    this.parsed.delete(path);
    if (stamp === MISSING) return fallback;
    // Stamp taken before reading: a write in between makes the next look re-read, never miss it.
    const value = readJson<unknown>(path, MISSING);
    if (value === MISSING) return fallback;
    this.parsed.set(path, { stamp, value });
    return value as T;
  }

  /** writeJson, remembering `value` as the file's parse (the caller hands it over: no later changes). */
  writeShared(path: string, value: unknown): void {
    this.parsed.delete(path);
    const stamp = writeJson(path, value);
    this.parsed.set(path, { stamp, value });
  }

  /** Drops a shared parse that was changed in place by an edit that then failed. */
  forgetShared(path: string): void {
    this.parsed.delete(path);
  }

  /**
   * Short read-modify-write sections on workspace files, across processes. During an execution the
   * lock, once taken, is kept for up to STORE_LOCK_HOLD_MS over the following sections (a letter is
   * several of them): taking it is a file creation, the largest cost of a section. It is let go when
   * the time is up, before the execution waits for anything (script lock, sleep) and at its end.
   */
  underStoreLock<T>(work: () => T): T {
    this.takeStoreLock();
    this.storeDepth++;
    try {
      return work();
    } finally {
      this.storeDepth--;
      if (!this.execution) this.releaseStoreLock();
    }
  }

  /** The same lock held across an async section (exporting .xlsx): nothing else in this process may run meanwhile. */
  async underStoreLockAsync<T>(work: () => Promise<T>): Promise<T> {
    this.takeStoreLock();
    this.storeDepth++;
    try {
      return await work();
    } finally {
      this.storeDepth--;
      this.releaseStoreLock();
    }
  }

  private takeStoreLock(): void {
    // A kept lock is renewed once old, so no section runs under a lock another process may break as stale.
    if (
      this.storeLock.isHeld &&
      this.storeDepth === 0 &&
      performance.now() - this.storeLockSince > STORE_LOCK_HOLD_MS
    )
      this.storeLock.release();
    if (this.storeLock.isHeld) return;
    if (!this.storeLock.tryAcquire(30_000))
      throw new Error(`Рабочая папка ${this.dir} занята другим процессом.`);
    this.storeLockSince = performance.now();
  }

  /** Lets other processes at the workspace files, unless a section is running. */
  releaseStoreLock(): void {
    if (this.storeLock.isHeld && this.storeDepth === 0) this.storeLock.release();
  }

  // ---- executions -----------------------------------------------------------------------------------
  beginExecution(functionName: string, realm: Realm): void {
    this.realm = realm;
    this.reloadAll();
    this.execution = {
      functionName,
      startedPerf: performance.now(),
      clockBaseMs: this.idleClockMs,
      calls: {},
      totalCalls: 0,
      ui: [],
      logs: [],
      endHooks: [],
    };
  }

  /** Runs end hooks (lock release), persists every store and advances the clock by the elapsed time. */
  endExecution(outcome: { ok: boolean; error?: string }): RunStats {
    const run = this.execution;
    if (!run) throw new Error('no execution in progress');
    const elapsedMs = performance.now() - run.startedPerf;
    const endMs = this.nowMs();
    try {
      for (const hook of run.endHooks.splice(0)) hook();
      this.persistAll();
    } finally {
      if (this.scriptLock.isHeld) this.scriptLock.release();
      this.execution = undefined;
      this.caller = 'curator';
      this.releaseStoreLock();
      this.realm = { Date, Error, Object, Array };
    }
    this.setClock(Math.max(endMs, run.clockBaseMs + 1));
    return {
      functionName: run.functionName,
      calls: run.calls,
      totalCalls: run.totalCalls,
      elapsedMs,
      ok: outcome.ok,
      error: outcome.error,
      ui: run.ui,
      logs: run.logs,
    };
  }

  onExecutionEnd(hook: () => void): void {
    this.execution?.endHooks.push(hook);
  }

  /**
   * Work whose result only the world outside the script sees (an .eml written once the worker has
   * composed it): done by `settleOutputs`, in order, when control returns to the workspace's caller,
   * so trigger runs fired one after another overlap with it.
   */
  deferOutput(write: () => void): void {
    this.outputs.push(write);
  }

  settleOutputs(): void {
    const failures: string[] = [];
    for (const write of this.outputs.splice(0)) {
      try {
        write();
      } catch (e) {
        failures.push(e instanceof Error ? e.message : String(e));
      }
    }
    if (failures.length > 0) throw new Error(failures.join('\n'));
  }

  ui(event: UiEvent): void {
    this.execution?.ui.push(event);
  }

  log(line: string): void {
    this.execution?.logs.push(line);
  }

  /** Ids shaped like Google's (44 url-safe characters for documents). */
  newId(length = 44): string {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    let id = '1';
    const bytes = randomBytes(length - 1);
    for (const b of bytes) id += alphabet[b % 64];
    return id;
  }
}
