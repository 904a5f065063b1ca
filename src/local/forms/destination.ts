// The destination sheet of a form: «Ответы на форму (N)», one row per response, as Google writes it.
import type { ServiceContext } from '../context';
import { lastRow } from '../spreadsheet/model';
import { SpreadsheetStore } from '../spreadsheet/store';
import { type FormModel, type ResponseModel, responseRow } from './model';

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
    const { headers, cells } = responseRow(form, response, model.timeZone);
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
    if (
      existing.join('\u0001') !== headers.slice(0, existing.length).join('\u0001') ||
      existing.length < headers.length
    )
      store.apply(dest.id, {
        op: 'setCells',
        sheetId: sheet.sheetId,
        row: 0,
        column: 0,
        values: [headers],
        formulas: [headers.map(() => null)],
      });
    const row = Math.max(1, lastRow(sheet));
    store.apply(dest.id, {
      op: 'setCells',
      sheetId: sheet.sheetId,
      row,
      column: 0,
      values: [cells],
      formulas: [cells.map(() => null)],
    });
    store.persist();
    return { sheetName: sheet.name, row: row + 1, width: headers.length, spreadsheetId: dest.id };
  });
}
