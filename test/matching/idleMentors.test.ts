// Mentors left with free places after «Подобрать пары», each with the reason the curator checks first.
import { MATCHING_SETTINGS } from '../../src/core/matching/compatibility';
import { idleMentors } from '../../src/core/matching/idleMentors';
import { planPairs } from '../../src/core/matching/proposePairs';
import { DEFAULT_FORMS } from '../../src/core/model';
import { readSettings } from '../../src/core/settings';
import { cls, person } from './school';

const settings = readSettings(MATCHING_SETTINGS, new Map()).values;
const rankings = { byMentee: new Map(), byMentor: new Map() };

describe('mentors without (enough) mentees', () => {
  it('are listed with the reason: consent, unused places, a form nobody chose, rules, others placed', () => {
    const busy = person('mentor', { schoolClass: cls(10), capacity: 3, topics: ['профориентация'] });
    const noConsent = person('mentor', { schoolClass: cls(11), consent: 'missing' });
    const teacher = person('mentor', { category: 'teacher', forms: ['teacher-teacher'], capacity: 1 });
    const employer = person('mentor', { category: 'employer', age: 40, forms: ['employer-student'] });
    const full = person('mentor', { schoolClass: cls(9), capacity: 1 });
    const pupil = person('mentee', { schoolClass: cls(7), age: 13, topics: ['профориентация'] });
    const second = person('mentee', { schoolClass: cls(6), age: 12 });
    const child = person('mentee', { schoolClass: cls(5), age: 11, forms: ['employer-student'] });
    const input = {
      mentors: [busy, noConsent, teacher, employer, full],
      mentees: [pupil, second, child],
      forms: DEFAULT_FORMS,
      existing: [],
      rankings,
      settings,
    };
    const result = planPairs(input);
    const idle = new Map(idleMentors(input, result).map((m) => [m.mentorId, m.reason]));
    expect(idle.get(noConsent.id)).toBe('нет согласия на обработку данных');
    expect(idle.get(teacher.id)).toBe('ни один наставляемый с согласием не выбрал форму «учитель – учитель»');
    expect(idle.get(employer.id)).toBe(
      'нет подходящего наставляемого: в форме «работодатель – ученик» наставляемому от 14 лет, а ему 11',
    );
    // busy takes one or two of the pupils; its free places are explained, not hidden.
    expect(idle.get(busy.id)).toMatch(
      /^занято [12] из 3 мест; остальным подходящим наставляемым \(\d\) подобраны другие наставники$/,
    );
    // The eleven-year-old is not paired with the employer.
    expect([...result.proposals].some((p) => p.menteeId === child.id)).toBe(false);
  });

  it('a mentor whose every place is taken is not listed', () => {
    const mentor = person('mentor', { schoolClass: cls(10), capacity: 1 });
    const mentee = person('mentee', { schoolClass: cls(7) });
    const input = {
      mentors: [mentor],
      mentees: [mentee],
      forms: DEFAULT_FORMS,
      existing: [],
      rankings,
      settings,
    };
    expect(idleMentors(input, planPairs(input))).toEqual([]);
  });
});
