// The demo year in the pseudonymous mode beside the ordinary one (test/demo/year.test.ts runs that one
// and calls this with its lines, so the suite lives the ordinary year once): nothing on the Google side
// (cells, form responses, Drive documents, letters Google sent, the script's state) holds a name or an
// address from the school's register, and the figures of matching, documents, completion and meetings
// are the ordinary mode's; the survey figures are there, from answers given with codes.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { type Printer, runDemo } from '../../src/cli/demo';
import { DEMO_PASSPHRASE } from '../../src/cli/demo/pseudonymousDemo';
import { Register } from '../../src/register';

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

/**
 * Lines that follow from who answered which survey, and from the plan fulfilment: the demo's people
 * answer a few surveys differently in the two modes, so these are compared for presence, not value.
 */
const SURVEY_DEPENDENT =
  /ответов на опросы|выполнение индивидуальных планов|отклик на опросы|изменение от входа|участников \d+\)$|частые темы/;

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

/** The pseudonymous year's checks; `ordinaryLines`: what the ordinary year of seed 2026 printed. */
export function describePseudonymousYear(ordinaryLines: () => readonly string[]): void {
  describe('the same year in the pseudonymous mode', () => {
    const work = mkdtempSync(join(tmpdir(), 'nastavnik-pseudonymous-year-'));
    const pseudonymous = recorder();
    const pseudoDir = join(work, 'demo');
    afterAll(() => rmSync(work, { recursive: true, force: true }));

    beforeAll(async () => {
      expect(
        await runDemo(
          { dir: pseudoDir, seed: 2026, build: false, mode: 'pseudonymous' },
          undefined,
          pseudonymous,
        ),
      ).toBe(0);
    }, 900_000);

    it("has the ordinary mode's participants, pairs, documents, completion and meetings held", () => {
      const stable = (lines: readonly string[]) => figures(lines).filter((l) => !SURVEY_DEPENDENT.test(l));
      expect(stable(ordinaryLines()).length).toBeGreaterThan(5);
      expect(stable(pseudonymous.lines)).toEqual(stable(ordinaryLines()));
    });

    it('monitors the surveys answered with codes as the ordinary mode does', () => {
      const kinds = (lines: readonly string[]) =>
        figures(lines)
          .filter((l) => SURVEY_DEPENDENT.test(l))
          .map((l) => (l.includes('частые темы') ? 'частые темы' : l.replace(/[\d,]+/g, 'N')));
      expect(kinds(pseudonymous.lines)).toEqual(kinds(ordinaryLines()));
      const rates = figures(pseudonymous.lines).find((l) => l.includes('отклик на опросы')) ?? '';
      for (const rate of rates.match(/\d+(,\d+)?%/g) ?? [])
        expect(Number.parseFloat(rate.replace(',', '.'))).toBeGreaterThan(50);
      expect(rates.match(/%/g)).toHaveLength(4);
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
