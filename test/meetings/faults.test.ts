// Exactly once under faults: a service error at any single call of the December run (before a send,
// between the send and its record, while settling), random errors, and runs cut by the execution
// limit all end with every invitation in outbox/ exactly once.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SEED_SCRIPT } from '../../bench/schools/seedScript';
import { type LatencyTableInput, LocalWorkspace } from '../../src/local';
import { copyOf, outbox, schoolBeforeDecember } from './fixtures';

type Row = Record<string, string | number | boolean>;
const PEOPLE = 9;

let prepared: string;
beforeAll(async () => {
  prepared = (await schoolBeforeDecember(3)).dir;
}, 120_000);

async function invitations(dir: string) {
  return (await outbox(dir)).filter((m) => m.subject.startsWith('Обратная связь')).map((m) => m.to);
}

async function logStates(dir: string): Promise<string[]> {
  const seed = await LocalWorkspace.open(dir, { code: SEED_SCRIPT });
  return (seed.run('readSheet', 'Почта') as Row[]).map((r) => String(r.Состояние));
}

test('one service error at any call of the December run: still every invitation exactly once', async () => {
  const failures: string[] = [];
  let sendFailures = 0;
  for (let nth = 1; nth <= 200; nth += 4) {
    const { dir, ws } = await copyOf(prepared, { faults: { failNth: nth } });
    const runs = ws.advanceClock('3d');
    sendFailures += runs.filter((r) => !r.ok).length;
    const got = await invitations(dir);
    if (got.length !== PEOPLE || new Set(got).size !== PEOPLE)
      failures.push(`failNth=${nth}: ${got.length} letters`);
  }
  expect(failures).toEqual([]);
  expect(sendFailures).toBeGreaterThan(25);
}, 600_000);

test('random service errors in sheets and mail: exactly once, nothing left unconfirmed', async () => {
  const { dir, ws } = await copyOf(prepared, {
    faults: { failRate: 0.02, seed: 7, services: ['SpreadsheetApp', 'MailApp'] },
  });
  const runs = ws.advanceClock('15d');
  expect(runs.some((r) => !r.ok)).toBe(true);
  const got = await invitations(dir);
  expect(got).toHaveLength(PEOPLE);
  expect(new Set(got).size).toBe(PEOPLE);
  expect((await logStates(dir)).filter((s) => s !== 'отправлено')).toEqual([]);
}, 300_000);

test('runs cut by the execution limit resume from the continuation and send each letter once', async () => {
  const probe = await copyOf(prepared);
  const full = probe.ws.advanceClock('1d').find((r) => r.functionName === 'dailyRun');
  const calls = full?.totalCalls ?? 0;
  expect(calls).toBeGreaterThan(20);
  let cut = 0;
  const failures: string[] = [];
  // Each run is cut at a fixed share of the service calls one full run makes: the clock runs out at
  // that point, every time, in every run of the three days. The day's planning (about the first
  // third of the calls) is one step; a limit that never lets it finish can send nothing at all, so the
  // cuts fall in the sending part, where exactly-once is at stake.
  for (const share of [0.45, 0.6, 0.75, 0.9]) {
    const { dir, ws } = await copyOf(prepared, { executionLimitCalls: Math.round(calls * share) });
    const runs = ws.advanceClock('3d');
    cut += runs.filter((r) => r.error?.includes('Exceeded maximum execution time')).length;
    const got = await invitations(dir);
    if (got.length !== PEOPLE || new Set(got).size !== PEOPLE)
      failures.push(`${share}: ${got.length} letters`);
  }
  expect(failures).toEqual([]);
  expect(cut).toBeGreaterThan(0);
}, 300_000);

test('a double-fired or re-run daily trigger sends nothing more', async () => {
  const { dir, ws } = await copyOf(prepared);
  ws.advanceClock('1d');
  const before = await outbox(dir);
  ws.run('dailyRun');
  ws.run('dailyRun');
  ws.run('deliverMail');
  expect(await outbox(dir)).toHaveLength(before.length);
  expect(await invitations(dir)).toHaveLength(PEOPLE);
}, 120_000);

// The default table with letters that take 200 s each: the morning run hands the queue to the
// delivery continuation after its first letter, and each continuation is cut by the 6-minute limit in
// the middle of a batch (its second letter, begun within the 4-minute budget, ends past 6 minutes).
// A Workspace account, so that the day's 19 letters fit in its trigger runtime (6 h a day).
const SLOW_MAIL_DAY = (() => {
  const table = JSON.parse(readFileSync(join(__dirname, '../../src/local/latency/default.json'), 'utf8'));
  table.rules.unshift(['MailApp.sendEmail', 200_000]);
  return table as LatencyTableInput;
})();

test('on a slow mail day the morning run hands its letters on, and continuations cut by modelled time send each letter once', async () => {
  const { dir, ws } = await copyOf(prepared, { latency: SLOW_MAIL_DAY, account: 'workspace' });
  const runs = ws.advanceClock('3d');
  const daily = runs.filter((r) => r.functionName === 'dailyRun');
  expect(daily.length).toBeGreaterThan(0);
  expect(daily.every((r) => r.ok && r.googleMs < 6 * 60_000)).toBe(true);
  expect(daily[0].calls['MailApp.sendEmail']).toBe(1);
  const continuations = runs.filter((r) => r.functionName === 'deliverMail');
  expect(continuations.some((r) => r.error === 'Exceeded maximum execution time')).toBe(true);
  const got = await invitations(dir);
  expect(got).toHaveLength(PEOPLE);
  expect(new Set(got).size).toBe(PEOPLE);
  expect((await logStates(dir)).filter((s) => s !== 'отправлено')).toEqual([]);
}, 300_000);
