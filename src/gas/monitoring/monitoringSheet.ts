// «Мониторинг»: the figures table (columns A–G) and beside it the small tables the embedded charts
// draw from (columns I–L). The sheet belongs to the code: each refresh rewrites it whole in one
// setValues and rebuilds the charts, so a curator copies charts from here into a presentation.
import { type MonitoringRow, monitoringGrid } from '../../core/monitoring/figures';
import { SHEETS } from '../../core/sheets';
import type { CellValue } from '../../core/table';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Cell = CellValue;

const CHART_COLUMN = 9;

interface ChartBlock {
  title: string;
  type: GoogleAppsScript.Charts.ChartType;
  rows: Cell[][];
}

function chartBlocks(rows: readonly MonitoringRow[]): ChartBlock[] {
  const percent = rows.filter((r) => r.key.endsWith('.percent') && r.target !== undefined);
  const forms = rows.filter((r) => r.key.startsWith('form.') && r.key.endsWith('.mentor.count'));
  const value = (key: string) => rows.find((r) => r.key === key)?.value ?? 0;
  const entries = rows.filter((r) => r.key.startsWith('impact.') && r.key.endsWith('.entry'));
  const pairs = rows.filter((r) => /^pairs\.[a-z_]+\.count$/.test(r.key) && r.value > 0);
  const surveys = rows.filter((r) => r.key.startsWith('surveys.') && r.key.endsWith('.percent'));
  return [
    {
      title: 'Охват целевых групп, % (цель — по положению)',
      type: Charts.ChartType.BAR,
      rows: [
        ['Группа', 'Доля, %', 'Цель, %'],
        ...percent.map((r) => [r.name.replace(/: доля$/, ''), r.value, r.target ?? 0]),
      ],
    },
    {
      title: 'Участники по формам наставничества',
      type: Charts.ChartType.COLUMN,
      rows: [
        ['Форма', 'Наставники', 'Наставляемые'],
        ...forms.map((r) => {
          const base = r.key.slice(0, -'.mentor.count'.length);
          return [r.name.replace(/: наставники$/, ''), r.value, value(`${base}.mentee.count`)];
        }),
      ],
    },
    {
      title: 'Влияние на участников: вход и выход',
      type: Charts.ChartType.COLUMN,
      rows: [
        ['Параметр', 'На входе', 'На выходе'],
        ...entries.map((r) => {
          const base = r.key.slice(0, -'.entry'.length);
          return [r.name.replace(/: на входе$/, ''), r.value, value(`${base}.exit`)];
        }),
      ],
    },
    {
      title: 'Пары и группы по состояниям',
      type: Charts.ChartType.PIE,
      rows: [['Состояние', 'Пар'], ...pairs.map((r) => [r.name, r.value])],
    },
    {
      title: 'Опросы: доля ответивших, %',
      type: Charts.ChartType.BAR,
      rows: [
        ['Опрос', 'Ответили, %'],
        ...surveys.map((r) => [r.name.replace(/^Ответили: /, '').replace(/: доля$/, ''), r.value]),
      ],
    },
  ];
}

/** Rewrites the sheet: figures, notes under them, chart tables and charts. Returns the sheet. */
export function writeMonitoringSheet(
  book: GoogleAppsScript.Spreadsheet.Spreadsheet,
  rows: readonly MonitoringRow[],
  notes: ReadonlyArray<readonly Cell[]> = [],
): Sheet {
  const sheet = book.getSheetByName(SHEETS.monitoring) ?? book.insertSheet(SHEETS.monitoring);
  // Lines without a key (the free-text themes) follow the figures; the district skips them.
  const table: Cell[][] = [...monitoringGrid(rows), ...notes.map((n) => [...n])];
  const blocks = chartBlocks(rows);
  const chartHeight = blocks.reduce((n, b) => n + b.rows.length + 1, 0);
  const height = Math.max(table.length, chartHeight);
  const width = CHART_COLUMN - 1 + Math.max(...blocks.map((b) => b.rows[0].length));
  const grid: Cell[][] = Array.from({ length: height }, (_, i) => {
    const line: Cell[] = new Array(width).fill('');
    (table[i] ?? []).forEach((v, j) => {
      line[j] = v;
    });
    return line;
  });
  const placed: Array<{ block: ChartBlock; row: number }> = [];
  let at = 0;
  for (const block of blocks) {
    block.rows.forEach((cells, i) => {
      cells.forEach((v, j) => {
        grid[at + i][CHART_COLUMN - 1 + j] = v;
      });
    });
    placed.push({ block, row: at + 1 });
    at += block.rows.length + 1;
  }
  // The nightly run usually finds nothing new: then the sheet and its charts stay as they are.
  const current = sheet.getDataRange().getValues() as Cell[][];
  const same =
    current.length === height &&
    current.every((line, i) => line.length === width && line.every((v, j) => v === grid[i][j])) &&
    sheet.getCharts().length === placed.filter((p) => p.block.rows.length >= 2).length;
  if (same) return sheet;
  sheet.clearContents();
  sheet.getRange(1, 1, height, width).setValues(grid);
  sheet.setFrozenRows(1);
  for (const chart of sheet.getCharts()) sheet.removeChart(chart);
  placed.forEach(({ block, row }, i) => {
    if (block.rows.length < 2) return;
    const range = sheet.getRange(row, CHART_COLUMN, block.rows.length, block.rows[0].length);
    sheet.insertChart(
      sheet
        .newChart()
        .setChartType(block.type)
        .addRange(range)
        .setPosition(2 + i * 20, CHART_COLUMN + 4, 0, 0)
        .setOption('title', block.title)
        .build(),
    );
  });
  return sheet;
}
