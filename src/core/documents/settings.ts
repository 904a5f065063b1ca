// Settings of documents and the order registry, as the curator sees them in Настройки.
import * as z from 'zod';
import { defineSettings, type SettingValues } from '../settings';
import type { CellValue } from '../table';

const text = (min: number, message: string) => z.coerce.string<CellValue>().trim().min(min, message);
const yesNo = () =>
  z
    .union([z.string(), z.number(), z.boolean(), z.date()])
    .transform((v) =>
      typeof v === 'boolean' ? v : ['да', 'yes', 'true', '1'].includes(String(v).trim().toLowerCase()),
    );

export const DOCUMENT_SETTINGS = defineSettings({
  orgName: {
    name: 'Документы: наименование организации',
    help: 'Полное наименование школы, как в шапке приказа.',
    defaultCell: 'МОУ «Средняя общеобразовательная школа № 1»',
    parse: () => text(1, 'нужно наименование'),
  },
  place: {
    name: 'Документы: населённый пункт',
    help: 'Место издания приказа и заключения соглашений, например «г. Тверь».',
    defaultCell: 'г. Тверь',
    parse: () => text(1, 'нужен населённый пункт'),
  },
  directorName: {
    name: 'Документы: ФИО руководителя',
    help: 'Фамилия Имя Отчество директора полностью — программа сама склоняет и сокращает.',
    defaultCell: 'Сергеева Елена Викторовна',
    parse: () => text(3, 'нужно ФИО'),
  },
  directorPosition: {
    name: 'Документы: должность руководителя',
    help: 'Например «Директор» или «Заведующий».',
    defaultCell: 'Директор',
    parse: () => text(1, 'нужна должность'),
  },
  directorEmail: {
    name: 'Документы: адрес руководителя',
    help: 'Руководитель получает доступ к папке документов. Пусто — не открывать доступ.',
    defaultCell: '',
    parse: () => z.coerce.string<CellValue>().trim(),
  },
  curatorName: {
    name: 'Документы: ФИО куратора',
    help: 'Фамилия Имя Отчество куратора программы полностью.',
    defaultCell: 'Кузнецова Ольга Игоревна',
    parse: () => text(3, 'нужно ФИО'),
  },
  orderFormat: {
    name: 'Приказы: формат номера',
    help: 'Как пишется номер приказа; {n} — порядковый номер, например «{n}-о» даёт «45-о».',
    defaultCell: '{n}-о',
    parse: () => text(1, 'нужен формат').refine((s) => s.includes('{n}'), 'в формате нужно {n}'),
  },
  orderFirstNumber: {
    name: 'Приказы: первый номер',
    help: 'С какого порядкового номера начать, если в листе «Приказы» ещё нет приказов.',
    defaultCell: 1,
    parse: () => z.coerce.number<CellValue>().int().min(1),
  },
  planDays: {
    name: 'Документы: срок разработки планов, дней',
    help: 'Сколько дней после приказа дано парам на индивидуальный план.',
    defaultCell: 14,
    parse: () => z.coerce.number<CellValue>().int().min(1).max(120),
  },
  pdfCopy: {
    name: 'Документы: копия в PDF',
    help: '«да» — рядом с каждым документом сохранять PDF.',
    defaultCell: 'нет',
    parse: yesNo,
  },
  runSeconds: {
    name: 'Документы: время одного запуска, сек',
    help: 'Сколько секунд один запуск создаёт документы, потом продолжает по таймеру (предел Google — 360).',
    defaultCell: 270,
    parse: () => z.coerce.number<CellValue>().min(5).max(330),
  },
});
export type DocumentSettings = SettingValues<typeof DOCUMENT_SETTINGS>;

/** «{n}-о» with 45 → «45-о». */
export const formatOrderNumber = (format: string, n: number): string => format.split('{n}').join(String(n));
