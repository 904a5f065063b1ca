// Приказы (the order registry: a number is reserved before its document is made) and Документы
// (every document made, under its key).
import { cellColumn, defineSheet, numberColumn, textColumn } from '../schema';
import { SHEETS } from '../sheets';

export const ORDERS = defineSheet(SHEETS.orders, {
  key: textColumn('Ключ'),
  seq: cellColumn('№ п/п'),
  number: textColumn('Номер'),
  date: cellColumn('Дата'),
  title: textColumn('Заголовок'),
  pairIds: textColumn('Пары'),
  status: textColumn('Статус'),
  document: textColumn('Документ'),
});

export const DOCUMENTS = defineSheet(SHEETS.documents, {
  key: textColumn('Ключ'),
  type: textColumn('Тип'),
  title: textColumn('Название'),
  url: textColumn('Ссылка'),
  status: textColumn('Статус'),
  viewers: textColumn('Кто видит'),
  pairId: textColumn('Пара'),
  participantId: textColumn('Участник'),
  order: textColumn('Приказ'),
  createdAt: cellColumn('Создан'),
  problem: textColumn('Проблема'),
  /** Runs that tried to make the document; after a bounded number it is «ошибка» until the curator retries. */
  attempts: numberColumn('Попыток', { addedLater: true }),
  fileId: textColumn('Id файла'),
  /** The PDF kept beside the document («Документы: копия в PDF»): erased with it. */
  pdfFileId: textColumn('Id PDF', { optional: true }),
});
