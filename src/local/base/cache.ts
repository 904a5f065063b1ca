// CacheService: script, user and document caches, kept in the process only.
import type { ServiceContext } from '../context';
import type { Implements } from '../services';

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

export const cacheService = (ctx: ServiceContext) => ({
  getScriptCache: () => new FakeCache(ctx, 'script:'),
  getUserCache: () => new FakeCache(ctx, 'user:'),
  getDocumentCache: () => new FakeCache(ctx, 'document:'),
});
