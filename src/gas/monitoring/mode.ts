// A workbook is a school's or a district's («Режим» in Настройки): setup, the menu and the daily run
// do different work in each.
import { monitoringSettings } from '../../core/monitoring/settings';
import { readSettingValues } from '../../core/settings';
import type { CellValue } from '../../core/table';
import type { DailyDay, DailyJob } from '../feature';
import { withScriptLock } from '../lock';
import { readSettingsOf } from './sources';

type Book = GoogleAppsScript.Spreadsheet.Spreadsheet;

export function isDistrictMode(cells: Map<string, CellValue>): boolean {
  return readSettingValues(monitoringSettings, ['mode'], cells).mode === 'муниципалитет';
}

export function isDistrictBook(book: Book): boolean {
  return isDistrictMode(readSettingsOf(book));
}

/**
 * Every working morning a school refreshes its figures and a district collects its schools; over a
 * weekend or a holiday nothing they count changes much, and the run is spared. The job does its work
 * under the lock, only in a workbook of its mode.
 */
export function workdayJob(
  name: string,
  mode: 'school' | 'district',
  work: (cells: Map<string, CellValue>, day: DailyDay) => void,
): DailyJob {
  return {
    name,
    run: (day) => {
      if (!day.workday) return;
      withScriptLock(() => {
        const cells = day.settingCells();
        if (isDistrictMode(cells) === (mode === 'district')) work(cells, day);
      });
    },
  };
}
