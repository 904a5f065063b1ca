// DriveApp, Folder, File over the DriveStore. Enum values (Access, Permission) are their names as
// strings, which is how the bundle compares them (`=== DriveApp.Access.PRIVATE`).
import { readFileSync } from 'node:fs';
import type { ServiceContext } from '../context';
import type { Implements } from '../services';
import { blobBytes, LocalBlob } from './blob';
import {
  DOCUMENT_MIME,
  type DriveItem,
  type DriveStore,
  driveStore,
  FOLDER_MIME,
  FORM_MIME,
  SPREADSHEET_MIME,
} from './driveStore';

type Access = GoogleAppsScript.Drive.Access;
type Permission = GoogleAppsScript.Drive.Permission;
type UserLike = string | { getEmail(): string };

const ACCESS = ['ANYONE', 'ANYONE_WITH_LINK', 'DOMAIN', 'DOMAIN_WITH_LINK', 'PRIVATE'] as const;
const PERMISSION = ['VIEW', 'EDIT', 'COMMENT', 'OWNER', 'ORGANIZER', 'NONE'] as const;
const enumOf = <T extends string>(names: readonly T[]) =>
  Object.freeze(Object.fromEntries(names.map((n) => [n, n])) as Record<T, T>);

export const NOT_FOUND =
  'No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.';

export function urlOf(item: DriveItem): string {
  switch (item.mimeType) {
    case FOLDER_MIME:
      return `https://drive.google.com/drive/folders/${item.id}`;
    case DOCUMENT_MIME:
      return `https://docs.google.com/document/d/${item.id}/edit`;
    case SPREADSHEET_MIME:
      return `https://docs.google.com/spreadsheets/d/${item.id}/edit`;
    case FORM_MIME:
      return `https://docs.google.com/forms/d/${item.id}/edit`;
    default:
      return `https://drive.google.com/file/d/${item.id}/view?usp=drivesdk`;
  }
}

/** The id inside a Google URL (…/d/ID/…, …/folders/ID, ?id=ID). */
export function idFromUrl(url: string): string | undefined {
  return /\/d\/([\w-]+)|\/folders\/([\w-]+)|[?&]id=([\w-]+)/.exec(url)?.slice(1).find(Boolean);
}

function emailOf(user: UserLike): string {
  return (typeof user === 'string' ? user : user.getEmail()).trim().toLowerCase();
}

export class DriveUser
  implements Implements<GoogleAppsScript.Drive.User, 'getEmail' | 'getName' | 'getDomain' | 'getPhotoUrl'>
{
  constructor(private readonly email: string) {}
  getEmail(): string {
    return this.email;
  }
  getName(): string {
    return this.email.split('@')[0];
  }
  getDomain(): string {
    return this.email.split('@')[1] ?? '';
  }
  getPhotoUrl(): string {
    return '';
  }
}

export class ItemIterator<T> {
  private position = 0;
  constructor(
    private readonly ctx: ServiceContext,
    private readonly items: T[],
  ) {}
  hasNext(): boolean {
    this.ctx.count('DriveApp', 'Iterator.hasNext');
    return this.position < this.items.length;
  }
  next(): T {
    this.ctx.count('DriveApp', 'Iterator.next');
    if (this.position >= this.items.length)
      throw this.ctx.error('Cannot retrieve the next object: iterator has reached the end.');
    return this.items[this.position++];
  }
  getContinuationToken(): string {
    return String(this.position);
  }
}

/** What files and folders share: identity, names, sharing. */
abstract class DriveEntry {
  constructor(
    protected readonly ctx: ServiceContext,
    protected readonly drive: DriveStore,
    readonly id: string,
  ) {}

  protected get item(): DriveItem {
    const item = this.drive.find(this.id);
    if (!item) throw this.ctx.error(NOT_FOUND);
    return item;
  }

  protected abstract readonly className: 'File' | 'Folder';

  protected call(method: string): DriveItem {
    this.ctx.count('DriveApp', `${this.className}.${method}`, this.id);
    return this.item;
  }

