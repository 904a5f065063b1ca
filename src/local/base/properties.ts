// PropertiesService: script, user and document properties in one JSON file of the workspace.
import type { ServiceContext } from '../context';
import type { Implements } from '../services';

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

export const propertiesService = (ctx: ServiceContext) => ({
  getScriptProperties: () => new FakeProperties(ctx, 'script'),
  getUserProperties: () => new FakeProperties(ctx, 'user'),
  getDocumentProperties: () => new FakeProperties(ctx, 'document'),
});
