// «Формы наставничества» as the curator types it: rows read into rules, mistakes explained in Russian,
// and the rules followed by matching.
import { readIntakeSettings } from '../../src/core/intake/settings';
import { formProblem } from '../../src/core/matching/compatibility';
import { capacityIn, DEFAULT_CATALOGUE_ROWS, readCatalogue } from '../../src/core/mentoringForms';
import { DEFAULT_FORMS } from '../../src/core/model';
import { cls, person } from './school';

const row = (over: Record<string, string>) => ({
  label: 'молодой специалист – ученик',
  mentors: 'молодой специалист',
  mentees: 'ученик',
  menteeAge: '10–14',
  menteeGrade: 'с 5 по 8',
  higherClass: 'нет',
  groupSize: '2',
  intervalDays: '21',
  problem: '',
  ...over,
});
const rows = (...values: ReturnType<typeof row>[]) => values.map((v, k) => ({ rowNumber: k + 2, values: v }));

describe('the catalogue of forms of mentoring', () => {
  it('reads back the model forms it is seeded with', () => {
    const { forms, problems } = readCatalogue(
      rows(...DEFAULT_CATALOGUE_ROWS().map((r) => ({ ...r, problem: '' }))),
    );
    expect(problems).toEqual([]);
    expect(forms).toEqual(DEFAULT_FORMS);
  });

  it('reads a school’s own form with its rules; a young specialist may mentor in it', () => {
    const { forms } = readCatalogue(rows(row({})));
    expect(forms[0]).toMatchObject({
      label: 'молодой специалист – ученик',
      mentorCategories: ['young_specialist'],
      menteeCategories: ['student'],
      menteeAge: { min: 10, max: 14 },
      menteeGrade: { min: 5, max: 8 },
      groupSize: 2,
      intervalDays: 21,
    });
    const mentor = person('mentor', { category: 'young_specialist', age: 24 });
    const pupil = person('mentee', { category: 'student', age: 12, schoolClass: cls(6) });
    expect(formProblem(forms[0], mentor, pupil)).toBeUndefined();
  });

  it('explains a row it cannot read and keeps the others', () => {
    const { forms, problems } = readCatalogue(
      rows(
        row({ mentors: 'инженер' }),
        row({ label: 'другая', menteeAge: 'десять' }),
        row({ label: 'третья' }),
      ),
    );
    expect(forms.map((f) => f.label)).toEqual(['третья']);
    expect(problems.map((p) => [p.rowNumber, p.problem])).toEqual([
      [2, expect.stringContaining('неизвестная категория «инженер» (наставники); можно: ученик, педагог')],
      [3, expect.stringContaining('Возраст «десять» не понятен')],
    ]);
  });

  it('reports a form named in Настройки that the catalogue lacks, and offers the rest', () => {
    const cells = new Map([['Формы наставничества', 'учитель – ученик; работодатель – студент']]);
    const { values, problems } = readIntakeSettings(cells, DEFAULT_FORMS);
    expect(values.mentoringForms.map((f) => f.label)).toEqual(['учитель – ученик']);
    expect(problems[0]).toContain('неизвестная форма «работодатель – студент»');
  });

  it('never pairs an 11-year-old with an employer under the model forms', () => {
    const employerForm = DEFAULT_FORMS.find((f) => f.id === 'employer-student');
    const employer = person('mentor', { category: 'employer', age: 40, forms: ['employer-student'] });
    const child = person('mentee', { category: 'student', age: 11, schoolClass: cls(5) });
    expect(employerForm && formProblem(employerForm, employer, child)).toMatch(
      /наставляемому от 14 лет, а ему 11/,
    );
    const senior = person('mentee', { category: 'student', age: 16, schoolClass: cls(10) });
    expect(employerForm && formProblem(employerForm, employer, senior)).toBeUndefined();
  });
});

describe('group size of a form', () => {
  it('caps what a mentor offers by the largest group of their forms', () => {
    const { forms } = readCatalogue(
      rows(row({ groupSize: '2' }), row({ label: 'без предела', groupSize: '' })),
    );
    const limited = person('mentor', { capacity: 5, forms: [forms[0].id] });
    const free = person('mentor', { capacity: 5, forms: [forms[0].id, forms[1].id] });
    expect(capacityIn(limited, forms)).toBe(2);
    expect(capacityIn(free, forms)).toBe(5);
  });
});
