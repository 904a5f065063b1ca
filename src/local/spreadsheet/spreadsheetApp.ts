// SpreadsheetApp: opening, creating and flushing workbooks over SpreadsheetStore.
import type { ServiceContext } from '../context';
import type { Implements } from '../services';
import { BookRef, S } from './bookRef';
import { FakeConditionalFormatRuleBuilder, FakeDataValidationBuilder } from './look';
import { MESSAGES } from './messages';
import { FakeSpreadsheet } from './spreadsheet';
import { SpreadsheetStore } from './store';
import { FakeUi } from './ui';

export class FakeSpreadsheetApp
  implements
    Implements<
      GoogleAppsScript.Spreadsheet.SpreadsheetApp,
      'getActive' | 'getActiveSpreadsheet' | 'openById' | 'openByUrl' | 'create' | 'flush' | 'getUi'
    >
{
  readonly ProtectionType = { RANGE: 'RANGE', SHEET: 'SHEET' };
  readonly DeveloperMetadataVisibility = { DOCUMENT: 'DOCUMENT', PROJECT: 'PROJECT' };
  readonly WrapStrategy = { WRAP: 'WRAP', OVERFLOW: 'OVERFLOW', CLIP: 'CLIP' };
  private readonly store: SpreadsheetStore;

  newDataValidation(): FakeDataValidationBuilder {
    return new FakeDataValidationBuilder();
  }

  newConditionalFormatRule(): FakeConditionalFormatRuleBuilder {
    return new FakeConditionalFormatRuleBuilder();
  }

  constructor(private readonly ctx: ServiceContext) {
    this.store = SpreadsheetStore.of(ctx);
  }

  private open(id: string, message: string): FakeSpreadsheet {
    if (!this.store.exists(id)) throw this.ctx.error(message);
    return new FakeSpreadsheet(new BookRef(this.ctx, this.store, id));
  }

  getActive(): FakeSpreadsheet {
    this.ctx.count(S, 'getActive', this.ctx.meta.boundSpreadsheetId);
    return this.open(this.ctx.meta.boundSpreadsheetId, MESSAGES.openById);
  }

  getActiveSpreadsheet(): FakeSpreadsheet {
    this.ctx.count(S, 'getActiveSpreadsheet', this.ctx.meta.boundSpreadsheetId);
    return this.open(this.ctx.meta.boundSpreadsheetId, MESSAGES.openById);
  }

  openById(id: string): FakeSpreadsheet {
    this.ctx.count(S, 'openById', id);
    return this.open(id, MESSAGES.openById);
  }

  openByUrl(url: string): FakeSpreadsheet {
    this.ctx.count(S, 'openByUrl');
    const m = /\/spreadsheets\/d\/([A-Za-z0-9_-]+)/.exec(url);
    return this.open(m ? m[1] : '', MESSAGES.openByUrl);
  }

  create(name: string, _rows?: number, _columns?: number): FakeSpreadsheet {
    this.ctx.count(S, 'create');
    const model = this.store.create(name, this.ctx.timeZone);
    return new FakeSpreadsheet(new BookRef(this.ctx, this.store, model.id));
  }

  flush(): void {
    this.ctx.count(S, 'flush');
    this.ctx.persistAll();
  }

  getUi(): FakeUi {
    this.ctx.count(S, 'getUi');
    return new FakeUi(this.ctx);
  }
}

export function spreadsheetOf(ctx: ServiceContext, id: string): FakeSpreadsheet {
  return new FakeSpreadsheet(new BookRef(ctx, SpreadsheetStore.of(ctx), id));
}
