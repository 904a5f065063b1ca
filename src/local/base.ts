// PropertiesService, CacheService, LockService, Utilities, Session, Logger and console.
import { createHash, createHmac, randomUUID } from 'node:crypto';
import { isDate, type ServiceContext, sleepSync } from './context';
import type { Implements, ServiceDefinition } from './services';
import { zoneOffsetMinutes } from './spreadsheet/model';

export const LOCK_TIMEOUT_MESSAGE = 'Lock timeout: another process was holding the lock for too long.';
const PROPERTY_VALUE_LIMIT = 9 * 1024;

type Scope = 'script' | 'user' | 'document';
type PropertyFile = Record<Scope, Record<string, string>>;

/** Properties are written through at once (read-modify-write under the store lock), like Google's. */
class FakeProperties
  implements
    Implements<
      GoogleAppsScript.Properties.Properties,
      | 'getProperty'
      | 'setProperty'
      | 'deleteProperty'
      | 'getProperties'
      | 'setProperties'
      | 'deleteAllProperties'
      | 'getKeys'
    >
{
  constructor(
    private readonly ctx: ServiceContext,
    private readonly scope: Scope,
  ) {}

  private file(): string {
    return this.ctx.path('properties.json');
  }

  /** Shared with other readers: never modified (change() writes copies). */
  private read(): Record<string, string> {
    return this.ctx.readShared<Partial<PropertyFile>>(this.file(), {})[this.scope] ?? {};
  }

  private change(edit: (props: Record<string, string>) => void): void {
    this.ctx.underStoreLock(() => {
      const all = { ...this.ctx.readShared<Partial<PropertyFile>>(this.file(), {}) };
      const props = { ...(all[this.scope] ?? {}) };
      edit(props);
      all[this.scope] = props;
      this.ctx.writeShared(this.file(), all);
    });
  }

  private check(value: string): void {
    if (value.length > PROPERTY_VALUE_LIMIT) throw this.ctx.error('Argument too large: value');
  }

  getProperty(key: string): string | null {
    this.ctx.count('PropertiesService', 'getProperty');
    return this.read()[key] ?? null;
  }

  setProperty(key: string, value: string): FakeProperties {
    this.ctx.count('PropertiesService', 'setProperty');
    const text = String(value);
    this.check(text);
    this.change((p) => {
      p[key] = text;
    });
    return this;
  }

  deleteProperty(key: string): FakeProperties {
    this.ctx.count('PropertiesService', 'deleteProperty');
    this.change((p) => {
      delete p[key];
    });
    return this;
  }

  getProperties(): Record<string, string> {
    this.ctx.count('PropertiesService', 'getProperties');
    return { ...this.read() };
  }

  setProperties(properties: Record<string, string>, deleteAllOthers?: boolean): FakeProperties {
    this.ctx.count('PropertiesService', 'setProperties');
    const entries = Object.entries(properties).map(([k, v]) => [k, String(v)] as const);
    for (const [, v] of entries) this.check(v);
    this.change((p) => {
      if (deleteAllOthers) for (const k of Object.keys(p)) delete p[k];
      for (const [k, v] of entries) p[k] = v;
    });
    return this;
  }

  deleteAllProperties(): FakeProperties {
    this.ctx.count('PropertiesService', 'deleteAllProperties');
    this.change((p) => {
      for (const k of Object.keys(p)) delete p[k];
    });
    return this;
  }

  getKeys(): string[] {
    this.ctx.count('PropertiesService', 'getKeys');
    return Object.keys(this.read());
  }
}

const propertiesService = (ctx: ServiceContext) => ({
  getScriptProperties: () => new FakeProperties(ctx, 'script'),
  getUserProperties: () => new FakeProperties(ctx, 'user'),
  getDocumentProperties: () => new FakeProperties(ctx, 'document'),
});

interface CacheEntry {
  value: string;
  expires: number;
}

/** In-process only: not durable, as the real cache is not; expiry runs on the workspace clock. */
class CacheState {
  readonly entries = new Map<string, CacheEntry>();
  reload(): void {}
  persist(): void {}
}

