// The one object every fake talks to during an execution: the workspace directory, the clock, the
// per-run service-call counter, quotas, fault injection and the execution limit. Fakes never keep
// their own timers or counters, so the limits in the options apply to every service alike.
// Time inside an execution is Google's time as modelled: every call is charged from the latency
// table (latency/), on top of the script's own running time, and the limits cut on that time.
import { randomBytes } from 'node:crypto';
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  EXECUTION_LIMIT_MESSAGE,
  EXECUTION_LIMIT_MS,
  QUOTA_KINDS,
  QUOTA_MESSAGES,
  type QuotaKind,
  SIMPLE_TRIGGER_LIMIT_MS,
  serviceFailure,
} from './failures';
import { FileLock } from './fileLock';
import { fileStamp, MISSING, readJson, readNewLines, writeJson } from './jsonFiles';
import { type LatencyOption, LatencyTable } from './latency/table';
import { seededRandom } from './seededRandom';

export interface FaultOptions {
  /** The Nth service call (1-based, counted across all runs of this workspace object) fails once. */
  failNth?: number;
  /** Fraction of service calls that fail, drawn from a seeded generator. */
  failRate?: number;
  seed?: number;
  /** Only calls to these services can fail (names as counted, e.g. 'SpreadsheetApp', 'MailApp'). */
  services?: string[];
}

/** Whose quotas apply: a consumer (gmail.com) account or a Google Workspace one. */
export type AccountKind = 'consumer' | 'workspace';

/** How an execution was started: by a person or tool, by an installable trigger, or as a simple trigger. */
export type ExecutionOrigin = 'manual' | 'trigger' | 'simple';

const ACCOUNT_QUOTAS: Record<AccountKind, Record<QuotaKind, number>> = {
  consumer: { email: 100, document: 250, properties: 50_000, triggerMs: 90 * 60_000 },
  workspace: { email: 1_500, document: 1_500, properties: 500_000, triggerMs: 6 * 3_600_000 },
};

export interface WorkspaceOptions {
  /**
   * Modelled Google time one execution may take (simple triggers: 30 s whatever this says); the
   * call that goes past it throws Apps Script's text. Also the wall-time watchdog of a busy loop.
   * Default 6 min.
   */
  executionLimitMs?: number;
  /**
   * Google's time model: a latency table (its JSON value, a LatencyTable, or a JSON file's path).
   * Default: src/local/latency/default.json.
   */
  latency?: LatencyOption;
  /** Quotas of a consumer account (default) or of Google Workspace. */
  account?: AccountKind;
  /** Trigger runtime a day, ms (default by account: 90 min / 6 h). */
  triggerRuntimeMs?: number;
  /** Properties reads and writes a day (default by account: 50,000 / 500,000). */
  propertiesQuota?: number;
  /**
   * Cuts every execution at its Nth service call with the execution-limit error, as if the 6 minutes
   * ran out right there. Deterministic, unlike a wall-time limit, so tests can cut at chosen points.
   */
  executionLimitCalls?: number;
  faults?: FaultOptions;
  /** Email recipients per day (MailApp.getRemainingDailyQuota). Default by account: 100 / 1,500. */
  mailQuota?: number;
  /** Documents created per day. Default by account: 250 / 1,500. */
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
   * Mail domains whose addresses are Google accounts; Drive refuses to share a file with any other
   * address, as Google does for most Russian parents' mail.ru or yandex.ru addresses. Default: the
   * curator's (the school's) domain and gmail.com. '*' accepts every address.
   */
  googleAccountDomains?: string[];
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
  kind: 'toast' | 'alert' | 'prompt' | 'menu' | 'sidebar' | 'dialog' | 'log';
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
  /** Wall time here, ms. */
  elapsedMs: number;
  /** Modelled Google time of the execution, ms: start + charged calls + script time (latency table). */
  googleMs: number;
  /** Service time in googleMs: what the calls were charged. */
  chargedMs: number;
  /** The limit the execution ran under (6 min; 30 s for a simple trigger). */
  limitMs: number;
  origin: ExecutionOrigin;
  /** Workspace clock at the execution's start, ms since the epoch. */
  startedMs: number;
  ok: boolean;
  error?: string;
  /** Stack of the error, for debugging a failed run. */
  stack?: string;
  ui: UiEvent[];
  logs: string[];
}

