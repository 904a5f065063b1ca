// What Drive files and folders share: identity, names, description, sharing, owner and editors.
import type { ServiceContext } from '../context';
import type { DriveFolder } from './driveFolder';
import type { DriveItem, DriveStore } from './driveStore';
import { DriveUser } from './driveUser';
import { ItemIterator } from './itemIterator';
import { urlOf } from './urls';

export type Access = GoogleAppsScript.Drive.Access;
export type Permission = GoogleAppsScript.Drive.Permission;
export type UserLike = string | { getEmail(): string };

export const ACCESS = ['ANYONE', 'ANYONE_WITH_LINK', 'DOMAIN', 'DOMAIN_WITH_LINK', 'PRIVATE'] as const;
export const PERMISSION = ['VIEW', 'EDIT', 'COMMENT', 'OWNER', 'ORGANIZER', 'NONE'] as const;
export const enumOf = <T extends string>(names: readonly T[]) =>
  Object.freeze(Object.fromEntries(names.map((n) => [n, n])) as Record<T, T>);

export const NOT_FOUND =
  'No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.';

function emailOf(user: UserLike): string {
  return (typeof user === 'string' ? user : user.getEmail()).trim().toLowerCase();
}

/** What files and folders share: identity, names, sharing. */
export abstract class DriveEntry {
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

  /** `many`: addViewers/addEditors, one call (and one price) for the whole list. */
  protected addUsers(role: 'editors' | 'viewers', users: UserLike[], many = false): void {
    const item = this.call(`${role === 'editors' ? 'addEditor' : 'addViewer'}${many ? 's' : ''}`);
    const emails = users.map(emailOf);
    // Every address is checked before any is added: a refused list changes nothing.
    for (const email of emails) {
      if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) throw this.ctx.error(`Invalid email: ${email}`);
      if (!this.ctx.hasGoogleAccount(email))
        throw this.ctx.error(`Invalid argument: permission.value (${email})`);
    }
    for (const email of emails) {
      if (email === item.owner || item.editors.includes(email) || item[role].includes(email)) continue;
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

  /** Folders are made by the caller: this class's module loads before the folder's. */
  protected parentFolders(folder: (id: string) => DriveFolder): ItemIterator<DriveFolder> {
    const item = this.call('getParents');
    return new ItemIterator(this.ctx, item.parents.map(folder));
  }
}