class FakeCache
  implements
    Implements<GoogleAppsScript.Cache.Cache, 'get' | 'put' | 'getAll' | 'putAll' | 'remove' | 'removeAll'>
{
  constructor(
    private readonly ctx: ServiceContext,
    private readonly prefix: string,
  ) {}

  private get state(): CacheState {
    return this.ctx.store('cache', () => new CacheState());
  }

  get(key: string): string | null {
    this.ctx.count('CacheService', 'get');
    const e = this.state.entries.get(this.prefix + key);
    if (!e || e.expires <= this.ctx.nowMs()) return null;
    return e.value;
  }

  put(key: string, value: string, expirationInSeconds?: number): void {
    this.ctx.count('CacheService', 'put');
    if (key.length > 250) throw this.ctx.error('Argument too large: key');
    if (value.length > 100 * 1024) throw this.ctx.error('Argument too large: value');
    const ttl = Math.min(expirationInSeconds ?? 600, 21_600);
    this.state.entries.set(this.prefix + key, {
      value: String(value),
      expires: this.ctx.nowMs() + ttl * 1000,
    });
  }

  getAll(keys: string[]): Record<string, string> {
    this.ctx.count('CacheService', 'getAll');
    const out: Record<string, string> = {};
    for (const k of keys) {
      const e = this.state.entries.get(this.prefix + k);
      if (e && e.expires > this.ctx.nowMs()) out[k] = e.value;
    }
    return out;
  }

  putAll(values: Record<string, string>, expirationInSeconds?: number): void {
    for (const [k, v] of Object.entries(values)) this.put(k, v, expirationInSeconds);
  }

  remove(key: string): void {
    this.ctx.count('CacheService', 'remove');
    this.state.entries.delete(this.prefix + key);
  }

  removeAll(keys: string[]): void {
    for (const k of keys) this.remove(k);
  }
}

const cacheService = (ctx: ServiceContext) => ({
  getScriptCache: () => new FakeCache(ctx, 'script:'),
  getUserCache: () => new FakeCache(ctx, 'user:'),
  getDocumentCache: () => new FakeCache(ctx, 'document:'),
});

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

const lockService = (ctx: ServiceContext) => {
  // One lock object per execution: getScriptLock() twice returns locks sharing the same hold.
  let lock: FakeLock | undefined;
  const script = () => {
    lock ??= new FakeLock(ctx);
    return lock;
  };
  return { getScriptLock: script, getDocumentLock: script, getUserLock: script };
};

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Java SimpleDateFormat subset that Utilities.formatDate understands (English names, like Apps Script). */
export function formatDate(date: Date, timeZone: string, pattern: string): string {
  const offset = zoneOffsetMinutes(timeZone, date.getTime());
  const t = new Date(date.getTime() + offset * 60_000);
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  const fields: Record<string, (n: number) => string> = {
    y: (n) => (n === 2 ? pad(t.getUTCFullYear() % 100, 2) : pad(t.getUTCFullYear(), n)),
    M: (n) =>
      n >= 4
        ? MONTHS[t.getUTCMonth()]
        : n === 3
          ? MONTHS[t.getUTCMonth()].slice(0, 3)
          : pad(t.getUTCMonth() + 1, n),
    d: (n) => pad(t.getUTCDate(), n),
    H: (n) => pad(t.getUTCHours(), n),
    h: (n) => pad(t.getUTCHours() % 12 || 12, n),
    m: (n) => pad(t.getUTCMinutes(), n),
    s: (n) => pad(t.getUTCSeconds(), n),
    S: (n) => pad(t.getUTCMilliseconds(), 3).slice(0, Math.max(n, 3)),
    a: () => (t.getUTCHours() < 12 ? 'AM' : 'PM'),
    E: (n) => (n >= 4 ? DAYS[t.getUTCDay()] : DAYS[t.getUTCDay()].slice(0, 3)),
    u: () => String(t.getUTCDay() || 7),
    Z: () => `${sign}${pad(Math.floor(abs / 60), 2)}${pad(abs % 60, 2)}`,
    X: (n) =>
      offset === 0
        ? 'Z'
        : n >= 3
          ? `${sign}${pad(Math.floor(abs / 60), 2)}:${pad(abs % 60, 2)}`
          : `${sign}${pad(Math.floor(abs / 60), 2)}`,
    z: () => (timeZone === 'Europe/Moscow' ? 'MSK' : timeZone),
  };
  let out = '';
  for (let i = 0; i < pattern.length; ) {
    const ch = pattern[i];
    if (ch === "'") {
      const end = pattern.indexOf("'", i + 1);
      const literal = end < 0 ? pattern.slice(i + 1) : pattern.slice(i + 1, end);
      out += literal === '' ? "'" : literal;
      i = end < 0 ? pattern.length : end + 1;
      continue;
    }
    let n = 1;
    while (pattern[i + n] === ch) n++;
    const field = fields[ch];
    out += field ? field(n) : ch.repeat(n);
    i += n;
  }
  return out;
}

