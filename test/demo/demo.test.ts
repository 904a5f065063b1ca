import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import {
  documentsFolder,
  type Printer,
  parseDemoArgs,
  runDemo,
  stageLine,
  timingColumn,
} from '../../src/cli/demo';
import { preparationStage } from '../../src/cli/demo/preparationStage';
import type { DemoStage } from '../../src/cli/demo/stages';

const work = mkdtempSync(join(tmpdir(), 'nastavnik-demo-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function recorder(): Printer & { lines: string[] } {
  const lines: string[] = [];
  return { lines, line: (t) => lines.push(t), note: () => undefined };
}

describe('demo command', () => {
  it('reads its options, defaulting to ./demo-workspace', () => {
    expect(parseDemoArgs([], '/repo')).toEqual({ dir: '/repo/demo-workspace', seed: 2026, build: true });
    expect(parseDemoArgs(['--dir', 'x', '--seed', '5', '--no-build'], '/repo')).toEqual({
      dir: '/repo/x',
      seed: 5,
      build: false,
    });
    expect(parseDemoArgs(['--seed', 'abc'], '/repo')).toEqual({
      error: 'неизвестный или неполный параметр --seed',
    });
  });

  it('runs the stages in order with timings and ends with counts and the paths to open', async () => {
    const dir = join(work, 'run');
    const order: string[] = [];
    const probe = (title: string): DemoStage => ({
      title,
      run: ({ ws, advanceTo }) => {
        order.push(title);
        const start = ws.now().toISOString().slice(0, 10);
        advanceTo(new Date('2026-09-15T09:00:00Z'));
        advanceTo(new Date('2026-09-10T09:00:00Z'));
        return [`часы: ${start} → ${ws.now().toISOString().slice(0, 10)}`];
      },
    });
    const out = recorder();
    const code = await runDemo({ dir, seed: 1, build: false }, [preparationStage, probe('Второй этап')], out);
    expect(code).toBe(0);
    expect(order).toEqual(['Второй этап']);
    // Setup, the wizard's save, and the curator's edit hiding the response sheets: one execution of
    // the workbook's on-edit trigger (no simple onEdit beside it).
    expect(
      out.lines.some((l) =>
        /^1\/2 Подготовка условий \.+ \d+,\d с \(запусков скрипта 3, в них \d+,\d с; у Google \d+,\d (с|мин)\)$/.test(
          l,
        ),
      ),
    ).toBe(true);
    expect(out.lines.some((l) => /^Время Google по модели: \d+,\d (с|мин)/.test(l))).toBe(true);
    expect(out.lines).toContain('    часы: 2026-09-01 → 2026-09-15');
    expect(out.lines.some((l) => /наставников \d+, наставляемых \d+, пар \d+/.test(l))).toBe(true);
    const workbook = join(dir, 'spreadsheets', 'Наставничество.xlsx');
    expect(out.lines.some((l) => l.includes('Наставничество.xlsx'))).toBe(true);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(workbook);
    expect(book.getWorksheet('Журнал')).toBeDefined();
  });

  it('replaces its own earlier workspace but never a folder it did not make', async () => {
    const dir = join(work, 'again');
    expect(await runDemo({ dir, seed: 1, build: false }, [], recorder())).toBe(0);
    writeFileSync(join(dir, 'outbox', 'stale.eml'), 'old');
    expect(await runDemo({ dir, seed: 1, build: false }, [], recorder())).toBe(0);
    expect(existsSync(join(dir, 'outbox', 'stale.eml'))).toBe(false);

    const foreign = join(work, 'foreign');
    mkdirSync(foreign);
    writeFileSync(join(foreign, 'diploma.docx'), 'important');
    const out = recorder();
    expect(await runDemo({ dir: foreign, seed: 1, build: false }, [], out)).toBe(2);
    expect(readdirSync(foreign)).toEqual(['diploma.docx']);
    expect(out.lines[0]).toMatch(/не пуста и создана не демо/);
  });

  it('reports a failing stage, stops there and exits non-zero', async () => {
    const out = recorder();
    const failing: DemoStage = {
      title: 'Сломанный этап',
      run: () => {
        throw new Error('нет листа');
      },
    };
    const never: DemoStage = { title: 'Не дойдём', run: () => ['никогда'] };
    expect(await runDemo({ dir: join(work, 'fail'), seed: 1, build: false }, [failing, never], out)).toBe(1);
    expect(out.lines).toContain('    ОШИБКА: нет листа');
    expect(out.lines.join('\n')).not.toMatch(/Не дойдём/);
  });

  it('lines the timings up in one column, right of the longest title', () => {
    const stages = [
      { title: 'Подготовка условий', run: () => [] },
      { title: 'Оформление документов: приказ, соглашения, индивидуальные планы, согласия', run: () => [] },
    ];
    const width = timingColumn(stages);
    const lines = stages.map((s, i) => stageLine(i + 1, 2, s.title, 1234, width));
    expect(lines[0]).toHaveLength(lines[1].length);
    expect(lines[1]).toMatch(/согласия \.\. 1,2 с$/);
  });

  it('points at the documents folder setup made in the offline Drive', () => {
    const dir = join(work, 'docs');
    mkdirSync(join(dir, 'drive', '.documents'), { recursive: true });
    expect(documentsFolder(dir)).toBe(join(dir, 'drive'));
    mkdirSync(join(dir, 'drive', 'Наставничество — документы'));
    expect(documentsFolder(dir)).toBe(join(dir, 'drive', 'Наставничество — документы'));
    mkdirSync(join(dir, 'drive', 'Другое'));
    expect(documentsFolder(dir)).toBe(join(dir, 'drive'));
  });
});
