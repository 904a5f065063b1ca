// The embedded charts of the .xlsx mirror. exceljs writes no charts, so they are added to the file it
// wrote as DrawingML: a drawing per sheet with charts, a chart part per chart drawing from the same
// cells as in Sheets (with the values cached, so a reader without a calculation engine shows them).
// Column and bar charts, pies and lines; any other type is drawn as columns.
import JSZip from 'jszip';
import { isDate } from '../jsonDates';
import type { ChartModel, SheetModel, SpreadsheetModel } from './model';

const NS = {
  c: 'http://schemas.openxmlformats.org/drawingml/2006/chart',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  xdr: 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing',
  rel: 'http://schemas.openxmlformats.org/package/2006/relationships',
};
const DRAWING_REL = `${NS.r}/drawing`;
const CHART_REL = `${NS.r}/chart`;
const DRAWING_TYPE = 'application/vnd.openxmlformats-officedocument.drawing+xml';
const CHART_TYPE = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';
/** Pixels to EMU, and the size of a chart in cells (about 600×360 px, as Sheets draws by default). */
const EMU_PER_PX = 9525;
const CHART_COLUMNS = 8;
const CHART_ROWS = 18;
const AXIS_IDS = '<c:axId val="500000001"/><c:axId val="500000002"/>';

const xml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const columnRef = (c: number): string => {
  let n = c;
  let out = '';
  while (n > 0) {
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
};

/** «'Мониторинг'!$J$2:$J$5» for 1-based rows and columns. */
const ref = (sheet: string, row: number, column: number, lastRow: number, lastColumn = column): string =>
  `'${sheet.replace(/'/g, "''")}'!$${columnRef(column)}$${row}:$${columnRef(lastColumn)}$${lastRow}`;

const cellText = (v: unknown): string =>
  v === undefined || v === null ? '' : isDate(v) ? v.toISOString().slice(0, 10) : String(v);

function strRef(f: string, values: readonly unknown[]): string {
  const points = values.map((v, i) => `<c:pt idx="${i}"><c:v>${xml(cellText(v))}</c:v></c:pt>`).join('');
  return `<c:strRef><c:f>${xml(f)}</c:f><c:strCache><c:ptCount val="${values.length}"/>${points}</c:strCache></c:strRef>`;
}

function numRef(f: string, values: readonly unknown[]): string {
  const points = values
    .map((v, i) => (typeof v === 'number' ? `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>` : ''))
    .join('');
  return `<c:numRef><c:f>${xml(f)}</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>${points}</c:numCache></c:numRef>`;
}

/** The chart part: the first column of its range gives the categories, each other column a series. */
export function chartXml(chart: ChartModel, book: SpreadsheetModel): string {
  const range = chart.ranges[0];
  const source = book.sheets.find((s) => s.sheetId === range?.sheetId);
  const series: string[] = [];
  if (range && source) {
    const cell = (r: number, c: number): unknown => source.values[r - 1]?.[c - 1];
    const first = range.row + 1;
    const last = range.row + range.numRows - 1;
    const rows = Array.from({ length: Math.max(last - first + 1, 0) }, (_, i) => first + i);
    const categories = strRef(
      ref(source.name, first, range.column, last),
      rows.map((r) => cell(r, range.column)),
    );
    for (let k = 1; k < range.numColumns; k++) {
      const column = range.column + k;
      series.push(
        `<c:ser><c:idx val="${k - 1}"/><c:order val="${k - 1}"/>` +
          `<c:tx>${strRef(ref(source.name, range.row, column, range.row), [cell(range.row, column)])}</c:tx>` +
          `<c:cat>${categories}</c:cat>` +
          `<c:val>${numRef(
            ref(source.name, first, column, last),
            rows.map((r) => cell(r, column)),
          )}</c:val></c:ser>`,
      );
    }
  }
  const axisParts = (catPos: string, valPos: string) =>
    `<c:catAx><c:axId val="500000001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="${catPos}"/><c:crossAx val="500000002"/></c:catAx>` +
    `<c:valAx><c:axId val="500000002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="${valPos}"/><c:majorGridlines/><c:crossAx val="500000001"/></c:valAx>`;
  let plot: string;
  if (chart.type === 'PIE')
    plot = `<c:pieChart><c:varyColors val="1"/>${series.join('')}<c:firstSliceAng val="0"/></c:pieChart>`;
  else if (chart.type === 'LINE')
    plot = `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series.join('')}<c:marker val="1"/>${AXIS_IDS}</c:lineChart>${axisParts('b', 'l')}`;
  else {
    const horizontal = chart.type === 'BAR';
    const [catPos, valPos] = horizontal ? ['l', 'b'] : ['b', 'l'];
    plot =
      `<c:barChart><c:barDir val="${horizontal ? 'bar' : 'col'}"/><c:grouping val="clustered"/><c:varyColors val="0"/>` +
      `${series.join('')}<c:gapWidth val="150"/>${AXIS_IDS}</c:barChart>${axisParts(catPos, valPos)}`;
  }
  const title = cellText(chart.options.title);
  const titleXml = title
    ? `<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>${xml(title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>`
    : '<c:autoTitleDeleted val="1"/>';
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}"><c:chart>${titleXml}` +
    `<c:plotArea><c:layout/>${plot}</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>` +
    '<c:plotVisOnly val="1"/></c:chart></c:chartSpace>'
  );
}