  getId(): string {
    this.call('getId');
    return this.id;
  }
  getName(): string {
    return this.call('getName').name;
  }
  getUrl(): string {
    return urlOf(this.call('getUrl'));
  }
  getDescription(): string | null {
    return this.call('getDescription').description || null;
  }
  getDateCreated(): GoogleAppsScript.Base.Date {
    return this.ctx.date(Date.parse(this.call('getDateCreated').created));
  }
  getLastUpdated(): GoogleAppsScript.Base.Date {
    return this.ctx.date(Date.parse(this.call('getLastUpdated').updated));
  }
  isTrashed(): boolean {
    return this.call('isTrashed').trashed;
  }
  getOwner(): DriveUser {
    return new DriveUser(this.call('getOwner').owner);
  }
  getEditors(): DriveUser[] {
    return this.ctx.realm.Array.from(this.call('getEditors').editors, (e) => new DriveUser(e));
  }
  getViewers(): DriveUser[] {
    return this.ctx.realm.Array.from(this.call('getViewers').viewers, (e) => new DriveUser(e));
  }
  getSharingAccess(): Access {
    return this.call('getSharingAccess').access as unknown as Access;
  }
  getSharingPermission(): Permission {
    return this.call('getSharingPermission').permission as unknown as Permission;
  }

  getAccess(user: UserLike): Permission {
    const item = this.call('getAccess');
    const email = emailOf(user);
    const level =
      item.owner === email
        ? 'OWNER'
        : item.editors.includes(email)
          ? 'EDIT'
          : item.viewers.includes(email)
            ? 'VIEW'
            : 'NONE';
    return level as unknown as Permission;
  }

  protected setSharingOf(access: Access, permission: Permission): void {
    const item = this.call('setSharing');
    const a = String(access);
    const p = String(permission);
    if (!(ACCESS as readonly string[]).includes(a) || !(PERMISSION as readonly string[]).includes(p))
      throw this.ctx.error('Invalid argument: accessType/permissionType');
    item.access = a;
    item.permission = a === 'PRIVATE' ? 'NONE' : p;
    this.drive.touch(item);
  }

  protected addUsers(role: 'editors' | 'viewers', users: UserLike[]): void {
    const item = this.call(role === 'editors' ? 'addEditor' : 'addViewer');
    for (const user of users) {
      const email = emailOf(user);
      if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) throw this.ctx.error(`Invalid email: ${email}`);
      const domain = email.split('@')[1]?.toLowerCase() ?? '';
      if ((this.ctx.options.noGoogleAccountDomains ?? []).includes(domain))
        throw this.ctx.error(`Invalid argument: permission.value (${email})`);
      if (email === item.owner || item.editors.includes(email)) continue;
      if (role === 'editors') item.viewers = item.viewers.filter((v) => v !== email);
      item[role].push(email);
    }
    this.drive.touch(item);
  }

  protected removeUser(role: 'editors' | 'viewers', user: UserLike): void {
    const item = this.call(role === 'editors' ? 'removeEditor' : 'removeViewer');
    const email = emailOf(user);
    item[role] = item[role].filter((e) => e !== email);
    this.drive.touch(item);
  }

  protected rename(name: string): void {
    const item = this.call('setName');
    item.name = String(name);
    this.drive.relocate(item, item.parents[0] ?? this.drive.rootId);
  }

  protected trash(trashed: boolean): void {
    const item = this.call('setTrashed');
    item.trashed = !!trashed;
    this.drive.touch(item);
  }

  protected describe(description: string): void {
    const item = this.call('setDescription');
    item.description = String(description ?? '');
    this.drive.touch(item);
  }

  protected parentFolders(): ItemIterator<DriveFolder> {
    const item = this.call('getParents');
    return new ItemIterator(
      this.ctx,
      item.parents.map((p) => new DriveFolder(this.ctx, this.drive, p)),
    );
  }
}