/** Blob with the members the bundle may use; bytes are signed like Java's. */
export class FakeBlob
  implements
    Implements<
      GoogleAppsScript.Base.Blob,
      | 'getBytes'
      | 'getDataAsString'
      | 'getContentType'
      | 'setContentType'
      | 'getName'
      | 'setName'
      | 'copyBlob'
      | 'setDataFromString'
    >
{
  constructor(
    public data: Buffer,
    private contentType: string | null = null,
    private name: string | null = null,
  ) {}

  getBytes(): number[] {
    return [...this.data].map((b) => (b > 127 ? b - 256 : b));
  }

  getDataAsString(charset?: string): string {
    return this.data.toString(charset && /^utf-?8$/i.test(charset) === false ? 'latin1' : 'utf8');
  }

  setDataFromString(string: string, _charset?: string): FakeBlob {
    this.data = Buffer.from(string, 'utf8');
    return this;
  }

  getContentType(): string | null {
    return this.contentType;
  }

  setContentType(contentType: string | null): FakeBlob {
    this.contentType = contentType;
    return this;
  }

  getName(): string | null {
    return this.name;
  }

  setName(name: string): FakeBlob {
    this.name = name;
    return this;
  }

  copyBlob(): FakeBlob {
    return new FakeBlob(Buffer.from(this.data), this.contentType, this.name);
  }

  getAs(contentType: string): FakeBlob {
    return new FakeBlob(Buffer.from(this.data), contentType, this.name);
  }
}

function toBuffer(value: unknown): Buffer {
  if (typeof value === 'string') return Buffer.from(value, 'utf8');
  if (Array.isArray(value)) return Buffer.from(value.map((b) => Number(b) & 0xff));
  if (value instanceof FakeBlob) return value.data;
  return Buffer.from(String(value), 'utf8');
}

const DIGESTS: Record<string, string> = {
  MD2: 'md5',
  MD5: 'md5',
  SHA_1: 'sha1',
  SHA_256: 'sha256',
  SHA_384: 'sha384',
  SHA_512: 'sha512',
};
const signed = (buf: Buffer) => [...buf].map((b) => (b > 127 ? b - 256 : b));

