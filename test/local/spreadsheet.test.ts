// SpreadsheetApp in the offline workspace behaves as Apps Script does where our code can notice:
// 1-based ranges, blanks as '', typed values, Google's error texts, and a real .xlsx on disk.
import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { LocalWorkspace } from '../../src/local';

const SCRIPT = `
function sheet() {
  var ss = SpreadsheetApp.getActive();
  return ss.getSheetByName('Данные') || ss.insertSheet('Данные');
}
function write() {
  var sh = sheet();
  sh.getRange(1, 1, 1, 3).setValues([['Имя', 'Класс', 'Дата']]);
  sh.setFrozenRows(1);
  sh.appendRow(['Иванов', '7', new Date(Date.UTC(2026, 8, 1, 6, 30))]);
  sh.appendRow(["'=ВЗЛОМ()", "'007", '']);
  sh.getRange('B4').setValue('25.11.2026');
  sh.getRange('C4').setNumberFormat('@');
  sh.getRange('C4').setValue('0042');
  return 'ok';
}
function read() {
  var values = sheet().getDataRange().getValues();
  return JSON.stringify({
    values: values,
    isDate: values[1][2] instanceof Date,
    lastRow: sheet().getLastRow(),
    lastColumn: sheet().getLastColumn(),
    frozen: sheet().getFrozenRows(),
    blank: sheet().getRange(10, 10).getValue(),
    display: sheet().getRange('B4').getDisplayValue(),
  });
}
function errorOf(fn) { try { fn(); return 'no error'; } catch (e) { return e instanceof Error ? e.message : 'not an Error: ' + e; } }
function errors() {
  var sh = sheet();
  return JSON.stringify([
    errorOf(function () { sh.getRange(0, 1); }),
    errorOf(function () { sh.getRange(1, 0); }),
    errorOf(function () { sh.getRange(1001, 1); }),
    errorOf(function () { sh.getRange(1, 1, 2, 2).setValues([[1, 2]]); }),
    errorOf(function () { sh.getRange(1, 1, 1, 2).setValues([[1, 2, 3]]); }),
    errorOf(function () { SpreadsheetApp.getActive().insertSheet('Данные'); }),
    errorOf(function () { SpreadsheetApp.openById('no-such-id'); }),
  ]);
}
function grow() {
  var sh = sheet();
  sh.insertRowsAfter(sh.getMaxRows(), 5);
  sh.getRange(1005, 1).setValue('край');
  return sh.getMaxRows();
}
function chart() {
  var sh = sheet();
  sh.insertChart(sh.newChart().setChartType(Charts.ChartType.BAR).addRange(sh.getRange('A1:B3')).setPosition(1, 5, 0, 0).build());
  return sh.getCharts().length;
}
function appendMany(n) {
  var sh = sheet();
  var text = new Array(1001).join('ж');
  for (var i = 0; i < n; i++) {
    sh.appendRow([i, text, new Date(Date.UTC(2026, 8, 1 + (i % 28)))]);
    SpreadsheetApp.flush();
  }
}
function summary() {
  var values = sheet().getDataRange().getValues();
  var last = values[values.length - 1];
  return JSON.stringify({ rows: values.length, last: last[0], lastDate: last[2] instanceof Date ? last[2].toISOString() : 'not a date' });
}
function other() {
  var created = SpreadsheetApp.create('Район');
  created.getSheets()[0].getRange(1, 1).setValue('школа');
  return SpreadsheetApp.openByUrl(created.getUrl()).getSheets()[0].getRange(1, 1).getValue();
}
`;

async function workspace() {
  const dir = mkdtempSync(join(tmpdir(), 'nastavnik-sheets-'));
  return LocalWorkspace.create(dir, { code: SCRIPT, clockStart: new Date('2026-09-01T06:00:00Z') });
}

