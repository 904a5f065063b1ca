import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Browser } from 'playwright-core';
import { LocalWorkspace } from '../../src/local';
import { type ServedWorkspace, serveWorkspace } from '../../src/local/html/serve';
import { launchChromium } from '../headlessChromium';

/** Bundles the fixture the way scripts/build.mjs bundles src/gas: an IIFE plus top-level wrappers. */
async function fixtureBundle(dir: string): Promise<string> {
  const out = await build({
    entryPoints: [join(__dirname, 'fixtures', 'sidebarBundle.ts')],
    bundle: true,
    format: 'iife',
    globalName: 'fixture',
    platform: 'neutral',
    target: 'es2019',
    write: false,
  });
  const names = ['showTestSidebar', 'greet', 'refuse', 'doGet'];
  const wrappers = names
    .map((n) => `function ${n}() { return fixture.${n}.apply(this, arguments); }`)
    .join('\n');
  const path = join(dir, 'Code.js');
  writeFileSync(path, `${out.outputFiles[0].text}\n${wrappers}\n`);
  writeFileSync(join(dir, 'entrypoints.json'), JSON.stringify(names));
  return path;
}

describe('sidebars served from the workspace', () => {
  let browser: Browser;
  let served: ServedWorkspace;
  let dir: string;

  beforeAll(async () => {
    const codeDir = mkdtempSync(join(tmpdir(), 'nastavnik-h2-code-'));
    const codePath = await fixtureBundle(codeDir);
    dir = join(mkdtempSync(join(tmpdir(), 'nastavnik-h2-serve-')), 'ws');
    await LocalWorkspace.create(dir, { codePath, clockStart: new Date('2026-11-25T09:00:00Z') });
    served = await serveWorkspace(dir, 0, { codePath });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  test('opening the entry point shows its sidebar; google.script.run calls the script and handlers get the result', async () => {
    const page = await browser.newPage();
    await page.goto(`${served.url}open?fn=showTestSidebar`);
    expect(await page.title()).toBe('Тестовая панель');
    expect(await page.textContent('h1')).toBe('Проверка <панели>');

    await page.click('#greet');
    await page.waitForFunction("document.getElementById('out').textContent !== ''");
    expect(await page.textContent('#out')).toBe('Здравствуйте, Анна! #1 из панели');

    await page.fill('#name', 'Борис');
    await page.click('#greet');
    await page.waitForFunction("document.getElementById('out').textContent.includes('Борис')");
    expect(await page.textContent('#out')).toBe('Здравствуйте, Борис! #2 из панели');

    await page.click('#fail');
    await page.waitForFunction("document.getElementById('out').textContent.startsWith('Ошибка')");
    expect(await page.textContent('#out')).toBe('Ошибка: Нет доступа к списку пар.');

    // Each call was a real execution of the bundle in the workspace.
    expect(served.workspace.lastRun?.functionName).toBe('refuse');
    const shown = JSON.parse(readFileSync(join(dir, 'html', 'shown.json'), 'utf8')) as {
      kind: string;
      functionName: string;
    };
    expect(shown).toMatchObject({ kind: 'sidebar', functionName: 'showTestSidebar' });
    await page.close();
  });

  test('the web app (doGet) answers at the address ScriptApp.getService().getUrl() gives while serving', async () => {
    const page = await browser.newPage();
    await page.goto(`${served.webAppUrl}?meeting=${encodeURIComponent('знакомство')}`);
    expect(await page.title()).toBe('Отметка встречи');
    expect(await page.textContent('#who')).toBe('Встреча отмечена: знакомство');
    expect(await page.textContent('#link')).toBe(served.webAppUrl);
    await page.close();
  });
});
