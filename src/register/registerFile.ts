// Opening, creating and saving the register's file. A save writes a new file beside the old one and
// renames it over, so a power cut leaves the old register or the new one, never half of one; the
// previous version stays as «.bak» for the school's own mistakes.
//
// Sending letters changes the sent log one letter at a time, twice a letter, and must reach the disk
// before the SMTP transaction: rewriting the whole sealed file for that grows with the register. Those
// changes are appended instead to «<file>.sent», the sent-log journal, one sealed line each; save()
// writes everything into the file and removes it, and opening after a crash replays it and saves.
import { createHmac, randomBytes } from 'node:crypto';
import {
  appendFileSync,
  copyFileSync,
  existsSync,
  readFileSync,
  renameSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import * as z from 'zod';
import type { HmacSha256 } from '../core/pseudonymous/participantCode';
import { newSealingKey, type SealingKey, seal, sealLine, unseal, unsealLine } from './envelope';
import {
  type JournalEntry,
  type RegisterData,
  registerDataSchema,
  type SentLetter,
  sentSchema,
} from './model';

/** One change of the sent log: a letter's new state, or the letter gone from it (the server refused it). */
const sentChangeSchema = z.union([sentSchema, z.object({ key: z.string(), removed: z.literal(true) })]);
type SentChange = z.infer<typeof sentChangeSchema>;

export class DamagedSentJournalError extends Error {
  constructor(path: string, line: number) {
    super(
      `Журнал отправленных писем «${path}» повреждён: строка ${line} не читается. Восстановите реестр из резервной копии — файл реестра вместе с его журналом «.sent».`,
    );
    this.name = 'DamagedSentJournalError';
  }
}

/** The sent-log journal beside a register file. */
export const sentJournalPath = (registerPath: string): string => `${registerPath}.sent`;

/**
 * Keyed by the letter: applying a change the file already holds leaves it as it was, so a journal
 * left behind by a crash between save() writing the file and removing the journal replays harmlessly.
 */
function applySentChange(sent: SentLetter[], change: SentChange): void {
  const at = sent.findIndex((s) => s.key === change.key);
  if ('removed' in change) {
    if (at >= 0) sent.splice(at, 1);
  } else if (at >= 0) sent[at] = change;
  else sent.push(change);
}

/**
 * Replays the journal's lines in order; true when there was a journal. A last line that does not open
 * is an append cut short by a crash (the letter's SMTP transaction starts only after the append
 * returns, so nothing after it happened) and is skipped; a bad line before the last means damage.
 */
function replaySentJournal(path: string, data: RegisterData, key: SealingKey): boolean {
  if (!existsSync(path)) return false;
  const lines = readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line !== '');
  for (const [i, line] of lines.entries()) {
    const plain = unsealLine(line, key);
    const change = plain === undefined ? undefined : parseSentChange(plain);
    if (change) applySentChange(data.sent, change);
    else if (i < lines.length - 1) throw new DamagedSentJournalError(path, i + 1);
  }
  return true;
}

function parseSentChange(plain: string): SentChange | undefined {
  try {
    const change = sentChangeSchema.safeParse(JSON.parse(plain));
    return change.success ? change.data : undefined;
  } catch {
    return undefined;
  }
}

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
    const data = registerDataSchema.parse(JSON.parse(plain));
    const register = new Register(path, data, key, clock);
    // A journal left by an interrupted run goes into the file at once: the file alone is the whole
    // register again (for a backup copy too), and a torn last line is gone before anything is appended.
    if (replaySentJournal(sentJournalPath(path), data, key)) register.save();
    return register;
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

  /**
   * Puts a letter's state into the sent log and appends it to the journal before returning, so it is
   * on disk before the SMTP transaction starts. Like save(), the append is not fsynced: it survives a
   * killed process, and a power cut only if the system had flushed it.
   */
  recordSent(letter: SentLetter): void {
    this.appendSentChange({ ...letter });
  }

  /** Takes a letter out of the sent log (the server refused it, so the next run tries again). */
  forgetSent(key: string): void {
    this.appendSentChange({ key, removed: true });
  }

  private appendSentChange(change: SentChange): void {
    applySentChange(this.data.sent, change);
    appendFileSync(sentJournalPath(this.path), `${sealLine(JSON.stringify(change), this.key)}\n`, {
      mode: 0o600,
    });
  }

  /** Writes the whole register, the journal's changes included, then removes the journal. */
  save(): void {
    const text = seal(JSON.stringify(this.data), this.key);
    const fresh = `${this.path}.new`;
    writeFileSync(fresh, text, { mode: 0o600 });
    if (existsSync(this.path)) copyFileSync(this.path, `${this.path}.bak`);
    renameSync(fresh, this.path);
    const journal = sentJournalPath(this.path);
    if (existsSync(journal)) unlinkSync(journal);
  }
}
