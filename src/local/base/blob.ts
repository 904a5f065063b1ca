// Utilities.newBlob: bytes with a name and a content type.
import type { Implements } from '../services';

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

export function toBuffer(value: unknown): Buffer {
  if (typeof value === 'string') return Buffer.from(value, 'utf8');
  if (Array.isArray(value)) return Buffer.from(value.map((b) => Number(b) & 0xff));
  if (value instanceof FakeBlob) return value.data;
  return Buffer.from(String(value), 'utf8');
}
