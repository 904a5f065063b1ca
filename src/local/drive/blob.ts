// Blob: bytes with a name and a content type, as Apps Script passes files around (attachments,
// DriveApp.createFile, getAs). Apps Script bytes are signed (-128..127); both forms are accepted.
import type { ServiceContext } from '../context';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export class LocalBlob
  implements
    Pick<
      GoogleAppsScript.Base.Blob,
      'getBytes' | 'getContentType' | 'getDataAsString' | 'getName' | 'isGoogleType'
    >
{
  constructor(
    private readonly ctx: ServiceContext,
    private data: Buffer,
    private contentType: string | null,
    private name: string | null,
    /** Other content types this content converts to (a document: .docx and PDF), made on demand. */
    private readonly conversions: Record<string, () => Buffer> = {},
  ) {}

  get buffer(): Buffer {
    return this.data;
  }

  getBytes(): GoogleAppsScript.Byte[] {
    this.ctx.count('Blob', 'getBytes');
    return this.ctx.realm.Array.from(this.data, (b) => (b > 127 ? b - 256 : b));
  }

  getContentType(): string | null {
    return this.contentType;
  }

  setContentType(type: string | null): LocalBlob {
    this.contentType = type;
    return this;
  }

  getDataAsString(charset?: string): string {
    return this.data.toString(charset && /^utf-?8$/i.test(charset) === false ? 'latin1' : 'utf8');
  }

  setDataFromString(text: string): LocalBlob {
    this.data = Buffer.from(text, 'utf8');
    return this;
  }

  getName(): string | null {
    return this.name;
  }

  setName(name: string): LocalBlob {
    this.name = name;
    return this;
  }

  isGoogleType(): boolean {
    return false;
  }

  copyBlob(): LocalBlob {
    return new LocalBlob(this.ctx, Buffer.from(this.data), this.contentType, this.name, this.conversions);
  }

  getBlob(): LocalBlob {
    return this;
  }

  getAs(contentType: string): LocalBlob {
    this.ctx.count('Blob', 'getAs');
    if (contentType === this.contentType) return this.copyBlob();
    const convert = this.conversions[contentType];
    if (!convert)
      throw this.ctx.error(`Converting from ${this.contentType} to ${contentType} is not supported.`);
    const base = (this.name ?? 'document').replace(/\.[^.]+$/, '');
    const extension = contentType === 'application/pdf' ? '.pdf' : contentType === DOCX_MIME ? '.docx' : '';
    return new LocalBlob(this.ctx, convert(), contentType, `${base}${extension}`, this.conversions);
  }
}

/** Reads any blob-like object the bundle hands over (ours, or another fake's Utilities.newBlob). */
export function blobBytes(value: unknown): { data: Buffer; name: string | null; contentType: string | null } {
  if (value instanceof LocalBlob)
    return { data: value.buffer, name: value.getName(), contentType: value.getContentType() };
  const source = value as Partial<GoogleAppsScript.Base.BlobSource & GoogleAppsScript.Base.Blob>;
  const blob = typeof source.getBytes === 'function' ? source : source.getBlob?.();
  if (!blob || typeof blob.getBytes !== 'function') throw new Error('Invalid argument: blob');
  if (blob instanceof LocalBlob)
    return { data: blob.buffer, name: blob.getName(), contentType: blob.getContentType() };
  const bytes = blob.getBytes();
  return {
    data: Buffer.from(Array.from(bytes, (b) => b & 0xff)),
    name: typeof blob.getName === 'function' ? blob.getName() : null,
    contentType: typeof blob.getContentType === 'function' ? blob.getContentType() : null,
  };
}
