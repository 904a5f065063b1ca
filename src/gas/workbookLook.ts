// Applies the workbook's look (core/workbookLook.ts): «Начало» first, the tabs in the year's order and
// the response sheets last, no empty «Лист1»; per column widths, wrapping, date formats, dropdowns
// and checkboxes, highlighted problems and overdue meetings, system columns protected (warning only),
// frozen headers, the setting groups in Настройки marked, the response sheets hidden if the curator
// asked. Safe to run again.

import { INTAKE_SETTINGS } from '../core/intake/settings';
import { type DataMode, dataModeLine } from '../core/pseudonymous/dataMode';
import { readSettingValues } from '../core/settings';
import { SHEETS } from '../core/sheets';
import {
  ALERT_BACKGROUND,
  columnLook,
  GROUP_BACKGROUND,
  OVERDUE_BACKGROUND,
  START_ROWS,
  START_SHEET,
  TAB_ORDER,
} from '../core/workbookLook';
import { isResponseSheet } from './intake/setupForms';
import { loadIntakeSettings } from './mentoringForms';
import { readSettingsOf } from './monitoring/sources';
import { isGroupRow, settingsTable } from './settingsSheet';

type Book = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The last row of «Начало»: the school's data mode, as «Настройки» says. */
function dataModeRow(book: Book): string[] {
  let mode: DataMode = 'ordinary';
  try {
    mode = loadIntakeSettings(undefined, book).values.dataMode;
  } catch {
    // Before setup there is no Настройки: the ordinary mode.
  }
  return [
    dataModeLine(mode),
    mode === 'pseudonymous'
      ? 'В таблице, формах, документах и письмах Google — только коды участников. ФИО и адреса хранит реестр школы на её компьютере (npx nastavnik register); он печатает документы с именами и отправляет письма, которые в листе «Почта» ждут реестра.'
      : 'ФИО и адреса участников хранятся в этой таблице (Google). Режим «псевдонимы» (лист «Настройки» → «Режим данных») хранит их только в реестре школы в России.',
  ];
}

const DEFAULT_SHEET = /^(Лист|Sheet)\d+$/;
const PROTECTION_NOTE = 'Заполняет программа';

