// Drive on disk: a folder tree under drive/ (the root folder, «Мой диск») and an index,
// drive/.index.json, holding what the file system cannot: ids, parents, mime types, owner,
// viewers, editors, link sharing, trash. Content of files Drive owns lives at the item's path;
// files made by other services (spreadsheets, forms) are registered with their own path.
import { copyFileSync, existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, relative } from 'node:path';
import * as z from 'zod';
import type { ServiceContext, StateParticipant } from '../context';
import { readJson, writeJson } from '../jsonFiles';
import type { LocalBlob } from './blob';

export const FOLDER_MIME = 'application/vnd.google-apps.folder';
export const DOCUMENT_MIME = 'application/vnd.google-apps.document';
export const SPREADSHEET_MIME = 'application/vnd.google-apps.spreadsheet';
export const FORM_MIME = 'application/vnd.google-apps.form';
export const ROOT_NAME = 'Мой диск';

const itemSchema = z.object({
  id: z.string(),
  name: z.string(),
  mimeType: z.string(),
  parents: z.array(z.string()),
  owner: z.string(),
  editors: z.array(z.string()),
  viewers: z.array(z.string()),
  access: z.string(),
  permission: z.string(),
  created: z.string(),
  updated: z.string(),
  trashed: z.boolean(),
  description: z.string(),
  /** Relative to the workspace. Documents: the path without extension (.docx and .txt beside). */
  path: z.string(),
  /** Drive owns the path: renames and moves follow on disk. */
  managed: z.boolean(),
});
export type DriveItem = z.infer<typeof itemSchema>;

const indexSchema = z.object({ rootId: z.string(), items: z.record(z.string(), itemSchema) });
type DriveIndex = z.infer<typeof indexSchema>;

/** What Drive cannot do alone for content another service models (documents, spreadsheets). */
export interface ContentKind {
  /** Copies the content of `from` to the new item `to` (paths already assigned). */
  copy(from: DriveItem, to: DriveItem): void;
  blob(item: DriveItem): LocalBlob;
  /** The item's path changed on disk. */
  moved?(item: DriveItem): void;
}

/** Extensions written beside a managed item's path (documents keep .docx + .txt). */
const SIDE_EXTENSIONS = ['', '.docx', '.txt', '.pdf'];

export class DriveStore implements StateParticipant {
  private index: DriveIndex | undefined;
  private readonly dirty = new Set<string>();
  readonly kinds = new Map<string, ContentKind>();

  constructor(private readonly ctx: ServiceContext) {}

  private get indexPath(): string {
    return this.ctx.path('drive', '.index.json');
  }

  private load(): DriveIndex {
    if (!this.index) {
      const raw = readJson<unknown>(this.indexPath, undefined);
      this.index = raw === undefined ? this.createRoot() : indexSchema.parse(raw);
    }
    return this.index;
  }

  private createRoot(): DriveIndex {
    const id = this.ctx.newId(19);
    mkdirSync(this.ctx.path('drive'), { recursive: true });
    const root = this.newItem({
      id,
      name: ROOT_NAME,
      mimeType: FOLDER_MIME,
      parents: [],
      path: 'drive',
      managed: true,
    });
    this.dirty.add(id);
    return { rootId: id, items: { [id]: root } };
  }

  reload(): void {
    if (this.dirty.size === 0) this.index = undefined;
  }

  persist(): void {
    if (this.dirty.size === 0) return;
    this.ctx.underStoreLock(() => {
      const mine = this.load();
      const raw = readJson<unknown>(this.indexPath, undefined);
      const onDisk = raw === undefined ? { rootId: mine.rootId, items: {} } : indexSchema.parse(raw);
      for (const id of this.dirty) onDisk.items[id] = mine.items[id];
      writeJson(this.indexPath, onDisk);
      this.index = onDisk;
      this.dirty.clear();
    });
  }

  get rootId(): string {
    return this.load().rootId;
  }

  find(id: string): DriveItem | undefined {
    return this.load().items[id];
  }

  all(): DriveItem[] {
    return Object.values(this.load().items);
  }

  children(folderId: string): DriveItem[] {
    return this.all().filter((item) => item.parents.includes(folderId));
  }

  absolute(item: DriveItem): string {
    return this.ctx.path(item.path);
  }

  touch(item: DriveItem): void {
    item.updated = this.ctx.now().toISOString();
    this.dirty.add(item.id);
  }

  /** A private item of the curator's, created now. */
  private newItem(
    fields: Pick<DriveItem, 'id' | 'name' | 'mimeType' | 'parents' | 'path' | 'managed'>,
  ): DriveItem {
    const now = this.ctx.now().toISOString();
    return {
      ...fields,
      owner: this.ctx.meta.curatorEmail,
      editors: [],
      viewers: [],
      access: 'PRIVATE',
      permission: 'NONE',
      created: now,
      updated: now,
      trashed: false,
      description: '',
    };
  }

