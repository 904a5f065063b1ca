// Utilities: dates, digests and signatures, base64, UUIDs, blobs, CSV, string formatting and sleep.
import { createHash, createHmac, randomUUID } from 'node:crypto';
import type { ServiceContext } from '../context';
import { sleepSync } from '../fileLock';
import { isDate } from '../jsonDates';
import type { Implements } from '../services';
import { FakeBlob, toBuffer } from './blob';
import { parseCsv } from './csv';
import { formatDate } from './formatDate';

const DIGESTS: Record<string, string> = {
  MD2: 'md5',
  MD5: 'md5',
  SHA_1: 'sha1',
  SHA_256: 'sha256',
  SHA_384: 'sha384',
  SHA_512: 'sha512',
};
const signed = (buf: Buffer) => [...buf].map((b) => (b > 127 ? b - 256 : b));

export class FakeUtilities
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
