// What the monitoring needs from Настройки: the school's totals (denominators of the coverage
// targets of seed 004), the curator's criteria for the best mentors and the workbook's mode.
import * as z from 'zod/mini';
import { lazySchema } from '../lazySchema';
import { defineSettings, reject, type SettingValues } from '../settings';
import type { CellValue } from '../table';

// Each shared by the settings of its kind (a schema never changes once built), built on first use.
const count = lazySchema(() =>
  z.coerce
    .number<CellValue>({ error: 'нужно целое число' })
    .check(z.int('нужно целое число'), z.gte(0, 'не может быть отрицательным')),
);
const share = lazySchema(() =>
  z.coerce
    .number<CellValue>({ error: 'нужен процент от 0 до 100' })
    .check(z.gte(0, 'процент — от 0 до 100'), z.lte(100, 'процент — от 0 до 100')),
);
const score = lazySchema(() =>
  z.coerce
    .number<CellValue>({ error: 'нужна оценка от 0 до 10' })
    .check(z.gte(0, 'оценка — от 0 до 10'), z.lte(10, 'оценка — от 0 до 10')),
);

export const MODES = ['школа', 'муниципалитет'] as const;
export type WorkbookMode = (typeof MODES)[number];

export const monitoringSettings = defineSettings({
  mode: {
    name: 'Режим',
    help: 'школа — программа наставничества одной школы; муниципалитет — районная книга, собирающая отчёты школ.',
    defaultCell: 'школа',
    parse: () =>
      z.pipe(
        z.union([z.string(), z.number(), z.boolean(), z.date()], { error: 'нужен текст' }),
        z.transform((v, ctx): WorkbookMode => {
          const mode = MODES.find((m) => m === String(v).trim().toLowerCase());
          return mode ?? reject(ctx, 'нужно «школа» или «муниципалитет»');
        }),
      ),
  },
  schoolName: {
    name: 'Отчёты: название школы',
    help: 'Короткое название школы (или района) в отчётах, в районной сводке и в подписи писем.',
    defaultCell: '',
    parse: () => z.coerce.string<CellValue>().check(z.trim()),
    required: 'всегда',
  },
  students10to18: {
    name: 'Учеников 10–18 лет (всего в школе)',
    help: 'Знаменатель охвата наставляемых-учеников; цель — не менее 10%.',
    defaultCell: 0,
    parse: count,
  },
  students15to19: {
    name: 'Учеников 15–19 лет (всего в школе)',
    help: 'Знаменатель охвата учеников-наставников; цель — не менее 10%.',
    defaultCell: 0,
    parse: count,
  },
  teachers: {
    name: 'Педагогических работников (всего)',
    help: 'Знаменатель охвата педагогов; цель — не менее 10%.',
    defaultCell: 0,
    parse: count,
  },
  youngSpecialists: {
    name: 'Молодых специалистов со стажем 0–3 года (всего)',
    help: 'Знаменатель охвата молодых специалистов; цель — не менее 10%.',
    defaultCell: 0,
    parse: count,
  },
  partnerOrganisations: {
    name: 'Организаций и предприятий-партнёров (всего)',
    help: 'Знаменатель доли предприятий, предоставивших наставников; цель — не менее 2%.',
    defaultCell: 0,
    parse: count,
  },
  bestMinHeldShare: {
    name: 'Лучшие наставники: проведено встреч не менее, %',
    help: 'Доля проведённых встреч из назначенных на сегодня по всем парам наставника.',
    defaultCell: 90,
    parse: share,
  },
  bestMinMenteeScore: {
    name: 'Лучшие наставники: средняя оценка наставляемых не ниже',
    help: 'Средняя удовлетворённость наставляемых этого наставника по шкале 1–10.',
    defaultCell: 8,
    parse: score,
  },
  bestCount: {
    name: 'Лучшие наставники: сколько назвать в итоговом отчёте',
    help: 'Не больше этого числа наставников попадает в отчёт за год.',
    defaultCell: 5,
    parse: count,
  },
  districtBudgetSeconds: {
    name: 'Район: время одного запуска сбора, с',
    help: 'Сбор отчётов школ прерывается через столько секунд и сам продолжается через минуту (лимит Apps Script — 6 минут).',
    defaultCell: 270,
    parse: () =>
      z.coerce
        .number<CellValue>({ error: 'нужно целое число' })
        .check(
          z.int('нужно целое число'),
          z.gte(0, 'не может быть отрицательным'),
          z.lte(330, 'не больше 330 секунд'),
        ),
  },
});
export type MonitoringSettings = SettingValues<typeof monitoringSettings>;

export type SchoolTotals = Pick<
  MonitoringSettings,
  'students10to18' | 'students15to19' | 'teachers' | 'youngSpecialists' | 'partnerOrganisations'
>;

export interface BestMentorCriteria {
  minHeldShare: number;
  minMenteeScore: number;
  count: number;
}

export const bestMentorCriteria = (s: MonitoringSettings): BestMentorCriteria => ({
  minHeldShare: s.bestMinHeldShare,
  minMenteeScore: s.bestMinMenteeScore,
  count: s.bestCount,
});
