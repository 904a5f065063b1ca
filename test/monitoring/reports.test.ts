// The report documents filled from the hand-computed school (test/monitoring/fixture.ts).
import { computeMonitoring } from '../../src/core/monitoring/compute';
import { NO_RECOGNITION } from '../../src/core/monitoring/recognition';
import { renderReport, reportData } from '../../src/core/monitoring/reports';
import { bestMentors, mentoringCases } from '../../src/core/monitoring/results';
import type { DocumentSpec } from '../../src/core/templates';
import { fixtureInput } from './fixture';

const ctx = {
  school: 'МОУ «Щегловская СОШ»',
  academicYear: '2025-2026',
  asOf: '20 мая 2026 г.',
  period: 'с 1 сентября 2025 г. по 20 мая 2026 г.',
  directorPosition: 'Директор',
  director: 'М. Л. Троицкая',
  curator: 'О. И. Кузнецова',
};
const criteria = { minHeldShare: 50, minMenteeScore: 7, count: 5 };
/** The curator confirmed m1 of the proposed mentors and the case of pair p2. */
const confirmed = {
  ...NO_RECOGNITION,
  mentors: new Set(['m1']),
  cases: new Set(['p2']),
  proposedMentors: 2,
  proposedCases: 1,
};

const tables = (doc: DocumentSpec) => doc.blocks.flatMap((b) => (b.kind === 'table' ? [b.rows] : []));
const text = (doc: DocumentSpec) =>
  doc.blocks
    .map((b) => (b.kind === 'paragraph' ? b.text : b.rows.map((r) => r.join(' | ')).join('\n')))
    .join('\n');

describe('statistics report', () => {
  const input = fixtureInput();
  const doc = renderReport(
    'statistics',
    reportData('statistics', ctx, computeMonitoring(input), input, criteria, confirmed),
  );

  it('counts participants of working pairs by form and role, as in the bases', () => {
    const [byForm, byCategory] = tables(doc);
    expect(byForm).toEqual([
      ['Форма наставничества', 'Наставников', 'Наставляемых'],
      ['ученик – ученик', '1', '1'], // p2 m2–e2
      ['учитель – учитель', '1', '2'], // p1 m1–e1, p5 m1–e6
      ['учитель – ученик', '0', '0'], // p6 only proposed
      ['студент – ученик', '0', '0'],
      ['работодатель – ученик', '2', '2'], // p3 m3–e3, p4 m4–e4 (ended early still took part)
    ]);
    expect(byCategory).toEqual([
      ['Категория', 'Наставников', 'Наставляемых'],
      ['ученик', '1', '3'], // m2; e2 e3 e4
      ['педагог', '1', '1'], // m1; e6
      ['молодой специалист', '0', '1'], // e1
      ['представитель работодателя', '2', '0'], // m3 m4
    ]);
    expect(text(doc)).toContain('наставников — 4, наставляемых — 5');
    // Approved by the director, signed by the curator, for a stated period; no stale deadline.
    expect(text(doc)).toContain('УТВЕРЖДАЮ\nДиректор МОУ «Щегловская СОШ»\n_______________ М. Л. Троицкая');
    expect(text(doc)).toContain('Отчётный период: с 1 сентября 2025 г. по 20 мая 2026 г.');
    expect(text(doc)).toContain('Куратор целевой модели наставничества _______________ О. И. Кузнецова');
    expect(text(doc)).not.toContain('30 декабря');
    expect(text(doc)).not.toContain('{{');
  });
});

