// Setup is safe to run again (templates are made once, the curator's edits stay), and the optional
// PDF copy lies next to each document with the same private sharing.
import { DIRECTOR, driveItems, schoolWithApprovedPairs, seedScript } from './school';

test('setup twice keeps one set of templates; PDF copies share the document’s viewers', async () => {
  const { dir, ws } = await schoolWithApprovedPairs();
  const templates = () => driveItems(dir).filter((i) => i.name.startsWith('Шаблон — ') && !i.trashed);
  expect(templates()).toHaveLength(9);
  ws.run('setupProgramme');
  expect(templates()).toHaveLength(9);

  const seed = await seedScript(dir);
  seed.run('setWhere', 'Настройки', 'Параметр', 'Документы: копия в PDF', 'Значение', 'да');
  await seed.save();
  expect(ws.run('generateDocumentsForApprovedPairs')).toMatchObject({ made: 9, remaining: 0 });
  const pdfs = driveItems(dir).filter((i) => i.mimeType === 'application/pdf' && !i.trashed);
  expect(pdfs).toHaveLength(9);
  const agreementPdf = pdfs.find((i) => i.name === 'Соглашение — А. П. Иванова и П. П. Петров.pdf');
  expect(agreementPdf?.viewers.sort()).toEqual(['parent.s1@mail.test', 's1@school.test', 't1@school.test']);
  expect(pdfs.every((i) => i.access === 'PRIVATE' && !i.viewers.includes(DIRECTOR))).toBe(true);
});
