// The first-run wizard in headless Chromium, served by the offline workspace as the dialog Google
// shows: every field labelled with its help, 44-pixel targets, a wrong address refused in Russian
// beside its field, then all saved. Screenshots go to test-output/pages/.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { SCHOOL_SETTINGS } from '../bench/schools/schoolSettings';
import { LocalWorkspace } from '../src/local';
import { type ServedWorkspace, serveWorkspace } from '../src/local/html/serve';
import { launchChromium } from './headlessChromium';

const SHOTS = join(__dirname, '..', 'test-output', 'pages');
let browser: Browser;
let served: ServedWorkspace;
let dir = '';

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  dir = mkdtempSync(join(tmpdir(), 'nastavnik-wizard-page-'));
  const ws = await LocalWorkspace.create(dir, { clockStart: new Date('2026-09-01T06:00:00Z') });
  ws.init();
  await ws.save();
  served = await serveWorkspace(dir, 0);
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

interface Measured {
  labels: string[];
  described: boolean[];
  inputHeights: number[];
  buttonHeights: number[];
  scrollWidth: number;
}

// A string: the test is compiled without the DOM's types.
const MEASURE = `(() => {
  const inputs = Array.from(document.querySelectorAll('#fields input'));
  return {
    labels: inputs.map((i) => (i.labels && i.labels[0] ? i.labels[0].textContent : '')),
    described: inputs.map((i) => document.getElementById((i.getAttribute('aria-describedby') || '').split(' ')[0]).textContent.length > 0),
    inputHeights: inputs.map((i) => i.getBoundingClientRect().height),
    buttonHeights: Array.from(document.querySelectorAll('button')).map((b) => b.getBoundingClientRect().height),
    scrollWidth: document.documentElement.scrollWidth,
  };
})()`;

test.each([
  { width: 560, height: 640, name: 'dialog' },
  { width: 390, height: 844, name: 'phone' },
])('the wizard in a $name ($width×$height): labelled fields, 44-pixel targets', async ({ width, height }) => {
  const page = await browser.newPage({ viewport: { width, height } });
  await page.goto(`${served.url}open?fn=openSetupWizard`);
  await page.locator('[data-field]').first().waitFor();
  const m = (await page.evaluate(MEASURE)) as Measured;
  expect([...m.labels].sort()).toEqual([...Object.keys(SCHOOL_SETTINGS), 'Почта: адрес куратора'].sort());
  expect(m.described.every(Boolean)).toBe(true);
  expect(Math.min(...m.inputHeights)).toBeGreaterThanOrEqual(44);
  expect(Math.min(...m.buttonHeights)).toBeGreaterThanOrEqual(44);
  expect(m.scrollWidth).toBeLessThanOrEqual(width);
  await page.screenshot({ path: join(SHOTS, `wizard-${width}x${height}.png`), fullPage: true });
  await page.close();
});

test('a wrong address is refused beside its field; corrected, everything is saved to Настройки', async () => {
  const page = await browser.newPage({ viewport: { width: 560, height: 640 } });
  await page.goto(`${served.url}open?fn=openSetupWizard`);
  await page.locator('[data-field]').first().waitFor();
  for (const [label, value] of Object.entries(SCHOOL_SETTINGS))
    await page.getByLabel(label).fill(String(value));
  await page.getByLabel('Почта: адрес куратора').fill('куратор школы');
  await page.getByTestId('save').click();
  await page.getByText('Исправьте отмеченные поля: 1.').waitFor();
  const field = page.locator('[data-field]', { has: page.getByLabel('Почта: адрес куратора') });
  await expect(field.getByTestId('problem').textContent()).resolves.toMatch(/^Не подходит: /);
  await expect(page.getByLabel('Почта: адрес куратора').getAttribute('aria-invalid')).resolves.toBe('true');
  await page.screenshot({ path: join(SHOTS, 'wizard-problem.png'), fullPage: true });

  await page.getByLabel('Почта: адрес куратора').fill('kuratorova@school.local');
  await page.getByTestId('save').click();
  await page.getByText('Готово: обязательные настройки заполнены.', { exact: false }).waitFor();
  await page.close();

  const ws = await LocalWorkspace.open(dir);
  const settings = new Map(ws.sheetRows('Настройки').map((r) => [String(r[0]), r]));
  expect(settings.get('Почта: адрес куратора')?.[1]).toBe('kuratorova@school.local');
  for (const [label, value] of Object.entries(SCHOOL_SETTINGS)) {
    expect(settings.get(label)?.[1]).toBe(value);
    expect(settings.get(label)?.[2]).toBe('');
  }
});
