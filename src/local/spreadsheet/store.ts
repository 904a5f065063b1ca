// Spreadsheets on disk: live state as JSON (read synchronously, so executions stay synchronous and
// other processes can reload it), mirrored to a real .xlsx by save(). Changes are operations: a
// persist appends them to the book's operation log (a line of JSON each), so a flush costs what it
// changed, not the size of the workbook. A snapshot file holds the book up to its log; when the log
// outgrows the snapshot, a new snapshot starts a new log. Operations queued by one process are
// replayed onto the newest disk state when persisted, so concurrent processes lose no write.
import { randomUUID } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ServiceContext, StateParticipant } from '../context';
import { registerDriveFile, SPREADSHEET_MIME } from '../drive/driveStore';
import { parseJson, toJsonText } from '../jsonDates';
import {
  fileStamp,
  jsonExists,
  jsonFileIds,
  readJson,
  readNewLines,
  unlinkQuiet,
  writeJsonText,
} from '../jsonFiles';
import { applyOp, newSpreadsheet, type SheetModel, type SheetOp, type SpreadsheetModel } from './model';

interface StoredBook {
  model: SpreadsheetModel;
  /** Workspace-relative path of the .xlsx mirror. */
  xlsx: string;
  /** Generation of the operation log that continues this snapshot (its file is `<id>.<log>.log`). */
  log?: string;
}

interface LoadedBook {
  stored: StoredBook;
  /** This process's operations not yet in the log, and their JSON lines (made when applied). */
  pending: SheetOp[];
  pendingLines: string[];
  /** Stamp of the snapshot file the model was read from. */
  stamp: string;
  /** Bytes of the log (whole lines) the model includes. */
  logBytes: number;
}

// Stands for the sheets array while the rest of a book is stringified; unique, so no cell text matches it.
const SHEETS_SLOT = `sheets-${randomUUID()}`;
/** A log is folded into a new snapshot once it is larger than the snapshot and than this. */
const MIN_COMPACTION_BYTES = 1 << 20;

export class SpreadsheetStore implements StateParticipant {
  private readonly books = new Map<string, LoadedBook>();
  /**
   * JSON text of each sheet as last written. A snapshot re-stringifies only the sheets operations
   * changed since: the same text, written in a fraction of the time on a large workbook. Every change
   * to a model goes through `change` (models read from disk are new objects).
   */
  private readonly sheetText = new WeakMap<SheetModel, string>();
  /** Ids persisted since the last .xlsx export. */
  readonly changed = new Set<string>();

  constructor(private readonly ctx: ServiceContext) {}

  static of(ctx: ServiceContext): SpreadsheetStore {
    return ctx.store('spreadsheets', () => new SpreadsheetStore(ctx));
  }

  private file(id: string): string {
    return this.ctx.path('state', 'spreadsheets', `${id}.json`);
  }

  private logFile(id: string, stored: StoredBook): string {
    return this.ctx.path('state', 'spreadsheets', `${id}.${stored.log ?? 'ops'}.log`);
  }

  private stampOf(id: string): string {
    return fileStamp(this.file(id));
  }

  private logSize(id: string, stored: StoredBook): number {
    try {
      return statSync(this.logFile(id, stored)).size;
    } catch {
      return 0;
    }
  }

  exists(id: string): boolean {
    return this.books.has(id) || jsonExists(this.file(id));
  }

  ids(): string[] {
    const dir = this.ctx.path('state', 'spreadsheets');
    if (!existsSync(dir)) return [];
    return jsonFileIds(dir);
  }

  /** The current model (disk state plus this process's pending changes); undefined if there is none. */
  model(id: string): SpreadsheetModel | undefined {
    return this.freshen(id)?.stored.model;
  }

  xlsxPath(id: string): string | undefined {
    const book = this.freshen(id);
    return book ? this.ctx.path(book.stored.xlsx) : undefined;
  }

  private freshen(id: string): LoadedBook | undefined {
    const loaded = this.books.get(id);
    const stamp = this.stampOf(id);
    if (stamp === 'missing') return loaded;
    if (loaded && loaded.stamp === stamp) {
      const size = this.logSize(id, loaded.stored);
      if (size === loaded.logBytes) return loaded;
      // Other processes appended: with nothing of ours queued, their operations simply follow.
      if (loaded.pending.length === 0) {
        loaded.logBytes += this.applyLog(id, loaded.stored, loaded.logBytes, size);
        return loaded;
      }
    }
    return this.rebuild(id, loaded) ?? loaded;
  }

  /** The book as on disk, with this process's queued operations replayed on top. */
  private rebuild(id: string, loaded: LoadedBook | undefined): LoadedBook | undefined {
    const read = this.readDisk(id);
    if (!read) return undefined;
    const book: LoadedBook = {
      ...read,
      pending: loaded?.pending ?? [],
      pendingLines: loaded?.pendingLines ?? [],
    };
    for (const op of book.pending) applyOp(book.stored.model, op);
    this.books.set(id, book);
    return book;
  }

  /** Snapshot plus log as on disk, read so that the two belong together. */
  private readDisk(id: string): { stored: StoredBook; stamp: string; logBytes: number } | undefined {
    for (;;) {
      const stamp = this.stampOf(id);
      const stored = readJson<StoredBook | null>(this.file(id), null);
      if (!stored) return undefined;
      const logBytes = this.applyLog(id, stored, 0, this.logSize(id, stored));
      // A new snapshot written meanwhile may have retired the log we read: read again.
      if (this.stampOf(id) === stamp) return { stored, stamp, logBytes };
    }
  }

