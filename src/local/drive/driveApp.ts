// DriveApp over the DriveStore: finding, making and searching files and folders. Enum values
// (Access, Permission) are their names as strings, which is how the bundle compares them
// (`=== DriveApp.Access.PRIVATE`).
import type { ServiceContext } from '../context';
import type { Implements } from '../services';
import { ACCESS, enumOf, NOT_FOUND, PERMISSION } from './driveEntry';
import { DriveFile } from './driveFile';
import { DriveFolder } from './driveFolder';
import { type DriveStore, driveStore, FOLDER_MIME } from './driveStore';
import { ItemIterator } from './itemIterator';

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
