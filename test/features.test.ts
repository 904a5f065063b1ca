// The features' order is the order the curator meets them in: «Настройки» lists the required settings
// first, then those of intake, matching, documents, meetings and monitoring in that order, whatever the
// modules' names.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { settingSections } from '../src/gas/features';
import { LocalWorkspace } from '../src/local';

const work = mkdtempSync(join(tmpdir(), 'nastavnik-features-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

test('«Настроить программу» writes every setting once, its defaults in the order of the features', async () => {
  const ws = await LocalWorkspace.create(join(work, 'школа'));
  ws.init();
  const defs = settingSections().flatMap((section) => Object.values(section));
  const declared = [...defs.filter((d) => d.required), ...defs.filter((d) => !d.required)].map((d) => d.name);
  const declaredSet = new Set(declared);
  const inSheet = ws
    .sheetRows('Настройки')
    .map((row) => String(row[0]))
    .filter((name) => declaredSet.has(name));
  expect(inSheet).toEqual(declared);
  expect(inSheet.indexOf('Документы: ФИО руководителя')).toBeLessThan(
    inSheet.indexOf('Формы наставничества'),
  );
  expect(inSheet.indexOf('Формы наставничества')).toBeLessThan(inSheet.indexOf('Приказы: формат номера'));
  expect(inSheet.indexOf('Приказы: формат номера')).toBeLessThan(inSheet.indexOf('Режим'));
});
