// The monitoring reports as default templates (DocumentSpec with {{placeholders}}, filled by the
// shared template engine) and the data that fills them. Curators may edit the template documents in
// Drive; the field names below are the contract with those templates.
import { type DocumentSpec, fillTemplate, MemoryDocument, type TemplateRecord } from '../templates';
import type { MonitoringInput } from './compute';
import { type MonitoringRow, russianNumber } from './figures';
import { freeTextSummary } from './freeText';
import { RECOGNITION_SHEET, type Recognition } from './recognition';
import {
  type BestMentor,
  bestMentors,
  confirmedMentors,
  type MentoringCase,
  mentoringCases,
  proposedCases,
  type Statistics,
  statistics,
} from './results';
import type { BestMentorCriteria } from './settings';

export const REPORT_KINDS = ['halfYear', 'statistics', 'yearEnd'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export const REPORT_TITLES: Record<ReportKind, string> = {
  halfYear: 'Мониторинг программы наставничества',
  statistics: 'Сведения о количестве участников программы наставничества',
  yearEnd: 'Итоги учебного года по программе наставничества',
};

const p = (text: string, style: 'title' | 'heading' | 'normal' = 'normal') => ({
  kind: 'paragraph' as const,
  text,
  style,
});
const table = (rows: string[][]) => ({ kind: 'table' as const, rows, header: true });

const right = (text: string) => ({
  kind: 'paragraph' as const,
  text,
  style: 'normal' as const,
  align: 'right' as const,
});

/** The director approves the report; the curator signs it. */
const approval = [
  right('УТВЕРЖДАЮ'),
  right('{{directorPosition}} {{school | родительный}}'),
  right('_______________ {{director}}'),
  right('«___» ____________ 20___ г.'),
];
const heading = [
  p('{{title}}', 'title'),
  p('{{school}}, {{academicYear}} учебный год. Отчётный период: {{period}}. Сведения на {{asOf}}'),
];
const signature = [p(''), p('Куратор целевой модели наставничества _______________ {{curator}}')];

/** A {{таблица …}} paragraph: the next table's columns, a header repeated on each page, rows kept whole. */
const layout = (widths: string) => p(`{{таблица ширины=${widths} заголовок=1 неразрывно рамки=1}}`);

/** The free-text answers: frequent themes, then the answers by survey, without names. */
const freeTextBlocks = [
  p('Свободные ответы участников', 'heading'),
  p('{{freeTextNote}}'),
  p('{{#if themes}}'),
  layout('60,15,25'),
  table([
    ['Частые слова и сочетания', 'Ответов', 'Опросы'],
    ['{{#each themes}}{{text}}', '{{count}}', '{{surveys}}{{/each}}'],
  ]),
  p('{{/if}}'),
  p('{{#if freeAnswers}}'),
  layout('25,65,10'),
  table([
    ['Опрос', 'Ответ', 'Ответов'],
    ['{{#each freeAnswers}}{{survey}}', '{{text}}', '{{count}}{{/each}}'],
  ]),
  p('{{/if}}'),
];

const figureTable = (list: string) => [
  layout('55,17,14,14'),
  table([
    ['Показатель', 'Значение', 'Цель', 'Выполнено'],
    [`{{#each ${list}}}{{name}}`, '{{value}} {{unit}}', '{{target}}', '{{met}}{{/each}}'],
  ]),
];

export const REPORT_TEMPLATES: Record<ReportKind, DocumentSpec> = {
  halfYear: {
    blocks: [
      ...approval,
      ...heading,
      p('Охват целевых групп', 'heading'),
      ...figureTable('coverage'),
      p('Пары и встречи', 'heading'),
      ...figureTable('work'),
      p('Удовлетворённость участников (этап 1: качество программы)', 'heading'),
      ...figureTable('satisfaction'),
      p('Влияние на участников (этап 2: вход и выход)', 'heading'),
      ...figureTable('impact'),
      ...freeTextBlocks,
      ...signature,
    ],
  },
  statistics: {
    blocks: [
      ...approval,
      ...heading,
      p('По формам наставничества', 'heading'),
      layout('50,25,25'),
      table([
        ['Форма наставничества', 'Наставников', 'Наставляемых'],
        ['{{#each byForm}}{{label}}', '{{mentors}}', '{{mentees}}{{/each}}'],
      ]),
      p('По категориям участников', 'heading'),
      layout('50,25,25'),
      table([
        ['Категория', 'Наставников', 'Наставляемых'],
        ['{{#each byCategory}}{{label}}', '{{mentors}}', '{{mentees}}{{/each}}'],
      ]),
      p(
        'Всего участников (каждый учтён один раз): наставников — {{totalMentors}}, наставляемых — {{totalMentees}}.',
      ),
      ...signature,
    ],
  },
  yearEnd: {
    blocks: [
      ...approval,
      ...heading,
      p('Охват целевых групп', 'heading'),
      ...figureTable('coverage'),
      p('Пары и встречи', 'heading'),
      ...figureTable('work'),
      p('Влияние на участников', 'heading'),
      ...figureTable('impact'),
      p('Лучшие наставники', 'heading'),
      p(
        'Критерии: проведено не менее {{criteria.minHeldShare}} % встреч, средняя оценка наставляемых не ниже {{criteria.minMenteeScore}}. {{bestNote}}',
      ),
      p('{{#if best}}'),
      layout('26,22,9,13,15,15'),
      table([
        ['Наставник', 'Должность', 'Пар', 'Завершено', 'Встреч проведено, %', 'Оценка наставляемых'],
        [
          '{{#each best}}{{name}}',
          '{{position}}',
          '{{pairs}}',
          '{{completed}}',
          '{{heldShare}}',
          '{{menteeScore}}{{/each}}',
        ],
      ]),
      p('{{/if}}'),
      p('Кейсы наставнических пар', 'heading'),
      p('{{casesNote}}'),
      p('{{#if cases}}'),
      layout('16,18,15,21,10,20'),
      table([
        ['Форма', 'Наставник', 'Наставляемый', 'Запрос', 'Встреч', 'Изменения'],
        [
          '{{#each cases}}{{formLabel}}',
          '{{mentor}}',
          '{{mentee}}',
          '{{topics}}',
          '{{meetingsHeld}}',
          '{{changes}}{{/each}}',
        ],
      ]),
      p('{{/if}}'),
      ...freeTextBlocks,
      ...signature,
    ],
  },
};

export interface ReportContext {
  school: string;
  academicYear: string;
  /** Already formatted («20 мая 2026 г.»). */
  asOf: string;
  /** «с 1 сентября 2025 г. по 20 мая 2026 г.» */
  period: string;
  /** «Директор»; the director and the curator as they sign («И. В. Лебедева»). */
  directorPosition: string;
  director: string;
  curator: string;
}

const figureRecord = (r: MonitoringRow): TemplateRecord => ({
  name: r.name,
  value: russianNumber(r.value),
  unit: r.unit,
  target: r.target === undefined ? '' : `${r.target} %`,
  met: r.met === undefined ? '' : r.met ? 'да' : 'нет',
});

const section = (rows: readonly MonitoringRow[], test: (key: string) => boolean): TemplateRecord[] =>
  rows.filter((r) => test(r.key)).map(figureRecord);

const statisticsRecord = (s: Statistics['byForm'][number]): TemplateRecord => ({ ...s });

const PROPOSALS_WHERE = `лист «${RECOGNITION_SHEET}», столбец «Подтверждаю»`;

/** What the report says above the best mentors: only those the curator confirmed are named. */
function bestNote(best: readonly BestMentor[], proposed: number, recognition: Recognition): string {
  if (best.length > 0)
    return `Названы наставники, которых куратор подтвердил из предложенных по этим критериям (${PROPOSALS_WHERE}).`;
  if (proposed === 0 && recognition.proposedMentors === 0)
    return 'Ни один наставник пока не отвечает этим критериям: мало проведённых встреч или оценок наставляемых.';
  return `Критериям отвечают наставников: ${Math.max(proposed, recognition.proposedMentors)}; куратор пока не подтвердил ни одного (${PROPOSALS_WHERE}), поэтому лучшие наставники не названы.`;
}

function casesNote(cases: readonly MentoringCase[], proposed: number, recognition: Recognition): string {
  if (cases.length > 0)
    return `Кейсы завершённых пар, подтверждённые куратором, с изменениями по итогам мониторинга.`;
  if (proposed === 0 && recognition.proposedCases === 0)
    return 'Завершённых пар пока нет, поэтому кейсов нет.';
  return `Предложено кейсов завершённых пар: ${Math.max(proposed, recognition.proposedCases)}; куратор пока не подтвердил ни одного (${PROPOSALS_WHERE}), поэтому кейсы не приводятся.`;
}

function freeTextData(input: MonitoringInput): TemplateRecord {
  const summary = freeTextSummary(input.comments ?? [], input.participants);
  return {
    freeTextNote:
      summary.answers === 0
        ? 'Свободных ответов в опросах пока нет.'
        : `Ответов со свободным текстом: ${summary.answers}. Частые слова и сочетания посчитаны по ответам, где они встречаются (не реже двух раз); имена участников скрыты.`,
    themes: summary.themes.map((t) => ({ ...t })),
    freeAnswers: summary.groups.flatMap((g) =>
      g.answers.map((a) => ({ survey: g.title, text: a.text, count: a.count })),
    ),
  };
}

export function reportData(
  kind: ReportKind,
  ctx: ReportContext,
  rows: readonly MonitoringRow[],
  input: MonitoringInput,
  criteria: BestMentorCriteria,
  recognition: Recognition,
): TemplateRecord {
  const base: TemplateRecord = { title: REPORT_TITLES[kind], ...ctx };
  const coverage = section(rows, (k) => k.startsWith('coverage.') || k.startsWith('consents.'));
  const work = section(
    rows,
    (k) => k.startsWith('pairs.') || k.startsWith('meetings.') || k.startsWith('plans.'),
  );
  // The response rate of every survey stands beside the two-stage monitoring it feeds.
  const impact = section(
    rows,
    (k) => k.startsWith('impact.') || k.startsWith('diagnostics.') || k.startsWith('surveys.'),
  );
  if (kind === 'statistics') {
    const s = statistics(input);
    return {
      ...base,
      byForm: s.byForm.map(statisticsRecord),
      byCategory: s.byCategory.map(statisticsRecord),
      totalMentors: s.total.mentors,
      totalMentees: s.total.mentees,
    };
  }
  if (kind === 'halfYear') {
    const satisfaction = section(
      rows,
      (k) =>
        ((k.startsWith('satisfaction.') || k.startsWith('feedback.')) && !k.endsWith('.n')) ||
        k.startsWith('wantsToMentor.'),
    );
    return { ...base, coverage, work, satisfaction, impact, ...freeTextData(input) };
  }
  const proposedBest = bestMentors(input, criteria).length;
  const allCases = mentoringCases(input);
  const best: BestMentor[] = confirmedMentors(input, recognition.mentors);
  const cases: MentoringCase[] = allCases.filter((c) => recognition.cases.has(c.pairId));
  return {
    ...base,
    coverage,
    work,
    impact,
    ...freeTextData(input),
    bestNote: bestNote(best, proposedBest, recognition),
    casesNote: casesNote(cases, proposedCases(input, criteria.count).length, recognition),
    criteria: { minHeldShare: criteria.minHeldShare, minMenteeScore: criteria.minMenteeScore },
    best: best.map((b) => ({ ...b })),
    cases: cases.map((c) => ({ ...c, topics: c.topics.join(', '), changes: c.changes.join('; ') })),
  };
}

/** The filled report as a document model: what the offline preview and the fallback writer use. */
export function renderReport(
  kind: ReportKind,
  data: TemplateRecord,
  template = REPORT_TEMPLATES[kind],
): DocumentSpec {
  const doc = new MemoryDocument(template);
  fillTemplate(doc, data, REPORT_TITLES[kind]);
  return doc.spec;
}
