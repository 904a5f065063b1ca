// Attack: a document that could not be finished within one execution was re-created and trashed
// forever (147 trashed copies of one order, the daily document quota burned), and any error other
// than a template or quota error did the same. Now a document gets a bounded number of runs, and an
// error of one document marks that document while the batch goes on.
import type { LocalWorkspace } from '../../src/local';
import { copyOf, driveItems, schoolWithApprovedPairs } from '../documents/school';

const DOC = 'application/vnd.google-apps.document';

/** The menu action, then the continuation trigger as often as it comes back (at most `rounds`). */
function generate(ws: LocalWorkspace, rounds = 60): number {
  ws.execute('generateDocumentsForApprovedPairs', () => []);
  let fired = 0;
  for (let i = 0; i < rounds; i++) {
    fired += ws.advanceClock('2m').length;
    if (!ws.triggers().some((t) => t.handler === 'continueDocumentGeneration')) return fired;
  }
  throw new Error(`continuation still scheduled after ${rounds} rounds`);
}

describe('attack «a document that never fits in one run is re-made and trashed forever»', () => {
  it('stops after a bounded number of tries, marks the document «ошибка» with the reason, and leaves few copies', async () => {
    const { dir: prepared } = await schoolWithApprovedPairs(0);
    const { dir, ws } = await copyOf(prepared, { executionLimitCalls: 200 });
    generate(ws);
    const rows = ws.sheetRows('Документы').map((r) => r.map(String));
    const failed = rows.filter((r) => r.includes('ошибка'));
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.every((r) => r.some((c) => c.startsWith('Не создан за 3 попытки')))).toBe(true);
    const copies = new Map<string, number>();
    for (const i of driveItems(dir).filter((i) => i.mimeType === DOC && i.trashed))
      copies.set(i.name, (copies.get(i.name) ?? 0) + 1);
    expect(Math.max(0, ...copies.values())).toBeLessThanOrEqual(3);
    // The curator fixes the cause (here: a run long enough) and asks again from the menu.
    const { ws: fixed } = await copyOf(dir);
    generate(fixed);
    const after = fixed.sheetRows('Документы').map((r) => r.map(String));
    expect(after.filter((r) => r.includes('ошибка'))).toEqual([]);
    expect(after.filter((r) => r.includes('готов')).length).toBe(rows.length);
  }, 300_000);
});

describe('attack «an unexpected Drive error re-makes the document forever»', () => {
  it('sharing refused marks that document and the batch goes on; nothing is re-made or trashed', async () => {
    const { dir: prepared } = await schoolWithApprovedPairs(0);
    const { dir, ws } = await copyOf(prepared, { googleAccountDomains: ['school.test'] });
    generate(ws);
    const rows = ws.sheetRows('Документы').map((r) => r.map(String));
    expect(rows.length).toBeGreaterThan(4);
    expect(rows.every((r) => r.includes('готов'))).toBe(true);
    const refused = rows.filter((r) => r.some((c) => c.startsWith('Google не открыл доступ')));
    expect(refused.length).toBeGreaterThan(0);
    for (const r of refused) expect(r.join(' ')).toMatch(/parent\.s\d@mail\.test \(/);
    expect(driveItems(dir).filter((i) => i.mimeType === DOC && i.trashed)).toEqual([]);
  }, 300_000);
});
