// The destination sheet of a form: «Ответы на форму (N)», one row per response, as Google writes it.
import type { ServiceContext } from '../context';
import { lastRow } from '../spreadsheet/model';
import { SpreadsheetStore } from '../spreadsheet/store';
import { type FormModel, type ResponseModel, responseRow } from './model';
import { changeForm } from './store';

/**
 * The columns of the responses sheet after this response: the recorded ones kept in place (a moved
 * or deleted item keeps its column and its answers), new items appended at the right. A sheet from
 * before columns were recorded is read as laid out in the form's current order.
 */
function sheetLayout(recorded: string[] | undefined, keys: string[], existingWidth: number): string[] {
  const layout = recorded ? [...recorded] : keys.slice(0, existingWidth);
  for (const key of keys) if (!layout.includes(key)) layout.push(key);
  return layout;
}

/**
 * Writes the response as the next row of the destination sheet (creating it with headers if needed),
 * under the store lock so concurrent submissions get distinct rows. Returns the 1-based row.
 */
export function writeToDestination(
  ctx: ServiceContext,
  form: FormModel,
  response: ResponseModel,
): { sheetName: string; row: number; width: number; spreadsheetId: string } | null {
  const dest = form.destination;
  if (!dest) return null;
  const store = SpreadsheetStore.of(ctx);
  return ctx.underStoreLock(() => {
    store.reload();
    const model = store.model(dest.id);
    if (!model) return null;
    const { keys, headers, cells } = responseRow(form, response, model.timeZone);
    let sheet =
      model.sheets.find((s) => dest.sheetId !== undefined && s.sheetId === dest.sheetId) ??
      model.sheets.find((s) => s.name === dest.sheetName);
    if (!sheet) {
      const sheetId = 1 + Math.floor(Math.random() * 2_000_000_000);
      store.apply(dest.id, { op: 'insertSheet', sheetId, name: dest.sheetName, index: 0 });
      store.apply(dest.id, { op: 'setFrozen', sheetId, rows: 1 });
      sheet = store.model(dest.id)?.sheets.find((s) => s.sheetId === sheetId);
    }
    if (!sheet) return null;
    const existing = (sheet.values[0] ?? []).map(String);
    const layout = sheetLayout(dest.columns, keys, existing.length);
    const header = layout.map((key, c) => {
      const at = keys.indexOf(key);
      return at >= 0 ? headers[at] : (existing[c] ?? '');
    });
    const values = layout.map((key) => {
      const at = keys.indexOf(key);
      return at >= 0 ? cells[at] : '';
    });
    if (header.join('\u0001') !== existing.join('\u0001'))
      store.apply(dest.id, {
        op: 'setCells',
        sheetId: sheet.sheetId,
        row: 0,
        column: 0,
        values: [header],
        formulas: [header.map(() => null)],
      });
    if (layout.join('\u0001') !== (dest.columns ?? []).join('\u0001'))
      changeForm(ctx, form.id, (f) => {
        if (f.destination) f.destination.columns = layout;
      });
    const row = Math.max(1, lastRow(sheet));
    store.apply(dest.id, {
      op: 'setCells',
      sheetId: sheet.sheetId,
      row,
      column: 0,
      values: [values],
      formulas: [values.map(() => null)],
    });
    store.persist();
    return { sheetName: sheet.name, row: row + 1, width: layout.length, spreadsheetId: dest.id };
  });
}