type FileMembers =
  | 'getId'
  | 'getParents'
  | 'setName'
  | 'setDescription'
  | 'setTrashed'
  | 'setSharing'
  | 'addViewer'
  | 'addViewers'
  | 'addEditor'
  | 'addEditors'
  | 'removeViewer'
  | 'removeEditor'
  | 'revokePermissions'
  | 'getViewers'
  | 'getEditors'
  | 'getOwner'
  | 'getAccess'
  | 'getDateCreated'
  | 'getLastUpdated'
  | 'getBlob'
  | 'getAs'
  | 'setContent'
  | 'getName'
  | 'getUrl'
  | 'getMimeType'
  | 'getDescription'
  | 'getSharingAccess'
  | 'getSharingPermission'
  | 'isTrashed'
  | 'getSize'
  | 'getDownloadUrl';

export class DriveFile extends DriveEntry implements Implements<GoogleAppsScript.Drive.File, FileMembers> {
  protected readonly className = 'File';
  getMimeType(): string {
    return this.call('getMimeType').mimeType;
  }
  getSize(): GoogleAppsScript.Integer {
    return this.blobOf(this.call('getSize')).buffer.length;
  }
  getDownloadUrl(): string {
    return `https://drive.google.com/uc?id=${this.call('getDownloadUrl').id}&export=download`;
  }
  getParents(): ItemIterator<DriveFolder> {
    return this.parentFolders();
  }
  setName(name: string): DriveFile {
    this.rename(name);
    return this;
  }
  setDescription(description: string): DriveFile {
    this.describe(description);
    return this;
  }
  setTrashed(trashed: boolean): DriveFile {
    this.trash(trashed);
    return this;
  }
  setSharing(access: Access, permission: Permission): DriveFile {
    this.setSharingOf(access, permission);
    return this;
  }
  addViewer(user: UserLike): DriveFile {
    this.addUsers('viewers', [user]);
    return this;
  }
  addViewers(emails: string[]): DriveFile {
    this.addUsers('viewers', emails);
    return this;
  }
  addEditor(user: UserLike): DriveFile {
    this.addUsers('editors', [user]);
    return this;
  }
  addEditors(emails: string[]): DriveFile {
    this.addUsers('editors', emails);
    return this;
  }
  removeViewer(user: UserLike): DriveFile {
    this.removeUser('viewers', user);
    return this;
  }
  removeEditor(user: UserLike): DriveFile {
    this.removeUser('editors', user);
    return this;
  }
  revokePermissions(user: UserLike): DriveFile {
    this.removeUser('editors', user);
    this.removeUser('viewers', user);
    return this;
  }

  moveTo(destination: DriveFolder): DriveFile {
    const item = this.call('moveTo');
    this.drive.relocate(item, folderId(this.ctx, destination));
    return this;
  }

  /** Copies are private (sharing is not copied) and land in the original's folder unless told. */
  makeCopy(nameOrDestination?: string | DriveFolder, destination?: DriveFolder): DriveFile {
    const item = this.call('makeCopy');
    const name = typeof nameOrDestination === 'string' ? nameOrDestination : `Copy of ${item.name}`;
    const folder = typeof nameOrDestination === 'object' ? nameOrDestination : destination;
    const parent = folder ? folderId(this.ctx, folder) : (item.parents[0] ?? this.drive.rootId);
    if (item.mimeType === DOCUMENT_MIME) this.ctx.consumeQuota('document');
    const copy = this.drive.copy(item, name, parent);
    return new DriveFile(this.ctx, this.drive, copy.id);
  }

  getBlob(): LocalBlob {
    return this.blobOf(this.call('getBlob'));
  }

  getAs(contentType: string): LocalBlob {
    return this.blobOf(this.call('getAs')).getAs(contentType);
  }

  setContent(content: string): DriveFile {
    const item = this.call('setContent');
    if (!item.managed || this.drive.kinds.has(item.mimeType))
      throw this.ctx.error('Access denied: DriveApp.');
    this.drive.writeContent(item, Buffer.from(String(content), 'utf8'));
    this.drive.touch(item);
    return this;
  }

  private blobOf(item: DriveItem): LocalBlob {
    const kind = this.drive.kinds.get(item.mimeType);
    if (kind) return kind.blob(item);
    return new LocalBlob(this.ctx, readFileSync(this.drive.absolute(item)), item.mimeType, item.name);
  }
}

