// The review sidebar in headless Chromium, served by the offline workspace: lock one pair, reject
// another, re-run, and Пары shows the result; the counts after matching, and approval from there
// with the menu's confirmation.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { PAIRS_HEADERS, UNMATCHED_HEADERS, UNMATCHED_SHEET } from '../../src/core/matching/pairRow';
import { SHEETS } from '../../src/core/sheets';
import { LocalWorkspace } from '../../src/local';
import { type ServedWorkspace, serveWorkspace } from '../../src/local/html/serve';
import { launchChromium } from '../headlessChromium';
import { addMentors, cls, person, smallSchool, table } from './school';

const SHOTS = join(__dirname, '..', '..', 'test-output', 'pages');
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

  it('shows the counts after matching and approves from there once confirmed', async () => {
    const dir = join(work, 'approve');
    const { noConsent } = await smallSchool(dir);
    const away = person('mentor', { schoolClass: cls(10), consent: 'missing' });
    await addMentors(dir, [away]);
    const ws = await LocalWorkspace.open(dir);
    ws.run('proposePairs');
    await ws.save();
    const proposed = table(ws, SHEETS.pairs, PAIRS_HEADERS);
    const without = table(ws, UNMATCHED_SHEET, UNMATCHED_HEADERS);
    const mentees = without.filter((r) => r['Роль'] === 'наставляемый');
    const mentors = without.filter((r) => r['Роль'] === 'наставник');
    expect(proposed.length).toBeGreaterThan(0);
    expect(mentees.map((r) => r['Код участника'])).toContain(noConsent.id);
    expect(mentors.map((r) => r['Код участника'])).toContain(away.id);

    await served?.close();
    served = await serveWorkspace(dir, 0);
    browser ??= await launchChromium();
    const page = await browser.newPage();
    await page.goto(`${served.url}open?fn=openPairsReview`);
    const summary = page.getByTestId('summary');
    await summary.getByText('Ждут утверждения', { exact: false }).waitFor();
    await expect(summary.textContent()).resolves.toBe(
      `Ждут утверждения пар: ${proposed.length} (закреплено вами: 0), групп у одного наставника: 1.` +
        `Без пары: наставляемых — ${mentees.length}, наставников — ${mentors.length}.`,
    );
    for (const m of mentors)
      await expect(
        page.locator(`[data-mentor-idle="${m['Код участника']}"]`).textContent(),
      ).resolves.toContain(String(m['Причина']));

    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, 'pairs-review.png'), fullPage: true });

    served.workspace.replyToAlerts('NO');
    await page.getByTestId('approve').click();
    await page.getByTestId('status').getByText('Пары не утверждены.').waitFor();
    const untouched = table(await LocalWorkspace.open(dir), SHEETS.pairs, PAIRS_HEADERS);
    expect(untouched.every((p) => p['Состояние'] === 'предложена')).toBe(true);

    served.workspace.replyToAlerts('YES');
    await page.getByTestId('approve').click();
    await page
      .getByTestId('status')
      .getByText(`Утверждено пар: ${proposed.length}.`, { exact: false })
      .waitFor();
    const approval = served.workspace.runs.filter((r) => r.functionName === 'approvePairs');
    expect(approval.map((r) => r.ui.find((u) => u.kind === 'alert')?.title)).toEqual([
      'Утвердить пары?',
      'Утвердить пары?',
    ]);
    await summary.getByText(`Уже утверждено пар: ${proposed.length}.`).waitFor();
    await expect(page.getByTestId('approve').isDisabled()).resolves.toBe(true);
    const approved = table(await LocalWorkspace.open(dir), SHEETS.pairs, PAIRS_HEADERS);
    expect(approved.map((p) => p['Состояние'])).toEqual(proposed.map(() => 'утверждена'));
  });
});