  /** New item under `parentId`; managed items get a free path in the parent's directory. */
  add(fields: {
    name: string;
    mimeType: string;
    parentId: string;
    id?: string;
    path?: string;
    extension?: string;
  }): DriveItem {
    const item = this.newItem({
      id: fields.id ?? this.ctx.newId(fields.mimeType === FOLDER_MIME ? 33 : 44),
      name: fields.name,
      mimeType: fields.mimeType,
      parents: [fields.parentId],
      path: fields.path ?? '',
      managed: fields.path === undefined,
    });
    if (item.managed) item.path = this.freePath(fields.parentId, fields.name, fields.extension ?? '');
    this.load().items[item.id] = item;
    this.dirty.add(item.id);
    if (item.mimeType === FOLDER_MIME && item.managed) mkdirSync(this.absolute(item), { recursive: true });
    return item;
  }

  writeContent(item: DriveItem, data: Buffer): void {
    mkdirSync(dirname(this.absolute(item)), { recursive: true });
    writeFileSync(this.absolute(item), data);
  }

  /** Moves a managed item (and its side files) to a free name in `parentId`'s directory. */
  relocate(item: DriveItem, parentId: string): void {
    item.parents = [parentId];
    this.touch(item);
    if (!item.managed) return;
    const extension =
      item.mimeType === FOLDER_MIME || item.mimeType === DOCUMENT_MIME ? '' : extname(item.path);
    const from = item.path;
    const to = this.freePath(parentId, item.name, extension, item.id);
    if (to === from) return;
    for (const side of SIDE_EXTENSIONS) {
      const source = this.ctx.path(from + side);
      if (existsSync(source)) {
        mkdirSync(dirname(this.ctx.path(to + side)), { recursive: true });
        renameSync(source, this.ctx.path(to + side));
      }
    }
    item.path = to;
    if (item.mimeType === FOLDER_MIME) this.rebase(from, to);
    this.kinds.get(item.mimeType)?.moved?.(item);
  }

  private rebase(from: string, to: string): void {
    for (const other of this.all()) {
      if (other.managed && other.path.startsWith(`${from}/`)) {
        other.path = to + other.path.slice(from.length);
        this.dirty.add(other.id);
      }
    }
  }

  copy(source: DriveItem, name: string, parentId: string): DriveItem {
    const extension = source.mimeType === DOCUMENT_MIME ? '' : extname(source.path);
    const copy = this.add({ name, mimeType: source.mimeType, parentId, extension });
    const kind = this.kinds.get(source.mimeType);
    if (kind) kind.copy(source, copy);
    else if (source.managed && existsSync(this.absolute(source)))
      copyFileSync(this.absolute(source), this.absolute(copy));
    else
      throw this.ctx.error(
        `Копирование файлов типа ${source.mimeType} в локальной рабочей папке не поддерживается.`,
      );
    return copy;
  }

  /** A disk name in the folder not used by another item: names are cleaned, clashes numbered. */
  private freePath(parentId: string, name: string, extension: string, selfId?: string): string {
    const parent = this.find(parentId);
    const dir = parent ? parent.path : 'drive';
    const clean =
      name
        .replace(/[/\\:*?"<>|]/g, '_')
        .replace(/\s/g, (ch) => (ch === ' ' ? ' ' : '_'))
        .replace(/^\.+/, '_')
        .slice(0, 120) || '_';
    const stem =
      extension && clean.toLowerCase().endsWith(extension.toLowerCase())
        ? clean.slice(0, -extension.length)
        : clean;
    const taken = new Set(
      this.all()
        .filter((i) => i.id !== selfId && i.managed)
        .map((i) => i.path),
    );
    for (let n = 1; ; n++) {
      const candidate = join(dir, `${n === 1 ? stem : `${stem} (${n})`}${extension}`);
      const free =
        !taken.has(candidate) &&
        SIDE_EXTENSIONS.every((side) => !existsSync(this.ctx.path(candidate + side)));
      if (free) return candidate;
    }
  }
}

export function driveStore(ctx: ServiceContext): DriveStore {
  return ctx.store('drive', () => new DriveStore(ctx));
}

/**
 * For other fakes: puts a spreadsheet/form they created into the Drive index (root folder), so
 * DriveApp finds it by id, moves it, shares it. `path` is where that fake keeps its file.
 */
export function registerDriveFile(
  ctx: ServiceContext,
  entry: { id: string; name: string; mimeType: string; path: string },
): void {
  const drive = driveStore(ctx);
  const rel = entry.path.startsWith('/') ? relative(ctx.dir, entry.path) : entry.path;
  const existing = drive.find(entry.id);
  if (existing) {
    existing.name = entry.name;
    existing.path = rel;
    drive.touch(existing);
    if (!ctx.inExecution) drive.persist();
    return;
  }
  drive.add({ id: entry.id, name: entry.name, mimeType: entry.mimeType, parentId: drive.rootId, path: rel });
  // Outside an execution (workspace creation) nothing else would write the index.
  if (!ctx.inExecution) drive.persist();
}
