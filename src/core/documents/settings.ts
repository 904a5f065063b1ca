// Settings of documents and the order registry, as the curator sees them in Настройки.
import * as z from 'zod';
import { isEmail } from '../intake/text';
import { defineSettings, type SettingValues } from '../settings';
import type { CellValue } from '../table';

const text = (min: number, message: string) => z.coerce.string<CellValue>().trim().min(min, message);
/** A value the school types itself: empty until filled (the empty value is reported, not parsed). */
const own = () => z.coerce.string<CellValue>().trim();
/** A full name of three words at most four: «Иванова Анна Петровна». */
const fullName = () =>
  own().refine(
    (s) => s === '' || /^[А-ЯЁ][а-яё-]+(\s+[А-ЯЁ][а-яё-]+){1,3}$/.test(s),
    'нужны фамилия, имя и отчество полностью, например «Иванова Анна Петровна»',
  );
/** An e-mail address or nothing. */
export const emailSetting = () =>
  own().refine((s) => s === '' || isEmail(s), 'нужен адрес почты вида kurator@school.ru');
const yesNo = () =>
  z
    .union([z.string(), z.number(), z.boolean(), z.date()])
    .transform((v) =>
      typeof v === 'boolean' ? v : ['да', 'yes', 'true', '1'].includes(String(v).trim().toLowerCase()),
    );

export const DOCUMENT_SETTINGS = defineSettings({
  orgName: {
    name: 'Документы: наименование организации',
    help: 'Полное наименование школы, как в шапке приказа; оно же — имя отправителя писем.',
    defaultCell: '',
    parse: own,
    required: 'школа',
  },
  place: {
    name: 'Документы: населённый пункт',
    help: 'Место издания приказа и заключения соглашений, например «г. Тверь».',
    defaultCell: '',
    parse: own,
    required: 'школа',
  },
  directorName: {
    name: 'Документы: ФИО руководителя',
    help: 'Фамилия Имя Отчество директора полностью — программа сама склоняет и сокращает.',
    defaultCell: '',
    parse: fullName,
    required: 'школа',
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
    parse: emailSetting,
  },
  curatorName: {
    name: 'Документы: ФИО куратора',
    help: 'Фамилия Имя Отчество куратора программы полностью; им подписаны письма.',
    defaultCell: '',
    parse: fullName,
    required: 'школа',
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