  /** Applies the whole lines of the log between two offsets; answers how many bytes they took. */
  private applyLog(id: string, stored: StoredBook, from: number, to: number): number {
    if (to <= from) return 0;
    const { lines, end } = readNewLines(this.logFile(id, stored), from, to);
    for (const line of lines) this.change(stored.model, parseJson(line) as SheetOp);
    return end - from;
  }

  private change(model: SpreadsheetModel, op: SheetOp): void {
    const target = 'sheetId' in op && op.sheetId !== null ? op.sheetId : undefined;
    for (const sheet of model.sheets)
      if (target === undefined || sheet.sheetId === target) this.sheetText.delete(sheet);
    applyOp(model, op);
  }

  apply(id: string, op: SheetOp): void {
    const book = this.freshen(id);
    if (!book) throw new Error(`spreadsheet ${id} is not loaded`);
    this.change(book.stored.model, op);
    book.pending.push(op);
    // Text now: later operations may change objects the model shares with this one.
    book.pendingLines.push(toJsonText(op));
  }

  create(name: string, timeZone: string, id = this.ctx.newId()): SpreadsheetModel {
    const model = newSpreadsheet(id, name, timeZone, 0);
    const stored: StoredBook = { model, xlsx: this.freeXlsxName(name), log: newGeneration() };
    const stamp = this.ctx.underStoreLock(() => writeJsonText(this.file(id), this.text(stored)));
    this.books.set(id, { stored, pending: [], pendingLines: [], stamp, logBytes: 0 });
    this.changed.add(id);
    registerDriveFile(this.ctx, { id, name, mimeType: SPREADSHEET_MIME, path: stored.xlsx });
    return model;
  }

  /** Replaces a book wholesale (import of a hand-edited .xlsx). */
  replace(id: string, model: SpreadsheetModel): void {
    const book = this.freshen(id);
    if (!book) throw new Error(`spreadsheet ${id} is not loaded`);
    // The hand-edited file wins over changes not yet persisted, as it did over everything before.
    book.pending = [];
    book.pendingLines = [];
    this.ctx.underStoreLock(() => this.snapshot(id, { model, xlsx: book.stored.xlsx, log: book.stored.log }));
  }

  private freeXlsxName(name: string): string {
    const safe =
      [...name]
        .map((ch) => (ch.charCodeAt(0) < 32 || '\\/:*?"<>|'.includes(ch) ? '_' : ch))
        .join('')
        .slice(0, 100) || 'Таблица';
    const taken = new Set(this.ids().map((id) => this.freshen(id)?.stored.xlsx));
    mkdirSync(this.ctx.path('spreadsheets'), { recursive: true });
    for (let n = 1; ; n++) {
      const candidate = join('spreadsheets', n === 1 ? `${safe}.xlsx` : `${safe} (${n}).xlsx`);
      if (!taken.has(candidate) && !existsSync(this.ctx.path(candidate))) return candidate;
    }
  }

  persist(): void {
    for (const [id, book] of this.books) {
      if (book.pending.length === 0) continue;
      this.ctx.underStoreLock(() => {
        // Changed on disk since we read it: rebuild from disk, our operations on top.
        const current = this.stampOf(id) === book.stamp && this.logSize(id, book.stored) === book.logBytes;
        const target = current ? book : (this.rebuild(id, book) ?? book);
        const text = `${target.pendingLines.join('\n')}\n`;
        appendFileSync(this.logFile(id, target.stored), text);
        target.logBytes += Buffer.byteLength(text);
        target.pending = [];
        target.pendingLines = [];
        const snapshotBytes = Number(target.stamp.slice(target.stamp.indexOf(':') + 1));
        if (target.logBytes > Math.max(MIN_COMPACTION_BYTES, snapshotBytes)) this.snapshot(id, target.stored);
      });
      this.changed.add(id);
    }
  }

  /** Folds the logs into new snapshots (before an .xlsx export, so the state is one file again). */
  compact(): void {
    this.persist();
    for (const id of this.books.keys()) {
      this.ctx.underStoreLock(() => {
        const book = this.freshen(id);
        if (book && book.logBytes > 0) this.snapshot(id, book.stored);
      });
    }
  }

  /** Writes `stored` as the snapshot, with a new, empty log; the caller has nothing pending for it. */
  private snapshot(id: string, stored: StoredBook): void {
    const next: StoredBook = { ...stored, log: newGeneration() };
    const stamp = writeJsonText(this.file(id), this.text(next));
    unlinkQuiet(this.logFile(id, stored));
    this.books.set(id, { stored: next, pending: [], pendingLines: [], stamp, logBytes: 0 });
  }

  reload(): void {
    for (const id of [...this.books.keys()]) this.freshen(id);
  }

  /** toJsonText(stored), reusing the text of sheets no operation changed since it was made. */
  private text(stored: StoredBook): string {
    const { model } = stored;
    const shell = toJsonText({ ...stored, model: { ...model, sheets: SHEETS_SLOT } });
    const sheets = model.sheets.map((sheet) => {
      const kept = this.sheetText.get(sheet);
      if (kept !== undefined) return kept;
      const text = toJsonText(sheet);
      this.sheetText.set(sheet, text);
      return text;
    });
    return shell.replace(JSON.stringify(SHEETS_SLOT), () => `[${sheets.join(',')}]`);
  }
}

function newGeneration(): string {
  return randomUUID().slice(0, 8);
}
