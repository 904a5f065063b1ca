// Opening, creating and saving the register's file. A save writes a new file beside the old one and
// renames it over, so a power cut leaves the old register or the new one, never half of one; the
// previous version stays as «.bak» for the school's own mistakes.
import { createHmac, randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { HmacSha256 } from '../core/pseudonymous/participantCode';
import { newSealingKey, type SealingKey, seal, unseal } from './envelope';
import { type JournalEntry, type RegisterData, registerDataSchema } from './model';

export const nodeHmac: HmacSha256 = (key, message) => [...createHmac('sha256', key).update(message).digest()];

export class RegisterExistsError extends Error {
  constructor(path: string) {
    super(`Реестр «${path}» уже существует: init создаёт только новый реестр и не перезаписывает старый.`);
  }
}

export class MissingRegisterError extends Error {
  constructor(path: string) {
    super(`Файла реестра «${path}» нет. Создайте реестр: npx nastavnik register init --file ${path}`);
  }
}

export class Register {
  private constructor(
    readonly path: string,
    readonly data: RegisterData,
    private readonly key: SealingKey,
    private readonly clock: () => Date,
  ) {}

  /** A new register with a fresh code key; refuses to overwrite an existing file. */
  static create(
    path: string,
    passphrase: string,
    school: string,
    clock: () => Date = () => new Date(),
  ): Register {
    if (existsSync(path)) throw new RegisterExistsError(path);
    if (passphrase.length < 8)
      throw new Error('Парольная фраза реестра — не короче 8 символов (лучше несколько слов).');
    const data: RegisterData = {
      version: 1,
      school,
      codeKey: randomBytes(16).toString('hex'),
      createdAt: clock().toISOString(),
      people: [],
      sent: [],
      documents: [],
      journal: [],
    };
    const register = new Register(path, data, newSealingKey(passphrase), clock);
    register.log('реестр создан', '', school);
    register.save();
    return register;
  }

  static open(path: string, passphrase: string, clock: () => Date = () => new Date()): Register {
    if (!existsSync(path)) throw new MissingRegisterError(path);
    const { plain, key } = unseal(readFileSync(path, 'utf8'), passphrase, path);
    return new Register(path, registerDataSchema.parse(JSON.parse(plain)), key, clock);
  }

  now(): Date {
    return this.clock();
  }

  /** Today in the school's terms, «YYYY-MM-DD» (the machine's local day). */
  today(): string {
    const d = this.clock();
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  }

  log(action: string, code: string, detail: string): void {
    const entry: JournalEntry = { at: this.clock().toISOString(), action, code, detail };
    this.data.journal.push(entry);
  }

  save(): void {
    const text = seal(JSON.stringify(this.data), this.key);
    const fresh = `${this.path}.new`;
    writeFileSync(fresh, text, { mode: 0o600 });
    if (existsSync(this.path)) copyFileSync(this.path, `${this.path}.bak`);
    renameSync(fresh, this.path);
  }
}
