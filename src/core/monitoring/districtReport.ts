// The district's annual analytical report (seed 003, п. 7.2): the district's figures, a line per
// school, the schools that could not be read and the district mentor bank.
import { type DocumentSpec, fillTemplate, MemoryDocument, type TemplateRecord } from '../templates';
import { DASHBOARD_FIGURES, type SchoolFigures } from './district';
import { type MonitoringRow, russianNumber } from './figures';

export const DISTRICT_REPORT_TITLE = 'Ежегодный аналитический доклад о развитии наставничества';

const p = (text: string, style: 'title' | 'heading' | 'normal' = 'normal') => ({
  kind: 'paragraph' as const,
  text,
  style,
});

export const DISTRICT_REPORT_TEMPLATE: DocumentSpec = {
  blocks: [
    p('{{title}}', 'title'),
    p(
      '{{district}}, {{academicYear}} учебный год, данные на {{asOf}}; школ в сводке: {{schoolCount}} из {{registered}}.',
    ),
    p('Показатели района', 'heading'),
    {
      kind: 'table',
      header: true,
      rows: [
        ['Показатель', 'Значение', 'Цель', 'Выполнено'],
        ['{{#each figures}}{{name}}', '{{value}} {{unit}}', '{{target}}', '{{met}}{{/each}}'],
      ],
    },
    p('Школы', 'heading'),
    {
      kind: 'table',
      header: true,
      rows: [
        [
          'Школа',
          'Участников',
          'Охват учеников 10–18, %',
          'Охват педагогов, %',
          'Пар действует',
          'Удовлетворённость',
        ],
        [
          '{{#each schools}}{{school}}',
          '{{participants}}',
          '{{students}}',
          '{{teachers}}',
          '{{pairs}}',
          '{{satisfaction}}{{/each}}',
        ],
      ],
    },
    p('{{#if unreachable}}Не удалось прочитать: {{unreachable}}.{{/if}}'),
    p('Районный банк наставников: {{bankSize}}. Предложено пар между школами: {{proposals}}.'),
  ],
};

export interface DistrictReportContext {
  district: string;
  academicYear: string;
  asOf: string;
  registered: number;
  unreachable: string[];
  bankSize: number;
  proposals: number;
}

export function districtReportData(
  ctx: DistrictReportContext,
  district: readonly MonitoringRow[],
  schools: readonly SchoolFigures[],
): TemplateRecord {
  const v = (s: SchoolFigures, key: string) => s.rows.find((r) => r.key === key)?.value ?? 0;
  const shown = new Set(['participants.all.count', ...DASHBOARD_FIGURES.map((f) => f.key)]);
  return {
    title: DISTRICT_REPORT_TITLE,
    district: ctx.district,
    academicYear: ctx.academicYear,
    asOf: ctx.asOf,
    schoolCount: schools.length,
    registered: ctx.registered,
    figures: district
      .filter((r) => shown.has(r.key) || r.target !== undefined)
      .map((r) => ({
        name: r.name,
        value: russianNumber(r.value),
        unit: r.unit,
        target: r.target === undefined ? '' : `${r.target}%`,
        met: r.met === undefined ? '' : r.met ? 'да' : 'нет',
      })),
    schools: schools.map((s) => ({
      school: s.school,
      participants: v(s, 'participants.all.count'),
      students: russianNumber(v(s, 'coverage.students10to18.percent')),
      teachers: russianNumber(v(s, 'coverage.teachers.percent')),
      pairs: v(s, 'pairs.approved.count'),
      satisfaction: russianNumber(v(s, 'satisfaction.all.mentee.avg')),
    })),
    unreachable: ctx.unreachable.join('; '),
    bankSize: ctx.bankSize,
    proposals: ctx.proposals,
  };
}

export function renderDistrictReport(data: TemplateRecord): DocumentSpec {
  const doc = new MemoryDocument(DISTRICT_REPORT_TEMPLATE);
  fillTemplate(doc, data, DISTRICT_REPORT_TITLE);
  return doc.spec;
}