type FolderMembers =
  | 'getId'
  | 'getName'
  | 'getUrl'
  | 'getSharingAccess'
  | 'getSharingPermission'
  | 'isTrashed'
  | 'getDescription'
  | 'getFiles'
  | 'getFilesByName'
  | 'getFilesByType'
  | 'getFolders'
  | 'getFoldersByName'
  | 'getParents'
  | 'createFolder'
  | 'createFile'
  | 'setName'
  | 'setTrashed'
  | 'setSharing'
  | 'addViewer'
  | 'addEditor'
  | 'removeViewer'
  | 'removeEditor'
  | 'getViewers'
  | 'getEditors'
  | 'getDateCreated';

export class DriveFolder
  extends DriveEntry
  implements Implements<GoogleAppsScript.Drive.Folder, FolderMembers>
{
  protected readonly className = 'Folder';
  private files(filter: (item: DriveItem) => boolean): ItemIterator<DriveFile> {
    const found = this.drive.children(this.id).filter((i) => i.mimeType !== FOLDER_MIME && filter(i));
    return new ItemIterator(
      this.ctx,
      found.map((i) => new DriveFile(this.ctx, this.drive, i.id)),
    );
  }
  private folders(filter: (item: DriveItem) => boolean): ItemIterator<DriveFolder> {
    const found = this.drive.children(this.id).filter((i) => i.mimeType === FOLDER_MIME && filter(i));
    return new ItemIterator(
      this.ctx,
      found.map((i) => new DriveFolder(this.ctx, this.drive, i.id)),
    );
  }

  getFiles(): ItemIterator<DriveFile> {
    this.call('getFiles');
    return this.files(() => true);
  }
  getFilesByName(name: string): ItemIterator<DriveFile> {
    this.call('getFilesByName');
    return this.files((i) => i.name === name);
  }
  getFilesByType(mimeType: string): ItemIterator<DriveFile> {
    this.call('getFilesByType');
    return this.files((i) => i.mimeType === mimeType);
  }
  getFolders(): ItemIterator<DriveFolder> {
    this.call('getFolders');
    return this.folders(() => true);
  }
  getFoldersByName(name: string): ItemIterator<DriveFolder> {
    this.call('getFoldersByName');
    return this.folders((i) => i.name === name);
  }
  getParents(): ItemIterator<DriveFolder> {
    return this.parentFolders();
  }

  createFolder(name: string): DriveFolder {
    this.call('createFolder');
    const folder = this.drive.add({ name: String(name), mimeType: FOLDER_MIME, parentId: this.id });
    return new DriveFolder(this.ctx, this.drive, folder.id);
  }

  createFile(blobOrName: unknown, content?: string, mimeType?: string): DriveFile {
    this.call('createFile');
    const { data, name, contentType } =
      typeof blobOrName === 'string'
        ? {
            data: Buffer.from(String(content ?? ''), 'utf8'),
            name: blobOrName,
            contentType: mimeType ?? 'text/plain',
          }
        : blobBytes(blobOrName);
    const fileName = name ?? 'Untitled';
    const extension = /\.[^.]+$/.exec(fileName)?.[0] ?? '';
    const item = this.drive.add({
      name: fileName,
      mimeType: contentType ?? 'application/octet-stream',
      parentId: this.id,
      extension,
    });
    this.drive.writeContent(item, data);
    return new DriveFile(this.ctx, this.drive, item.id);
  }

  addFile(child: DriveFile): DriveFolder {
    const item = this.call('addFile');
    const target = this.drive.find(child.id);
    if (!target) throw this.ctx.error(NOT_FOUND);
    if (!target.parents.includes(item.id)) {
      target.parents.push(item.id);
      this.drive.touch(target);
    }
    return this;
  }

  removeFile(child: DriveFile): DriveFolder {
    this.call('removeFile');
    const target = this.drive.find(child.id);
    if (target) {
      target.parents = target.parents.filter((p) => p !== this.id);
      this.drive.touch(target);
    }
    return this;
  }

  moveTo(destination: DriveFolder): DriveFolder {
    const item = this.call('moveTo');
    this.drive.relocate(item, folderId(this.ctx, destination));
    return this;
  }
  setName(name: string): DriveFolder {
    this.rename(name);
    return this;
  }
  setDescription(description: string): DriveFolder {
    this.describe(description);
    return this;
  }
  setTrashed(trashed: boolean): DriveFolder {
    this.trash(trashed);
    return this;
  }
  setSharing(access: Access, permission: Permission): DriveFolder {
    this.setSharingOf(access, permission);
    return this;
  }
  addViewer(user: UserLike): DriveFolder {
    this.addUsers('viewers', [user]);
    return this;
  }
  addEditor(user: UserLike): DriveFolder {
    this.addUsers('editors', [user]);
    return this;
  }
  removeViewer(user: UserLike): DriveFolder {
    this.removeUser('viewers', user);
    return this;
  }
  removeEditor(user: UserLike): DriveFolder {
    this.removeUser('editors', user);
    return this;
  }
}

