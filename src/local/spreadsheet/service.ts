// SpreadsheetApp and the Charts enum as globals of an execution.
import type { ServiceDefinition } from '../services';
import { FakeSpreadsheetApp } from './spreadsheetApp';

const CHART_TYPES = [
  'AREA',
  'BAR',
  'BUBBLE',
  'CANDLESTICK',
  'COLUMN',
  'COMBO',
  'GAUGE',
  'GEO',
  'HISTOGRAM',
  'LINE',
  'ORG',
  'PIE',
  'SCATTER',
  'SPARKLINE',
  'STEPPED_AREA',
  'TABLE',
  'TIMELINE',
  'TREEMAP',
  'WATERFALL',
];

export const spreadsheetService: ServiceDefinition = {
  name: 'SpreadsheetApp, Charts',
  globals: (ctx) => ({
    SpreadsheetApp: new FakeSpreadsheetApp(ctx),
    Charts: { ChartType: Object.fromEntries(CHART_TYPES.map((t) => [t, t])) },
  }),
};
