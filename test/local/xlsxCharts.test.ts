// Charts in the .xlsx mirror: exceljs writes none, so the workspace adds them as DrawingML. Read back
// from the file: each chart part names its cells and caches their values, the sheet points at its
// drawing, and the workbook still opens in exceljs with its values (and imports back unchanged).
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { LocalWorkspace } from '../../src/local';

const SCRIPT = `
function drawCharts() {
  var sheet = SpreadsheetApp.getActive().insertSheet('Итоги «года»');
  sheet.getRange(1, 1, 4, 3).setValues([
    ['Форма', 'Наставники', 'Наставляемые'],
    ['ученик – ученик', 12, 20],
    ['учитель – учитель', 5, 6],
    ['работодатель – ученик', 2, 7],
  ]);
  sheet.getRange(6, 1, 3, 2).setValues([['Состояние', 'Пар'], ['утверждена', 30], ['завершена', 4]]);
  sheet.insertChart(sheet.newChart().setChartType(Charts.ChartType.COLUMN)
    .addRange(sheet.getRange(1, 1, 4, 3)).setPosition(2, 5, 0, 0).setOption('title', 'Участники по формам').build());
  sheet.insertChart(sheet.newChart().setChartType(Charts.ChartType.PIE)
    .addRange(sheet.getRange(6, 1, 3, 2)).setPosition(22, 5, 0, 0).setOption('title', 'Пары & состояния').build());
}
`;

let dir = '';
let zip: JSZip;
const part = async (path: string) => (await zip.file(path)?.async('string')) ?? '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nastavnik-xlsx-charts-'));
  const ws = await LocalWorkspace.create(dir, { code: SCRIPT });
  ws.run('drawCharts');
  await ws.save();
  zip = await JSZip.loadAsync(readFileSync(ws.workbookPath()));
});

test('each chart is a DrawingML part drawing from its cells, titled, with the values cached', async () => {
  const column = await part('xl/charts/chart1.xml');
  expect(column).toContain('<c:barDir val="col"/>');
  expect(column).toContain('<a:t>Участники по формам</a:t>');
  expect(column.match(/<c:ser>/g)).toHaveLength(2);
  expect(column).toContain("<c:f>'Итоги «года»'!$A$2:$A$4</c:f>");
  expect(column).toContain("<c:f>'Итоги «года»'!$B$2:$B$4</c:f>");
  expect(column).toContain("<c:f>'Итоги «года»'!$C$1:$C$1</c:f>");
  expect(column).toContain('<c:pt idx="2"><c:v>7</c:v></c:pt>');
  expect(column).toContain('<c:v>учитель – учитель</c:v>');
  const pie = await part('xl/charts/chart2.xml');
  expect(pie).toContain('<c:pieChart>');
  expect(pie).toContain('<a:t>Пары &amp; состояния</a:t>');
  expect(pie).toContain("<c:f>'Итоги «года»'!$B$7:$B$8</c:f>");
});

test('the sheet points at a drawing that anchors both charts where Sheets placed them', async () => {
  const workbook = await part('xl/workbook.xml');
  const rels = await part('xl/_rels/workbook.xml.rels');
  const rId = /<sheet [^>]*name="Итоги «года»"[^>]*r:id="([^"]+)"/.exec(workbook)?.[1];
  const target = new RegExp(`Id="${rId}"[^>]*Target="/?(?:xl/)?([^"]+)"`).exec(rels)?.[1];
  const sheetXml = await part(`xl/${target}`);
  // After the cells and their formatting, as the schema orders a worksheet's parts.
  expect(sheetXml.indexOf('<drawing r:id="rIdCharts"/>')).toBeGreaterThan(sheetXml.indexOf('</sheetData>'));
  expect(sheetXml.indexOf('<drawing r:id="rIdCharts"/>')).toBeGreaterThan(sheetXml.indexOf('<pageMargins'));
  const file = String(target).split('/').pop();
  const sheetRels = await part(`xl/worksheets/_rels/${file}.rels`);
  expect(sheetRels).toContain('Target="../drawings/drawing1.xml"');
  const drawing = await part('xl/drawings/drawing1.xml');
  expect(drawing.match(/<xdr:twoCellAnchor>/g)).toHaveLength(2);
  expect(drawing).toContain('<xdr:from><xdr:col>4</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row>');
  expect(await part('xl/drawings/_rels/drawing1.xml.rels')).toContain('Target="../charts/chart2.xml"');
  const types = await part('[Content_Types].xml');
  expect(types).toContain('PartName="/xl/charts/chart1.xml"');
  expect(types).toContain('PartName="/xl/drawings/drawing1.xml"');
});

test('the workbook still reads in exceljs with its values, and the workspace opens it again', async () => {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(join(dir, 'spreadsheets', 'Наставничество.xlsx'));
  expect(book.getWorksheet('Итоги «года»')?.getCell('B2').value).toBe(12);
  const again = await LocalWorkspace.open(dir, { code: SCRIPT });
  expect(again.sheetRows('Итоги «года»')[0]).toEqual(['ученик – ученик', 12, 20]);
});
