// EmbeddedChart: a chart stored on a sheet (its model only; nothing is drawn).
import type { Implements } from '../services';
import type { ChartModel } from './model';

export class FakeEmbeddedChart
  implements Implements<GoogleAppsScript.Spreadsheet.EmbeddedChart, 'getChartId' | 'getOptions' | 'getRanges'>
{
  constructor(readonly data: ChartModel) {}

  getChartId(): number {
    return this.data.chartId;
  }

  getOptions(): { get(option: string): unknown } {
    const options = this.data.options;
    return { get: (option: string) => options[option] ?? null };
  }

  getRanges(): object[] {
    return this.data.ranges.map((r) => ({ ...r }));
  }

  getType(): string {
    return this.data.type;
  }
}
