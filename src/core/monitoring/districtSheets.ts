// The district workbook's own sheets: the schools it collects from, the cache of their reports and
// the cross-school proposals it sends back to each school's Пары.
import { cellColumn, defineSheet, textColumn } from '../schema';
import { MENTOR_BANK } from './yearClose';

export const DISTRICT_SHEETS = {
  schools: 'Школы',
  dashboard: 'Сводка района',
  bank: 'Районный банк наставников',
  proposals: 'Районные предложения',
} as const;

export const SCHOOLS = defineSheet(DISTRICT_SHEETS.schools, {
  name: textColumn('Школа'),
  url: textColumn('Ссылка на таблицу'),
  state: textColumn('Состояние'),
  collectedAt: cellColumn('Собрано'),
});

export const COLLECTION_SHEET = 'Сбор отчётов школ';
export const COLLECTION = defineSheet(COLLECTION_SHEET, {
  school: textColumn('Школа'),
  collectedAt: cellColumn('Собрано'),
  outcome: textColumn('Итог'),
  data: textColumn('Данные'),
});

export const PROPOSALS = defineSheet(DISTRICT_SHEETS.proposals, {
  pairId: textColumn('ID пары'),
  school: textColumn('Школа'),
  menteeId: textColumn('Код наставляемого'),
  formId: textColumn('Форма'),
  mentor: textColumn('Наставник'),
  mentorSchool: textColumn('Школа наставника'),
  mentorEmail: textColumn('E-mail наставника'),
  score: cellColumn('Баллы'),
  explanation: textColumn('Почему эта пара'),
  sentAt: cellColumn('Отправлено'),
  /** What the school decided: «отклонена» returns the mentor to the bank for the next collection. */
  answer: textColumn('Ответ школы', { optional: true }),
});

export const DECLINED_ANSWER = 'отклонена';

/** The district's bank: the schools' long-term mentor bases, one line per mentor and school. */
export const DISTRICT_BANK = defineSheet(DISTRICT_SHEETS.bank, MENTOR_BANK.columns);