function folderId(ctx: ServiceContext, folder: unknown): string {
  if (folder instanceof DriveFolder) return folder.id;
  throw ctx.error('Invalid argument: destination');
}

export class FakeDriveApp
  implements
    Implements<
      GoogleAppsScript.Drive.DriveApp,
      | 'getRootFolder'
      | 'getFileById'
      | 'getFolderById'
      | 'getFilesByName'
      | 'getFoldersByName'
      | 'getFiles'
      | 'createFolder'
      | 'createFile'
    >
{
  readonly Access = enumOf(ACCESS);
  readonly Permission = enumOf(PERMISSION);
  private readonly drive: DriveStore;

  constructor(private readonly ctx: ServiceContext) {
    this.drive = driveStore(ctx);
  }

  private root(): DriveFolder {
    return new DriveFolder(this.ctx, this.drive, this.drive.rootId);
  }

  getRootFolder(): DriveFolder {
    this.ctx.count('DriveApp', 'getRootFolder');
    return this.root();
  }

  getFileById(id: string): DriveFile {
    this.ctx.count('DriveApp', 'getFileById', id);
    const item = this.drive.find(String(id));
    if (!item || item.mimeType === FOLDER_MIME) throw this.ctx.error(NOT_FOUND);
    return new DriveFile(this.ctx, this.drive, item.id);
  }

  getFolderById(id: string): DriveFolder {
    this.ctx.count('DriveApp', 'getFolderById', id);
    const item = this.drive.find(String(id));
    if (!item || item.mimeType !== FOLDER_MIME) throw this.ctx.error(NOT_FOUND);
    return new DriveFolder(this.ctx, this.drive, item.id);
  }

  getFileByIdAndResourceKey(id: string): DriveFile {
    return this.getFileById(id);
  }

  /** Drive-wide searches see every item the user owns, in any folder (trashed ones included, as Google's). */
  getFilesByName(name: string): ItemIterator<DriveFile> {
    this.ctx.count('DriveApp', 'getFilesByName');
    const found = this.drive.all().filter((i) => i.mimeType !== FOLDER_MIME && i.name === name);
    return new ItemIterator(
      this.ctx,
      found.map((i) => new DriveFile(this.ctx, this.drive, i.id)),
    );
  }

  getFoldersByName(name: string): ItemIterator<DriveFolder> {
    this.ctx.count('DriveApp', 'getFoldersByName');
    const found = this.drive
      .all()
      .filter((i) => i.mimeType === FOLDER_MIME && i.id !== this.drive.rootId && i.name === name);
    return new ItemIterator(
      this.ctx,
      found.map((i) => new DriveFolder(this.ctx, this.drive, i.id)),
    );
  }

  getFiles(): ItemIterator<DriveFile> {
    this.ctx.count('DriveApp', 'getFiles');
    const found = this.drive.all().filter((i) => i.mimeType !== FOLDER_MIME);
    return new ItemIterator(
      this.ctx,
      found.map((i) => new DriveFile(this.ctx, this.drive, i.id)),
    );
  }

  createFolder(name: string): DriveFolder {
    return this.root().createFolder(name);
  }

  createFile(blobOrName: unknown, content?: string, mimeType?: string): DriveFile {
    return this.root().createFile(blobOrName, content, mimeType);
  }
}
