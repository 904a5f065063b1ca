// The demo year in the pseudonymous mode beside the ordinary one (test/demo/year.test.ts runs that one
// and calls this with what it printed and what its workbook held, so the suite lives the ordinary
// year once): nothing on the Google side (cells, form responses, Drive documents, letters Google sent,
// the script's state) holds a name or an address from the school's register, and the year comes out
// the same — the same people in the same pairs and groups, the same people unmatched, every figure of
// «Мониторинг» the same.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { type Printer, runDemo } from '../../src/cli/demo';
import { DEMO_PASSPHRASE } from '../../src/cli/demo/pseudonymousDemo';
import { BASES } from '../../src/core/intake/baseRow';
import { PAIRS, UNMATCHED } from '../../src/core/matching/pairRow';
import { isYes, MEETINGS } from '../../src/core/meetings/meetingRow';
import { MONITORING } from '../../src/core/monitoring/figures';
import { archiveSheetName } from '../../src/core/monitoring/yearClose';
import type { CellValue } from '../../src/core/table';
import type { LocalWorkspace } from '../../src/local';
import { SpreadsheetStore } from '../../src/local/spreadsheet/store';
import { Register } from '../../src/register';
import { table } from '../intake/workspace';

function recorder(): Printer & { lines: string[] } {
  const lines: string[] = [];
  return { lines, line: (t) => lines.push(t), note: () => undefined };
}

/**
 * The year's figures as the demo prints them, without the letters Google sent (the register sends
 * them) and the Journal's rejections (the pseudonymous demo adds a forged withdrawal, refused).
 */
function figures(lines: readonly string[]): string[] {
  const from = lines.indexOf('Итог года:');
  const to = lines.indexOf('Откройте:');
  return lines.slice(from, to).map((l) => l.replace(/, писем \d+, ошибок в Журнале \d+/, ''));
}

/** What the closed year left in the workbook, with every person named by their place in their base. */
export interface YearOutcome {
  /** Every row of the year's «Мониторинг», every cell, as the curator reads it. */
  monitoring: string[];
  /** «Пары»: mentor, mentee, form, state, score, why, fulfilment. */
  pairs: string[];
  /** The plans of «Встречи»: a mentor with their mentees, meetings planned and held. */
  groups: string[];
  /** «Без пары»: who, why. */
  unmatched: string[];
}

const text = (v: unknown): string => (v instanceof Date ? v.toISOString() : String(v ?? ''));

/**
 * Reads the year the demo closed in `ws`. People go by place: «наставник 3» is the third row of
 * «Наставники» in either mode, whether its ID is «НС-0003» or a register code.
 */
export function yearOutcome(ws: LocalWorkspace): YearOutcome {
  const year = closedYear(ws);
  const archived = (sheet: string) => table(ws, archiveSheetName(sheet, year));
  const place = new Map<string, string>();
  for (const [role, label] of [
    ['mentor', 'наставник'],
    ['mentee', 'наставляемый'],
  ] as const)
    archived(BASES[role].name).forEach((r, i) => {
      place.set(text(r[BASES[role].columns.id.header]), `${label} ${i + 1}`);
    });
  const who = (id: unknown) => place.get(text(id).trim()) ?? `не в базах: ${text(id)}`;
  const p = PAIRS.columns;
  const pairs = archived(PAIRS.name).map((r) =>
    [
      who(r[p.mentorId.header]),
      who(r[p.menteeId.header]),
      r[p.form.header],
      r[p.state.header],
      r[p.score.header],
      r[p.explanation.header],
      r[p.fulfilment.header],
    ]
      .map(text)
      .join(' | '),
  );
  const m = MEETINGS.columns;
  const plans = new Map<string, { people: string; planned: number; held: number }>();
  for (const r of archived(MEETINGS.name)) {
    const mentees = text(r[m.menteeIds.header]).split(',').map(who).sort();
    const people = `${who(r[m.mentorId.header])} с ${mentees.join(', ')}: ${text(r[m.formId.header])}`;
    const plan = plans.get(people) ?? { people, planned: 0, held: 0 };
    plan.planned++;
    if (isYes(r[m.held.header] as CellValue)) plan.held++;
    plans.set(people, plan);
  }
  const u = UNMATCHED.columns;
  return {
    // The figures and, beside them, the tables of its charts: every cell.
    monitoring: ws.sheetRows(archiveSheetName(MONITORING.name, year)).map((r) => r.map(text).join(' | ')),
    pairs: pairs.sort(),
    groups: [...plans.values()].map((g) => `${g.people}; встреч ${g.planned}, проведено ${g.held}`).sort(),
    unmatched: archived(UNMATCHED.name)
      .map((r) =>
        [r[u.role.header], who(r[u.participantId.header]), r[u.reason.header]].map(text).join(' | '),
      )
      .sort(),
  };
}

/** The school year «Закрыть учебный год» archived: «2026-2027» of «Мониторинг 2026-2027». */
function closedYear(ws: LocalWorkspace): string {
  const names =
    SpreadsheetStore.of(ws.ctx)
      .model(ws.boundSpreadsheetId)
      ?.sheets.map((s) => s.name) ?? [];
  const years = names.flatMap((n) => /^Мониторинг (\d{4}-\d{4})$/.exec(n)?.slice(1) ?? []);
  if (years.length !== 1) throw new Error(`закрытых учебных годов: ${years.length}`);
  return years[0];
}

