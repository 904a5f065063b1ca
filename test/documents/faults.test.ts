// Generation killed at random points — Google's service errors and the 6-minute limit — and resumed
// by its own trigger: every document exists exactly once and the order numbers have no gaps.

import { pairRecord, studentRecord } from '../../bench/schools/documents';
import { DOCUMENTS } from '../../src/core/documents/sheets';
import type { LocalWorkspace } from '../../src/local';
import { copyOf, driveItems, schoolWithApprovedPairs, seedScript } from './school';

const DOC = 'application/vnd.google-apps.document';

/** Runs generation, then lets the continuation triggers fire, until nothing is pending. */
function runUntilDone(ws: LocalWorkspace): number {
  let runs = 0;
  ws.execute('generateDocumentsForApprovedPairs', () => []);
  for (let i = 0; i < 200; i++) {
    runs += ws.advanceClock('2m').length;
    if (!ws.triggers().some((t) => t.handler === 'continueDocumentGeneration')) break;
  }
  return runs;
}

function check(dir: string, ws: LocalWorkspace, expectedDocuments: number, expectedOrders: string[]) {
  const rows = ws.sheetRows('Документы');
  const keys = rows.map((r) => String(r[0]));
  expect(new Set(keys).size).toBe(keys.length);
  expect(rows.filter((r) => r.includes('готов'))).toHaveLength(expectedDocuments);
  const fileIdColumn = DOCUMENTS.headers.indexOf(DOCUMENTS.columns.fileId.header);
  const recorded = new Set(rows.map((r) => String(r[fileIdColumn])));
  const live = driveItems(dir).filter(
    (i) => i.mimeType === DOC && !i.trashed && !i.name.startsWith('Шаблон'),
  );
  expect(live).toHaveLength(expectedDocuments);
  expect(live.every((i) => recorded.has(i.id))).toBe(true);
  expect(new Set(live.map((i) => i.name)).size).toBe(expectedDocuments);
  const orders = ws.sheetRows('Приказы');
  expect(orders.map((r) => String(r[2]))).toEqual(expectedOrders);
  expect(orders.every((r) => r.includes('сформирован'))).toBe(true);
}

// The execution limit cuts every run at a fixed service call (a document takes about 240), so the
// cuts fall the same way on a fast machine and a loaded one.
test.each([
  { seed: 1, failRate: 0.003, executionLimitCalls: undefined },
  { seed: 2, failRate: 0.006, executionLimitCalls: undefined },
  { seed: 3, failRate: 0, executionLimitCalls: 700 },
  { seed: 4, failRate: 0.003, executionLimitCalls: 1500 },
])(
  'faults %o: exactly-once documents and a gap-free registry',
  async ({ seed, failRate, executionLimitCalls }) => {
    const { dir: prepared } = await schoolWithApprovedPairs(2);
    const faults =
      failRate > 0 ? { failRate, seed, services: ['DocumentApp', 'DriveApp', 'SpreadsheetApp'] } : undefined;
    const { dir, ws } = await copyOf(prepared, { faults, executionLimitCalls });
    // 4 pairs: 1 order, 4 agreements, 2 plans (T1's group of three, T2's pair), 2 consents for each of the 4 minors.
    runUntilDone(ws);
    // The faults did strike: some runs ended with Google's error or the execution limit.
    expect(ws.runs.filter((r) => !r.ok).length).toBeGreaterThan(0);
    ws.setFaults(undefined);
    runUntilDone(ws);
    check(dir, ws, 15, ['1-о']);

    // A second approval later in the year: the next order gets the next number, under the same faults.
    const seedWs = await seedScript(dir);
    seedWs.run('appendRecords', 'Наставляемые', [
      studentRecord('Y1', 'Белых', 'Ирина', 'Сергеевна', '6А', 12, 'Белых Олег Иванович'),
    ]);
    seedWs.run('appendRecords', 'Пары', [pairRecord('PY1', 'T2', 'Y1')]);
    await seedWs.save();
    ws.setFaults(faults);
    runUntilDone(ws);
    ws.setFaults(undefined);
    runUntilDone(ws);
    // The next order, its agreement, T2's group plan (now of two) and the new minor's two consents.
    check(dir, ws, 20, ['1-о', '2-о']);
  },
);
