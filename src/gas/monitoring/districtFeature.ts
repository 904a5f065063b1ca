// The district mode of a workbook: the list of schools, the district report template, and the
// schools' figures collected every working morning.

import { DISTRICT_SHEETS, SCHOOLS } from '../../core/monitoring/districtSheets';
import type { Feature } from '../feature';
import { ensureSheet } from '../sheetTable';
import { collectDistrictIn } from './district';
import { isDistrictBook, workdayJob } from './mode';
import { reportTemplate } from './reportDocuments';

const book = () => SpreadsheetApp.getActive();

export const DISTRICT_FEATURE: Feature = {
  name: 'Район',
  // The district's settings are part of the monitoring's section («Режим», «Район: …»).
  settings: [],
  setup: [
    {
      name: 'Район',
      run: () => {
        if (!isDistrictBook(book())) return undefined;
        reportTemplate('district');
        if (book().getSheetByName(DISTRICT_SHEETS.schools)) return undefined;
        ensureSheet(SCHOOLS);
        return 'Районный режим: создан лист «Школы» — внесите ссылки на таблицы школ.';
      },
    },
  ],
  afterApproval: [],
  daily: [workdayJob('Мониторинг района', 'district', () => collectDistrictIn(book(), new Date()))],
  edits: [],
  webRoutes: {},
};
