// The pages behind the links in letters, on a phone (390×844) and a laptop (1280×800) in headless
// Chromium: the viewport set as Google honours it, the meeting named, labelled fields, 44-pixel touch
// targets. Screenshots go to test-output/pages/ for a person to look at.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { SEED_SCRIPT } from '../bench/schools/seedScript';
import { LocalWorkspace } from '../src/local';
import { type ServedWorkspace, serveWorkspace } from '../src/local/html/serve';
import { launchChromium } from './headlessChromium';
import { schoolBeforeDecember } from './meetings/fixtures';

const SHOTS = join(__dirname, '..', 'test-output', 'pages');
let browser: Browser;
let served: ServedWorkspace;
let token = '';

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  const { dir, ws } = await schoolBeforeDecember(1);
  ws.advanceClock('1d');
  const seed = await LocalWorkspace.open(dir, { code: SEED_SCRIPT });
  const meetings = seed.run('readSheet', 'Встречи') as Array<Record<string, string>>;
  token = String(meetings[0]?.Токен ?? '');
  // «Проведена» by link opens from the meeting's day on: the mentor follows the link that day.
  const day = meetings[0]?.Дата;
  // A date cell comes back from the script as its ISO text, a typed one as «дд.мм.гггг».
  const ru = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(String(day));
  const date = ru ? new Date(`${ru[3]}-${ru[2]}-${ru[1]}T12:00:00Z`) : new Date(String(day));
  const days = Math.ceil((date.getTime() - ws.now().getTime()) / 86_400_000);
  if (days > 0) ws.advanceClock(`${days}d`);
  served = await serveWorkspace(dir, 0);
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

const sizes = [
  { width: 390, height: 844, name: 'phone' },
  { width: 1280, height: 800, name: 'laptop' },
];

describe.each(sizes)('on a $name ($width×$height)', ({ width, height }) => {
  test.each([
    ['held', 'Отметить встречу проведённой', 'Коротко: что сделали на встрече'],
    ['move', 'Перенести встречу', 'Новая дата (учебный день, не в каникулы)'],
  ])('the «%s» page names the meeting and fits the screen', async (route, title, label) => {
    const page = await browser.newPage({ viewport: { width, height } });
    await page.goto(`${served.url}exec?a=${route}&t=${token}`);
    expect(await page.title()).toBe(title);
    expect(await page.getAttribute('meta[name="viewport"]', 'content')).toBe(
      'width=device-width, initial-scale=1',
    );
    expect(await page.textContent('.meeting')).toMatch(
      /^Встреча-знакомство, \d+ \S+ \d{4} г\.Наставник: .+\. Наставляемые: .+\.$/,
    );
    // A string: the test is compiled without the DOM's types.
    const field = (await page.evaluate(`(() => {
      const input = document.querySelector('input:not([type="hidden"])');
      const button = document.querySelector('button');
      return {
        label: input.labels && input.labels[0] ? input.labels[0].textContent : '',
        inputHeight: input.getBoundingClientRect().height,
        buttonHeight: button.getBoundingClientRect().height,
        buttonWidth: button.getBoundingClientRect().width,
        scrollWidth: document.documentElement.scrollWidth,
      };
    })()`)) as {
      label: string;
      inputHeight: number;
      buttonHeight: number;
      buttonWidth: number;
      scrollWidth: number;
    };
    expect(field.label).toBe(label);
    expect(field.inputHeight).toBeGreaterThanOrEqual(44);
    expect(field.buttonHeight).toBeGreaterThanOrEqual(44);
    expect(field.buttonWidth).toBeGreaterThanOrEqual(44);
    expect(field.scrollWidth).toBeLessThanOrEqual(width);
    await page.screenshot({ path: join(SHOTS, `${route}-${width}x${height}.png`), fullPage: true });
    await page.close();
  });
});
