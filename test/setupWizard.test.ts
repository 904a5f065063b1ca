// The first-run wizard through its server functions, as its dialog calls them: it opens at the end
// of the first «Настроить программу», asks for exactly the settings of «Обязательно заполнить»,
// writes what fits into Настройки and says in Russian, field by field, what does not.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { schoolSettingsFor } from '../bench/schools/schoolSettings';
import { setSettings } from '../src/cli/demo/curator';
import { LocalWorkspace } from '../src/local';

interface Field {
  key: string;
  label: string;
  value: string;
  problem: string;
  type: string;
}
interface Result {
  saved: string[];
  problems: Record<string, string>;
}

const WIZARD = 'Первый запуск: обязательные настройки';
const REQUIRED = Object.keys(schoolSettingsFor('x@y.z')).sort();

async function freshSchool() {
  const dir = mkdtempSync(join(tmpdir(), 'nastavnik-wizard-'));
  const ws = await LocalWorkspace.create(dir, { clockStart: new Date('2026-09-01T06:00:00Z') });
  ws.init();
  return { dir, ws };
}

const setting = (ws: LocalWorkspace, name: string) => ws.sheetRows('Настройки').find((r) => r[0] === name);
const toasts = (ws: LocalWorkspace) =>
  (ws.lastRun?.ui ?? []).filter((u) => u.kind === 'toast').map((u) => String(u.text));

test('the first setup ends in the wizard, which asks for the required settings only', async () => {
  const { ws } = await freshSchool();
  const dialog = ws.lastRun?.ui.find((u) => u.kind === 'dialog');
  expect(dialog?.title).toBe(WIZARD);
  const fields = ws.run('setupWizardData') as Field[];
  expect(fields.map((f) => f.label).sort()).toEqual(REQUIRED);
  expect(fields.every((f) => f.value === '' && f.problem === '')).toBe(true);
  expect(fields.find((f) => f.label === 'Почта: адрес куратора')?.type).toBe('email');
  expect(fields.find((f) => f.label === 'Документы: ФИО куратора')?.type).toBe('text');
});

test('values that fit are written to Настройки; the others are not, each with its reason in Russian', async () => {
  const { ws } = await freshSchool();
  const fields = ws.run('setupWizardData') as Field[];
  const keyOf = (label: string) => fields.find((f) => f.label === label)?.key ?? '';
  const values = Object.fromEntries(
    fields.map((f) => [f.key, String(schoolSettingsFor('kuratorova@school.local')[f.label])]),
  );
  values[keyOf('Почта: адрес куратора')] = 'куратор школы';
  values[keyOf('Документы: ФИО руководителя')] = '  ';
  const first = ws.run('saveSetupWizard', values) as Result;
  expect(first.saved).toHaveLength(REQUIRED.length - 2);
  expect(first.problems[keyOf('Почта: адрес куратора')]).toMatch(/^Не подходит: .*адрес/);
  expect(first.problems[keyOf('Документы: ФИО руководителя')]).toBe('Заполните это поле.');
  expect(Object.keys(first.problems)).toHaveLength(2);
  expect(setting(ws, 'Документы: ФИО куратора')?.[1]).toBe('Кузнецова Ольга Игоревна');
  expect(setting(ws, 'Почта: адрес куратора')?.[1]).toBe('');
  // The sheet's «Проблема» follows at once.
  expect(String(setting(ws, 'Документы: ФИО куратора')?.[2])).toBe('');
  expect(String(setting(ws, 'Почта: адрес куратора')?.[2])).toMatch(/не заполнено/);

  ws.run('onOpen');
  expect(toasts(ws).join('\n')).toContain('«Первый запуск: обязательные настройки»');

  values[keyOf('Почта: адрес куратора')] = 'kuratorova@school.local';
  values[keyOf('Документы: ФИО руководителя')] = 'Сергеева Елена Викторовна';
  const second = ws.run('saveSetupWizard', values) as Result;
  expect(second).toEqual({
    saved: ['Документы: ФИО руководителя', 'Почта: адрес куратора'],
    problems: {},
  });
  ws.run('onOpen');
  expect(toasts(ws)).toEqual([]);
  ws.run('setupProgramme');
  expect(ws.lastRun?.ui.some((u) => u.kind === 'dialog')).toBe(false);
});

test('a wrong value typed into the sheet shows in the wizard with its reason', async () => {
  const { dir } = await freshSchool();
  await setSettings(dir, { 'Почта: адрес куратора': 'куратор школы' });
  const fields = (await LocalWorkspace.open(dir)).run('setupWizardData') as Field[];
  const email = fields.find((f) => f.label === 'Почта: адрес куратора');
  expect(email?.value).toBe('куратор школы');
  expect(email?.problem).toMatch(/^Не подходит: /);
});

test('the wizard refuses what its form could not have sent', async () => {
  const { ws } = await freshSchool();
  expect(() => ws.run('saveSetupWizard', ['a'])).toThrow(/Значения не приняты/);
  expect(() => ws.run('saveSetupWizard', { x: 'a'.repeat(501) })).toThrow(/слишком длинное значение/);
});

test('a district workbook asks only for its name', async () => {
  const { dir } = await freshSchool();
  await setSettings(dir, { Режим: 'муниципалитет' });
  const fields = (await LocalWorkspace.open(dir)).run('setupWizardData') as Field[];
  expect(fields.map((f) => f.label)).toEqual(['Отчёты: название школы']);
});

test('a fresh copy of the workbook is told where to start', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nastavnik-wizard-'));
  const ws = await LocalWorkspace.create(dir);
  ws.run('onOpen');
  expect(toasts(ws)).toEqual(['Начните с меню «Наставничество» → «Настроить программу».']);
});
