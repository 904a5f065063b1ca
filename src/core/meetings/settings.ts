// Настройки of the pair's year: meeting cadence, holidays, programme end, reminders, surveys and
// reporting deadlines. Defaults follow seed 002 (feedback in December, March, June; final meetings
// by 10 June) and seed 004 (monitoring by 20 December and 20 May); the curator edits all of them.

import * as z from 'zod/mini';
import { emailSetting } from '../documents/settings';
import { defineSettings, reject } from '../settings';
import type { CellValue } from '../table';
import { MONTHS_NOMINATIVE } from '../templates/russianDate';
import {
  type DayRange,
  dayOfSheetDate,
  type LocalDate,
  parseDayRanges,
  parseLocalDate,
  WEEKDAY_NAMES,
} from './calendar';
import { PARENT_REMINDERS, type ParentReminders } from './duties';

/** A cell read from Sheets: a date cell arrives as a Date, typed text as a string. */
const dateCell = () =>
  z.transform((v: CellValue, ctx): LocalDate => {
    const day = v instanceof Date ? dayOfSheetDate(v) : parseLocalDate(String(v));
    if (!day) return reject(ctx, 'нужна дата вида 10.06.2027');
    return day;
  });

const wholeNumber = (min: number, max: number) =>
  z.transform((v: CellValue, ctx): number => {
    const n = typeof v === 'number' ? v : Number(String(v).trim());
    if (!Number.isInteger(n) || n < min || n > max)
      return reject(ctx, `нужно целое число от ${min} до ${max}`);
    return n;
  });

const dayRanges = () =>
  z.transform((v: CellValue, ctx): DayRange[] => {
    const { ranges, problems } = parseDayRanges(String(v));
    if (problems.length > 0) return reject(ctx, problems.join('; '));
    return ranges;
  });

/** «декабрь, март, июнь» → [12, 3, 6]. */
const monthList = () =>
  z.transform((v: CellValue, ctx): number[] => {
    const out: number[] = [];
    for (const part of String(v).split(/[,;\s]+/)) {
      const word = part.trim().toLowerCase();
      if (!word) continue;
      const i = MONTHS_NOMINATIVE.findIndex((m) => m.slice(0, 3) === word.slice(0, 3));
      if (i < 0) return reject(ctx, `не понимаю месяц «${part}»`);
      out.push(i + 1);
    }
    return out;
  });

/** «20.12, 20.05» → [{month: 12, day: 20}, …]: yearly deadlines. */
const yearlyDays = () =>
  z.transform((v: CellValue, ctx): Array<{ month: number; day: number }> => {
    const out: Array<{ month: number; day: number }> = [];
    for (const part of String(v).split(/[,;]+/)) {
      const p = part.trim();
      if (!p) continue;
      const m = /^(\d{1,2})\.(\d{1,2})$/.exec(p);
      const day = Number(m?.[1]);
      const month = Number(m?.[2]);
      if (!m || month < 1 || month > 12 || day < 1 || day > 31)
        return reject(ctx, `нужны даты вида «20.12», а не «${p}»`);
      out.push({ month, day });
    }
    return out;
  });

const weekday = () =>
  z.transform((v: CellValue, ctx): number => {
    const i = WEEKDAY_NAMES.indexOf(String(v).trim().toLowerCase());
    if (i < 0) return reject(ctx, `нужен день недели: ${WEEKDAY_NAMES.join(', ')}`);
    return i + 1;
  });

const text = () => z.transform((v: CellValue) => String(v).trim());

/** A Russian phone number as people write it: 10 or 11 digits with spaces, dashes, brackets, «+». */
const phoneSetting = () =>
  text().check(
    z.refine((s) => {
      if (s === '') return true;
      const digits = s.replace(/\D/g, '');
      return /^[+\d\s()\-–]+$/.test(s) && digits.length >= 10 && digits.length <= 11;
    }, 'нужен номер телефона, например «+7 900 123-45-67»'),
  );

/** Каникулы 2026/27 and public holidays of the school year; the curator replaces them each year. */
export const DEFAULT_HOLIDAYS =
  '26.10.2026–03.11.2026; 04.11.2026; 28.12.2026–10.01.2027; 23.02.2027; 08.03.2027; ' +
  '22.03.2027–31.03.2027; 03.05.2027; 10.05.2027; 12.06.2027';

