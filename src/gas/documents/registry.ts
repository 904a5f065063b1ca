// Приказы (the order registry) and Документы (every document made, under its key).

import { nextOrderSeq, type OrderNumberingRule } from '../../core/documents/orderNumbers';
import { ORDER_TITLE, type OrderReservation } from '../../core/documents/plan';
import { formatOrderNumber } from '../../core/documents/settings';
import { DOCUMENTS, ORDERS } from '../../core/documents/sheets';
import type { Row } from '../../core/schema';
import { type CellValue, cellText } from '../../core/table';
import { type CalendarDate, formatShortDate, parseIsoDay } from '../../core/templates/russianDate';
import { ensureSheet, SheetTable } from '../sheetTable';

export const ORDER_STATES = { reserved: 'номер зарезервирован', made: 'сформирован' } as const;
export const DOCUMENT_STATES = {
  creating: 'создаётся',
  ready: 'готов',
  templateError: 'ошибка шаблона',
  failed: 'ошибка',
} as const;

export type OrdersTable = SheetTable<typeof ORDERS>;
export const openOrders = (): OrdersTable => SheetTable.open(ORDERS);
export const openDocuments = (): SheetTable<typeof DOCUMENTS> =>
  new SheetTable(ensureSheet(DOCUMENTS, undefined, ['pdfFileId']), DOCUMENTS);

function dayOf(cell: CellValue): CalendarDate | undefined {
  if (Object.prototype.toString.call(cell) === '[object Date]') {
    const d = new Date((cell as Date).getTime() + 43_200_000);
    return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
  }
  const text = cellText(cell);
  const ru = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  if (ru) return { year: Number(ru[3]), month: Number(ru[2]), day: Number(ru[1]) };
  try {
    return parseIsoDay(text.slice(0, 10));
  } catch {
    return undefined;
  }
}

export function readOrders(rows: readonly Row<typeof ORDERS>[]): OrderReservation[] {
  return rows.flatMap(({ values: v }) => {
    const key = v.key;
    const seq = Number(v.seq);
    const date = dayOf(v.date);
    if (!key || !Number.isFinite(seq) || !date) return [];
    return [
      {
        key,
        seq,
        number: v.number,
        date,
        title: v.title || ORDER_TITLE,
        pairIds: v.pairIds.split(/[,\s]+/).filter(Boolean),
      },
    ];
  });
}

/**
 * Reserves the next number for these pairs in Приказы. Call under the script lock: the number is in
 * the sheet before any document is made, so a crash never skips or reuses one. The key depends only
 * on the pairs, so a re-run finds the reservation instead of taking a new number.
 */
export function reserveOrder(
  table: OrdersTable,
  rows: readonly Row<typeof ORDERS>[],
  key: string,
  pairIds: string[],
  today: CalendarDate,
  numbering: OrderNumberingRule,
  title = ORDER_TITLE,
): OrderReservation {
  const orders = readOrders(rows);
  const existing = orders.find((o) => o.key === key);
  if (existing) return existing;
  const seq = nextOrderSeq(orders, today, numbering.numbering, numbering.firstNumber);
  const order: OrderReservation = {
    key,
    seq,
    number: formatOrderNumber(numbering.format, seq),
    date: today,
    title,
    pairIds,
  };
  table.write(
    [],
    [
      {
        key,
        seq,
        number: order.number,
        date: formatShortDate(today),
        title: order.title,
        pairIds: pairIds.join(', '),
        status: ORDER_STATES.reserved,
        document: '',
      },
    ],
  );
  return order;
}

export interface DocumentRow {
  rowNumber: number;
  key: string;
  status: string;
  fileId: string;
  url: string;
  /** Runs that started this document; bounded, so a document that cannot be made stops being tried. */
  attempts: number;
  problem: string;
}

export function readDocumentRows(rows: readonly Row<typeof DOCUMENTS>[]): DocumentRow[] {
  return rows.map(({ rowNumber, values: v }) => ({
    rowNumber,
    key: v.key,
    status: v.status,
    fileId: v.fileId,
    url: v.url,
    attempts: v.attempts ?? 0,
    problem: v.problem,
  }));
}

/**
 * Marks as made every reserved order whose document is ready. The run that made the document does
 * this at once; this catch-up covers a run killed between the two writes. Call under the script lock.
 */
export function markMadeOrders(documents: readonly DocumentRow[]): void {
  const ready = new Map(
    documents.filter((d) => d.status === DOCUMENT_STATES.ready).map((d) => [d.key, d.url]),
  );
  const table = openOrders();
  const updates = table
    .read()
    .filter((r) => r.values.status !== ORDER_STATES.made && ready.has(r.values.key))
    .map((r) => ({
      rowNumber: r.rowNumber,
      values: { status: ORDER_STATES.made, document: ready.get(r.values.key) ?? '' },
    }));
  table.write(updates);
}
