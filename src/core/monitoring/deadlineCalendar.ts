// «Календарь сроков»: every dated task of the year from the seeds' roadmaps (seed 002's stages,
// seed 004's monitoring by 20 December and 20 May, the statistics by 30 December), one row per task
// and year, each with its state. The curator moves a date in «Срок», marks a task done in
// «Выполнено» and adds tasks of their own; code adds the year's missing tasks and keeps «Состояние».
import {
  addDays,
  dayOfSheetDate,
  formatRussianDate,
  type LocalDate,
  parseLocalDate,
} from '../meetings/calendar';
import { cellColumn, defineSheet, type RowOf, type RowPatch, textColumn } from '../schema';
import type { CellValue } from '../table';

export const DEADLINES = defineSheet('Календарь сроков', {
  key: textColumn('Код'),
  stage: textColumn('Этап'),
  title: textColumn('Задача'),
  due: cellColumn('Срок'),
  done: cellColumn('Выполнено'),
  state: textColumn('Состояние'),
  year: textColumn('Учебный год'),
});
export type DeadlineValues = RowOf<typeof DEADLINES>;

export interface YearlyTask {
  key: string;
  stage: string;
  title: string;
  month: number;
  day: number;
}

/** Seed 002's yearly dates («далее ежегодно до …»), by its stages; «п.» keeps Sheets from reading the number as a decimal. */
export const ROADMAP_TASKS: readonly YearlyTask[] = [
  { key: 'п. 1.2', stage: 'Подготовка', title: 'Информирование родителей о программе', month: 9, day: 30 },
  { key: 'п. 1.3', stage: 'Подготовка', title: 'Встреча с обучающимися о программе', month: 9, day: 30 },
  {
    key: 'п. 2.1',
    stage: 'База наставляемых',
    title: 'Анкетирование наставляемых, сбор согласий',
    month: 10,
    day: 31,
  },
  { key: 'п. 3.1', stage: 'База наставников', title: 'Выбор форм наставничества', month: 10, day: 15 },
  {
    key: 'п. 3.4',
    stage: 'База наставников',
    title: 'Анализ анкет наставников, база наставников',
    month: 10,
    day: 25,
  },
  {
    key: 'п. 4.4',
    stage: 'Отбор и обучение наставников',
    title: 'Собеседование и обучение наставников',
    month: 11,
    day: 30,
  },
  {
    key: 'п. 5.1',
    stage: 'Формирование пар',
    title: 'Групповая встреча наставников и наставляемых',
    month: 10,
    day: 25,
  },
  {
    key: 'п. 5.4',
    stage: 'Формирование пар',
    title: 'Пары сформированы и утверждены приказом',
    month: 11,
    day: 1,
  },
  {
    key: 'п. 6.1',
    stage: 'Организация работы пар',
    title: 'Первые встречи и встречи-планирования пар',
    month: 11,
    day: 10,
  },
  { key: 'п. 6.5', stage: 'Организация работы пар', title: 'Итоговые встречи пар', month: 6, day: 10 },
  {
    key: 'п. 6.7',
    stage: 'Организация работы пар',
    title: 'Анкетирование удовлетворённости',
    month: 6,
    day: 15,
  },
  { key: 'п. 7.3', stage: 'Завершение', title: 'Мониторинг качества программы', month: 6, day: 30 },
  {
    key: 'п. 7.4',
    stage: 'Завершение',
    title: 'Второй этап мониторинга влияния (выходная диагностика)',
    month: 7,
    day: 5,
  },
  { key: 'п. 7.5', stage: 'Завершение', title: 'Кейсы пар', month: 7, day: 5 },
  {
    key: 'п. 7.7',
    stage: 'Завершение',
    title: 'Итоги в базах наставников и наставляемых',
    month: 7,
    day: 10,
  },
  { key: 'п. 7.8', stage: 'Завершение', title: 'Долгосрочная база наставников', month: 7, day: 10 },
];

