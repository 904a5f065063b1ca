// Settings of documents and the order registry, as the curator sees them in Настройки.
import * as z from 'zod/mini';
import { isEmail } from '../intake/text';
import { lazySchema } from '../lazySchema';
import { defineSettings, reject, type SettingValues } from '../settings';
import type { CellValue } from '../table';
import type { GrammaticalCase } from '../templates/declension';

const text = (min: number, message: string) =>
  z.coerce.string<CellValue>().check(z.trim(), z.minLength(min, message));
/** A value the school types itself: empty until filled (the empty value is reported, not parsed). */
const own = lazySchema(() => z.coerce.string<CellValue>().check(z.trim()));
/**
 * A full name of three words at most four: «Иванова Анна Петровна». Typed in capitals it is fine too:
 * documents print it in the usual case.
 */
const fullName = () =>
  own().check(
    z.refine(
      (s) => s === '' || /^[А-ЯЁ][А-ЯЁа-яё-]+(\s+[А-ЯЁ][А-ЯЁа-яё-]+){1,3}$/.test(s),
      'нужны фамилия, имя и отчество полностью, например «Иванова Анна Петровна»',
    ),
  );
/** An e-mail address or nothing. */
export const emailSetting = () =>
  own().check(z.refine((s) => s === '' || isEmail(s), 'нужен адрес почты вида kurator@school.ru'));
const yesNo = lazySchema(() =>
  z.pipe(
    z.union([z.string(), z.number(), z.boolean(), z.date()], { error: 'нужно «да» или «нет»' }),
    z.transform((v) =>
      typeof v === 'boolean' ? v : ['да', 'yes', 'true', '1'].includes(String(v).trim().toLowerCase()),
    ),
  ),
);

export const ORDER_NUMBERINGS = ['calendar', 'school', 'continuous'] as const;
export type OrderNumbering = (typeof ORDER_NUMBERINGS)[number];
export const ORDER_NUMBERING_LABELS: Record<OrderNumbering, string> = {
  calendar: 'по календарному году',
  school: 'по учебному году',
  continuous: 'сквозная',
};

const CASE_LABELS: Array<[Exclude<GrammaticalCase, 'nominative'>, string, string]> = [
  ['genitive', 'родительном', 'нет кого? чего?: «Директору …»'],
  ['dative', 'дательном', 'кому? чему?: «даю … согласие»'],
  ['accusative', 'винительном', 'кого? что?'],
  ['instrumental', 'творительном', 'кем? чем?'],
  ['prepositional', 'предложном', 'о ком? о чём?: «в …»'],
];

/** «Документы: наименование в родительном падеже» and the other four: empty means «склонять самой программе». */
function caseOverrides() {
  const parse = () => z.coerce.string<CellValue>().check(z.trim());
  const entries = CASE_LABELS.map(([c, label, question]) => [
    `orgName_${c}`,
    {
      name: `Документы: наименование в ${label} падеже`,
      help: `Пусто — программа склоняет наименование сама (${question}). Заполните, если она склоняет неверно.`,
      defaultCell: '',
      parse,
    },
  ]);
  return Object.fromEntries(entries) as Record<
    `orgName_${Exclude<GrammaticalCase, 'nominative'>}`,
    { name: string; help: string; defaultCell: string; parse: typeof parse }
  >;
}

/** The curator's hand-written forms of the organisation's name, by case. */
export const orgNameOverrides = (s: DocumentSettings): Partial<Record<GrammaticalCase, string>> =>
  Object.fromEntries(CASE_LABELS.map(([c]) => [c, s[`orgName_${c}`]]).filter(([, v]) => v));

/** What a document's addressee without a Google account gets instead of access. */
export type WithoutGoogle = 'pdf' | 'print';
export const WITHOUT_GOOGLE_LABELS: Record<WithoutGoogle, string> = { pdf: 'PDF по почте', print: 'печать' };

