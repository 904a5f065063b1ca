// A curator renames a header of Пары by hand: the next matching run and a repeated setup stop with a
// message naming the sheet and the column, and the sheet is left as it was (no second column with
// the old header, no row rewritten).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PAIRS_HEADERS } from '../../src/core/matching/pairRow';
import { SHEETS } from '../../src/core/sheets';
import { LocalWorkspace } from '../../src/local';
import { smallSchool } from './school';

const HEADER_SCRIPT = `
function headerOf(name) {
  var sheet = SpreadsheetApp.getActive().getSheetByName(name);
  return sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
}
`;

const work = mkdtempSync(join(tmpdir(), 'nastavnik-header-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('a renamed column of Пары', () => {
  it('is reported by sheet and header, and nothing is written', async () => {
    const dir = join(work, 'school');
    await smallSchool(dir);
    const ws = await LocalWorkspace.open(dir);
    ws.run('proposePairs');
    const column = String.fromCharCode(65 + PAIRS_HEADERS.indexOf('Код наставника'));
    ws.edit(SHEETS.pairs, `${column}1`, 'Код учителя');
    await ws.save();
    const before = JSON.stringify(ws.sheetRows(SHEETS.pairs));
    const message =
      /В листе «Пары» нет столбца «Код наставника»: его заголовок переименовали или столбец удалили/;
    expect(() => ws.run('rerunMatching')).toThrow(message);
    expect(() => ws.run('setupProgramme')).toThrow(message);
    expect(JSON.stringify(ws.sheetRows(SHEETS.pairs))).toBe(before);
    await ws.save();
    const curator = await LocalWorkspace.open(dir, { code: HEADER_SCRIPT });
    const header = curator.run('headerOf', SHEETS.pairs) as string[];
    expect(header).toContain('Код учителя');
    expect(header).not.toContain('Код наставника');
    expect(header).toHaveLength(PAIRS_HEADERS.length);
  });
});
