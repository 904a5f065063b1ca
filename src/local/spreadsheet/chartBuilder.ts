// EmbeddedChartBuilder: Sheet.newChart() up to insertChart/updateChart.
import { isDate } from '../jsonDates';
import type { Implements } from '../services';
import type { BookRef } from './bookRef';
import { FakeEmbeddedChart } from './embeddedChart';
import type { ChartModel } from './model';

export class FakeChartBuilder
  implements
    Implements<
      GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder,
      'setChartType' | 'addRange' | 'setPosition' | 'setOption' | 'build'
    >
{
  private readonly chart: ChartModel = {
    chartId: Math.floor(Math.random() * 1e9),
    type: 'LINE',
    ranges: [],
    position: { row: 1, column: 1, offsetX: 0, offsetY: 0 },
    options: {},
  };

  constructor(
    private readonly book: BookRef,
    private readonly sheetId: number,
  ) {}

  setChartType(type: GoogleAppsScript.Charts.ChartType): FakeChartBuilder {
    this.chart.type = String(type);
    return this;
  }

  addRange(range: GoogleAppsScript.Spreadsheet.Range): FakeChartBuilder {
    this.chart.ranges.push({
      sheetId: range.getSheet().getSheetId(),
      row: range.getRow(),
      column: range.getColumn(),
      numRows: range.getNumRows(),
      numColumns: range.getNumColumns(),
    });
    return this;
  }

  setPosition(
    anchorRowPos: number,
    anchorColPos: number,
    offsetX: number,
    offsetY: number,
  ): FakeChartBuilder {
    this.chart.position = { row: anchorRowPos, column: anchorColPos, offsetX, offsetY };
    return this;
  }

  setOption(option: string, value: unknown): FakeChartBuilder {
    // The script's Date is of its own realm; state files keep this realm's (see writeJson).
    this.chart.options[option] = isDate(value) ? new Date(value.getTime()) : value;
    return this;
  }

  asColumnChart(): FakeChartBuilder {
    this.chart.type = 'COLUMN';
    return this;
  }

  asBarChart(): FakeChartBuilder {
    this.chart.type = 'BAR';
    return this;
  }

  asPieChart(): FakeChartBuilder {
    this.chart.type = 'PIE';
    return this;
  }

  asLineChart(): FakeChartBuilder {
    this.chart.type = 'LINE';
    return this;
  }

  build(): FakeEmbeddedChart {
    this.book.count('EmbeddedChartBuilder.build');
    return new FakeEmbeddedChart({
      ...this.chart,
      ranges: [...this.chart.ranges],
      options: { ...this.chart.options },
    });
  }

  get sheet(): number {
    return this.sheetId;
  }
}