export const DOCUMENT_SETTINGS = defineSettings({
  orgName: {
    name: 'Документы: наименование организации',
    help: 'Полное наименование школы, как в шапке приказа; оно же — имя отправителя писем.',
    defaultCell: '',
    parse: own,
    required: 'школа',
  },
  ...caseOverrides(),
  orgAddress: {
    name: 'Документы: адрес организации',
    help: 'Юридический адрес школы с индексом — для согласий на обработку персональных данных. Пусто — линия для записи от руки.',
    defaultCell: '',
    parse: () => z.coerce.string<CellValue>().check(z.trim()),
  },
  orgInn: {
    name: 'Документы: ИНН организации',
    help: 'Для согласия на распространение персональных данных. Пусто — линия для записи от руки.',
    defaultCell: '',
    parse: () => z.coerce.string<CellValue>().check(z.trim()),
  },
  orgOgrn: {
    name: 'Документы: ОГРН организации',
    help: 'Для согласия на распространение персональных данных. Пусто — линия для записи от руки.',
    defaultCell: '',
    parse: () => z.coerce.string<CellValue>().check(z.trim()),
  },
  publishResources: {
    name: 'Документы: сайт и сообщества школы',
    help: 'Адреса, где школа публикует сведения об участниках (сайт, группа в соцсети), через «; ». Пусто — линия для записи от руки.',
    defaultCell: '',
    parse: () => z.coerce.string<CellValue>().check(z.trim()),
  },
  dataOfficer: {
    name: 'Документы: ответственный за обработку ПД',
    help: 'ФИО сотрудника, ответственного за обработку персональных данных. Пусто — куратор.',
    defaultCell: '',
    parse: () => z.coerce.string<CellValue>().check(z.trim()),
  },
  regulation: {
    name: 'Документы: положение о наставничестве',
    help: 'Реквизиты положения о наставничестве школы для преамбулы приказов, например «утверждённым приказом от 30.08.2026 № 112-о». Пусто — без реквизитов.',
    defaultCell: '',
    parse: () => z.coerce.string<CellValue>().check(z.trim()),
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
    parse: () => text(1, 'нужен формат').check(z.refine((s) => s.includes('{n}'), 'в формате нужно {n}')),
  },
  orderNumbering: {
    name: 'Приказы: нумерация',
    help: '«по календарному году» — с 1 января номера начинаются с 1; «по учебному году» — с 1 сентября; «сквозная» — без перерыва.',
    defaultCell: ORDER_NUMBERING_LABELS.calendar,
    parse: () =>
      z.pipe(
        z.coerce.string<CellValue>().check(z.trim()),
        z.transform(
          (v, ctx): OrderNumbering =>
            ORDER_NUMBERINGS.find((n) => ORDER_NUMBERING_LABELS[n] === v.toLowerCase()) ??
            reject(ctx, 'нужно «по календарному году», «по учебному году» или «сквозная»'),
        ),
      ),
  },
  orderFirstNumber: {
    name: 'Приказы: первый номер',
    help: 'Следующий номер в книге приказов школы, когда в листе «Приказы» ещё нет ни одного приказа (например 46, если последний бумажный приказ года — 45). Новый год нумерации начинается с 1.',
    defaultCell: 1,
    parse: () =>
      z.coerce
        .number<CellValue>({ error: 'нужно целое число' })
        .check(z.int('нужно целое число'), z.gte(1, 'не меньше 1')),
  },
  planDays: {
    name: 'Документы: срок разработки планов, дней',
    help: 'Сколько дней после приказа дано парам на индивидуальный план.',
    defaultCell: 14,
    parse: () =>
      z.coerce
        .number<CellValue>({ error: 'нужно целое число' })
        .check(z.int('нужно целое число'), z.gte(1, 'не меньше 1'), z.lte(120, 'не больше 120')),
  },
  pdfCopy: {
    name: 'Документы: копия в PDF',
    help: '«да» — рядом с каждым документом сохранять PDF.',
    defaultCell: 'нет',
    parse: yesNo,
  },
  withoutGoogle: {
    name: 'Документы: если у адресата нет аккаунта Google',
    help: 'Google открывает документ только адресам с аккаунтом Google (обычно не mail.ru и не yandex.ru). «PDF по почте» — такому адресату документ уходит письмом в PDF; «печать» — документ отмечается в листе «Документы» для печати и передачи на бумаге.',
    defaultCell: WITHOUT_GOOGLE_LABELS.pdf,
    parse: () =>
      z.pipe(
        z.coerce.string<CellValue>().check(z.trim()),
        z.transform(
          (v, ctx): WithoutGoogle =>
            v.toLowerCase() === WITHOUT_GOOGLE_LABELS.print
              ? 'print'
              : v.toLowerCase() === WITHOUT_GOOGLE_LABELS.pdf.toLowerCase()
                ? 'pdf'
                : reject(ctx, 'нужно «PDF по почте» или «печать»'),
        ),
      ),
  },
  runSeconds: {
    name: 'Документы: время одного запуска, сек',
    help: 'Сколько секунд один запуск создаёт документы, потом продолжает по таймеру (предел Google — 360).',
    defaultCell: 270,
    parse: () =>
      z.coerce
        .number<CellValue>({ error: 'нужно число секунд' })
        .check(z.gte(5, 'не меньше 5'), z.lte(330, 'не больше 330')),
  },
});
export type DocumentSettings = SettingValues<typeof DOCUMENT_SETTINGS>;

/** «{n}-о» with 45 → «45-о». */
export const formatOrderNumber = (format: string, n: number): string => format.split('{n}').join(String(n));
