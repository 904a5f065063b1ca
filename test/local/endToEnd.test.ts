// The built bundle (dist/Code.js, unmodified) driven through `nastavnik local`: setup, the menu,
// and a week of the clock; the workbook is read back with exceljs, not with our own code.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { localCommand } from '../../src/cli/local';
import { MENU, SCHOOL_MENU } from '../../src/gas/menu';
import { LocalWorkspace } from '../../src/local';

async function cli(args: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  try {
    const code = await localCommand(args);
    return { code, out };
  } finally {
    spy.mockRestore();
  }
}

describe('nastavnik local on the built bundle', () => {
  const dir = join(mkdtempSync(join(tmpdir(), 'nastavnik-e2e-')), 'школа');

  it('sets the school up, shows the menu, reruns setup from the menu and lives through a week', async () => {
    const init = await cli(['init', dir, '--clock', '2026-09-01T08:00:00+03:00']);
    expect(init.code).toBe(0);
    expect(init.out).toContain('Таблица:');

    const ws = await LocalWorkspace.open(dir);
    ws.run('onOpen');
    const menu = ws.lastRun?.ui.find((u) => u.kind === 'menu');
    // A school's workbook: its menu in the year's order, sub-menus and separators, no district items.
    const items = (menu?.items ?? []).filter((i) => i.functionName !== '');
    expect(items.map((i) => i.functionName)).toEqual(
      SCHOOL_MENU.flatMap((e) =>
        e === 'separator' ? [] : 'items' in e ? e.items.map((i) => i.functionName) : [e.functionName],
      ),
    );
    expect(items.map((i) => i.functionName).some((f) => /District/.test(f))).toBe(false);
    expect(items.map((i) => i.caption)).toContain('Подбор пар › Утвердить пары');
    expect(menu?.items?.filter((i) => i.caption === '—')).toHaveLength(2);

    const again = await cli(['run', dir, MENU[0].functionName]);
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/у Google \d+,\d с \(модель\)/);
    // Another latency table: every call a second, so the run's Google time is its call count in seconds.
    const table = join(dir, '..', 'slow.json');
    writeFileSync(table, JSON.stringify({ executionStartMs: 0, scriptTimeFactor: 0, rules: [['*', 1000]] }));
    const slow = await cli(['run', dir, 'programmeFigures', '--latency', table]);
    const [, seconds, calls] =
      slow.out.match(/у Google (\d+),0 с \(модель\), обращений к сервисам (\d+)/) ?? [];
    expect(Number(calls)).toBeGreaterThan(0);
    expect(Number(seconds)).toBe(Number(calls));

    const formId = ws.formIds()[0];
    expect(formId).toBeDefined();
    const answers = join(dir, '..', 'answers.csv');
    writeFileSync(answers, 'Неизвестный вопрос\nответ\n');
    const submitted = await cli(['submit', dir, formId, answers]);
    expect(submitted.out).toMatch(/№1: отклонён — В форме «.+» нет вопросов: «Неизвестный вопрос»/);
    expect(submitted.code).toBe(1);

    const week = await cli(['clock', dir, '--advance', '7d']);
    expect(week.out).toMatch(/Сработало триггеров: \d+/);
    expect(week.code).toBe(0);

    const status = await cli(['status', dir, '--json']);
    const parsed = JSON.parse(status.out);
    expect(Object.keys(parsed)).toEqual(
      expect.arrayContaining(['mentors', 'mentees', 'pairs', 'documents', 'emails', 'errors', 'now']),
    );
    expect(parsed.now.slice(0, 10)).toBe('2026-09-08');

    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(ws.workbookPath());
    const journal = book.getWorksheet('Журнал');
    expect(journal?.getRow(1).values).toEqual(expect.arrayContaining(['Когда', 'Событие']));
    expect(journal?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const settings = book.getWorksheet('Настройки');
    expect(settings?.rowCount).toBeGreaterThan(1);
  });
});