function anchorXml(chart: ChartModel, index: number): string {
  // Sheets' anchor is 1-based; DrawingML's is 0-based.
  const col = Math.max(chart.position.column - 1, 0);
  const row = Math.max(chart.position.row - 1, 0);
  const point = (c: number, r: number, dx: number, dy: number) =>
    `<xdr:col>${c}</xdr:col><xdr:colOff>${dx * EMU_PER_PX}</xdr:colOff><xdr:row>${r}</xdr:row><xdr:rowOff>${dy * EMU_PER_PX}</xdr:rowOff>`;
  return (
    `<xdr:twoCellAnchor><xdr:from>${point(col, row, chart.position.offsetX, chart.position.offsetY)}</xdr:from>` +
    `<xdr:to>${point(col + CHART_COLUMNS, row + CHART_ROWS, chart.position.offsetX, chart.position.offsetY)}</xdr:to>` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${index + 2}" name="Диаграмма ${index + 1}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
    `<a:graphic><a:graphicData uri="${NS.c}"><c:chart xmlns:c="${NS.c}" r:id="rId${index + 1}"/></a:graphicData></a:graphic>` +
    '</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>'
  );
}

const relationships = (items: ReadonlyArray<{ id: string; type: string; target: string }>): string =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.rel}">${items
    .map((i) => `<Relationship Id="${i.id}" Type="${i.type}" Target="${i.target}"/>`)
    .join('')}</Relationships>`;

const unescapeXml = (s: string): string =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** Sheet name → its part («xl/worksheets/sheet3.xml»), from the workbook and its relationships. */
async function sheetParts(zip: JSZip): Promise<Map<string, string>> {
  const workbook = (await zip.file('xl/workbook.xml')?.async('string')) ?? '';
  const rels = (await zip.file('xl/_rels/workbook.xml.rels')?.async('string')) ?? '';
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.replace(/^\/?xl\//, ''));
  }
  const parts = new Map<string, string>();
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const id = /\br:id="([^"]+)"/.exec(m[0])?.[1];
    const target = id ? targets.get(id) : undefined;
    if (name !== undefined && target) parts.set(unescapeXml(name), `xl/${target}`);
  }
  return parts;
}

// Elements that follow <drawing> in a worksheet (ECMA-376 CT_Worksheet order).
const AFTER_DRAWING =
  /<(legacyDrawing|legacyDrawingHF|drawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)\b|<\/worksheet>/;

/** Adds the charts of `model` to the .xlsx exceljs wrote; the file as is when no sheet has charts. */
export async function withCharts(xlsx: Buffer, model: SpreadsheetModel): Promise<Buffer> {
  const charted = model.sheets.filter((s) => s.charts.length > 0);
  if (charted.length === 0) return xlsx;
  const zip = await JSZip.loadAsync(xlsx);
  const parts = await sheetParts(zip);
  let types = (await zip.file('[Content_Types].xml')?.async('string')) ?? '';
  const overrides: string[] = [];
  let chartNumber = 0;
  for (const [d, sheet] of charted.entries()) {
    const part = parts.get(sheet.name.slice(0, 31));
    const sheetXml = part ? await zip.file(part)?.async('string') : undefined;
    if (!part || sheetXml === undefined) continue;
    const drawing = `drawing${d + 1}.xml`;
    zip.file(`xl/drawings/${drawing}`, drawingXml(sheet));
    overrides.push(`<Override PartName="/xl/drawings/${drawing}" ContentType="${DRAWING_TYPE}"/>`);
    const chartRels = sheet.charts.map((chart, i) => {
      chartNumber++;
      zip.file(`xl/charts/chart${chartNumber}.xml`, chartXml(chart, model));
      overrides.push(`<Override PartName="/xl/charts/chart${chartNumber}.xml" ContentType="${CHART_TYPE}"/>`);
      return { id: `rId${i + 1}`, type: CHART_REL, target: `../charts/chart${chartNumber}.xml` };
    });
    zip.file(`xl/drawings/_rels/${drawing}.rels`, relationships(chartRels));
    const file = part.slice(part.lastIndexOf('/') + 1);
    const relsPath = `${part.slice(0, part.lastIndexOf('/'))}/_rels/${file}.rels`;
    const existing = await zip.file(relsPath)?.async('string');
    const relId = 'rIdCharts';
    const rel = `<Relationship Id="${relId}" Type="${DRAWING_REL}" Target="../drawings/${drawing}"/>`;
    zip.file(
      relsPath,
      existing
        ? existing.replace('</Relationships>', `${rel}</Relationships>`)
        : relationships([{ id: relId, type: DRAWING_REL, target: `../drawings/${drawing}` }]),
    );
    const at = AFTER_DRAWING.exec(sheetXml)?.index ?? sheetXml.length;
    const withNs = sheetXml.includes(`xmlns:r="${NS.r}"`)
      ? sheetXml
      : sheetXml.replace('<worksheet ', `<worksheet xmlns:r="${NS.r}" `);
    const shift = withNs.length - sheetXml.length;
    zip.file(part, `${withNs.slice(0, at + shift)}<drawing r:id="${relId}"/>${withNs.slice(at + shift)}`);
  }
  types = types.replace('</Types>', `${overrides.join('')}</Types>`);
  zip.file('[Content_Types].xml', types);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

function drawingXml(sheet: SheetModel): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}" xmlns:r="${NS.r}">` +
    `${sheet.charts.map((chart, i) => anchorXml(chart, i)).join('')}</xdr:wsDr>`
  );
}
