// The workbook a curator opens, read from its .xlsx mirror as Excel or LibreOffice would: tabs in
// the year's order with «Начало» first and the form responses last, no empty «Лист1», readable
// widths, dropdowns and checkboxes, highlighted problems, system columns locked, headers frozen.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { LocalWorkspace } from '../src/local';

let book: ExcelJS.Workbook;

beforeAll(async () => {
  const ws = await LocalWorkspace.create(mkdtempSync(join(tmpdir(), 'nastavnik-look-')), {
    clockStart: new Date('2026-09-01T06:00:00Z'),
  });
  ws.init();
  ws.run('refreshMonitoring');
  // The next morning's run gives the new «Мониторинг» its place among the tabs.
  ws.run('dailyRun');
  await ws.save();
  book = new ExcelJS.Workbook();
  await book.xlsx.readFile(ws.workbookPath());
}, 120_000);

const sheet = (name: string): ExcelJS.Worksheet => {
  const found = book.getWorksheet(name);
  if (!found) throw new Error(`нет листа ${name}`);
  return found;
};
const column = (ws: ExcelJS.Worksheet, header: string): number => {
  const values = (ws.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
  const i = values.indexOf(header);
  if (i < 0) throw new Error(`нет столбца ${header} в ${ws.name}`);
  return i;
};

test('tabs: «Начало» and «Настройки» first, the year’s sheets in order, responses last, no «Лист1»', () => {
  const names = book.worksheets.map((w) => w.name);
  expect(names.slice(0, 4)).toEqual(['Начало', 'Настройки', 'Наставники', 'Наставляемые']);
  expect(names).not.toContain('Лист1');
  expect(names.filter((n) => n.startsWith('Ответы на форму'))).toEqual([]);
  const responses = names.filter((n) => n.startsWith('Ответы — '));
  expect(responses).toContain('Ответы — Анкета наставника');
  expect(names.slice(-responses.length)).toEqual(responses);
  expect(names.indexOf('Пары')).toBeLessThan(names.indexOf('Встречи'));
  expect(names.indexOf('Встречи')).toBeLessThan(names.indexOf('Журнал'));
  expect(String(sheet('Начало').getCell('B2').value)).toMatch(/Обязательно заполнить/);
});

test('widths, wrapping and frozen headers', () => {
  const settings = sheet('Настройки');
  expect(settings.getColumn(column(settings, 'Параметр')).width).toBeGreaterThan(25);
  const help = settings.getColumn(column(settings, 'Пояснение'));
  expect(help.width).toBeGreaterThan(40);
  expect(help.alignment?.wrapText).toBe(true);
  for (const name of ['Настройки', 'Наставники', 'Пары', 'Встречи', 'Почта'])
    expect(sheet(name).views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
});

test('a dropdown where a value is chosen, a checkbox where a meeting is marked', () => {
  const pairs = sheet('Пары');
  const state = pairs.getCell(2, column(pairs, 'Состояние')).dataValidation;
  expect(state).toMatchObject({ type: 'list' });
  expect(String(state.formulae?.[0])).toContain('утверждена');
  const meetings = sheet('Встречи');
  expect(meetings.getCell(2, column(meetings, 'Проведена')).dataValidation).toMatchObject({
    type: 'list',
    formulae: ['"TRUE,FALSE"'],
  });
});

test('problems and overdue meetings highlighted', () => {
  const refs = (ws: ExcelJS.Worksheet) =>
    (
      ws as unknown as {
        conditionalFormattings: Array<{ ref: string; rules: Array<{ formulae: string[] }> }>;
      }
    ).conditionalFormattings;
  const settings = sheet('Настройки');
  const problem = refs(settings).find((f) => f.rules[0].formulae[0].startsWith('LEN('));
  expect(problem?.ref).toMatch(/^C2:C\d+$/);
  expect(refs(sheet('Встречи')).some((f) => /TODAY\(\)/.test(f.rules[0].formulae[0]))).toBe(true);
});

test('system columns locked, English keys of Мониторинг hidden', () => {
  const pairs = sheet('Пары');
  // xlsx locks cells by default and enforces it on a protected sheet: the others are unlocked.
  expect((pairs as unknown as { sheetProtection: { sheet: boolean } }).sheetProtection).toMatchObject({
    sheet: true,
  });
  expect(pairs.getColumn(column(pairs, 'ID пары')).protection?.locked).not.toBe(false);
  expect(pairs.getColumn(column(pairs, 'Состояние')).protection).toMatchObject({ locked: false });
  const mail = sheet('Почта');
  expect(mail.getColumn(column(mail, 'Токен')).protection?.locked).not.toBe(false);
  expect(mail.getColumn(column(mail, 'Кому')).protection).toMatchObject({ locked: false });
  const monitoring = sheet('Мониторинг');
  expect(monitoring.getColumn(column(monitoring, 'Ключ')).hidden).toBe(true);
});

test('«Листы ответов: скрыть»: the response sheets hide when the curator types «да», in Sheets and in the .xlsx', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nastavnik-look-'));
  const ws = await LocalWorkspace.create(dir, { clockStart: new Date('2026-09-01T06:00:00Z') });
  ws.init();
  await ws.save();
  const hiddenTabs = async () => {
    const mirror = new ExcelJS.Workbook();
    await mirror.xlsx.readFile(ws.workbookPath());
    return mirror.worksheets.filter((w) => w.state === 'hidden').map((w) => w.name);
  };
  expect(await hiddenTabs()).toEqual([]);
  const row = ws.sheetRows('Настройки').findIndex((r) => r[0] === 'Листы ответов: скрыть') + 2;
  expect(row).toBeGreaterThan(1);
  ws.edit('Настройки', `B${row}`, 'да');
  await ws.save();
  const hidden = await hiddenTabs();
  expect(hidden.length).toBeGreaterThanOrEqual(4);
  expect(hidden.every((n) => n.startsWith('Ответы — '))).toBe(true);
  // A setup run again keeps them hidden; «нет» shows them again.
  ws.run('setupProgramme');
  await ws.save();
  expect(await hiddenTabs()).toEqual(hidden);
  ws.edit('Настройки', `B${row}`, 'Нет');
  await ws.save();
  expect(await hiddenTabs()).toEqual([]);
  ws.edit('Настройки', `B${row}`, 'может быть');
  const problem = ws.sheetRows('Настройки').find((r) => r[0] === 'Листы ответов: скрыть')?.[2];
  expect(String(problem)).toContain('нужно «да» или «нет»');
});
