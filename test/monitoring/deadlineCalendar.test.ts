// «Календарь сроков»: the year's tasks from the roadmap and the reporting dates, states kept current,
// the curator's moves and marks respected, and what the digest is told.
import {
  calendarChanges,
  DEADLINES,
  type DeadlineValues,
  dueTasks,
  ROADMAP_TASKS,
  reportingTasks,
} from '../../src/core/monitoring/deadlineCalendar';
import { applyPatch } from '../../src/core/schema';

const tasks = [
  ...reportingTasks(
    [
      { month: 12, day: 20 },
      { month: 5, day: 20 },
    ],
    [{ month: 12, day: 30 }],
  ),
  ...ROADMAP_TASKS,
];

describe('the deadline calendar', () => {
  const first = calendarChanges([], tasks, '2026-12-01', 30, '2026-2027');
  const rows = first.appends.map((a, i) => ({ rowNumber: i + 2, values: applyPatch(DEADLINES, a) }));
  const row = (key: string) => rows.find((r) => r.values.key === key)?.values as DeadlineValues;

  it('lists every task of the year once, dated in its school year, with its state', () => {
    expect(first.appends).toHaveLength(3 + ROADMAP_TASKS.length);
    expect(row('мониторинг-1')).toMatchObject({ title: 'Мониторинг', due: '20.12.2026', state: 'скоро' });
    expect(row('мониторинг-2')).toMatchObject({ due: '20.05.2027', state: 'предстоит' });
    expect(row('статистика-1')).toMatchObject({ due: '30.12.2026', state: 'скоро' });
    expect(row('п. 5.4')).toMatchObject({ due: '01.11.2026', state: 'просрочено' });
    expect(row('п. 7.8')).toMatchObject({ due: '10.07.2027', state: 'предстоит' });
    expect(calendarChanges(rows, tasks, '2026-12-01', 30, '2026-2027')).toEqual({ updates: [], appends: [] });
  });

  it('keeps the curator’s date and mark, and tells the digest what is due or overdue', () => {
    const edited = rows.map((r) =>
      r.values.key === 'п. 5.4'
        ? { ...r, values: { ...r.values, done: 'да' } }
        : r.values.key === 'статистика-1'
          ? { ...r, values: { ...r.values, due: '10.01.2027' } }
          : r,
    );
    const changes = calendarChanges(edited, tasks, '2026-12-01', 30, '2026-2027');
    const five = edited.find((r) => r.values.key === 'п. 5.4');
    const stats = edited.find((r) => r.values.key === 'статистика-1');
    expect(changes.updates).toEqual(
      expect.arrayContaining([
        { rowNumber: five?.rowNumber, values: { state: 'выполнено' } },
        { rowNumber: stats?.rowNumber, values: { state: 'предстоит' } },
      ]),
    );
    const due = dueTasks(
      edited.map((r) => r.values),
      '2026-12-01',
      30,
    );
    expect(due.map((d) => `${d.title} ${d.date} ${d.overdue ? 'просрочено' : ''}`.trim())).toEqual([
      'Информирование родителей о программе 2026-09-30 просрочено',
      'Встреча с обучающимися о программе 2026-09-30 просрочено',
      'Выбор форм наставничества 2026-10-15 просрочено',
      'Анализ анкет наставников, база наставников 2026-10-25 просрочено',
      'Групповая встреча наставников и наставляемых 2026-10-25 просрочено',
      'Анкетирование наставляемых, сбор согласий 2026-10-31 просрочено',
      'Первые встречи и встречи-планирования пар 2026-11-10 просрочено',
      'Собеседование и обучение наставников 2026-11-30 просрочено',
      'Мониторинг 2026-12-20',
    ]);
  });
});
