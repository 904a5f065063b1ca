// How the curator's workbook looks: the tabs in the order of the year's work, the «Начало» sheet,
// and each column's width, wrapping, date format, choices and protection, decided from its header.
// Pure data: src/gas/workbookLook.ts applies it.
import { PAIR_STATE_LABELS, PAIR_STATES } from './model';
import { DECISIONS, RECOGNITION_SHEET } from './monitoring/recognition';
import { SHEETS } from './sheets';

export const START_SHEET = 'Начало';

/** Tabs in the order the curator meets them; others follow, response sheets come last. */
export const TAB_ORDER: readonly string[] = [
  START_SHEET,
  SHEETS.settings,
  SHEETS.mentors,
  SHEETS.mentees,
  SHEETS.consents,
  SHEETS.networking,
  SHEETS.preferences,
  SHEETS.pairs,
  'Без пары',
  SHEETS.meetings,
  SHEETS.surveys,
  SHEETS.orders,
  SHEETS.documents,
  SHEETS.monitoring,
  RECOGNITION_SHEET,
  SHEETS.mail,
  SHEETS.intake,
  SHEETS.journal,
];

/** What «Начало» tells a curator who opens the workbook for the first time. */
export const START_ROWS: ReadonlyArray<readonly [string, string]> = [
  ['Шаг', 'Что сделать'],
  [
    '1. Настройки',
    'Откройте лист «Настройки» и заполните раздел «Обязательно заполнить»: школа, директор, куратор, почта. Столбец «Проблема» подскажет, что не так.',
  ],
  [
    '2. Анкеты',
    'Ссылки на анкеты — в конце листа «Настройки». Разошлите их наставникам и наставляемым; ответы появятся в листах «Наставники» и «Наставляемые».',
  ],
  [
    '3. Согласия',
    'Лист «Согласия»: без согласия на обработку персональных данных участник не попадёт в пару.',
  ],
  [
    '4. Пары',
    'Меню «Наставничество» → «Подбор пар» → «Подобрать пары», затем «Проверить пары» и «Утвердить пары».',
  ],
  [
    '5. Документы',
    'После утверждения приказ, соглашения и планы создаются сами; список — в листе «Документы».',
  ],
  [
    '6. Встречи',
    'Лист «Встречи»: план встреч каждой пары. Письма-напоминания уходят сами; сводка приходит вам раз в неделю.',
  ],
  [
    '7. Итоги',
    'Мониторинг обновляется каждое утро; отчёты и закрытие года — в меню «Наставничество» → «Итоги».',
  ],
];

export interface ColumnLook {
  /** Pixels. */
  width: number;
  wrap: boolean;
  date: boolean;
  /** Written by the program: the curator is warned before changing it. */
  system: boolean;
  /** The values a curator chooses from (a dropdown). */
  choices?: readonly string[];
  checkbox: boolean;
  /** Highlighted when it holds anything: a problem to look at. */
  alert: boolean;
  hidden: boolean;
}

const SYSTEM = /^(ID|ID пары|Ключ|Токен|Код|Коды|План|Встреча|Запуск|Ответ|Файл|Квота)/;
const DATE = /^(Дата|Создано|Отправлено|Отмечено|Получено|Обновлено|Когда|Обработано|Поступил)/;
const LONG =
  /^(Пояснение|Текст|HTML|Заметка|Проблема|Ошибка|Причин|Комментарий|Подробности|Тема|Объяснение|Почему|Значение|Что сделать)/;
const NAME =
  /^(Фамилия|Имя|Отчество|Наставник|Наставляемые|Параметр|Показатель|Кому|E-mail|Название|Шаг|Раздел)/;
const ALERT = /^(Проблема|Ошибка)$/;

export function columnLook(sheet: string, header: string): ColumnLook {
  const look: ColumnLook = {
    width: 120,
    wrap: false,
    date: DATE.test(header),
    system: SYSTEM.test(header),
    checkbox: false,
    alert: ALERT.test(header),
    hidden: false,
  };
  if (look.date) look.width = 110;
  else if (LONG.test(header)) {
    look.width = sheet === SHEETS.mail && header === 'HTML' ? 120 : 320;
    look.wrap = header !== 'HTML';
  } else if (NAME.test(header)) look.width = 200;
  if ((sheet === SHEETS.meetings || sheet === SHEETS.networking) && header === 'Проведена')
    look.checkbox = true;
  if (sheet === SHEETS.pairs && header === 'Состояние')
    look.choices = PAIR_STATES.map((s) => PAIR_STATE_LABELS[s]);
  if (sheet === RECOGNITION_SHEET && header === 'Подтверждаю') look.choices = DECISIONS;
  // The monitoring's keys are for the district's collection, not for reading.
  if (sheet === SHEETS.monitoring && header === 'Ключ') look.hidden = true;
  if (sheet === SHEETS.mail && header === 'HTML') look.hidden = true;
  return look;
}

/** Colours of the highlighting. */
export const ALERT_BACKGROUND = '#F8D7DA';
export const OVERDUE_BACKGROUND = '#FFE5B4';
export const GROUP_BACKGROUND = '#E8F0FE';