const letter = (column: number): string => {
  let n = column;
  let out = '';
  while (n > 0) {
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
};

function ensureStart(book: Book): void {
  const sheet = book.getSheetByName(START_SHEET) ?? book.insertSheet(START_SHEET, 0);
  const rows = [...START_ROWS.map((r) => [...r]), dataModeRow(book)];
  sheet.getRange(1, 1, rows.length, 2).setValues(rows);
  sheet.setFrozenRows(1);
}

function orderTabs(book: Book): void {
  const sheets = book.getSheets();
  const rank = (s: Sheet): number => {
    const i = TAB_ORDER.indexOf(s.getName());
    if (i >= 0) return i;
    return isResponseSheet(s.getName()) ? TAB_ORDER.length + 1 : TAB_ORDER.length;
  };
  const wanted = [...sheets].sort((a, b) => rank(a) - rank(b) || a.getIndex() - b.getIndex());
  wanted.forEach((sheet, i) => {
    if (book.getSheets()[i]?.getSheetId() === sheet.getSheetId()) return;
    book.setActiveSheet(sheet);
    book.moveActiveSheet(i + 1);
  });
  book.setActiveSheet(book.getSheetByName(START_SHEET) ?? wanted[0]);
}

function dropEmptyDefault(book: Book): void {
  for (const sheet of book.getSheets())
    if (DEFAULT_SHEET.test(sheet.getName()) && sheet.getLastRow() === 0 && book.getSheets().length > 1)
      book.deleteSheet(sheet);
}

function lookOfSheet(sheet: Sheet): void {
  const width = sheet.getLastColumn();
  if (width === 0) return;
  const name = sheet.getName();
  const headers = sheet
    .getRange(1, 1, 1, width)
    .getValues()[0]
    .map((h) => String(h).trim());
  const rows = Math.max(sheet.getMaxRows() - 1, 1);
  const rules: GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] = [];
  const existing = new Set(
    sheet
      .getProtections(SpreadsheetApp.ProtectionType.RANGE)
      .map((p) => p.getDescription())
      .filter((d) => d.startsWith(PROTECTION_NOTE)),
  );
  headers.forEach((header, i) => {
    if (!header) return;
    const column = i + 1;
    const look = columnLook(name, header);
    const body = sheet.getRange(2, column, rows, 1);
    sheet.setColumnWidth(column, look.width);
    if (look.wrap) body.setWrap(true);
    if (look.date) body.setNumberFormat('dd.mm.yyyy');
    if (look.hidden) sheet.hideColumns(column);
    if (look.choices)
      body.setDataValidation(
        SpreadsheetApp.newDataValidation()
          .requireValueInList([...look.choices], true)
          .setAllowInvalid(true)
          .build(),
      );
    if (look.checkbox)
      body.setDataValidation(
        SpreadsheetApp.newDataValidation().requireCheckbox().setAllowInvalid(true).build(),
      );
    if (look.alert)
      rules.push(
        SpreadsheetApp.newConditionalFormatRule()
          .whenFormulaSatisfied(`=LEN($${letter(column)}2)>0`)
          .setBackground(ALERT_BACKGROUND)
          .setRanges([body])
          .build(),
      );
    const note = `${PROTECTION_NOTE}: ${header}`;
    if (look.system && !existing.has(note)) {
      const protection = body.protect().setDescription(note);
      protection.setWarningOnly(true);
    }
  });
  if (name === SHEETS.meetings) {
    const date = headers.indexOf('Дата') + 1;
    const held = headers.indexOf('Проведена') + 1;
    if (date > 0 && held > 0) {
      const d = `$${letter(date)}2`;
      const h = `$${letter(held)}2`;
      rules.push(
        SpreadsheetApp.newConditionalFormatRule()
          .whenFormulaSatisfied(`=AND(ISNUMBER(${d}),${d}<TODAY(),${h}<>TRUE,${h}<>"да")`)
          .setBackground(OVERDUE_BACKGROUND)
          .setRanges([sheet.getRange(2, 1, rows, width)])
          .build(),
      );
    }
  }
  sheet.setConditionalFormatRules(rules);
  if (sheet.getFrozenRows() === 0) sheet.setFrozenRows(1);
}

function markSettingGroups(book: Book): void {
  const sheet = book.getSheetByName(SHEETS.settings);
  if (!sheet) return;
  for (const r of settingsTable().read())
    if (isGroupRow(r.values))
      sheet
        .getRange(r.rowNumber, 1, 1, sheet.getLastColumn())
        .setBackground(GROUP_BACKGROUND)
        .setFontWeight('bold');
}

const LOOK_PROPERTY = 'nastavnik.workbook.look';

/** The daily run: the look again only when the tabs changed (a new sheet, a year closed). */
export function refreshWorkbookLook(book: Book = SpreadsheetApp.getActive()): void {
  const tabs = book
    .getSheets()
    .map((s) => s.getName())
    .join('|');
  const props = PropertiesService.getScriptProperties();
  if (props.getProperty(LOOK_PROPERTY) === tabs) return;
  applyWorkbookLook(book);
}

/**
 * «Листы ответов: скрыть»: the raw response sheets hidden or shown. After orderTabs, so the active
 * sheet is «Начало» and never one being hidden.
 */
export function applyResponseSheetsVisibility(book: Book = SpreadsheetApp.getActive()): void {
  const hide = readSettingValues(
    INTAKE_SETTINGS,
    ['hideResponseSheets'],
    readSettingsOf(book),
  ).hideResponseSheets;
  for (const sheet of book.getSheets())
    if (isResponseSheet(sheet.getName()) && sheet.isSheetHidden() !== hide) {
      if (hide) sheet.hideSheet();
      else sheet.showSheet();
    }
}

export function applyWorkbookLook(book: Book = SpreadsheetApp.getActive()): void {
  ensureStart(book);
  dropEmptyDefault(book);
  for (const sheet of book.getSheets()) lookOfSheet(sheet);
  markSettingGroups(book);
  orderTabs(book);
  applyResponseSheetsVisibility(book);
  PropertiesService.getScriptProperties().setProperty(
    LOOK_PROPERTY,
    book
      .getSheets()
      .map((s) => s.getName())
      .join('|'),
  );
}
