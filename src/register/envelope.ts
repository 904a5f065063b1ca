// The register's file on disk: the whole register as JSON, encrypted under a key derived from the
// school's passphrase. One small text file is what a school can copy to a USB stick or its backup
// share and restore by copying it back; JSON inside keeps it readable by any future version, and the
// envelope names its own parameters, so a stronger setting later still opens old backups.
//
// scrypt (memory-hard, so guessing passphrases on stolen backups is slow) derives a 256-bit key;
// AES-256-GCM encrypts and authenticates: a wrong passphrase and a damaged or altered file are both
// refused instead of giving garbage. Both are in node:crypto, so the register needs no crypto library.
import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import * as z from 'zod';

export const ENVELOPE_FORMAT = 'nastavnik-register';

const envelopeSchema = z.object({
  format: z.literal(ENVELOPE_FORMAT),
  version: z.literal(1),
  kdf: z.object({
    name: z.literal('scrypt'),
    N: z.number().int(),
    r: z.number().int(),
    p: z.number().int(),
    salt: z.string(),
  }),
  cipher: z.literal('aes-256-gcm'),
  iv: z.string(),
  tag: z.string(),
  data: z.string(),
});
type Envelope = z.infer<typeof envelopeSchema>;

/** 2^15 × 8 × 128 bytes = 32 MiB and about a tenth of a second per guess on a school's computer. */
const KDF = { name: 'scrypt' as const, N: 2 ** 15, r: 8, p: 1 };

export class WrongPassphraseError extends Error {
  constructor() {
    super(
      'Неверная парольная фраза реестра (или файл реестра повреждён). Проверьте раскладку и Caps Lock; если файл повреждён, восстановите его из резервной копии.',
    );
    this.name = 'WrongPassphraseError';
  }
}

export class DamagedRegisterError extends Error {
  constructor(path: string, reason: string) {
    super(
      `Файл «${path}» — не файл реестра наставничества или он повреждён (${reason}). Восстановите его из резервной копии.`,
    );
    this.name = 'DamagedRegisterError';
  }
}

/** A key derived once per session: saving again needs no second scrypt run. */
export interface SealingKey {
  kdf: Envelope['kdf'];
  key: Buffer;
}

function derive(passphrase: string, kdf: Envelope['kdf']): Buffer {
  return scryptSync(passphrase.normalize('NFC'), Buffer.from(kdf.salt, 'base64'), 32, {
    N: kdf.N,
    r: kdf.r,
    p: kdf.p,
    maxmem: 256 * kdf.N * kdf.r,
  });
}

export function newSealingKey(passphrase: string): SealingKey {
  const kdf = { ...KDF, salt: randomBytes(16).toString('base64') };
  return { kdf, key: derive(passphrase, kdf) };
}

export function seal(plain: string, key: SealingKey): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key.key, iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  const envelope: Envelope = {
    format: ENVELOPE_FORMAT,
    version: 1,
    kdf: key.kdf,
    cipher: 'aes-256-gcm',
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    data: data.toString('base64'),
  };
  return `${JSON.stringify(envelope, null, 1)}\n`;
}

/** The plain JSON and the key to seal it again. Throws WrongPassphraseError or DamagedRegisterError. */
export function unseal(text: string, passphrase: string, path: string): { plain: string; key: SealingKey } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new DamagedRegisterError(path, 'это не JSON');
  }
  const envelope = envelopeSchema.safeParse(parsed);
  if (!envelope.success) throw new DamagedRegisterError(path, 'неизвестный формат');
  const { kdf, iv, tag, data } = envelope.data;
  const key = { kdf, key: derive(passphrase, kdf) };
  try {
    const decipher = createDecipheriv('aes-256-gcm', key.key, Buffer.from(iv, 'base64'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    const plain = Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]);
    return { plain: plain.toString('utf8'), key };
  } catch {
    throw new WrongPassphraseError();
  }
}

const lineSchema = z.object({ iv: z.string(), tag: z.string(), data: z.string() });

/**
 * One small record sealed on its own with the register's derived key (a fresh IV each time), as a
 * single line: appending it costs microseconds however large the register is, and no scrypt run.
 */
export function sealLine(plain: string, key: SealingKey): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key.key, iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return JSON.stringify({
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    data: data.toString('base64'),
  });
}

/** The plain text of a sealed line, or undefined when the line is torn, altered or under another key. */
export function unsealLine(line: string, key: SealingKey): string | undefined {
  try {
    const sealed = lineSchema.safeParse(JSON.parse(line));
    if (!sealed.success) return undefined;
    const decipher = createDecipheriv('aes-256-gcm', key.key, Buffer.from(sealed.data.iv, 'base64'), {
      authTagLength: 16,
    });
    decipher.setAuthTag(Buffer.from(sealed.data.tag, 'base64'));
    return Buffer.concat([
      decipher.update(Buffer.from(sealed.data.data, 'base64')),
      decipher.final(),
    ]).toString('utf8');
  } catch {
    return undefined;
  }
}