function filesUnder(dir: string, skip: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (path === skip) return [];
    return statSync(path).isDirectory() ? filesUnder(path, skip) : [path];
  });
}

/** Everything Google holds, as text: the services' state and the letters it sent, decoded. */
async function googleSideText(dir: string): Promise<string[]> {
  const texts: string[] = [];
  for (const file of filesUnder(dir, join(dir, 'реестр'))) {
    if (file.endsWith('.eml')) {
      const mail = await simpleParser(readFileSync(file));
      texts.push([mail.to ? JSON.stringify(mail.to) : '', mail.subject ?? '', mail.text ?? ''].join('\n'));
    } else if (/\.(json|log|txt|csv)$/.test(file)) texts.push(readFileSync(file, 'utf8'));
  }
  return texts;
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
const WORD = /[А-ЯЁа-яё-]+/g;

type RegisterPerson = Register['data']['people'][number];

/** The register's names and addresses found anywhere on the Google side of the workspace in `dir`. */
export async function registerIdentitiesOnGoogle(
  dir: string,
  people: readonly RegisterPerson[],
): Promise<string[]> {
  const texts = await googleSideText(dir);
  const addresses = new Set(texts.flatMap((t) => t.match(EMAIL) ?? []).map((a) => a.toLowerCase()));
  const words = new Set(texts.flatMap((t) => t.match(WORD) ?? []));
  const found: string[] = [];
  for (const p of people) {
    for (const address of [p.email, p.parentEmail])
      if (address && addresses.has(address.toLowerCase())) found.push(address);
    // Only a surname the Google side has at all can be part of a name it holds.
    for (const name of [`${p.lastName} ${p.firstName}`, p.parentName]) {
      const [surname] = name.split(' ');
      if (!name.trim() || !surname || !words.has(surname)) continue;
      if (texts.some((t) => t.includes(name))) found.push(name);
    }
  }
  return found;
}

/**
 * The pseudonymous year's checks; `ordinary`: what the ordinary year of seed 2026 printed and what
 * its workbook held once the year was closed.
 */
export function describePseudonymousYear(
  ordinary: () => { lines: readonly string[]; outcome: YearOutcome },
): void {
  describe('the same year in the pseudonymous mode', () => {
    const work = mkdtempSync(join(tmpdir(), 'nastavnik-pseudonymous-year-'));
    const pseudonymous = recorder();
    const pseudoDir = join(work, 'demo');
    let outcome: YearOutcome | undefined;
    afterAll(() => rmSync(work, { recursive: true, force: true }));

    beforeAll(async () => {
      expect(
        await runDemo(
          { dir: pseudoDir, seed: 2026, build: false, mode: 'pseudonymous' },
          undefined,
          pseudonymous,
          (ws) => {
            outcome = yearOutcome(ws);
          },
        ),
      ).toBe(0);
    }, 900_000);

    it("prints the ordinary mode's figures of the year, line for line", () => {
      expect(figures(ordinary().lines).length).toBeGreaterThan(15);
      expect(figures(pseudonymous.lines)).toEqual(figures(ordinary().lines));
    });

    it('matches the same people into the same pairs and groups and leaves the same people unmatched', () => {
      const { pairs, groups, unmatched } = ordinary().outcome;
      expect(pairs.length).toBeGreaterThan(80);
      expect(groups.length).toBeGreaterThan(30);
      expect(unmatched.length).toBeGreaterThan(5);
      expect([...pairs, ...groups, ...unmatched].join('\n')).not.toContain('не в базах');
      expect(outcome?.pairs).toEqual(pairs);
      expect(outcome?.groups).toEqual(groups);
      expect(outcome?.unmatched).toEqual(unmatched);
    });

    it('ends the year with every figure of «Мониторинг» the same as the ordinary mode', () => {
      const { monitoring } = ordinary().outcome;
      expect(monitoring.length).toBeGreaterThan(50);
      expect(outcome?.monitoring).toEqual(monitoring);
    });

    it('has the register make the documents with names and send the letters', () => {
      const register = pseudonymous.lines.filter((l) => l.includes('Реестр школы:'));
      const documents = register.map((l) => Number(/документов с именами (\d+)/.exec(l)?.[1] ?? 0));
      const letters = register.map((l) => Number(/писем отправлено (\d+)/.exec(l)?.[1] ?? 0));
      expect(documents.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
      expect(letters.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
      expect(readdirSync(join(pseudoDir, 'реестр', 'документы'), { recursive: true }).length).toBeGreaterThan(
        0,
      );
    });

    it('leaves no name or address from the register anywhere on the Google side', async () => {
      const register = Register.open(
        join(pseudoDir, 'реестр', 'реестр-наставничества.nreg'),
        DEMO_PASSPHRASE,
      );
      expect(register.data.people.length).toBeGreaterThan(100);
      const found = await registerIdentitiesOnGoogle(pseudoDir, register.data.people);
      expect(found).toEqual([]);
    });
  });
}
