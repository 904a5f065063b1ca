// Monitoring of a school: its settings (including the district's), the report templates, and the
// figures refreshed every working morning.
import { monitoringSettings } from '../../core/monitoring/settings';
import type { Feature } from '../feature';
import { withScriptLock } from '../lock';
import { isDistrictBook, isDistrictMode } from './mode';
import { runMonitoring } from './refresh';
import { type ReportTemplateKey, reportTemplate } from './reportDocuments';

const book = () => SpreadsheetApp.getActive();
const SCHOOL_REPORTS: ReportTemplateKey[] = ['halfYear', 'statistics', 'yearEnd'];

export const MONITORING_FEATURE: Feature = {
  name: 'Мониторинг',
  settings: [monitoringSettings],
  setup: [
    {
      name: 'Мониторинг',
      run: () => {
        if (!isDistrictBook(book())) for (const key of SCHOOL_REPORTS) reportTemplate(key);
        return undefined;
      },
    },
  ],
  afterApproval: [],
  // Over a weekend or a holiday nothing the figures count changes much, and the run is spared.
  daily: [
    {
      name: 'Мониторинг',
      run: ({ workday, settingCells }) => {
        if (!workday) return;
        withScriptLock(() => {
          const cells = settingCells();
          if (!isDistrictMode(cells)) runMonitoring(book(), new Date(), cells);
        });
      },
    },
  ],
  webRoutes: {},
};
