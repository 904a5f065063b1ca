// «Утвердить пары» reserves the order number at once and leaves the documents to a trigger.
import { schoolWithApprovedPairs } from './school';

test('approval reserves the order number, then the continuation trigger makes the documents', async () => {
  const { ws } = await schoolWithApprovedPairs(0, {}, 'закреплена');
  ws.run('approvePairs');
  const orders = ws.sheetRows('Приказы');
  expect(orders).toHaveLength(1);
  expect(orders[0]).toEqual(expect.arrayContaining(['1-о', 'номер зарезервирован']));
  expect(ws.sheetRows('Документы')).toHaveLength(0);
  expect(ws.triggers().filter((t) => t.handler === 'continueDocumentGeneration')).toHaveLength(1);

  const runs = ws.advanceClock('2m').filter((r) => r.functionName === 'continueDocumentGeneration');
  expect(runs.map((r) => r.ok)).toEqual([true]);
  expect(ws.sheetRows('Документы').filter((r) => r.includes('готов'))).toHaveLength(9);
  expect(ws.sheetRows('Приказы')[0]).toEqual(expect.arrayContaining(['1-о', 'сформирован']));
  expect(ws.triggers().filter((t) => t.handler === 'continueDocumentGeneration')).toHaveLength(0);
});
