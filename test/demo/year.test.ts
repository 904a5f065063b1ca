// The demo year as the school would live it, read back as a curator and the families would see it:
// no recipient flooded with letters, every letter from the school with replies going to the curator.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { simpleParser } from 'mailparser';
import { type Printer, runDemo } from '../../src/cli/demo';
import { describePseudonymousYear, type YearOutcome, yearOutcome } from '../pseudonymous/pseudonymousYear';

const dir = join(mkdtempSync(join(tmpdir(), 'nastavnik-demo-year-')), 'demo');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Letter {
  to: string;
  subject: string;
  fromName: string;
  replyTo: string;
}
const letters: Letter[] = [];
let lines: string[] = [];
let outcome: YearOutcome | undefined;
const book = new ExcelJS.Workbook();

beforeAll(async () => {
  const out: Printer & { lines: string[] } = {
    lines: [],
    line: (t) => out.lines.push(t),
    note: () => undefined,
  };
  expect(
    await runDemo({ dir, seed: 2026, build: false }, undefined, out, (ws) => {
      outcome = yearOutcome(ws);
    }),
  ).toBe(0);
  lines = out.lines;
  await book.xlsx.readFile(join(dir, 'spreadsheets', 'Наставничество.xlsx'));
  const outbox = join(dir, 'outbox');
  for (const file of readdirSync(outbox).filter((f) => f.endsWith('.eml'))) {
    const parsed = await simpleParser(readFileSync(join(outbox, file)));
    const to = Array.isArray(parsed.to) ? parsed.to[0] : parsed.to;
    letters.push({
      to: to?.value[0]?.address ?? '',
      subject: parsed.subject ?? '',
      fromName: parsed.from?.value[0]?.name ?? '',
      replyTo: parsed.replyTo?.value[0]?.address ?? '',
    });
  }
}, 900_000);

describe('mail of the demo year', () => {
  it('sends no recipient more than 60 letters, the curator included', () => {
    expect(letters.length).toBeGreaterThan(1000);
    const perRecipient = new Map<string, number>();
    for (const l of letters) perRecipient.set(l.to, (perRecipient.get(l.to) ?? 0) + 1);
    const most = Math.max(...perRecipient.values());
    expect(most).toBeLessThanOrEqual(60);
  });

  it('gives the curator one letter a day at most besides the weekly digest', () => {
    const curator = letters.filter((l) => l.subject.startsWith('Наставничество: требует внимания'));
    expect(curator.length).toBeGreaterThan(0);
    expect(new Set(curator.map((l) => l.subject)).size).toBe(curator.length);
    expect(letters.filter((l) => l.subject.startsWith('Пропущены встречи'))).toEqual([]);
  });

  it('sends every letter in the school’s name with replies to the curator', () => {
    const curatorAddress = letters.find((l) => l.subject.includes('сводка'))?.to;
    expect(curatorAddress).toBeTruthy();
    const names = new Set(letters.map((l) => l.fromName));
    expect([...names]).toHaveLength(1);
    expect([...names][0]).toMatch(/наставничество$/);
    expect(letters.filter((l) => l.replyTo !== curatorAddress)).toEqual([]);
  });

  it('announces each approved pair to its mentee', () => {
    expect(letters.filter((l) => l.subject === 'Наставническая пара утверждена').length).toBeGreaterThan(80);
    expect(lines.join('\n')).toMatch(/проблем в Настройках 0/);
  });
});

describe('the demo workbook', () => {
  const headerColumn = (ws: ExcelJS.Worksheet, header: string): number =>
    (ws.getRow(1).values as unknown[]).map((v) => String(v ?? '')).indexOf(header);

  it('opens on «Начало», then «Настройки»; the responses are named and last; no «Лист1»', () => {
    const names = book.worksheets.map((w) => w.name);
    expect(names.slice(0, 2)).toEqual(['Начало', 'Настройки']);
    expect(names).not.toContain('Лист1');
    expect(names.filter((n) => n.startsWith('Ответы на форму'))).toEqual([]);
    const responses = names.filter((n) => n.startsWith('Ответы — '));
    expect(responses.length).toBeGreaterThanOrEqual(5);
    expect(names.slice(-responses.length)).toEqual(responses);
    // The demo's curator chose «Листы ответов: скрыть» — «да» (the closed year's archive is hidden too).
    const hidden = book.worksheets.filter((w) => w.state === 'hidden').map((w) => w.name);
    expect(hidden).toEqual(expect.arrayContaining(responses));
    expect(book.getWorksheet('Настройки')?.state).toBe('visible');
  });

  it('sets widths, dropdowns, checkboxes, highlighting and protection on the year’s sheets', () => {
    const meetings = book.getWorksheet('Встречи');
    const pairs = book.getWorksheet('Пары');
    const settings = book.getWorksheet('Настройки');
    if (!meetings || !pairs || !settings) throw new Error('нет листов года');
    expect(settings.getColumn(headerColumn(settings, 'Параметр')).width).toBeGreaterThan(25);
    expect(meetings.getCell(2, headerColumn(meetings, 'Проведена')).dataValidation?.type).toBe('list');
    expect(pairs.getCell(2, headerColumn(pairs, 'Состояние')).dataValidation?.type).toBe('list');
    const formats = (ws: ExcelJS.Worksheet) =>
      (ws as unknown as { conditionalFormattings: Array<{ rules: Array<{ formulae: string[] }> }> })
        .conditionalFormattings;
    expect(formats(meetings).length).toBeGreaterThan(0);
    expect(formats(settings).length).toBeGreaterThan(0);
    expect(pairs.getColumn(headerColumn(pairs, 'Состояние')).protection).toMatchObject({ locked: false });
    expect(pairs.getColumn(headerColumn(pairs, 'ID пары')).protection?.locked).not.toBe(false);
  });
});

describePseudonymousYear(() => {
  if (!outcome) throw new Error('обычный год не прожит');
  return { lines, outcome };
});
