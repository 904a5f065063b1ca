// A workbook is a school's or a district's («Режим» in Настройки): setup, the menu and the daily run
// do different work in each.
import { monitoringSettings } from '../../core/monitoring/settings';
import { readSettings } from '../../core/settings';
import type { CellValue } from '../../core/table';
import { readSettingsOf } from './sources';

type Book = GoogleAppsScript.Spreadsheet.Spreadsheet;

export function isDistrictMode(cells: Map<string, CellValue>): boolean {
  return readSettings(monitoringSettings, cells).values.mode === 'муниципалитет';
}

export function isDistrictBook(book: Book): boolean {
  return isDistrictMode(readSettingsOf(book));
}
