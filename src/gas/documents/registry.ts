// Приказы (the order registry) and Документы (every document made, under its key).

import { nextOrderSeq, type OrderNumberingRule } from '../../core/documents/orderNumbers';
import { ORDER_TITLE, type OrderReservation } from '../../core/documents/plan';
import { formatOrderNumber } from '../../core/documents/settings';
import { SHEETS } from '../../core/sheets';
import { cellText, type RowRecord } from '../../core/table';
import { type CalendarDate, formatShortDate, parseIsoDay } from '../../core/templates/russianDate';
import { SheetTable } from '../sheetTable';

export const ORDER_HEADERS = [
  'Ключ',
  '№ п/п',
  'Номер',
  'Дата',
  'Заголовок',
  'Пары',
  'Статус',
  'Документ',
] as const;
export const DOCUMENT_HEADERS = [
  'Ключ',
  'Тип',
  'Название',
  'Ссылка',
  'Статус',
  'Кто видит',
  'Пара',
  'Участник',
  'Приказ',
  'Создан',
  'Проблема',
  'Id файла',
] as const;

export const ORDER_STATES = { reserved: 'номер зарезервирован', made: 'сформирован' } as const;
export const DOCUMENT_STATES = {
  creating: 'создаётся',
  ready: 'готов',
  templateError: 'ошибка шаблона',
} as const;

export const openOrders = (): SheetTable => SheetTable.open(SHEETS.orders, ORDER_HEADERS);
export const openDocuments = (): SheetTable => SheetTable.open(SHEETS.documents, DOCUMENT_HEADERS);

function dayOf(cell: unknown): CalendarDate | undefined {
  if (Object.prototype.toString.call(cell) === '[object Date]') {
    const d = new Date((cell as Date).getTime() + 43_200_000);
    return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
  }
  const text = cellText(cell as string);
  const ru = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  if (ru) return { year: Number(ru[3]), month: Number(ru[2]), day: Number(ru[1]) };
  try {
    return parseIsoDay(text.slice(0, 10));
  } catch {
    return undefined;
  }
}

export function readOrders(rows: RowRecord[]): OrderReservation[] {
  return rows.flatMap((r) => {
    const key = cellText(r.values['Ключ']);
    const seq = Number(r.values['№ п/п']);
    const date = dayOf(r.values['Дата']);
    if (!key || !Number.isFinite(seq) || !date) return [];
    return [
      {
        key,
        seq,
        number: cellText(r.values['Номер']),
        date,
        title: cellText(r.values['Заголовок']) || ORDER_TITLE,
        pairIds: cellText(r.values['Пары'])
          .split(/[,\s]+/)
          .filter(Boolean),
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
  table: SheetTable,
  rows: RowRecord[],
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
        Ключ: key,
        '№ п/п': seq,
        Номер: order.number,
        Дата: formatShortDate(today),
        Заголовок: order.title,
        Пары: pairIds.join(', '),
        Статус: ORDER_STATES.reserved,
        Документ: '',
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
}

export function readDocumentRows(rows: RowRecord[]): DocumentRow[] {
  return rows.map((r) => ({
    rowNumber: r.rowNumber,
    key: cellText(r.values['Ключ']),
    status: cellText(r.values['Статус']),
    fileId: cellText(r.values['Id файла']),
    url: cellText(r.values['Ссылка']),
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
    .filter(
      (r) => cellText(r.values['Статус']) !== ORDER_STATES.made && ready.has(cellText(r.values['Ключ'])),
    )
    .map((r) => ({
      rowNumber: r.rowNumber,
      values: { Статус: ORDER_STATES.made, Документ: ready.get(cellText(r.values['Ключ'])) ?? '' },
    }));
  table.write(updates);
}
