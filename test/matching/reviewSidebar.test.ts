// The review sidebar in headless Chromium, served by the offline workspace: lock one pair, reject
// another, re-run, and Пары shows the result.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { PAIRS_HEADERS } from '../../src/core/matching/pairRow';
import { SHEETS } from '../../src/core/sheets';
import { LocalWorkspace } from '../../src/local';
import { type ServedWorkspace, serveWorkspace } from '../../src/local/html/serve';
import { launchChromium } from '../headlessChromium';
import { smallSchool, table } from './school';

const work = mkdtempSync(join(tmpdir(), 'nastavnik-sidebar-'));
let browser: Browser | undefined;
let served: ServedWorkspace | undefined;
afterAll(async () => {
  await browser?.close();
  await served?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('review sidebar', () => {
  it('locks, rejects and re-runs from the browser; the sheet shows the result', async () => {
    const dir = join(work, 'school');
    const { mentorA, mentorB, x, y, z, noConsent } = await smallSchool(dir);
    const ws = await LocalWorkspace.open(dir);
    ws.run('proposePairs');
    await ws.save();

    served = await serveWorkspace(dir, 0);
    browser = await launchChromium();
    const page = await browser.newPage();
    await page.goto(`${served.url}open?fn=openPairsReview`);
    const pair = (id: string) => page.locator(`[data-pair="${id}"]`);
    await pair(`${mentorA.id}/${x.id}`).waitFor();
    await expect(pair(`${mentorA.id}/${x.id}`).textContent()).resolves.toContain(
      'запрос совпадает с компетенциями',
    );
    await expect(page.locator(`[data-mentee="${noConsent.id}"]`).textContent()).resolves.toContain(
      'нет согласия на обработку данных',
    );

    await pair(`${mentorA.id}/${x.id}`).getByTestId('lock').click();
    await page.locator(`[data-pair="${mentorA.id}/${x.id}"][data-state="locked"]`).waitFor();
    await pair(`${mentorA.id}/${z.id}`).getByTestId('reject').click();
    await page.locator(`[data-pair="${mentorA.id}/${z.id}"][data-state="rejected"]`).waitFor();
    await page.getByTestId('rerun').click();
    await page.locator(`[data-pair="${mentorB.id}/${z.id}"]`).waitFor();

    const sheet = table(await LocalWorkspace.open(dir), SHEETS.pairs, PAIRS_HEADERS);
    const stateOf = new Map(sheet.map((p) => [p['ID пары'], p['Состояние']]));
    expect(Object.fromEntries(stateOf)).toEqual({
      [`${mentorA.id}/${x.id}`]: 'закреплена',
      [`${mentorA.id}/${z.id}`]: 'отклонена',
      [`${mentorA.id}/${y.id}`]: 'предложена',
      [`${mentorB.id}/${z.id}`]: 'предложена',
    });
  });
});
