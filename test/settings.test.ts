// Настройки a curator can get wrong: the required values wait empty at the top, a value typed badly
// is marked beside it at once, and the work that needs it stops once (no retry loop), is named in
// the digest and in `local status`, and starts again by itself when the value is fixed.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { programmeStatus } from '../src/cli/status';
import { readSettings } from '../src/core/settings';
import type { CellValue } from '../src/core/table';
import { settingSections } from '../src/gas/features';
import { LocalWorkspace } from '../src/local';
import { CURATOR, schoolWithApprovedPairs, seedScript } from './documents/school';
import { outbox } from './meetings/fixtures';

const HEADERS = ['Параметр', 'Значение', 'Проблема', 'Пояснение'];

const until = (ws: LocalWorkspace, iso: string) =>
  ws.advanceClock(new Date(iso).getTime() - ws.now().getTime());

function settingsRows(ws: LocalWorkspace) {
  return ws.sheetRows('Настройки').map((r, i) => ({
    row: i + 2,
    ...Object.fromEntries(HEADERS.map((h, k) => [h, String(r[k] ?? '')])),
  })) as Array<{ row: number } & Record<string, string>>;
}

test('a fresh workbook: required settings first, empty, each marked; no fictitious school', async () => {
  const ws = await LocalWorkspace.create(mkdtempSync(join(tmpdir(), 'nastavnik-settings-')));
  ws.init();
  const rows = settingsRows(ws);
  expect(ws.sheetRows('Настройки')[0]).toBeDefined();
  expect(rows[0].Параметр).toBe('Обязательно заполнить');
  const required = rows.slice(
    1,
    rows.findIndex((r, i) => i > 0 && r.Пояснение === 'Раздел настроек'),
  );
  expect(required.map((r) => r.Параметр)).toEqual([
    'Документы: наименование организации',
    'Документы: населённый пункт',
    'Документы: ФИО руководителя',
    'Документы: ФИО куратора',
    'Почта: адрес куратора',
    'Отчёты: название школы',
  ]);
  for (const r of required) {
    expect(r.Значение).toBe('');
    expect(r.Проблема).toMatch(/^не заполнено/);
  }
  const all = rows.map((r) => r.Значение).join('\n');
  expect(all).not.toMatch(/Сергеева|Кузнецова|Тверь|школа № 1/i);
  expect(programmeStatus(ws).settingProblems).toBe(6);
});

test('a bad curator address stops documents once, is in the digest, and documents resume when fixed', async () => {
  const { dir, ws } = await schoolWithApprovedPairs(0, {}, 'закреплена');
  const seed = await seedScript(dir);
  for (const id of ['S1', 'S2']) seed.run('setWhere', 'Наставляемые', 'ID', id, 'Согласие', 'получено');
  await seed.save();
  expect(programmeStatus(ws).settingProblems).toBe(0);

  const address = settingsRows(ws).find((r) => r.Параметр === 'Почта: адрес куратора');
  ws.edit('Настройки', `B${address?.row}`, 'куратор школы');
  const marked = settingsRows(ws).find((r) => r.Параметр === 'Почта: адрес куратора');
  expect(marked?.Проблема).toBe('«куратор школы» не подходит: нужен адрес почты вида kurator@school.ru');
  expect(programmeStatus(ws).settingProblems).toBe(1);

  ws.run('approvePairs');
  expect(ws.triggers().filter((t) => t.handler === 'continueDocumentGeneration')).toHaveLength(0);
  ws.run('generateDocumentsForApprovedPairs');
  ws.advanceClock('1h');
  const stops = ws.sheetRows('Журнал').filter((r) => r.includes('Документы: остановлено из-за настроек'));
  expect(stops).toHaveLength(1);
  expect(String(stops[0].find((c) => String(c).includes('«Почта: адрес куратора»')))).toContain(
    'куратор школы',
  );
  expect(ws.sheetRows('Документы')).toHaveLength(0);

  // Monday morning: the digest goes to the script's owner and names the setting and the stopped work.
  until(ws, '2026-11-30T05:00:00Z');
  const digest = (await outbox(dir)).filter((m) => m.subject.includes('сводка на неделю с 30.11.2026'));
  expect(digest).toHaveLength(1);
  expect(digest[0].to).toBe(CURATOR);
  expect(digest[0].text).toContain('Исправьте в листе «Настройки»');
  expect(digest[0].text).toContain('«Почта: адрес куратора»: «куратор школы» не подходит');
  expect(digest[0].text).toContain('Создание документов остановлено');

  ws.edit('Настройки', `B${address?.row}`, 'curator@school.test');
  expect(settingsRows(ws).find((r) => r.Параметр === 'Почта: адрес куратора')?.Проблема).toBe('');
  until(ws, '2026-12-01T05:00:00Z');
  expect(ws.sheetRows('Документы').filter((r) => r.includes('готов'))).toHaveLength(5);
});

test('every setting tells why a badly typed value does not fit, in Russian', () => {
  const typos: CellValue[] = ['abc', '-5', '1.5', '100000', '1e400', 'да?', '31.02.2027'];
  const problems = settingSections().flatMap((defs) =>
    Object.entries(defs).flatMap(([key, def]) =>
      typos.flatMap((typed) =>
        readSettings({ [key]: def }, new Map([[def.name, typed]])).issues.map((i) => i.problem),
      ),
    ),
  );
  expect(problems.length).toBeGreaterThan(100);
  const unexplained = problems.filter(
    (p) => !/ не подходит: .*[а-яё]/.test(p) || /Invalid|Too (small|big)|expected/.test(p),
  );
  expect(unexplained).toEqual([]);
});