class FakeUtilities
  implements
    Implements<
      GoogleAppsScript.Utilities.Utilities,
      | 'formatDate'
      | 'sleep'
      | 'getUuid'
      | 'base64Encode'
      | 'base64EncodeWebSafe'
      | 'base64Decode'
      | 'base64DecodeWebSafe'
      | 'newBlob'
      | 'parseCsv'
      | 'formatString'
    >
{
  readonly DigestAlgorithm = {
    MD2: 'MD2',
    MD5: 'MD5',
    SHA_1: 'SHA_1',
    SHA_256: 'SHA_256',
    SHA_384: 'SHA_384',
    SHA_512: 'SHA_512',
  };
  readonly MacAlgorithm = {
    HMAC_MD5: 'HMAC_MD5',
    HMAC_SHA_1: 'HMAC_SHA_1',
    HMAC_SHA_256: 'HMAC_SHA_256',
    HMAC_SHA_384: 'HMAC_SHA_384',
    HMAC_SHA_512: 'HMAC_SHA_512',
  };
  readonly Charset = { US_ASCII: 'US_ASCII', UTF_8: 'UTF_8' };

  constructor(private readonly ctx: ServiceContext) {}

  formatDate(date: GoogleAppsScript.Base.Date, timeZone: string, format: string): string {
    this.ctx.count('Utilities', 'formatDate');
    if (!isDate(date)) throw this.ctx.error('Invalid argument: date');
    return formatDate(new Date(date.getTime()), timeZone, format);
  }

  /** Really waits (it counts against the execution limit, as in Apps Script). */
  sleep(milliseconds: number): void {
    this.ctx.count('Utilities', 'sleep');
    this.ctx.releaseStoreLock();
    sleepSync(milliseconds);
  }

  getUuid(): string {
    return randomUUID();
  }

  base64Encode(data: unknown, _charset?: unknown): string {
    return toBuffer(data).toString('base64');
  }

  base64EncodeWebSafe(data: unknown, _charset?: unknown): string {
    return toBuffer(data).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
  }

  base64Decode(encoded: string, _charset?: unknown): number[] {
    return signed(Buffer.from(encoded, 'base64'));
  }

  base64DecodeWebSafe(encoded: string, _charset?: unknown): number[] {
    return signed(Buffer.from(encoded.replace(/-/g, '+').replace(/_/g, '/'), 'base64'));
  }

  computeDigest(algorithm: string, value: unknown, _charset?: unknown): number[] {
    return signed(
      createHash(DIGESTS[algorithm] ?? 'sha256')
        .update(toBuffer(value))
        .digest(),
    );
  }

  computeHmacSha256Signature(value: unknown, key: unknown): number[] {
    return signed(createHmac('sha256', toBuffer(key)).update(toBuffer(value)).digest());
  }

  newBlob(data: unknown, contentType?: string, name?: string): FakeBlob {
    return new FakeBlob(toBuffer(data ?? ''), contentType ?? null, name ?? null);
  }

  parseCsv(csv: string, delimiter?: string): string[][] {
    return parseCsv(csv, delimiter ?? ',');
  }

  formatString(template: string, ...args: unknown[]): string {
    let i = 0;
    return template.replace(/%[sdif]/g, () => String(args[i++]));
  }
}

/** RFC 4180 CSV (quotes, doubled quotes, newlines inside quotes). */
export function parseCsv(csv: string, delimiter = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const text = csv.replace(/^\uFEFF/, '');
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** Active user: '' for an anonymous web visitor. Effective user: the account the script runs as. */
const sessionService = (ctx: ServiceContext) => {
  const user = (email: () => string) => ({ getEmail: email, toString: email });
  const active = () => {
    const caller = ctx.caller;
    if (caller === 'anonymous') return '';
    return caller === 'curator' ? ctx.meta.curatorEmail : caller.email;
  };
  const effective = () => {
    const caller = ctx.caller;
    return typeof caller === 'object' ? caller.email : ctx.meta.curatorEmail;
  };
  return {
    getScriptTimeZone: () => ctx.timeZone,
    getActiveUser: () => user(active),
    getEffectiveUser: () => user(effective),
    getActiveUserLocale: () => 'ru',
    getTemporaryActiveUserKey: () => `local-${active() || 'anonymous'}`,
  };
};

function logLine(args: unknown[]): string {
  return args.map((a) => (typeof a === 'string' ? a : safeJson(a))).join(' ');
}

function safeJson(value: unknown): string {
  if (value instanceof Object && 'message' in value && 'stack' in value)
    return String((value as Error).stack);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

const logging = (ctx: ServiceContext) => {
  const log =
    (level: string) =>
    (...args: unknown[]) =>
      ctx.log(`${level}${logLine(args)}`);
  const logger = {
    log: (format: unknown, ...values: unknown[]) => {
      let i = 0;
      const text =
        typeof format === 'string' && values.length
          ? format.replace(/%s/g, () => String(values[i++]))
          : logLine([format]);
      ctx.log(text);
      return logger;
    },
    getLog: () => '',
    clear: () => undefined,
  };
  return {
    Logger: logger,
    console: {
      log: log(''),
      info: log(''),
      warn: log('WARN '),
      error: log('ERROR '),
      time: () => undefined,
      timeEnd: () => undefined,
    },
  };
};

export const baseServices: ServiceDefinition = {
  name: 'PropertiesService, CacheService, LockService, Utilities, Session, Logger, console',
  globals: (ctx) => ({
    PropertiesService: propertiesService(ctx),
    CacheService: cacheService(ctx),
    LockService: lockService(ctx),
    Utilities: new FakeUtilities(ctx),
    Session: sessionService(ctx),
    ...logging(ctx),
  }),
};
