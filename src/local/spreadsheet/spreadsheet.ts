// Spreadsheet: one workbook's sheets, its ranges by A1 notation, developer metadata and toasts.
import type { Implements } from '../services';
import { type BookRef, spreadsheetUrl } from './bookRef';
import { FakeDeveloperMetadata } from './developerMetadata';
import { MESSAGES } from './messages';
import { findSheet } from './model';
import type { FakeRange } from './range';
import { FakeSheet } from './sheet';

type SpreadsheetMember =
  | 'getId'
  | 'getUrl'
  | 'getName'
  | 'rename'
  | 'getSheets'
  | 'getSheetByName'
  | 'insertSheet'
  | 'deleteSheet'
  | 'getSheetById'
  | 'getActiveSheet'
  | 'setActiveSheet'
  | 'moveActiveSheet'
  | 'toast'
  | 'getSpreadsheetTimeZone'
  | 'getSpreadsheetLocale'
  | 'getRange'
  | 'getDeveloperMetadata'
  | 'addDeveloperMetadata'
  | 'getFormUrl';

export class FakeSpreadsheet
  implements Implements<GoogleAppsScript.Spreadsheet.Spreadsheet, SpreadsheetMember>
{
  /** The sheet the curator (or the script) last activated; tabs move relative to it. */
  private active: number | undefined;

  constructor(private readonly book: BookRef) {}

  setActiveSheet(sheet: GoogleAppsScript.Spreadsheet.Sheet): FakeSheet {
    this.book.count('Spreadsheet.setActiveSheet');
    this.active = sheet.getSheetId();
    return new FakeSheet(this.book, this.active);
  }

  /** Moves the active sheet to the 1-based tab position. */
  moveActiveSheet(pos: number): void {
    this.book.count('Spreadsheet.moveActiveSheet');
    const sheetId = this.active ?? this.book.model().sheets[0].sheetId;
    this.book.apply({ op: 'moveSheet', sheetId, index: pos - 1 });
  }

  getId(): string {
    this.book.count('Spreadsheet.getId');
    return this.book.id;
  }

  getUrl(): string {
    this.book.count('Spreadsheet.getUrl');
    return spreadsheetUrl(this.book.id);
  }

  getName(): string {
    this.book.count('Spreadsheet.getName');
    return this.book.model().name;
  }

  rename(newName: string): void {
    this.book.count('Spreadsheet.rename');
    this.book.apply({ op: 'renameSpreadsheet', name: newName });
  }

  getSheets(): FakeSheet[] {
    this.book.count('Spreadsheet.getSheets');
    return this.book.model().sheets.map((s) => new FakeSheet(this.book, s.sheetId));
  }

  getSheetByName(name: string): FakeSheet | null {
    this.book.count('Spreadsheet.getSheetByName');
    const found = this.book.model().sheets.find((s) => s.name === name);
    return found ? new FakeSheet(this.book, found.sheetId) : null;
  }

  getSheetById(id: number): FakeSheet | null {
    this.book.count('Spreadsheet.getSheetById');
    const found = findSheet(this.book.model(), id);
    return found ? new FakeSheet(this.book, found.sheetId) : null;
  }

  getActiveSheet(): FakeSheet {
    this.book.count('Spreadsheet.getActiveSheet');
    const active = this.active !== undefined ? findSheet(this.book.model(), this.active) : undefined;
    return new FakeSheet(this.book, active?.sheetId ?? this.book.model().sheets[0].sheetId);
  }

  insertSheet(
    sheetNameOrIndex?: string | number | object,
    index?: number | object,
    _options?: object,
  ): FakeSheet {
    this.book.count('Spreadsheet.insertSheet');
    const model = this.book.model();
    let name = typeof sheetNameOrIndex === 'string' ? sheetNameOrIndex : '';
    if (!name) {
      for (let n = model.sheets.length + 1; ; n++) {
        if (!model.sheets.some((s) => s.name === `Лист${n}`)) {
          name = `Лист${n}`;
          break;
        }
      }
    }
    if (model.sheets.some((s) => s.name === name)) throw this.book.ctx.error(MESSAGES.sheetExists(name));
    const at =
      typeof sheetNameOrIndex === 'number'
        ? sheetNameOrIndex
        : typeof index === 'number'
          ? index
          : model.sheets.length;
    const sheetId = 1 + Math.floor(Math.random() * 2_000_000_000);
    this.book.apply({ op: 'insertSheet', sheetId, name, index: at });
    return new FakeSheet(this.book, sheetId);
  }

  deleteSheet(sheet: GoogleAppsScript.Spreadsheet.Sheet): void {
    this.book.count('Spreadsheet.deleteSheet');
    if (this.book.model().sheets.length <= 1) throw this.book.ctx.error(MESSAGES.lastSheet);
    this.book.apply({ op: 'deleteSheet', sheetId: sheet.getSheetId() });
  }

  toast(msg: string, title?: string, _timeoutSeconds?: number | null): void {
    this.book.count('Spreadsheet.toast');
    this.book.ctx.ui({ kind: 'toast', title: title ?? '', text: msg });
  }

  getSpreadsheetTimeZone(): string {
    return this.book.model().timeZone;
  }

  getSpreadsheetLocale(): string {
    return this.book.model().locale;
  }

  getRange(a1Notation: string): FakeRange {
    this.book.count('Spreadsheet.getRange');
    const bang = a1Notation.lastIndexOf('!');
    const sheetName = bang >= 0 ? a1Notation.slice(0, bang).replace(/^'(.*)'$/, '$1') : undefined;
    const model = this.book.model();
    const sheet = sheetName ? model.sheets.find((s) => s.name === sheetName) : model.sheets[0];
    if (!sheet) throw this.book.ctx.error(MESSAGES.badA1);
    return new FakeSheet(this.book, sheet.sheetId).getRange(
      bang >= 0 ? a1Notation.slice(bang + 1) : a1Notation,
    );
  }

  addDeveloperMetadata(key: string, value?: string): FakeSpreadsheet {
    this.book.count('Spreadsheet.addDeveloperMetadata');
    this.book.apply({
      op: 'addMetadata',
      sheetId: null,
      entry: { id: Math.floor(Math.random() * 1e9), key, value: value ?? null, visibility: 'DOCUMENT' },
    });
    return this;
  }

  getDeveloperMetadata(): FakeDeveloperMetadata[] {
    this.book.count('Spreadsheet.getDeveloperMetadata');
    return this.book.model().metadata.map((m) => new FakeDeveloperMetadata(this.book, m.id, m.key, m.value));
  }

  getFormUrl(): string | null {
    return null;
  }
}
