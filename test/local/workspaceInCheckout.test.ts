// A workspace made inside the repository (`npx nastavnik local init my-school` at its root) is left
// alone by git and by the linter, so `npm test` and `git status` stay as they were.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { localCommand } from '../../src/cli/local';

const root = join(__dirname, '..', '..');

test('git and biome ignore a workspace made inside the checkout', async () => {
  const dir = mkdtempSync(join(root, 'my-school-'));
  const write = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  try {
    rmSync(dir, { recursive: true });
    expect(await localCommand(['init', dir, '--clock', '2026-09-01T08:00:00+03:00'])).toBe(0);
    write.mockRestore();
    // Something a linter would reject, as a curator's own script in the workspace might be.
    writeFileSync(join(dir, 'notes.js'), 'var x = 1 ;;\n');

    const untracked = execFileSync('git', ['status', '--porcelain', '--untracked-files=all', '--', dir], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(untracked).toBe('');

    const biome = spawnSync(join(root, 'node_modules', '.bin', 'biome'), ['check', basename(dir)], {
      cwd: root,
      encoding: 'utf8',
    });
    const out = biome.stdout + biome.stderr;
    expect(out).toContain('Checked 0 files');
    expect(out).not.toContain('notes.js');
  } finally {
    write.mockRestore();
    rmSync(dir, { recursive: true, force: true });
  }
});
