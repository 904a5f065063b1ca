// What every SpreadsheetApp facade holds: the context, the store and one book's id. Facades hold ids
// only and look the model up on every call, so a reload never leaves them stale.
import type { ServiceContext } from '../context';
import { isDate } from '../jsonDates';
import { MESSAGES } from './messages';
import {
  type Cell,
  findSheet,
  type SheetModel,
  type SheetOp,
  type SpreadsheetModel,
  zoneOffsetMinutes,
} from './model';
import type { SpreadsheetStore } from './store';

export const S = 'SpreadsheetApp';

export function spreadsheetUrl(id: string): string {
  return `https://docs.google.com/spreadsheets/d/${id}/edit`;
}

/** Everything a facade needs: the context, the store and one book's id. */
export class BookRef {
  constructor(
    readonly ctx: ServiceContext,
    readonly store: SpreadsheetStore,
    readonly id: string,
  ) {}

  model(): SpreadsheetModel {
    const m = this.store.model(this.id);
    if (!m) throw this.ctx.error(`Service Spreadsheets failed while accessing document with id ${this.id}.`);
    return m;
  }

  sheet(sheetId: number): SheetModel {
    const s = findSheet(this.model(), sheetId);
    if (!s) throw this.ctx.error(MESSAGES.sheetDeleted);
    return s;
  }

  apply(op: SheetOp): void {
    this.store.apply(this.id, op);
  }

  /** `cells`: the size of the range a call reads or writes (charged per cell by the latency table). */
  count(method: string, cells?: number): void {
    this.ctx.count(S, method, this.id, cells);
  }

  /** Values handed to the script: Dates from its realm. */
  out(v: Cell): Cell {
    return typeof v === 'object' && isDate(v) ? this.ctx.date(v) : v;
  }

  offset(at: number): number {
    return zoneOffsetMinutes(this.model().timeZone, at);
  }
}
