// Folder: the files and folders inside, made and searched by name.
import type { ServiceContext } from '../context';
import type { Implements } from '../services';
import { blobBytes } from './blob';
import { type Access, DriveEntry, NOT_FOUND, type Permission, type UserLike } from './driveEntry';
import { DriveFile } from './driveFile';
import { type DriveItem, FOLDER_MIME } from './driveStore';
import { ItemIterator } from './itemIterator';

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
    return this.parentFolders((id) => new DriveFolder(this.ctx, this.drive, id));
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

/** The id of a folder the script passed (moveTo, makeCopy); anything else is refused as Google does. */
export function folderId(ctx: ServiceContext, folder: unknown): string {
  if (folder instanceof DriveFolder) return folder.id;
  throw ctx.error('Invalid argument: destination');
}
