// A curator renames a header of Пары by hand: the next matching run stops with a message naming the
// sheet and the column, and the sheet is left as it was.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PAIRS_HEADERS } from '../../src/core/matching/pairRow';
import { SHEETS } from '../../src/core/sheets';
import { LocalWorkspace } from '../../src/local';
import { smallSchool } from './school';

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
    const before = JSON.stringify(ws.sheetRows(SHEETS.pairs));
    expect(() => ws.run('rerunMatching')).toThrow(
      /В листе «Пары» нет столбца «Код наставника»: его заголовок переименовали или столбец удалили/,
    );
    expect(JSON.stringify(ws.sheetRows(SHEETS.pairs))).toBe(before);
  });
});
