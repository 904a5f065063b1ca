// Stage «Мониторинг и завершение наставничества»: the curator refreshes Мониторинг, makes the
// half-year monitoring report and the statistics for the regional centre, then «Закрыть учебный
// год» writes the year-end report, archives the year's sheets and carries mentors who agreed into
// the long-term base. The stage prints the coverage figures against the regulation's targets.
import { MAIL } from '../../core/mail/outbox';
import { MAIL_KIND_LABELS } from '../../core/mail/templates';
import { readMonitoringGrid } from '../../core/monitoring/district';
import { MONITORING_HEADERS, russianNumber } from '../../core/monitoring/figures';
import { RECOGNITION, RECOGNITION_KINDS } from '../../core/monitoring/recognition';
import { academicYear } from '../../core/monitoring/yearClose';
import { columnIndex } from '../../core/schema';
import { SHEETS } from '../../core/sheets';
import type { CellValue } from '../../core/table';
import { resolveIntakeForm } from '../intakeSubmit';
import { toastLines } from './curator';
import { schoolSubmissions } from './demoSubmissions';
import type { DemoSchool } from './schoolModel';
import type { DemoContext, DemoStage } from './stages';

/**
 * The day after the close the long-term base gets its invitations; two mentors in three of those
 * invited send the mentor questionnaire again (the answers they gave last year), in the first days of July.
 */
async function reenrol(
  ws: DemoContext['ws'],
  school: DemoSchool,
  advanceTo: DemoContext['advanceTo'],
  year: number,
  pseudonymous: DemoContext['pseudonymous'],
): Promise<number> {
  advanceTo(new Date(Date.UTC(year, 6, 1, 9, 0)));
  if (pseudonymous) await pseudonymous.daily();
  // In the pseudonymous mode the row's recipient is a placeholder; the mentor reads their own address.
  const resolve = pseudonymous?.resolve ?? ((text: string) => text);
  const invited = new Set(
    ws
      .sheetRows(SHEETS.mail)
      .filter((r) => String(r[columnIndex(MAIL, 'kind')]) === MAIL_KIND_LABELS.reenrol)
      .map((r) => resolve(String(r[columnIndex(MAIL, 'to')])).toLowerCase()),
  );
  const form = resolveIntakeForm(ws, 'mentor');
  if (!form) return 0;
  let n = 0;
  const seen = new Set<string>();
  for (const s of schoolSubmissions(school)) {
    const email = s.respondentEmail.toLowerCase();
    if (s.formId !== 'mentor' || !invited.has(email) || seen.has(email)) continue;
    seen.add(email);
    if (seen.size % 3 === 0) continue;
    if (pseudonymous) ws.submit(form.formId, form.translate(pseudonymous.answers(s)));
    else ws.submit(form.formId, form.translate(s.answers), { respondentEmail: s.respondentEmail });
    n++;
  }
  return n;
}

const column = (index: number): string => String.fromCharCode(65 + index);

/**
 * The curator reads the proposals in «Лучшие наставники и кейсы»: confirms the first two mentors and
 * the first two cases, declines a third mentor when there is one; the rest wait.
 */
function confirmProposals(ws: DemoContext['ws']): { mentors: number; cases: number; declined: number } {
  const rows = ws.sheetRows(RECOGNITION.name);
  const kind = columnIndex(RECOGNITION, 'kind');
  const decision = column(columnIndex(RECOGNITION, 'decision'));
  const out = { mentors: 0, cases: 0, declined: 0 };
  rows.forEach((r, i) => {
    const mentor = String(r[kind]) === RECOGNITION_KINDS.mentor;
    const seen = mentor ? out.mentors + out.declined : out.cases;
    if (seen < 2) {
      ws.edit(RECOGNITION.name, `${decision}${i + 2}`, 'да');
      if (mentor) out.mentors++;
      else out.cases++;
    } else if (mentor && out.declined === 0) {
      ws.edit(RECOGNITION.name, `${decision}${i + 2}`, 'нет');
      out.declined++;
    }
  });
  return out;
}

