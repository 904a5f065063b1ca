// «Утвердить пары» reserves the order number at once and leaves the documents to a trigger.
import { schoolWithApprovedPairs, seedScript } from './school';

test('approval reserves the order number, then the continuation trigger makes the documents', async () => {
  const { dir, ws } = await schoolWithApprovedPairs(0, {}, 'закреплена');
  // Approval needs the mentees' consent; the signed forms came back.
  const seed = await seedScript(dir);
  for (const id of ['S1', 'S2']) seed.run('setWhere', 'Наставляемые', 'ID', id, 'Согласие', 'получено');
  await seed.save();
  ws.run('approvePairs');
  const orders = ws.sheetRows('Приказы');
  expect(orders).toHaveLength(1);
  expect(orders[0]).toEqual(expect.arrayContaining(['1-о', 'номер зарезервирован']));
  expect(ws.sheetRows('Документы')).toHaveLength(0);
  expect(ws.triggers().filter((t) => t.handler === 'continueDocumentGeneration')).toHaveLength(1);

  const runs = ws.advanceClock('2m').filter((r) => r.functionName === 'continueDocumentGeneration');
  expect(runs.map((r) => r.ok)).toEqual([true]);
  expect(ws.sheetRows('Документы').filter((r) => r.includes('готов'))).toHaveLength(5);
  expect(ws.sheetRows('Приказы')[0]).toEqual(expect.arrayContaining(['1-о', 'сформирован']));
  expect(ws.triggers().filter((t) => t.handler === 'continueDocumentGeneration')).toHaveLength(0);
});

test('orders on introducing the model and appointing the curator: one each per year, next numbers', async () => {
  const { ws } = await schoolWithApprovedPairs();
  ws.run('generateDocumentsForApprovedPairs');
  ws.run('createProgrammeOrders');
  ws.run('createProgrammeOrders');
  const orders = ws.sheetRows('Приказы').map((r) => [r[2], r[4], r[6]]);
  expect(orders).toEqual([
    ['1-о', 'Об утверждении наставнических пар (групп)', 'сформирован'],
    ['2-о', 'О внедрении целевой модели наставничества', 'сформирован'],
    ['3-о', 'О назначении куратора целевой модели наставничества', 'сформирован'],
  ]);
  const titles = ws.sheetRows('Документы').map((r) => String(r[2]));
  expect(titles).toContain('Приказ № 3-о от 25.11.2026 О назначении куратора целевой модели наставничества');
});
