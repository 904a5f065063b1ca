// File: a Drive file's content as a blob, its copies, moves and trash.
import { readFileSync } from 'node:fs';
import type { Implements } from '../services';
import { LocalBlob } from './blob';
import { type Access, DriveEntry, type Permission, type UserLike } from './driveEntry';
import { DriveFolder, folderId } from './driveFolder';
import { DOCUMENT_MIME, type DriveItem } from './driveStore';
import type { ItemIterator } from './itemIterator';

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
    return this.parentFolders((id) => new DriveFolder(this.ctx, this.drive, id));
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
    this.addUsers('viewers', emails, true);
    return this;
  }
  addEditor(user: UserLike): DriveFile {
    this.addUsers('editors', [user]);
    return this;
  }
  addEditors(emails: string[]): DriveFile {
    this.addUsers('editors', emails, true);
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