export const yearCloseStage: DemoStage = {
  title: 'Мониторинг и завершение наставничества',
  async run({ ws, school, advanceTo, outcomes, pseudonymous }) {
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
    const themes = (ws.sheetRows(SHEETS.monitoring) as CellValue[][])
      .filter((r) => r[0] === 'Свободные ответы: частые темы')
      .slice(0, 6)
      .map((r) => `  ${r[1]}: ${r[2]}`);
    const recognised = confirmProposals(ws);
    ws.run('createHalfYearReport');
    ws.run('createStatisticsReport');
    ws.run('closeSchoolYear');
    const closed = toastLines(ws.lastRun?.ui);
    ws.run('confirmNextYearCalendar');
    const calendar = toastLines(ws.lastRun?.ui);
    const reenrolled = await reenrol(ws, school, advanceTo, endYear, pseudonymous);
    const impact = rows
      .filter((r) => r.key.startsWith('impact.') && r.key.endsWith('.change'))
      .map((r) => {
        const base = r.key.slice(0, r.key.lastIndexOf('.'));
        const sign = r.value >= 0 ? '+' : '';
        return `  ${r.name.replace(/: изменение$/, '')}: ${russianNumber(value(`${base}.entry`))} → ${russianNumber(value(`${base}.exit`))} (${sign}${russianNumber(r.value)}; участников ${value(`${base}.n`)})`;
      });
    const fulfilment = `выполнение индивидуальных планов: встреч пар проведено ${value('plans.meetings.count')} из ${value('plans.meetings.total')} встреч (${russianNumber(value('plans.meetings.percent'))}%, цель 90%)`;
    const rate = (kind: string, label: string) =>
      `${label} ${russianNumber(value(`surveys.${kind}.percent`))}% (${value(`surveys.${kind}.count`)} из ${value(`surveys.${kind}.total`)})`;
    const rates = `отклик на опросы: ${[rate('impact_entry', 'входная диагностика'), rate('feedback', 'обратная связь'), rate('impact_exit', 'выходная'), rate('satisfaction', 'удовлетворённость')].join('; ')}`;
    const confirmedLine = `лучшие наставники и кейсы в итоговом отчёте — только подтверждённые куратором: наставников ${recognised.mentors}, кейсов ${recognised.cases} (отклонено ${recognised.declined})`;
    outcomes.push(
      fulfilment,
      rates,
      'изменение от входа к выходу:',
      ...impact.map((l) => `  ${l.trim()}`),
      confirmedLine,
      `частые темы свободных ответов: ${
        themes
          .slice(1, 4)
          .map((l) => l.trim())
          .join('; ') || 'нет'
      }`,
      ...calendar.map((l) => `календарь нового года: ${l}`),
    );
    return [
      ...refreshed,
      'Охват целевых групп (положение: не менее 10%, предприятия — 2%, согласия — 100%):',
      ...coverage,
      `Пар: действует ${value('pairs.approved.count')}, завершено ${value('pairs.completed.count')}, досрочно ${value('pairs.ended_early.count')}; встреч проведено ${value('meetings.held.count')} из ${value('meetings.held.total')}`,
      `Удовлетворённость наставляемых: ${russianNumber(value('satisfaction.all.mentee.avg'))} (ответов ${value('satisfaction.all.mentee.n')}); хотят стать наставниками: ${russianNumber(value('wantsToMentor.percent'))}%`,
      `Выполнение индивидуальных планов: проведено ${value('plans.meetings.count')} из ${value('plans.meetings.total')} встреч (${russianNumber(value('plans.meetings.percent'))}%, цель 90%); планов выполнено не менее чем на 90%: ${value('plans.fulfilled.count')} из ${value('plans.fulfilled.total')}`,
      rates,
      'Изменение от входа к выходу (этап 2 мониторинга влияния):',
      ...impact,
      'Свободные ответы: частые слова и сочетания (ответов), без имён:',
      ...themes,
      `«${RECOGNITION.name}»: ${confirmedLine}`,
      'Отчёты в Drive «Наставничество — отчёты»: мониторинг, статистика для РНЦ, итоги года',
      '«Закрыть учебный год»:',
      ...closed.map((l) => `  ${l}`),
      '«Подтвердить календарь нового года»:',
      ...calendar.map((l) => `  ${l}`),
      `Новый учебный год: наставников из долгосрочной базы записались снова по ссылке из письма — ${reenrolled}`,
    ];
  },
};