export const SCHEDULE_SETTINGS = defineSettings({
  programmeEnd: {
    name: 'Программа: дата окончания',
    help: 'До этой даты проходит итоговая встреча; после неё письма парам не отправляются.',
    defaultCell: '10.06.2027',
    parse: dateCell,
  },
  holidays: {
    name: 'Каникулы и праздники',
    help: 'Периоды через «;», например «26.10.2026–03.11.2026; 04.11.2026». В эти дни нет встреч и писем.',
    defaultCell: DEFAULT_HOLIDAYS,
    parse: dayRanges,
  },
  firstMeetingAfterDays: {
    name: 'Встречи: первая встреча через, дней',
    help: 'Через сколько дней после утверждения пары предложить встречу-знакомство.',
    defaultCell: 7,
    parse: () => wholeNumber(1, 60),
  },
  startStepDays: {
    name: 'Встречи: между первыми встречами, дней',
    help: 'Промежуток между знакомством, пробной встречей и встречей-планированием.',
    defaultCell: 7,
    parse: () => wholeNumber(1, 60),
  },
  intervalDays: {
    name: 'Встречи: интервал регулярных встреч, дней',
    help: 'Например, 14 — раз в две недели.',
    defaultCell: 14,
    parse: () => wholeNumber(1, 90),
  },
  reminderDays: {
    name: 'Почта: напоминание о встрече за, дней',
    help: 'За сколько дней до встречи напомнить наставнику и наставляемым.',
    defaultCell: 2,
    parse: () => wholeNumber(0, 30),
  },
  overdueAfterDays: {
    name: 'Почта: встреча просрочена через, дней',
    help: 'Если встреча не отмечена проведённой через столько дней после даты, наставнику уходит напоминание; после второй пропущенной встречи пишем куратору.',
    defaultCell: 2,
    parse: () => wholeNumber(1, 30),
  },
  feedbackMonths: {
    name: 'Опросы: месяцы обратной связи',
    help: 'В эти месяцы участникам уходит приглашение заполнить анкету обратной связи.',
    defaultCell: 'декабрь, март, июнь',
    parse: monthList,
  },
  feedbackDay: {
    name: 'Опросы: число месяца для приглашения',
    help: 'С какого числа месяца отправлять приглашения (если это выходной — в ближайший учебный день).',
    defaultCell: 1,
    parse: () => wholeNumber(1, 28),
  },
  deadlines: {
    name: 'Сроки: мониторинг',
    help: 'Даты сдачи мониторинга (день.месяц через запятую).',
    defaultCell: '20.12, 20.05',
    parse: yearlyDays,
  },
  statisticsDeadlines: {
    name: 'Сроки: статистический отчёт',
    help: 'Дата сдачи статистики о числе участников (день.месяц).',
    defaultCell: '30.12',
    parse: yearlyDays,
  },
  deadlineHorizonDays: {
    name: 'Сроки: предупреждать за, дней',
    help: 'Сколько дней до срока он попадает в еженедельную сводку куратора.',
    defaultCell: 30,
    parse: () => wholeNumber(1, 120),
  },
  digestWeekday: {
    name: 'Почта: день сводки куратору',
    help: 'В этот день недели куратор получает сводку (или в ближайший следующий учебный день).',
    defaultCell: 'понедельник',
    parse: weekday,
  },
  curatorEmail: {
    name: 'Почта: адрес куратора',
    help: 'Кому отправлять сводку и срочные сообщения; на этот адрес приходят ответы участников и родителей.',
    defaultCell: '',
    parse: emailSetting,
    required: 'школа',
  },
  parentReminders: {
    name: 'Почта: напоминания родителям',
    help: 'Кому из родителей напоминать о встречах: «до 14 лет» (родителям наставляемых младше 14), «всем» или «никому».',
    defaultCell: 'до 14 лет',
    parse: () =>
      z.pipe(
        text(),
        z.transform((v, ctx): ParentReminders => {
          const found = PARENT_REMINDERS.find((p) => p === v.toLowerCase());
          if (!found) return reject(ctx, 'нужно «до 14 лет», «всем» или «никому»');
          return found;
        }),
      ),
  },
  place: {
    name: 'Встречи: время и место',
    help: 'Когда и где обычно проходят встречи, например «после уроков, библиотека». Пишется в письмах о встречах; пусто — не писать.',
    defaultCell: '',
    parse: text,
  },
  curatorPhone: {
    name: 'Почта: телефон куратора',
    help: 'Телефон в подписи писем, например «+7 900 123-45-67». Пусто — без телефона.',
    defaultCell: '',
    parse: phoneSetting,
  },
  webAppUrl: {
    name: 'Веб-приложение: адрес',
    help: 'Адрес развёрнутого веб-приложения для ссылок «встреча проведена» и «отказаться от рассылки». Пусто — определяется сам.',
    defaultCell: '',
    parse: text,
  },
  feedbackFormUrl: {
    name: 'Опросы: ссылка на анкету обратной связи',
    help: 'Заполняется при настройке программы.',
    defaultCell: '',
    parse: text,
  },
  satisfactionFormUrl: {
    name: 'Опросы: ссылка на анкету удовлетворённости',
    help: 'Заполняется при настройке программы.',
    defaultCell: '',
    parse: text,
  },
  impactEntryFormUrl: {
    name: 'Опросы: ссылка на входную диагностику',
    help: 'Заполняется при настройке программы. Приглашение уходит участникам пары после её утверждения.',
    defaultCell: '',
    parse: text,
  },
  impactExitFormUrl: {
    name: 'Опросы: ссылка на выходную диагностику',
    help: 'Заполняется при настройке программы.',
    defaultCell: '',
    parse: text,
  },
  exitSurveyDays: {
    name: 'Опросы: выходная диагностика за, дней до окончания',
    help: 'За сколько дней до окончания программы пригласить участников на выходную диагностику.',
    defaultCell: 21,
    parse: () => wholeNumber(1, 120),
  },
  surveyReminderDays: {
    name: 'Опросы: напомнить не ответившим через, дней',
    help: 'Через сколько дней после приглашения один раз напомнить тем, кто ещё не ответил.',
    defaultCell: 7,
    parse: () => wholeNumber(1, 60),
  },
});

/** The setting that holds each survey form's link. */
export const SURVEY_URL_SETTING = {
  feedback: 'feedbackFormUrl',
  satisfaction: 'satisfactionFormUrl',
  impact_entry: 'impactEntryFormUrl',
  impact_exit: 'impactExitFormUrl',
} as const;