/** The monitoring and statistics dates of Настройки, as tasks of the calendar. */
export function reportingTasks(
  monitoring: ReadonlyArray<{ month: number; day: number }>,
  statistics: ReadonlyArray<{ month: number; day: number }>,
): YearlyTask[] {
  return [
    ...monitoring.map((d, i) => ({
      key: `мониторинг-${i + 1}`,
      stage: 'Отчётность',
      title: 'Мониторинг',
      ...d,
    })),
    ...statistics.map((d, i) => ({
      key: `статистика-${i + 1}`,
      stage: 'Отчётность',
      title: 'Статистический отчёт о числе участников',
      ...d,
    })),
  ];
}

/** The day of a yearly task in a school year («2026-2027»): September to August. */
export function taskDay(task: Pick<YearlyTask, 'month' | 'day'>, year: string): LocalDate {
  const start = Number(year.slice(0, 4));
  const y = task.month >= 9 ? start : start + 1;
  return `${y}-${String(task.month).padStart(2, '0')}-${String(task.day).padStart(2, '0')}`;
}

const readDay = (v: CellValue): LocalDate | undefined =>
  v instanceof Date ? dayOfSheetDate(v) : parseLocalDate(String(v ?? ''));

const isDone = (v: CellValue): boolean =>
  v === true ||
  v instanceof Date ||
  /^(да|выполнено|✓|\d{1,2}\.\d{1,2}\.\d{4})$/i.test(String(v ?? '').trim());

export const DEADLINE_STATES = {
  done: 'выполнено',
  overdue: 'просрочено',
  soon: 'скоро',
  later: 'предстоит',
  noDate: 'нет даты',
} as const;

export function deadlineState(
  v: Pick<DeadlineValues, 'due' | 'done'>,
  today: LocalDate,
  horizonDays: number,
) {
  if (isDone(v.done)) return DEADLINE_STATES.done;
  const due = readDay(v.due);
  if (!due) return DEADLINE_STATES.noDate;
  if (due < today) return DEADLINE_STATES.overdue;
  return due <= addDays(today, horizonDays) ? DEADLINE_STATES.soon : DEADLINE_STATES.later;
}

/**
 * The calendar's changes today: the working year's tasks that are missing are appended (a task the curator
 * moved keeps its date), and every row whose state changed gets the new one.
 */
export function calendarChanges(
  rows: ReadonlyArray<{ rowNumber: number; values: DeadlineValues }>,
  tasks: readonly YearlyTask[],
  today: LocalDate,
  horizonDays: number,
  year: string,
): {
  updates: Array<{ rowNumber: number; values: RowPatch<typeof DEADLINES> }>;
  appends: RowPatch<typeof DEADLINES>[];
} {
  const have = new Set(rows.filter((r) => r.values.year === year).map((r) => r.values.key));
  const updates = rows.flatMap(({ rowNumber, values }) => {
    const state = deadlineState(values, today, horizonDays);
    return state === values.state ? [] : [{ rowNumber, values: { state } }];
  });
  const appends = tasks
    .filter((t) => !have.has(t.key))
    .map((t) => {
      const due = formatRussianDate(taskDay(t, year));
      return {
        key: t.key,
        stage: t.stage,
        title: t.title,
        due,
        done: '',
        year,
        state: deadlineState({ due, done: '' }, today, horizonDays),
      };
    });
  return { updates, appends };
}

/** Tasks not done whose date has passed or comes within the horizon, soonest first: for the digest. */
export function dueTasks(
  rows: readonly DeadlineValues[],
  today: LocalDate,
  horizonDays: number,
): Array<{ title: string; date: LocalDate; overdue: boolean }> {
  return rows
    .flatMap((v) => {
      const state = deadlineState(v, today, horizonDays);
      const date = readDay(v.due);
      if (!date || (state !== DEADLINE_STATES.soon && state !== DEADLINE_STATES.overdue)) return [];
      return [{ title: v.title, date, overdue: state === DEADLINE_STATES.overdue }];
    })
    .sort((a, b) => a.date.localeCompare(b.date));
}