describe('year-end report', () => {
  const input = fixtureInput();

  it('names the best mentors by the curator criteria, best first', () => {
    // m1: meetings due p1 3 + p5 1 = 4, held 3 → 75%; mentees e1 9 (e6 gave no scores) → 9.
    // m2: p2 3 of 3 = 100%; e2 8. m3: p3 1 of 2 = 50%; e3 6 < 7 → out. m4: no mentee answers → out.
    expect(bestMentors(input, criteria).map((b) => [b.id, b.heldShare, b.menteeScore])).toEqual([
      ['m1', 75, 9],
      ['m2', 100, 8],
    ]);
    expect(bestMentors(input, { ...criteria, minHeldShare: 80 }).map((b) => b.id)).toEqual(['m2']);
    expect(bestMentors(input, { ...criteria, count: 1 }).map((b) => b.id)).toEqual(['m1']);
  });

  it('writes a case per completed pair with the mentee named by first name and initial', () => {
    const cases = mentoringCases(input);
    expect(cases.map((c) => [c.pairId, c.mentee, c.meetingsHeld])).toEqual([
      ['p2', 'Артём Л.', 3],
      ['p3', 'Дарья К.', 1],
    ]);
    expect(cases[0].changes).toEqual([
      'мотивация к учёбе: 6 → 8 (+2)',
      'успеваемость (самооценка): 3,5 → 4 (+0,5)',
    ]);
  });

  it('fills every placeholder of the year-end and half-year templates', () => {
    for (const kind of ['yearEnd', 'halfYear'] as const) {
      const doc = renderReport(
        kind,
        reportData(kind, ctx, computeMonitoring(input), input, criteria, confirmed),
      );
      expect(text(doc)).not.toContain('{{');
      expect(text(doc)).toContain('Щегловская');
    }
    const yearEnd = renderReport(
      'yearEnd',
      reportData('yearEnd', ctx, computeMonitoring(input), input, criteria, confirmed),
    );
    expect(text(yearEnd)).toContain('Иванова Анна Петровна');
    expect(text(yearEnd)).toContain('Названы наставники, которых куратор подтвердил из предложенных');
    const none = renderReport(
      'yearEnd',
      reportData(
        'yearEnd',
        ctx,
        computeMonitoring(input),
        input,
        { ...criteria, minHeldShare: 101 },
        NO_RECOGNITION,
      ),
    );
    expect(text(none)).toContain('Ни один наставник пока не отвечает этим критериям');
    expect(text(yearEnd)).not.toContain('Лебедев');
  });

  it('names only the mentors and cases the curator confirmed, and says so when none is confirmed yet', () => {
    const yearEnd = renderReport(
      'yearEnd',
      reportData('yearEnd', ctx, computeMonitoring(input), input, criteria, confirmed),
    );
    const [best, cases] = tables(yearEnd).filter((t) => t[0][0] === 'Наставник' || t[0][0] === 'Форма');
    expect(best.slice(1).map((r) => r[0])).toEqual(['Иванова Анна Петровна']);
    // Of the two completed pairs only p2's case (mentee Артём Л.) was confirmed.
    expect(cases.slice(1).map((r) => r[2])).toEqual(['Артём Л.']);
    const pending = text(
      renderReport(
        'yearEnd',
        reportData('yearEnd', ctx, computeMonitoring(input), input, criteria, NO_RECOGNITION),
      ),
    );
    expect(pending).not.toContain('Иванова Анна Петровна');
    expect(pending).not.toContain('Артём Л.');
    expect(pending).toContain('Предложено кейсов завершённых пар: 1; куратор пока не подтвердил ни одного');
    expect(pending).toContain(
      `Критериям отвечают наставников: ${bestMentors(input, criteria).length}; куратор пока не подтвердил ни одного (лист «Лучшие наставники и кейсы», столбец «Подтверждаю»), поэтому лучшие наставники не названы.`,
    );
  });

  it('reports plan fulfilment against its 90 % target and every survey’s response rate', () => {
    const yearEnd = text(
      renderReport(
        'yearEnd',
        reportData('yearEnd', ctx, computeMonitoring(input), input, criteria, confirmed),
      ),
    );
    expect(yearEnd).toContain(
      'Встречи индивидуальных планов завершённых пар проведены: доля | 71,4 % | 90 % | нет',
    );
    expect(yearEnd).toContain('Ответили: влияние: выход: доля | 44,4 %');
    const halfYear = text(
      renderReport(
        'halfYear',
        reportData('halfYear', ctx, computeMonitoring(input), input, criteria, confirmed),
      ),
    );
    expect(halfYear).toContain('Обратная связь, наставляемый: средняя оценка | 2 балл');
  });
});
