// Stage «Мониторинг и завершение наставничества»: the curator refreshes Мониторинг, makes the
// half-year monitoring report and the statistics for the regional centre, then «Закрыть учебный
// год» writes the year-end report, archives the year's sheets and carries mentors who agreed into
// the long-term base. The stage prints the coverage figures against the regulation's targets.
import { readMonitoringGrid } from '../../core/monitoring/district';
import { MONITORING_HEADERS, russianNumber } from '../../core/monitoring/figures';
import { academicYear } from '../../core/monitoring/yearClose';
import { SHEETS } from '../../core/sheets';
import type { CellValue } from '../../core/table';
import { toastLines } from './curator';
import type { DemoStage } from './stages';

export const yearCloseStage: DemoStage = {
  title: 'Мониторинг и завершение наставничества',
  run({ ws, advanceTo }) {
    // The last week of June of the school year under way: final meetings and surveys are behind.
    const endYear = Number(academicYear(ws.now().toISOString().slice(0, 10)).slice(5));
    advanceTo(new Date(Date.UTC(endYear, 5, 25, 7, 0)));
    ws.run('refreshMonitoring');
    const refreshed = toastLines(ws.lastRun?.ui);
    const rows = readMonitoringGrid([
      [...MONITORING_HEADERS],
      ...(ws.sheetRows(SHEETS.monitoring) as CellValue[][]),
    ]);
    const value = (key: string) => rows.find((r) => r.key === key)?.value ?? 0;
    const coverage = rows
      .filter((r) => r.target !== undefined)
      .map((r) => {
        const base = r.key.slice(0, r.key.lastIndexOf('.'));
        return `  ${r.name.replace(/: доля$/, '')}: ${russianNumber(r.value)}% (${value(`${base}.count`)} из ${value(`${base}.total`)}), цель ${r.target}% — ${r.met ? 'выполнено' : 'не выполнено'}`;
      });
    ws.run('createHalfYearReport');
    ws.run('createStatisticsReport');
    ws.run('closeSchoolYear');
    const closed = toastLines(ws.lastRun?.ui);
    return [
      ...refreshed,
      'Охват целевых групп (положение: не менее 10%, предприятия — 2%, согласия — 100%):',
      ...coverage,
      `Пар: действует ${value('pairs.approved.count')}, завершено ${value('pairs.completed.count')}, досрочно ${value('pairs.ended_early.count')}; встреч проведено ${value('meetings.held.count')} из ${value('meetings.held.total')}`,
      `Удовлетворённость наставляемых: ${russianNumber(value('satisfaction.all.mentee.avg'))} (ответов ${value('satisfaction.all.mentee.n')}); хотят стать наставниками: ${russianNumber(value('wantsToMentor.percent'))}%`,
      'Отчёты в Drive «Наставничество — отчёты»: мониторинг, статистика для РНЦ, итоги года',
      '«Закрыть учебный год»:',
      ...closed.map((l) => `  ${l}`),
    ];
  },
};
