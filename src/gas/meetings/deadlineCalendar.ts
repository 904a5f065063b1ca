// «Календарь сроков» in the workbook: made on the first daily run, topped up with each year's tasks,
// its states kept current; its open tasks go into the curator's weekly digest.
import type { LocalDate } from '../../core/meetings/calendar';
import {
  calendarChanges,
  DEADLINES,
  dueTasks,
  ROADMAP_TASKS,
  reportingTasks,
} from '../../core/monitoring/deadlineCalendar';
import { applyPatch } from '../../core/schema';
import { currentYear } from '../monitoring/yearFigures';
import { SheetTable } from '../sheetTable';
import type { YearSettings } from './yearSettings';

export function syncDeadlineCalendar(today: LocalDate, settings: YearSettings) {
  const s = settings.schedule;
  const table = SheetTable.open(DEADLINES);
  const rows = table.read();
  const tasks = [...reportingTasks(s.deadlines, s.statisticsDeadlines), ...ROADMAP_TASKS];
  // After «Закрыть учебный год» the next year's tasks are listed, even before September.
  const year = currentYear();
  const { updates, appends } = calendarChanges(rows, tasks, today, s.deadlineHorizonDays, year);
  table.write(updates, appends);
  const byRow = new Map(updates.map((u) => [u.rowNumber, u.values]));
  const current = [
    ...rows.map((r) => applyPatch(DEADLINES, byRow.get(r.rowNumber) ?? {}, r.values)),
    ...appends.map((a) => applyPatch(DEADLINES, a)),
  ].filter((v) => v.year === year || v.year === '');
  return dueTasks(current, today, s.deadlineHorizonDays);
}
