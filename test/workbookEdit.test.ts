// One installable on-edit trigger serves the whole workbook: each edit costs one execution, a value
// typed into Настройки is checked at once, and a workbook set up by an older version (a separate
// trigger for «Встречи-знакомства») is moved to it by «Настроить программу».
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalWorkspace } from '../src/local';
import { changeTriggers } from '../src/local/script/triggerStore';

async function workspace(): Promise<LocalWorkspace> {
  const ws = await LocalWorkspace.create(mkdtempSync(join(tmpdir(), 'nastavnik-edit-')), {
    clockStart: new Date('2026-09-01T06:00:00Z'),
  });
  ws.init();
  return ws;
}

const editHandlers = (ws: LocalWorkspace): string[] =>
  ws
    .triggers()
    .filter((t) => t.event === 'ON_EDIT')
    .map((t) => t.handler);

test('an edit of any sheet is one execution; a bad value in Настройки is flagged at once', async () => {
  const ws = await workspace();
  expect(editHandlers(ws)).toEqual(['onWorkbookEdit']);
  const row = ws.sheetRows('Настройки').findIndex((r) => r[0] === 'Листы ответов: скрыть') + 2;
  const runs = ws.edit('Настройки', `B${row}`, 'может быть');
  expect(runs.map((r) => [r.functionName, r.ok])).toEqual([['onWorkbookEdit', true]]);
  const problem = ws.sheetRows('Настройки').find((r) => r[0] === 'Листы ответов: скрыть')?.[2];
  expect(String(problem)).toContain('нужно «да» или «нет»');
  // Elsewhere the same single execution, and Настройки are left as they were.
  expect(ws.edit('Журнал', 'A5', 'заметка куратора').map((r) => r.functionName)).toEqual(['onWorkbookEdit']);
}, 120_000);

test('«Настроить программу» replaces an older version’s on-edit trigger and never doubles it', async () => {
  const ws = await workspace();
  changeTriggers(ws.ctx, (list) => {
    for (const t of list) if (t.handler === 'onWorkbookEdit') t.handler = 'onNetworkingEdit';
  });
  expect(editHandlers(ws)).toEqual(['onNetworkingEdit']);
  // Until setup runs again the old trigger still serves every edit.
  const row = ws.sheetRows('Настройки').findIndex((r) => r[0] === 'Листы ответов: скрыть') + 2;
  expect(ws.edit('Настройки', `B${row}`, 'может быть').map((r) => [r.functionName, r.ok])).toEqual([
    ['onNetworkingEdit', true],
  ]);
  expect(String(ws.sheetRows('Настройки')[row - 2][2])).toContain('нужно «да» или «нет»');
  ws.run('setupProgramme');
  ws.run('setupProgramme');
  expect(editHandlers(ws)).toEqual(['onWorkbookEdit']);
  expect(ws.edit('Настройки', `B${row}`, 'да').map((r) => r.functionName)).toEqual(['onWorkbookEdit']);
}, 120_000);
