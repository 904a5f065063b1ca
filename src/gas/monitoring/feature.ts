// Monitoring of a school: its settings (including the district's), the report templates, and the
// figures refreshed every working morning.
import { monitoringSettings } from '../../core/monitoring/settings';
import type { Feature } from '../feature';
import { isDistrictBook, workdayJob } from './mode';
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
  daily: [workdayJob('Мониторинг', 'school', (cells, day) => runMonitoring(book(), new Date(), cells, day))],
  edits: [],
  webRoutes: {},
};
