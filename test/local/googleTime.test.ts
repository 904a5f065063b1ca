// The Google-time model: executions cut by modelled time (6 min; 30 s for simple triggers), the daily
// trigger-runtime quota stopping a day's work until the next day, and a long job of the real bundle
// resuming from its continuation trigger exactly once.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  EXECUTION_LIMIT_MESSAGE,
  type LatencyTableInput,
  LocalWorkspace,
  QUOTA_MESSAGES,
  type WorkspaceOptions,
} from '../../src/local';
import { schoolWithApprovedPairs } from '../documents/school';

// Every properties call costs one second of Google time and nothing else costs anything, script
// time included: executions last exactly as long as the calls they make.
const SECOND_PER_PROPERTY: LatencyTableInput = {
  executionStartMs: 0,
  scriptTimeFactor: 0,
  rules: [
    ['PropertiesService.*', 1000],
    ['*', 0],
  ],
};

const SCRIPT = `
function touch(n) {
  var props = PropertiesService.getScriptProperties();
  for (var i = 0; i < n; i++) props.getProperty('x');
}
function onOpen(e) { touch(40); SpreadsheetApp.getActive().toast('открыто'); }
function slowMenu() { touch(40); return 'готово'; }
function schedule() {
  SpreadsheetApp.getActive().getSheets()[0].appendRow(['Когда']);
  ScriptApp.newTrigger('work').timeBased().everyHours(1).create();
}
function work(e) {
  touch(300);
  SpreadsheetApp.getActive().getSheets()[0].appendRow(["'" + Utilities.formatDate(new Date(), 'UTC', 'yyyy-MM-dd HH:mm')]);
}
`;

async function workspace(options: WorkspaceOptions = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'nastavnik-google-time-'));
  return LocalWorkspace.create(dir, {
    code: SCRIPT,
    clockStart: new Date('2026-09-01T00:00:00Z'),
    latency: SECOND_PER_PROPERTY,
    ...options,
  });
}

describe('modelled Google time', () => {
  it('cuts a simple trigger at 30 s, while the same work from the menu may run its 40 s', async () => {
    const ws = await workspace();
    const [open] = ws.openWorkbook();
    expect(open.ok).toBe(false);
    expect(open.error).toBe(EXECUTION_LIMIT_MESSAGE);
    expect(open.limitMs).toBe(30_000);
    expect(open.googleMs).toBeGreaterThan(30_000);
    expect(open.googleMs).toBeLessThanOrEqual(31_000);
    expect(open.ui).toEqual([]);
    expect(ws.run('slowMenu')).toBe('готово');
    expect(ws.lastRun?.googleMs).toBe(40_000);
  });

  it('moves the clock by the modelled time of each execution and reports it beside wall time', async () => {
    const ws = await workspace();
    const before = ws.now().getTime();
    ws.run('slowMenu');
    expect(ws.now().getTime() - before).toBe(40_000);
    expect(ws.lastRun?.chargedMs).toBe(40_000);
    expect(ws.lastRun?.elapsedMs).toBeLessThan(40_000);
    expect(ws.lastRun?.origin).toBe('manual');
  });

  it('takes the table from a JSON file as well', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nastavnik-latency-'));
    const file = join(dir, 'table.json');
    writeFileSync(file, JSON.stringify({ ...SECOND_PER_PROPERTY, rules: [['*', 500]] }));
    const ws = await workspace({ latency: file });
    ws.run('slowMenu');
    expect(ws.lastRun?.googleMs).toBe(40 * 500);
    await expect(workspace({ latency: join(dir, 'missing.json') })).rejects.toThrow(
      'Нет файла таблицы задержек',
    );
  });

  it("stops a day's triggers when the day's 90 trigger minutes are used, and lets them run again the next day", async () => {
    const ws = await workspace();
    ws.run('schedule');
    // Hourly runs of 5 minutes each: 18 fit in the consumer account's 90 minutes a day.
    const runs = ws.advanceClock('36h');
    const day = (iso: string) => runs.filter((r) => new Date(r.startedMs).toISOString().startsWith(iso));
    const first = day('2026-09-01');
    expect(first.filter((r) => r.ok)).toHaveLength(18);
    const refused = first.filter((r) => !r.ok);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((r) => r.error === QUOTA_MESSAGES.triggerMs)).toBe(true);
    expect(first.slice(0, 18).every((r) => r.ok)).toBe(true);
    const second = day('2026-09-02');
    expect(second.slice(0, 12).every((r) => r.ok)).toBe(true);
    const written = ws.sheetRows('Лист1').map((r) => String(r[0]));
    expect(written.filter((t) => t.startsWith('2026-09-01'))).toHaveLength(18);
    expect(written.filter((t) => t.startsWith('2026-09-02')).length).toBeGreaterThan(0);
  });

  it("refuses properties calls past the day's quota with Google's text, and renews it the next day", async () => {
    const ws = await workspace({ propertiesQuota: 70 });
    expect(ws.run('slowMenu')).toBe('готово');
    expect(() => ws.run('slowMenu')).toThrow(QUOTA_MESSAGES.properties);
    expect(ws.ctx.usedQuota('properties')).toBe(70);
    ws.advanceClock('1d');
    expect(ws.run('slowMenu')).toBe('готово');
  });

  it("takes a consumer account's daily quotas by default and Google Workspace's as an option", async () => {
    const consumer = await workspace();
    const business = await workspace({ account: 'workspace' });
    const limits = (ws: LocalWorkspace) =>
      (['email', 'document', 'properties', 'triggerMs'] as const).map((k) => ws.ctx.quotaLimit(k));
    expect(limits(consumer)).toEqual([100, 250, 50_000, 90 * 60_000]);
    expect(limits(business)).toEqual([1_500, 1_500, 500_000, 6 * 3_600_000]);
  });

  it('lets a Workspace account run its triggers for 6 hours a day', async () => {
    const ws = await workspace({ account: 'workspace' });
    ws.run('schedule');
    expect(ws.advanceClock('24h').every((r) => r.ok)).toBe(true);
    expect(ws.ctx.quotaLimit('triggerMs')).toBe(6 * 3_600_000);
  });
});

