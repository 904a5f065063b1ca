import { existsSync, readFileSync } from 'node:fs';
import { FakeBlob } from '../../src/local/base/blob';
import { FakeDriveApp } from '../../src/local/drive/driveApp';
import { driveStore, registerDriveFile, SPREADSHEET_MIME } from '../../src/local/drive/driveStore';
import { execute, tempContext } from './workspaceContext';

type Access = GoogleAppsScript.Drive.Access;
type Permission = GoogleAppsScript.Drive.Permission;

describe('DriveApp offline', () => {
  test('folders are directories, files keep their bytes, and lookups by name and id work across executions', () => {
    const ctx = tempContext();
    const ids = execute(ctx, () => {
      const drive = new FakeDriveApp(ctx);
      const programme = drive.createFolder('Наставничество 2026/27');
      const orders = programme.createFolder('Приказы');
      const file = orders.createFile('заметка.txt', 'Пары утверждены', 'text/plain');
      return { programme: programme.getId(), orders: orders.getId(), file: file.getId() };
    });
    const seen = execute(ctx, () => {
      const drive = new FakeDriveApp(ctx);
      const found = drive.getFoldersByName('Наставничество 2026/27');
      const programme = found.next();
      const orders = programme.getFoldersByName('Приказы').next();
      const file = drive.getFileById(ids.file);
      return {
        more: found.hasNext(),
        same: programme.getId() === ids.programme && orders.getId() === ids.orders,
        name: file.getName(),
        text: file.getBlob().getDataAsString(),
        url: file.getUrl(),
        createdMs: file.getDateCreated().getTime() - Date.parse('2026-11-25T09:00:00Z'),
      };
    });
    expect(seen).toEqual({
      more: false,
      same: true,
      name: 'заметка.txt',
      text: 'Пары утверждены',
      url: `https://drive.google.com/file/d/${ids.file}/view?usp=drivesdk`,
      createdMs: expect.any(Number),
    });
    // Made on the workspace clock (which runs on with real time during an execution), not the host's.
    expect(seen.createdMs).toBeGreaterThanOrEqual(0);
    expect(seen.createdMs).toBeLessThan(60_000);
    expect(readFileSync(ctx.path('drive', 'Наставничество 2026_27', 'Приказы', 'заметка.txt'), 'utf8')).toBe(
      'Пары утверждены',
    );
  });

  test('sharing is stored in the index: named viewers and editors, link sharing provably off', () => {
    const ctx = tempContext({ googleAccountDomains: ['school.local', 'family.ru'] });
    const id = execute(ctx, () => {
      const drive = new FakeDriveApp(ctx);
      const file = drive
        .getRootFolder()
        .createFile(new FakeBlob(Buffer.from('%PDF-1.4'), 'application/pdf', 'Договор.pdf'));
      file.addViewer('Parent@Family.ru').addEditor('deputy@school.local').addViewer('deputy@school.local');
      file.setSharing(
        drive.Access.ANYONE_WITH_LINK as unknown as Access,
        drive.Permission.VIEW as unknown as Permission,
      );
      file.setSharing(
        drive.Access.PRIVATE as unknown as Access,
        drive.Permission.NONE as unknown as Permission,
      );
      return file.getId();
    });
    const seen = execute(ctx, () => {
      const file = new FakeDriveApp(ctx).getFileById(id);
      return {
        viewers: file.getViewers().map((u) => u.getEmail()),
        editors: file.getEditors().map((u) => u.getEmail()),
        access: String(file.getSharingAccess()),
        permission: String(file.getSharingPermission()),
        owner: file.getOwner().getEmail(),
      };
    });
    expect(seen).toEqual({
      viewers: ['parent@family.ru'],
      editors: ['deputy@school.local'],
      access: 'PRIVATE',
      permission: 'NONE',
      owner: 'curator@school.local',
    });
    const index = JSON.parse(readFileSync(ctx.path('drive', '.index.json'), 'utf8')) as {
      items: Record<string, { access: string; viewers: string[] }>;
    };
    expect(index.items[id]).toMatchObject({ access: 'PRIVATE', viewers: ['parent@family.ru'] });
    expect(Object.values(index.items).every((item) => item.access === 'PRIVATE')).toBe(true);
  });

  test('addresses without a Google account are refused as Drive does: a refused list adds nobody', () => {
    const ctx = tempContext();
    const outcome = execute(ctx, () => {
      const file = new FakeDriveApp(ctx)
        .getRootFolder()
        .createFile(new FakeBlob(Buffer.from('%PDF-1.4'), 'application/pdf', 'Договор.pdf'));
      let refused = '';
      try {
        file.addViewers(['pupil@school.local', 'parent@mail.ru']);
      } catch (e) {
        refused = e instanceof Error ? e.message : String(e);
      }
      const before = file.getViewers().map((u) => u.getEmail());
      file.addViewers(['pupil@school.local', 'mum@gmail.com', 'pupil@school.local']);
      return { refused, before, after: file.getViewers().map((u) => u.getEmail()) };
    });
    expect(outcome).toEqual({
      refused: 'Invalid argument: permission.value (parent@mail.ru)',
      before: [],
      after: ['pupil@school.local', 'mum@gmail.com'],
    });
  });

  test('moveTo, makeCopy and setName follow on disk; trashed files stay reachable by id', () => {
    const ctx = tempContext();
    const paths = execute(ctx, () => {
      const drive = new FakeDriveApp(ctx);
      const archive = drive.createFolder('Архив');
      const file = drive.createFile('план.txt', 'план', 'text/plain');
      const copy = file.makeCopy('план (копия).txt', archive);
      const defaultCopy = file.makeCopy();
      file.moveTo(archive);
      file.setName('план 2026.txt');
      file.setTrashed(true);
      const again = drive.getFileById(file.getId());
      return {
        copy: copy.getId(),
        defaultName: defaultCopy.getName(),
        trashed: again.isTrashed(),
        parent: again.getParents().next().getName(),
      };
    });
    expect(paths).toMatchObject({ defaultName: 'Copy of план.txt', trashed: true, parent: 'Архив' });
    expect(existsSync(ctx.path('drive', 'Архив', 'план 2026.txt'))).toBe(true);
    expect(existsSync(ctx.path('drive', 'план.txt'))).toBe(false);
    expect(readFileSync(ctx.path('drive', 'Архив', 'план (копия).txt'), 'utf8')).toBe('план');
  });

  test('a spreadsheet registered by its fake is found through DriveApp and can be shared', () => {
    const ctx = tempContext();
    registerDriveFile(ctx, {
      id: 'book-1',
      name: 'Наставничество',
      mimeType: SPREADSHEET_MIME,
      path: 'spreadsheets/book-1.xlsx',
    });
    driveStore(ctx).persist();
    const seen = execute(ctx, () => {
      const file = new FakeDriveApp(ctx).getFileById('book-1');
      file.addEditor('deputy@school.local');
      return { name: file.getName(), type: file.getMimeType(), url: file.getUrl() };
    });
    expect(seen).toEqual({
      name: 'Наставничество',
      type: SPREADSHEET_MIME,
      url: 'https://docs.google.com/spreadsheets/d/book-1/edit',
    });
    let error = '';
    execute(ctx, () => {
      try {
        new FakeDriveApp(ctx).getFileById('missing');
      } catch (e) {
        error = (e as Error).message;
      }
    });
    expect(error).toMatch(/^No item with the given ID could be found/);
  });
});
