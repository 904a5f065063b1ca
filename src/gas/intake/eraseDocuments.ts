// Documents of a person whose consent is withdrawn: their consents and the agreements and plans of
// their pairs are unshared and moved to the Drive trash (Google empties it after 30 days, within the
// term of 152-ФЗ ст. 21), and «Документы» keeps only the fact. Orders stay: the school keeps its
// orders by law, and Журнал says so.

import { DOCUMENTS, ORDERS } from '../../core/documents/sheets';
import { ERASED_LABEL } from '../../core/intake/baseRow';
import { PAIRS } from '../../core/matching/pairRow';
import type { RowPatch } from '../../core/schema';
import { SheetTable } from '../sheetTable';

export const DOCUMENT_ERASED_STATE = 'удалён (отзыв согласия)';

const ids = (v: string): string[] => v.split(/[,;\s+]+/).filter(Boolean);

/** Pairs the person belongs to, read before «Пары» is scrubbed (the ids stay there anyway). */
function pairsOf(participantId: string): Set<string> {
  if (!SpreadsheetApp.getActive().getSheetByName(PAIRS.name)) return new Set();
  return new Set(
    SheetTable.open(PAIRS)
      .read()
      .filter((r) => r.values.mentorId === participantId || r.values.menteeId === participantId)
      .map((r) => r.values.id),
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
  if (!participantId || !SpreadsheetApp.getActive().getSheetByName(DOCUMENTS.name)) return done;
  const pairs = pairsOf(participantId);
  const table = SheetTable.open(DOCUMENTS);
  const updates: Array<{ rowNumber: number; values: RowPatch<typeof DOCUMENTS> }> = [];
  for (const r of table.read()) {
    const v = r.values;
    const mine = v.participantId === participantId || ids(v.pairId).some((p) => pairs.has(p));
    if (!mine) continue;
    if (v.type.toLowerCase().startsWith('приказ')) continue;
    const problem = [v.fileId, v.pdfFileId].filter(Boolean).map(trash).filter(Boolean).join(' ');
    if (problem) done.failed++;
    else done.trashed++;
    updates.push({
      rowNumber: r.rowNumber,
      values: {
        title: `${v.type} — ${ERASED_LABEL}`,
        url: '',
        viewers: '',
        status: DOCUMENT_ERASED_STATE,
        problem,
      },
    });
  }
  table.write(updates);
  done.orders = ordersNaming(pairs);
  return done;
}

/** Orders whose appendix lists one of the pairs. */
function ordersNaming(pairs: ReadonlySet<string>): number {
  if (pairs.size === 0 || !SpreadsheetApp.getActive().getSheetByName(ORDERS.name)) return 0;
  return SheetTable.open(ORDERS)
    .read()
    .filter((r) => ids(r.values.pairIds).some((p) => pairs.has(p))).length;
}
