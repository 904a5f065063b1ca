// The menu with guard rails: the year's order with sub-menus, a school's items only in a school's
// workbook, a hint instead of «Утверждено пар: 0.», and a year that cannot be closed by one click.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setSettings } from '../src/cli/demo/curator';
import { LocalWorkspace } from '../src/local';

async function school() {
  const dir = mkdtempSync(join(tmpdir(), 'nastavnik-menu-'));
  const ws = await LocalWorkspace.create(dir, { clockStart: new Date('2026-09-01T06:00:00Z') });
  ws.init();
  return { dir, ws };
}

const alerts = (ws: LocalWorkspace) => (ws.lastRun?.ui ?? []).filter((u) => u.kind === 'alert');
const journal = (ws: LocalWorkspace) => ws.sheetRows('Журнал').map((r) => String(r[1]));

test('a school’s menu: sub-menus in the year’s order, no district items', async () => {
  const { ws } = await school();
  ws.run('onOpen');
  const captions = (ws.lastRun?.ui.find((u) => u.kind === 'menu')?.items ?? []).map((i) => i.caption);
  expect(captions.slice(0, 3)).toEqual(['Настроить программу', 'Первый запуск: обязательные настройки', '—']);
  const order = ['Анкеты и участники ›', 'Подбор пар ›', 'Документы ›', 'Итоги ›'].map((p) =>
    captions.findIndex((c) => c.startsWith(p)),
  );
  expect(order.every((i, k) => i > 0 && (k === 0 || i > order[k - 1]))).toBe(true);
  expect(captions.some((c) => c.includes('Район'))).toBe(false);
});

test('a district’s menu shows the district’s items only', async () => {
  const { dir, ws } = await school();
  await setSettings(dir, { Режим: 'муниципалитет' });
  ws.run('onOpen');
  const captions = (ws.lastRun?.ui.find((u) => u.kind === 'menu')?.items ?? []).map((i) => i.caption);
  expect(captions).toContain('Район › Собрать отчёты школ');
  expect(captions.some((c) => c.startsWith('Подбор пар'))).toBe(false);
});

test('«Утвердить пары» before matching says what to do first and approves nothing', async () => {
  const { ws } = await school();
  ws.run('approvePairs');
  const [alert] = alerts(ws);
  expect(alert.title).toBe('Утверждать нечего');
  expect(alert.text).toContain('Сначала выполните «Подбор пар» → «Подобрать пары»');
  expect(journal(ws)).not.toContain('Пары утверждены');
});

test('closing the year before the programme’s end takes two confirmations', async () => {
  const { ws } = await school();
  ws.replyToAlerts('YES', 'NO');
  ws.run('closeSchoolYear');
  const [first, second] = alerts(ws);
  expect(first.title).toBe('Программа ещё идёт');
  expect(first.text).toMatch(/До окончания программы \(10\.06\.2027.*\) ещё \d+ (день|дня|дней)/);
  expect(first.text).toContain('«Пары» (0)');
  expect(second.title).toBe('Закрыть год раньше срока — точно?');
  expect(journal(ws).some((e) => /год.*закрыт/i.test(e))).toBe(false);
  expect((ws.lastRun?.ui ?? []).some((u) => u.kind === 'toast' && /закрыт/.test(u.text ?? ''))).toBe(false);

  ws.replyToAlerts('NO');
  ws.run('closeSchoolYear');
  expect(alerts(ws)).toHaveLength(1);

  ws.replyToAlerts('YES', 'YES');
  ws.run('closeSchoolYear');
  expect(
    (ws.lastRun?.ui ?? []).some((u) => u.kind === 'toast' && /Учебный год .* закрыт/.test(u.text ?? '')),
  ).toBe(true);
});
