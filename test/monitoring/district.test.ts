// District figures from school figures, and the cross-school matching of unmatched mentees.

import { DEFAULT_FORMS } from '../../src/core/model';
import { computeMonitoring } from '../../src/core/monitoring/compute';
import {
  aggregateDistrict,
  dashboardLine,
  declinedKey,
  matchAcrossSchools,
  readMonitoringGrid,
} from '../../src/core/monitoring/district';
import { districtReportData, renderDistrictReport } from '../../src/core/monitoring/districtReport';
import { monitoringGrid } from '../../src/core/monitoring/figures';
import { fixtureInput } from './fixture';

const value = (rows: ReturnType<typeof aggregateDistrict>, key: string) => rows.find((r) => r.key === key);

describe('district aggregation', () => {
  const a = computeMonitoring(fixtureInput());
  const inputB = fixtureInput();
  const b = computeMonitoring({
    ...inputB,
    totals: { ...inputB.totals, teachers: 5 },
    answers: inputB.answers.filter((x) => !(x.kind === 'satisfaction' && x.respondentId === 'e1')),
  });
  const district = aggregateDistrict([
    { school: 'Школа А', rows: a },
    { school: 'Школа Б', rows: b },
  ]);

  it('reads back what the Мониторинг sheet shows', () => {
    const back = readMonitoringGrid(monitoringGrid(a));
    expect(back.map((r) => [r.key, r.value, r.target])).toEqual(a.map((r) => [r.key, r.value, r.target]));
  });

  it('sums counts and recomputes percents from the summed parts', () => {
    expect(value(district, 'participants.all.count')?.value).toBe(24); // 12 + 12
    // teachers: 3 of 25 and 3 of 5 → 6 of 30 = 20%, not the mean of 12% and 60%.
    expect(value(district, 'coverage.teachers.percent')).toMatchObject({ value: 20, target: 10, met: true });
    // partners: 1 of 60 twice → 2 of 120 = 1.7% < 2%.
    expect(value(district, 'coverage.partners.percent')).toMatchObject({ value: 1.7, met: false });
  });

  it('averages satisfaction weighted by the number of answers', () => {
    // A: 7.67 over 3 answers; B without e1: (8 + 6) / 2 = 7 over 2 → (23.01 + 14) / 5 = 7.40.
    expect(value(district, 'satisfaction.all.mentee.avg')?.value).toBe(7.4);
    expect(value(district, 'satisfaction.all.mentee.n')?.value).toBe(5);
  });

  it('gives each school one dashboard line with its targets met', () => {
    const line = dashboardLine({ school: 'Школа Б', rows: b });
    expect(line[0]).toBe('Школа Б');
    // B meets teachers (3/5) and young specialists (1/4); misses the other six targets (its finished
    // pairs held 5 of their 7 planned meetings, below the 90 % of the plans' target).
    expect(line[line.length - 1]).toBe('2 из 8');
  });
});

describe('the annual analytical report', () => {
  it('fills the district template with the district figures, a line per school and the unreachable ones', () => {
    const a = computeMonitoring(fixtureInput());
    const schools = [{ school: 'Школа А', rows: a }];
    const ctx = {
      district: 'Каякентский район',
      academicYear: '2025-2026',
      asOf: '20 мая 2026 г.',
      registered: 2,
      unreachable: ['Школа Б (нет доступа)'],
      bankSize: 2,
      proposals: 1,
    };
    const doc = renderDistrictReport(districtReportData(ctx, aggregateDistrict(schools), schools));
    const text = doc.blocks
      .map((b) => (b.kind === 'paragraph' ? b.text : b.rows.map((r) => r.join(' | ')).join('\n')))
      .join('\n');
    expect(text).not.toContain('{{');
    expect(text).toContain('школ в сводке: 1 из 2');
    expect(text).toContain('Школа А | 12 | 7,5 | 12 | 2 | 7,67');
    expect(text).toContain('Не удалось прочитать: Школа Б (нет доступа).');
  });
});

describe('matchAcrossSchools', () => {
  const mentors = [
    {
      email: 'eng@firm.test',
      name: 'Кузнецов Игорь',
      school: 'Школа А',
      category: 'employer' as const,
      forms: ['employer-student'],
      topics: ['профориентация'],
      capacity: 1,
    },
    {
      email: 't@school.test',
      name: 'Иванова Анна',
      school: 'Школа Б',
      category: 'teacher' as const,
      forms: ['teacher-student', 'teacher-teacher'],
      topics: ['подготовка к экзаменам'],
      capacity: 2,
    },
  ];
  const mentees = [
    {
      school: 'Школа В',
      menteeId: 'x1',
      category: 'student' as const,
      forms: ['employer-student', 'teacher-student'],
      topics: ['профориентация'],
    },
    {
      school: 'Школа В',
      menteeId: 'x2',
      category: 'student' as const,
      forms: ['employer-student'],
      topics: ['профориентация'],
    },
    {
      school: 'Школа Г',
      menteeId: 'x3',
      category: 'student' as const,
      forms: ['teacher-student'],
      topics: ['подготовка к экзаменам'],
    },
    {
      school: 'Школа Г',
      menteeId: 'x4',
      category: 'student' as const,
      forms: ['student-student'],
      topics: [],
    },
  ];

  it('matches as many mentees as capacities allow, preferring shared topics', () => {
    const proposals = matchAcrossSchools(mentors, mentees, DEFAULT_FORMS);
    // The employer takes one of x1/x2; x1 can also go to the teacher, so all three fit.
    // x4 wants only ученик – ученик, which never crosses schools.
    expect(proposals.map((p) => [p.menteeId, p.mentorEmail, p.formId]).sort()).toEqual([
      ['x1', 't@school.test', 'teacher-student'],
      ['x2', 'eng@firm.test', 'employer-student'],
      ['x3', 't@school.test', 'teacher-student'],
    ]);
    expect(proposals.find((p) => p.menteeId === 'x3')?.explanation).toContain('подготовка к экзаменам');
  });

  it('never proposes again a pair a school declined', () => {
    const proposals = matchAcrossSchools(
      mentors,
      mentees,
      DEFAULT_FORMS,
      new Set([declinedKey('ENG@firm.test', 'Школа В', 'x2')]),
    );
    // x2 wants only the employer, who is now free for x1; the teacher keeps x3.
    expect(proposals.map((p) => [p.menteeId, p.mentorEmail]).sort()).toEqual([
      ['x1', 'eng@firm.test'],
      ['x3', 't@school.test'],
    ]);
  });
});