export interface WorkspaceMeta {
  version: 1;
  scriptId: string;
  /** The workbook the script is bound to (SpreadsheetApp.getActive()). */
  boundSpreadsheetId: string;
  curatorEmail: string;
  timeZone: string;
  /** googleAccountDomains the workspace was made with; an option given at open wins. */
  googleAccountDomains?: string[];
}

interface QuotaState {
  day: string;
  used: Partial<Record<QuotaKind, number>>;
  /** Bytes of the day's log counted in `used`. */
  bytes: number;
}

interface Execution {
  functionName: string;
  origin: ExecutionOrigin;
  startedPerf: number;
  clockBaseMs: number;
  /** What the calls so far cost on Google (ms). */
  chargedMs: number;
  limitMs: number;
  /** Trigger runtime left today when the execution started (Infinity unless started by a trigger). */
  triggerBudgetMs: number;
  propertiesLeft: number;
  propertyCalls: number;
  calls: Record<string, number>;
  totalCalls: number;
  ui: UiEvent[];
  logs: string[];
  endHooks: Array<() => void>;
}

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
  readonly latency: LatencyTable;

  constructor(
    readonly dir: string,
    readonly meta: WorkspaceMeta,
    readonly options: WorkspaceOptions = {},
  ) {
    this.scriptLock = new FileLock(join(dir, '.locks', 'script.lock'));
    this.storeLock = new FileLock(join(dir, '.locks', 'store.lock'), 30_000);
    this.random = seededRandom(options.faults?.seed ?? 1);
    this.idleClockMs = this.readClock();
    this.latency = LatencyTable.of(options.latency);
  }

  get timeZone(): string {
    return this.meta.timeZone;
  }

  /** Whether Drive would find a Google account behind this address (see googleAccountDomains). */
  hasGoogleAccount(email: string): boolean {
    const domain = email.split('@')[1]?.trim().toLowerCase() ?? '';
    const domains = this.options.googleAccountDomains ??
      this.meta.googleAccountDomains ?? [
        this.meta.curatorEmail.split('@')[1]?.toLowerCase() ?? '',
        'gmail.com',
      ];
    return domains.some((d) => d === '*' || d.toLowerCase() === domain);
  }

  get executionLimitMs(): number {
    return this.options.executionLimitMs ?? EXECUTION_LIMIT_MS;
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
  /** Workspace time; during an execution it runs on from the execution's start in modelled Google time. */
  nowMs(): number {
    const run = this.execution;
    if (!run) return this.idleClockMs;
    return run.clockBaseMs + Math.floor(this.googleElapsed(run));
  }

  /** Google's time since the execution started: its start-up, the calls charged, the script's own time. */
  private googleElapsed(run: Execution): number {
    return (
      this.latency.executionStartMs +
      run.chargedMs +
      this.latency.scriptTimeFactor * (performance.now() - run.startedPerf)
    );
  }

  /** The limit of the running execution (ms of Google time), if one runs. */
  get executionLimit(): number {
    return this.execution?.limitMs ?? this.executionLimitMs;
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
   * Every public method of every fake calls this first. Counts the call, charges its Google time,
   * enforces the execution limit and the daily trigger-runtime and properties quotas, injects faults.
   * `target` is the document id used in Google's failure text; `cells` the size of a range read or written.
   */
  count(service: string, method: string, target?: string, cells?: number): void {
    const run = this.execution;
    this.callsEver++;
    if (this.storeLock.isHeld && performance.now() - this.storeLockSince > STORE_LOCK_HOLD_MS)
      this.releaseStoreLock();
    if (run) {
      const key = `${service}.${method}`;
      run.calls[key] = (run.calls[key] ?? 0) + 1;
      run.totalCalls++;
      run.chargedMs += this.latency.charge(key, cells);
      if (service === 'PropertiesService') {
        // A refused call uses nothing.
        if (run.propertyCalls >= run.propertiesLeft) throw this.error(QUOTA_MESSAGES.properties);
        run.propertyCalls++;
      }
      const limitCalls = this.options.executionLimitCalls;
      const elapsed = this.googleElapsed(run);
      if (elapsed > run.limitMs || (limitCalls !== undefined && run.totalCalls > limitCalls))
        throw this.error(EXECUTION_LIMIT_MESSAGE);
      if (elapsed > run.triggerBudgetMs) throw this.error(QUOTA_MESSAGES.triggerMs);
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
    const explicit = {
      email: this.options.mailQuota,
      document: this.options.docQuota,
      properties: this.options.propertiesQuota,
      triggerMs: this.options.triggerRuntimeMs,
    }[kind];
    return explicit ?? ACCOUNT_QUOTAS[this.options.account ?? 'consumer'][kind];
  }

  /** Today's use of a daily quota (day of the workspace clock). */
  usedQuota(kind: QuotaKind): number {
    return this.readQuota().used[kind] ?? 0;
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
      this.appendQuota(state.day, kind, n);
    });
  }

  /** Records use already made (an execution's trigger runtime, its properties calls), unchecked. */
  private recordQuota(day: string, kind: QuotaKind, n: number): void {
    if (n <= 0) return;
    this.underStoreLock(() => this.appendQuota(day, kind, n));
  }

  private appendQuota(day: string, kind: QuotaKind, n: number): void {
    // One line per use, appended: a file written whole per letter cost more than the letter.
    mkdirSync(this.path('quotas'), { recursive: true });
    appendFileSync(this.quotaFile(day), `${kind} ${Math.ceil(n)}\n`);
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
      const known = QUOTA_KINDS.find((k) => k === kind);
      if (known) this.quota.used[known] = (this.quota.used[known] ?? 0) + Number(count);
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
  beginExecution(functionName: string, realm: Realm, origin: ExecutionOrigin = 'manual'): void {
    this.realm = realm;
    this.reloadAll();
    this.execution = {
      functionName,
      origin,
      chargedMs: 0,
      limitMs:
        origin === 'simple'
          ? Math.min(SIMPLE_TRIGGER_LIMIT_MS, this.executionLimitMs)
          : this.executionLimitMs,
      triggerBudgetMs: origin === 'trigger' ? this.remainingQuota('triggerMs') : Number.POSITIVE_INFINITY,
      propertiesLeft: this.remainingQuota('properties'),
      propertyCalls: 0,
      startedPerf: performance.now(),
      clockBaseMs: this.idleClockMs,
      calls: {},
      totalCalls: 0,
      ui: [],
      logs: [],
      endHooks: [],
    };
  }

  /**
   * A trigger cannot start once the day's trigger runtime is used up: Google fails it with the quota
   * text before the script runs.
   */
  refuseStartOverQuota(): void {
    const run = this.execution;
    if (run && run.triggerBudgetMs <= 0) throw this.error(QUOTA_MESSAGES.triggerMs);
  }

  /**
   * Runs end hooks (lock release), persists every store, records the day's trigger runtime and
   * properties calls, and advances the clock by the modelled time (unless the execution was only a
   * look: `movesClock` false).
   */
  endExecution(outcome: { ok: boolean; error?: string }, movesClock = true): RunStats {
    const run = this.execution;
    if (!run) throw new Error('no execution in progress');
    const elapsedMs = performance.now() - run.startedPerf;
    const googleMs = this.googleElapsed(run);
    const endMs = run.clockBaseMs + Math.floor(googleMs);
    let persisted = false;
    try {
      for (const hook of run.endHooks.splice(0)) hook();
      this.persistAll();
      persisted = true;
    } finally {
      if (this.scriptLock.isHeld) this.scriptLock.release();
      this.execution = undefined;
      this.caller = 'curator';
      // The store lock the execution kept goes on to the clock and quota writes below, in one section.
      if (!(persisted && movesClock)) this.releaseStoreLock();
      this.realm = { Date, Error, Object, Array };
    }
    if (movesClock)
      this.underStoreLock(() => {
        this.setClock(Math.max(endMs, run.clockBaseMs + 1));
        // Counted on the day the execution started.
        const day = new Date(run.clockBaseMs).toISOString().slice(0, 10);
        if (run.origin === 'trigger')
          this.recordQuota(day, 'triggerMs', Math.min(googleMs, run.triggerBudgetMs));
        this.recordQuota(day, 'properties', run.propertyCalls);
      });
    return {
      functionName: run.functionName,
      calls: run.calls,
      totalCalls: run.totalCalls,
      elapsedMs,
      googleMs,
      chargedMs: run.chargedMs,
      limitMs: run.limitMs,
      origin: run.origin,
      startedMs: run.clockBaseMs,
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