// The default table, on a day when Drive takes 20 s to copy a template: the documents of 12 pairs
// cannot fit in one execution however few calls each document needs.
const SLOW_DRIVE_DAY = (() => {
  const table = JSON.parse(readFileSync(join(__dirname, '../../src/local/latency/default.json'), 'utf8'));
  table.rules.unshift(['DriveApp.File.makeCopy', 20_000]);
  return table as LatencyTableInput;
})();

describe('a long job of the real bundle on a slow Drive day', () => {
  it('makes the documents of 12 pairs across executions: cut by its time budget, each continuation run once', async () => {
    const { ws } = await schoolWithApprovedPairs(10, { latency: SLOW_DRIVE_DAY });
    const first = ws.execute('generateDocumentsForApprovedPairs').stats;
    expect(first.ok).toBe(true);
    expect(first.googleMs).toBeLessThan(6 * 60_000);
    const ready = () => ws.sheetRows('Документы').filter((r) => r.includes('готов'));
    const afterFirst = ready().length;
    expect(first.ui.map((u) => u.text).join(' ')).toMatch(/продолжу автоматически/);
    expect(afterFirst).toBeGreaterThan(0);
    expect(ws.triggers().map((t) => t.handler)).toContain('continueDocumentGeneration');
    // Each continuation fires once and either finishes or schedules the next; none runs past 6 min.
    const fired = ws.advanceClock('1h').filter((r) => r.functionName === 'continueDocumentGeneration');
    expect(fired.length).toBeGreaterThan(0);
    expect(fired.every((r) => r.ok && r.googleMs < 6 * 60_000)).toBe(true);
    const toasts = fired.map((r) => r.ui.map((u) => u.text).join(' '));
    expect(toasts.slice(0, -1).every((t) => /продолжу автоматически/.test(t))).toBe(true);
    expect(toasts[toasts.length - 1]).not.toMatch(/продолжу/);
    const all = ready();
    expect(all.length).toBeGreaterThan(afterFirst);
    // Every pair has its agreement and its group a plan, each made once (column «Ключ»).
    const keys = all.map((r) => String(r[0]));
    expect(new Set(keys).size).toBe(keys.length);
    expect(all.filter((r) => String(r[1]) === 'соглашение')).toHaveLength(12);
    // One plan per group: the two mentors' groups.
    expect(all.filter((r) => String(r[1]) === 'индивидуальный план')).toHaveLength(2);
    expect(ws.triggers().map((t) => t.handler)).not.toContain('continueDocumentGeneration');
  });
});
