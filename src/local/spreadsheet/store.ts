// Spreadsheets on disk: live state as JSON (read synchronously, so executions stay synchronous and
// other processes can reload it), mirrored to a real .xlsx by save(). Changes are queued operations,
// replayed onto the newest disk state when persisted, so concurrent processes lose no write.
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  fileStamp,
  jsonExists,
  jsonFileIds,
  readJson,
  type ServiceContext,
  type StateParticipant,
  toJsonText,
  writeJson,
  writeJsonText,
} from '../context';
import { registerDriveFile, SPREADSHEET_MIME } from '../drive/driveStore';
import { applyOp, newSpreadsheet, type SheetModel, type SheetOp, type SpreadsheetModel } from './model';

interface StoredBook {
  model: SpreadsheetModel;
  /** Workspace-relative path of the .xlsx mirror. */
  xlsx: string;
}

interface LoadedBook {
  stored: StoredBook;
  pending: SheetOp[];
  stamp: string;
}

// Stands for the sheets array while the rest of a book is stringified; unique, so no cell text matches it.
const SHEETS_SLOT = `sheets-${randomUUID()}`;

export class SpreadsheetStore implements StateParticipant {
  private readonly books = new Map<string, LoadedBook>();
  /**
   * JSON text of each sheet as last written. A persist re-stringifies only the sheets its operations
   * changed: the file is the same text, written in a fraction of the time on a large workbook.
   * Every change to a model goes through applyOp (apply() drops the text of the sheet it changes;
   * models read from disk are new objects).
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

  private stampOf(id: string): string {
    return fileStamp(this.file(id));
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
    if (loaded && loaded.stamp === stamp) return loaded;
    if (stamp === 'missing') return loaded;
    const stored = readJson<StoredBook | null>(this.file(id), null);
    if (!stored) return loaded;
    const pending = loaded?.pending ?? [];
    for (const op of pending) applyOp(stored.model, op);
    const book = { stored, pending, stamp };
    this.books.set(id, book);
    return book;
  }

  apply(id: string, op: SheetOp): void {
    const book = this.freshen(id);
    if (!book) throw new Error(`spreadsheet ${id} is not loaded`);
    const target = 'sheetId' in op && op.sheetId !== null ? op.sheetId : undefined;
    for (const sheet of book.stored.model.sheets)
      if (target === undefined || sheet.sheetId === target) this.sheetText.delete(sheet);
    applyOp(book.stored.model, op);
    book.pending.push(op);
  }

  create(name: string, timeZone: string, id = this.ctx.newId()): SpreadsheetModel {
    const model = newSpreadsheet(id, name, timeZone, 0);
    const stored: StoredBook = { model, xlsx: this.freeXlsxName(name) };
    const stamp = this.ctx.underStoreLock(() => writeJson(this.file(id), stored));
    this.books.set(id, { stored, pending: [], stamp });
    this.changed.add(id);
    registerDriveFile(this.ctx, { id, name, mimeType: SPREADSHEET_MIME, path: stored.xlsx });
    return model;
  }

  /** Replaces a book wholesale (import of a hand-edited .xlsx). */
  replace(id: string, model: SpreadsheetModel): void {
    const book = this.freshen(id);
    if (!book) throw new Error(`spreadsheet ${id} is not loaded`);
    const stored: StoredBook = { model, xlsx: book.stored.xlsx };
    const stamp = this.ctx.underStoreLock(() => writeJson(this.file(id), stored));
    this.books.set(id, { stored, pending: [], stamp });
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
        // Unchanged on disk since we read it: our model already is disk state plus the pending changes.
        const current = this.stampOf(id) === book.stamp;
        const onDisk = current
          ? book.stored
          : (readJson<StoredBook | null>(this.file(id), null) ?? book.stored);
        if (!current) for (const op of book.pending) applyOp(onDisk.model, op);
        const stamp = writeJsonText(this.file(id), this.text(onDisk));
        this.books.set(id, { stored: onDisk, pending: [], stamp });
      });
      this.changed.add(id);
    }
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
