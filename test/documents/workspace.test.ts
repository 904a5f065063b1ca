// The real bundle in the offline workspace: approval → order, agreements, plans, consents as .docx.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CURATOR, DIRECTOR, docxText, driveItems, schoolWithApprovedPairs, seedScript } from './school';

const DOC = 'application/vnd.google-apps.document';
const sorted = (names: string[]) => [...names].sort();

test('documents for approved pairs: names in the right cases, private sharing, registry and Документы', async () => {
  const { dir, ws } = await schoolWithApprovedPairs();
  const report = ws.run('generateDocumentsForApprovedPairs') as {
    made: number;
    remaining: number;
    problems: string[];
  };
  expect(report).toMatchObject({ made: 9, remaining: 0, problems: [] });

  const orders = ws.sheetRows('Приказы');
  expect(orders).toHaveLength(1);
  expect(orders[0]).toEqual(expect.arrayContaining(['1-о', 'сформирован']));

  const rows = ws.sheetRows('Документы');
  expect(rows).toHaveLength(9);
  expect(rows.every((r) => r.includes('готов'))).toBe(true);

  const items = driveItems(dir).filter(
    (i) => i.mimeType === DOC && !i.trashed && !i.name.startsWith('Шаблон'),
  );
  expect(items.map((i) => i.name).sort()).toEqual(
    [
      'Приказ № 1-о от 25.11.2026 Об утверждении наставнических пар (групп)',
      'Соглашение — А. П. Иванова и П. П. Петров',
      'Соглашение — В. Р. Цой и А. С. Шевчук',
      'Индивидуальный план — А. П. Иванова и П. П. Петров',
      'Индивидуальный план — В. Р. Цой и А. С. Шевчук',
      'Согласие родителя на обработку ПД — П. П. Петров',
      'Согласие на обработку ПД — А. С. Шевчук',
      'Согласие на распространение ПД — П. П. Петров',
      'Согласие на распространение ПД — А. С. Шевчук',
    ].sort(),
  );
  // Nothing is shared by link; each participant (and a minor's parent) sees only their own documents.
  for (const item of driveItems(dir)) expect(item.access).toBe('PRIVATE');
  const seenBy = (email: string) =>
    items
      .filter((i) => i.viewers.includes(email))
      .map((i) => i.name)
      .sort();
  expect(seenBy('s1@school.test')).toEqual(
    sorted([
      'Индивидуальный план — А. П. Иванова и П. П. Петров',
      'Соглашение — А. П. Иванова и П. П. Петров',
      'Согласие на распространение ПД — П. П. Петров',
    ]),
  );
  expect(seenBy('parent.s1@mail.test')).toEqual(
    sorted([
      'Индивидуальный план — А. П. Иванова и П. П. Петров',
      'Соглашение — А. П. Иванова и П. П. Петров',
      'Согласие на распространение ПД — П. П. Петров',
      'Согласие родителя на обработку ПД — П. П. Петров',
    ]),
  );
  expect(seenBy('t2@school.test')).toEqual(
    sorted(['Индивидуальный план — В. Р. Цой и А. С. Шевчук', 'Соглашение — В. Р. Цой и А. С. Шевчук']),
  );
  const yearFolder = driveItems(dir).find((i) => i.name === '2026-2027 учебный год');
  expect([yearFolder?.owner, ...(yearFolder?.editors ?? [])]).toContain(CURATOR);
  expect(yearFolder?.viewers).toEqual([DIRECTOR]);
  expect(items.some((i) => i.viewers.includes(DIRECTOR))).toBe(false);

  const path = (name: string) => join(dir, `${items.find((i) => i.name === name)?.path}.docx`);
  const orderFile = path('Приказ № 1-о от 25.11.2026 Об утверждении наставнических пар (групп)');
  const order = await docxText(orderFile);
  expect(order).toContain('согласно приложению');
  expect(order).toMatch(/Иванова Анна Петровна\s+учитель математики\s+Петров Павел Павлович\s+7Б класс/);
  expect(order).toMatch(/Цой Виктор Робертович\s+учитель физики\s+Шевчук Анна Сергеевна\s+9А класс/);
  expect(order).not.toContain('за наставником');
  expect(order).toContain('25 ноября 2026 г.');
  expect(order).not.toMatch(/\{\{|\}\}/);
  const agreementFile = path('Соглашение — А. П. Иванова и П. П. Петров');
  const agreement = await docxText(agreementFile);
  expect(agreement).toContain(
    'Петрова Ольга Игоревна, родитель (законный представитель) несовершеннолетнего участника Петрова Павла Павловича',
  );
  const consent = await docxText(path('Согласие на обработку ПД — А. С. Шевчук'));
  expect(consent).toContain('несовершеннолетний участник в возрасте старше 14 лет');

  // A second run finds nothing to do and takes no new order number.
  expect(ws.run('generateDocumentsForApprovedPairs')).toMatchObject({ made: 0, remaining: 0 });
  expect(ws.sheetRows('Приказы')).toHaveLength(1);

  if (existsSync('/usr/bin/libreoffice')) {
    const out = mkdtempSync(join(tmpdir(), 'nastavnik-pdf-'));
    execFileSync(
      'libreoffice',
      ['--headless', '--convert-to', 'pdf', '--outdir', out, orderFile, agreementFile],
      { stdio: 'ignore', timeout: 120_000 },
    );
    expect(readdirSync(out).filter((f) => f.endsWith('.pdf'))).toHaveLength(2);
  }
});

test('a template error: a Russian message naming template and placeholder, and no document kept', async () => {
  const { dir, ws } = await schoolWithApprovedPairs();
  const seed = await seedScript(dir);
  seed.run('appendToTemplate', 'agreement', 'Подпись: {{mentor | звательный}}');
  await seed.save();
  const report = ws.run('generateDocumentsForApprovedPairs') as { made: number; problems: string[] };
  expect(report.problems).toEqual([
    'Шаблон «Шаблон — Соглашение наставника и наставляемого»: {{mentor | звательный}} — неизвестный фильтр «звательный» (список фильтров — в docs/templates.md).',
  ]);
  expect(report.made).toBe(7);
  const agreements = driveItems(dir).filter((i) => i.name.startsWith('Соглашение'));
  expect(agreements.every((i) => i.trashed)).toBe(true);
  const rows = ws.sheetRows('Документы').filter((r) => r.includes('соглашение'));
  expect(rows).toHaveLength(2);
  expect(rows.every((r) => r.includes('ошибка шаблона'))).toBe(true);
});