describe('SpreadsheetApp fake', () => {
  it('reads back typed values as Sheets stores them: numbers, dates, text kept by apostrophe or @ format', async () => {
    const ws = await workspace();
    ws.run('write');
    const read = JSON.parse(String(ws.run('read')));
    expect(read.values[0]).toEqual(['Имя', 'Класс', 'Дата']);
    expect(read.values[1]).toEqual(['Иванов', 7, '2026-09-01T06:30:00.000Z']);
    expect(read.isDate).toBe(true);
    // The apostrophe keeps text as text and is not returned; '25.11.2026' typed in becomes a date (ru_RU).
    expect(read.values[2]).toEqual(['=ВЗЛОМ()', '007', '']);
    expect(read.values[3]).toEqual(['', '2026-11-24T21:00:00.000Z', '0042']);
    expect(read.display).toBe('25.11.2026');
    expect(read.lastRow).toBe(4);
    expect(read.lastColumn).toBe(3);
    expect(read.frozen).toBe(1);
    expect(read.blank).toBe('');
  });

  it("throws Apps Script's error texts as the script's own Error objects", async () => {
    const ws = await workspace();
    ws.run('write');
    expect(JSON.parse(String(ws.run('errors')))).toEqual([
      'The starting row of the range is too small.',
      'The starting column of the range is too small.',
      'The coordinates of the range are outside the dimensions of the sheet.',
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
      'The number of columns in the data does not match the number of columns in the range. The data has 3 but the range has 2.',
      'A sheet with the name "Данные" already exists. Please enter another name.',
      'Unexpected error while getting the method or property openById on object SpreadsheetApp.',
    ]);
  });

  it('grows a sheet only when asked to, like a real 1000-row grid', async () => {
    const ws = await workspace();
    ws.run('write');
    expect(ws.run('grow')).toBe(1005);
  });

  it('keeps charts as data and opens other workbooks by id or URL', async () => {
    const ws = await workspace();
    ws.run('write');
    expect(ws.run('chart')).toBe(1);
    expect(ws.run('other')).toBe('школа');
  });

  it('writes a real .xlsx that exceljs reads with the same sheets, values, dates and frozen header', async () => {
    const ws = await workspace();
    ws.run('write');
    await ws.save();
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(ws.workbookPath());
    const sheet = book.getWorksheet('Данные');
    if (!sheet) throw new Error('no sheet «Данные» in the .xlsx');
    expect(sheet.getRow(1).values).toEqual([undefined, 'Имя', 'Класс', 'Дата']);
    expect(sheet.getCell('A2').value).toBe('Иванов');
    expect(sheet.getCell('B2').value).toBe(7);
    // xlsx has no time zones: the cell holds Moscow wall time (09:30 for 06:30 UTC).
    expect((sheet.getCell('C2').value as Date).toISOString()).toBe('2026-09-01T09:30:00.000Z');
    expect(sheet.getCell('A3').value).toBe('=ВЗЛОМ()');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('imports a workbook a curator edited by hand when the workspace is opened again', async () => {
    const ws = await workspace();
    ws.run('write');
    await ws.save();
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(ws.workbookPath());
    const edited = book.getWorksheet('Данные');
    if (!edited) throw new Error('no sheet');
    edited.getCell('A2').value = 'Петров';
    await new Promise((r) => setTimeout(r, 20));
    await book.xlsx.writeFile(ws.workbookPath());
    const reopened = await LocalWorkspace.open(ws.dir, { code: SCRIPT });
    const read = JSON.parse(String(reopened.run('read')));
    expect(read.values[1][0]).toBe('Петров');
    expect(read.values[1][2]).toBe('2026-09-01T06:30:00.000Z');
  });

  it('loses no change of a long run of flushes, seen from another workspace object before and after the log is folded', async () => {
    const ws = await workspace();
    const state = join(ws.dir, 'state', 'spreadsheets');
    const files = () => readdirSync(state).map((f) => ({ f, size: statSync(join(state, f)).size }));
    ws.run('appendMany', 300);
    const other = await LocalWorkspace.open(ws.dir, { code: SCRIPT });
    expect(JSON.parse(String(other.run('summary')))).toEqual({
      rows: 300,
      last: 299,
      lastDate: '2026-09-20T00:00:00.000Z',
    });
    // Each row is about 2 KB of JSON: past 1 MiB, and past the snapshot's size, the log is folded into
    // a new snapshot and starts again.
    ws.run('appendMany', 1200);
    const logs = files().filter((x) => x.f.endsWith('.log'));
    const snapshot = files().find((x) => x.f.endsWith('.json'))?.size ?? 0;
    expect(snapshot).toBeGreaterThan(1 << 20);
    expect(logs.length).toBeLessThanOrEqual(1);
    expect(logs[0]?.size ?? 0).toBeLessThanOrEqual(Math.max(1 << 20, snapshot) + 4096);
    expect(JSON.parse(String(other.run('summary')))).toEqual({
      rows: 1500,
      last: 1199,
      lastDate: '2026-09-24T00:00:00.000Z',
    });
    other.run('appendMany', 1);
    expect(JSON.parse(String(ws.run('summary')))).toEqual({
      rows: 1501,
      last: 0,
      lastDate: '2026-09-01T00:00:00.000Z',
    });
  });

  it('counts service calls per run, so tests can hold sheet I/O to a constant', async () => {
    const ws = await workspace();
    ws.run('write');
    ws.run('read');
    expect(ws.lastRun?.calls['SpreadsheetApp.Range.getValues']).toBe(1);
    expect(ws.lastRun?.calls['SpreadsheetApp.Sheet.getDataRange']).toBe(1);
    expect(ws.lastRun?.totalCalls).toBeGreaterThan(5);
  });
});
