// The typed sheet description: columns found by header wherever the curator put them.
import {
  cellColumn,
  cellsOf,
  checkHeader,
  dateColumn,
  defineSheet,
  MissingColumnError,
  numberColumn,
  readRows,
  textColumn,
} from '../src/core/schema';

const MEETINGS = defineSheet('Встречи', {
  id: textColumn('Встреча'),
  date: dateColumn('Дата'),
  count: numberColumn('Число'),
  note: cellColumn('Заметка', { optional: true }),
});

describe('sheet schema', () => {
  it('reads rows by header in any column order, skipping blank rows and curators’ columns', () => {
    const day = new Date('2026-11-09T09:00:00Z');
    const rows = readRows(MEETINGS, [
      ['Моё', 'Число', 'Дата', 'Встреча'],
      ['x', '1,5', day, '  В-1 '],
      ['', '', '', ''],
      ['', 'два', 'не дата', 'В-2'],
    ]);
    expect(rows).toEqual([
      { rowNumber: 2, values: { id: 'В-1', date: day, count: 1.5, note: '' } },
      { rowNumber: 4, values: { id: 'В-2', date: undefined, count: undefined, note: '' } },
    ]);
  });

  it('names the sheet and the missing required columns; optional ones may be absent', () => {
    expect(() => checkHeader(MEETINGS, ['Встреча', 'Дата', 'Число'])).not.toThrow();
    expect(() => checkHeader(MEETINGS, ['Встреча', 'Число'])).toThrow(MissingColumnError);
    expect(() => checkHeader(MEETINGS, ['Встреча', 'Число'])).toThrow(
      'В листе «Встречи» нет столбца «Дата»: его заголовок переименовали или столбец удалили.',
    );
    expect(MEETINGS.headers).toEqual(['Встреча', 'Дата', 'Число']);
  });

  it('writes only the columns a patch names, serialised by their columns', () => {
    expect(cellsOf(MEETINGS, { id: 'В-3', date: undefined })).toEqual([
      ['Встреча', 'В-3'],
      ['Дата', ''],
    ]);
  });
});
