// Documents of a person whose consent is withdrawn: their consents and the agreements and plans of
// their pairs are unshared and moved to the Drive trash (Google empties it after 30 days, within the
// term of 152-ФЗ ст. 21), and «Документы» keeps only the fact. Orders stay: the school keeps its
// orders by law, and Журнал says so.
import { ERASED_LABEL } from '../../core/intake/baseRow';
import { PAIR_SHEET_COLUMNS, PAIRS_HEADERS } from '../../core/matching/pairRow';
import { SHEETS } from '../../core/sheets';
import { cellText, type TableRecord } from '../../core/table';
import { DOCUMENT_HEADERS, ORDER_HEADERS } from '../documents/registry';
import { SheetTable } from '../sheetTable';

export const DOCUMENT_ERASED_STATE = 'удалён (отзыв согласия)';

const ids = (v: TableRecord[string]): string[] =>
  cellText(v)
    .split(/[,;\s+]+/)
    .filter(Boolean);

/** Pairs the person belongs to, read before «Пары» is scrubbed (the ids stay there anyway). */
function pairsOf(participantId: string): Set<string> {
  if (!SpreadsheetApp.getActive().getSheetByName(SHEETS.pairs)) return new Set();
  const P = PAIR_SHEET_COLUMNS;
  return new Set(
    SheetTable.open(SHEETS.pairs, PAIRS_HEADERS)
      .read()
      .filter(
        (r) =>
          cellText(r.values[P.mentorId]) === participantId ||
          cellText(r.values[P.menteeId]) === participantId,
      )
      .map((r) => cellText(r.values[P.id])),
  );
}

/** Removes everyone but the owner and moves the file to the trash; the reason in Russian when Drive refuses. */
function trash(fileId: string): string {
  try {
    const file = DriveApp.getFileById(fileId);
    for (const u of file.getEditors()) file.removeEditor(u.getEmail());
    for (const u of file.getViewers()) file.removeViewer(u.getEmail());
    file.setTrashed(true);
    return '';
  } catch (e) {
    return `Drive не удалил файл: ${e instanceof Error ? e.message : String(e)}. Удалите его вручную.`;
  }
}

/** Returns what was done, for Журнал: documents trashed and orders that still name the person. */
export function eraseDocumentsOf(participantId: string): { trashed: number; failed: number; orders: number } {
  const done = { trashed: 0, failed: 0, orders: 0 };
  if (!participantId || !SpreadsheetApp.getActive().getSheetByName(SHEETS.documents)) return done;
  const pairs = pairsOf(participantId);
  const table = SheetTable.open(SHEETS.documents, DOCUMENT_HEADERS);
  const updates: Array<{ rowNumber: number; values: TableRecord }> = [];
  for (const r of table.read()) {
    const v = r.values;
    const mine = cellText(v.Участник) === participantId || ids(v.Пара).some((p) => pairs.has(p));
    if (!mine) continue;
    if (cellText(v.Тип).toLowerCase().startsWith('приказ')) continue;
    const fileId = cellText(v['Id файла']);
    const problem = fileId ? trash(fileId) : '';
    if (problem) done.failed++;
    else done.trashed++;
    updates.push({
      rowNumber: r.rowNumber,
      values: {
        Название: `${cellText(v.Тип)} — ${ERASED_LABEL}`,
        Ссылка: '',
        'Кто видит': '',
        Статус: DOCUMENT_ERASED_STATE,
        Проблема: problem,
      },
    });
  }
  table.write(updates);
  done.orders = ordersNaming(pairs);
  return done;
}

/** Orders whose appendix lists one of the pairs. */
function ordersNaming(pairs: ReadonlySet<string>): number {
  if (pairs.size === 0 || !SpreadsheetApp.getActive().getSheetByName(SHEETS.orders)) return 0;
  return SheetTable.open(SHEETS.orders, ORDER_HEADERS)
    .read()
    .filter((r) => ids(r.values.Пары).some((p) => pairs.has(p))).length;
}
