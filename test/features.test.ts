// The features' order is the order the curator meets them in: «Настройки» lists the settings of
// intake, matching, documents, meetings and monitoring in that order, whatever the modules' names.
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
  const declared = settingSections().flatMap((section) => Object.values(section).map((def) => def.name));
  const declaredSet = new Set(declared);
  const inSheet = ws
    .sheetRows('Настройки')
    .map((row) => String(row[0]))
    .filter((name) => declaredSet.has(name));
  expect([...inSheet].sort()).toEqual([...declared].sort());
  // The survey step writes the links of the forms it creates before the defaults are seeded.
  const writtenBySetup = (name: string) => name.startsWith('Опросы: ссылка');
  expect(inSheet.filter((n) => !writtenBySetup(n))).toEqual(declared.filter((n) => !writtenBySetup(n)));
  expect(inSheet.indexOf('Формы наставничества')).toBeLessThan(
    inSheet.indexOf('Документы: наименование организации'),
  );
  expect(inSheet.indexOf('Документы: наименование организации')).toBeLessThan(inSheet.indexOf('Режим'));
});
