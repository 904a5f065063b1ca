import fc from 'fast-check';
import { approveValidPairs } from '../../src/core/matching/approvePairs';
import {
  assessPair,
  MATCHING_SETTINGS,
  type MatchingSettings,
  type Rankings,
} from '../../src/core/matching/compatibility';
import { planPairs } from '../../src/core/matching/proposePairs';
import {
  type Category,
  CONSENT_STATES,
  DEFAULT_FORMS,
  type Pair,
  type PairState,
  type Participant,
  TOPICS,
} from '../../src/core/model';
import { readSettings } from '../../src/core/settings';
import { cls, person } from './school';

const defaults = (cells: Record<string, string | number> = {}): MatchingSettings =>
  readSettings(MATCHING_SETTINGS, new Map(Object.entries(cells))).values;
const noRankings: Rankings = { byMentee: new Map(), byMentor: new Map() };
const forms = DEFAULT_FORMS;
const formById = new Map(forms.map((f) => [f.id, f]));

describe('compatibility', () => {
  it('explains every point of the score', () => {
    const mentor = person('mentor', {
      schoolClass: cls(9),
      topics: [TOPICS[0], TOPICS[1], TOPICS[2], TOPICS[5]],
      subjects: ['математика'],
      availability: ['суббота'],
    });
    const mentee = person('mentee', {
      schoolClass: cls(6),
      topics: [TOPICS[0], TOPICS[1], TOPICS[2], TOPICS[3]],
      subjects: ['математика', 'физика'],
      availability: ['суббота', 'онлайн'],
    });
    const rankings: Rankings = {
      byMentee: new Map([[mentee.id, [mentor.id]]]),
      byMentor: new Map([[mentor.id, ['x', mentee.id]]]),
    };
    const a = assessPair(mentor, mentee, forms, defaults(), rankings);
    expect(a.problems).toEqual([]);
    expect(a.form?.label).toBe('ученик – ученик');
    expect(a.terms.map((t) => `${t.text} (+${t.points})`)).toEqual([
      'запрос совпадает с компетенциями: 3 из 4 (+30)',
      'общий предмет: математика (+15)',
      'разница в классах: 3 (+10)',
      'общее время встреч: суббота (+10)',
      'наставляемый выбрал наставника: выбор 1 (+30)',
      'наставник выбрал наставляемого: выбор 2 (+13)',
      'взаимный выбор (+20)',
    ]);
    expect(a.score).toBe(128);
  });

  it('takes weights from Настройки', () => {
    const mentor = person('mentor', { schoolClass: cls(9), topics: [TOPICS[0]] });
    const mentee = person('mentee', { schoolClass: cls(6), topics: [TOPICS[0]] });
    const a = assessPair(
      mentor,
      mentee,
      forms,
      defaults({ 'Подбор: баллы за совпадение запроса': 7 }),
      noRankings,
    );
    expect(a.terms[0]).toEqual({ points: 7, text: 'запрос совпадает с компетенциями: 1 из 1' });
  });

  it('loses points when classes are too close or too far', () => {
    const mentee = person('mentee', { schoolClass: cls(5) });
    const points = [6, 7, 8, 10, 11].map(
      (g) =>
        assessPair(person('mentor', { schoolClass: cls(g) }), mentee, forms, defaults(), noRankings).score,
    );
    expect(points).toEqual([5, 10, 10, 5, 0]);
  });

  it.each([
    ['a mentor in the same class', { schoolClass: cls(7) }, {}, /более старшем классе/],
    ['a mentor without consent', { consent: 'withdrawn' as const }, {}, /у наставника нет согласия/],
    ['a mentee without consent', {}, { consent: 'missing' as const }, /у наставляемого нет согласия/],
    ['the same e-mail', { email: 'same@school.ru' }, { email: 'same@school.ru' }, /один и тот же человек/],
    [
      'no common form',
      { forms: ['teacher-student'], category: 'teacher' as Category },
      {},
      /нет общей формы/,
    ],
    [
      'a teacher offered to a student in «учитель – учитель»',
      { forms: ['teacher-teacher'], category: 'teacher' as Category },
      { forms: ['teacher-teacher'] },
      /не подходит для этих категорий/,
    ],
  ])('forbids %s', (_what, mentorOver, menteeOver, message) => {
    const mentor = person('mentor', { schoolClass: cls(9), ...mentorOver });
    const mentee = person('mentee', { schoolClass: cls(7), ...menteeOver });
    expect(assessPair(mentor, mentee, forms, defaults(), noRankings).problems.join('; ')).toMatch(message);
  });
});

// Random schools: categories, classes, forms, consent and capacities drawn at random.
const participantArb = (role: Participant['role']) =>
  fc
    .record({
      category: fc.constantFrom<Category>('student', 'teacher', 'young_specialist', 'college_student'),
      grade: fc.integer({ min: 5, max: 11 }),
      forms: fc.subarray(
        forms.map((f) => f.id),
        { minLength: 1 },
      ),
      consent: fc.constantFrom(...CONSENT_STATES, 'received', 'received'),
      capacity: fc.integer({ min: 0, max: 3 }),
      topics: fc.subarray([...TOPICS.slice(0, 5)]),
      email: fc.integer({ min: 0, max: 40 }),
    })
    .map((r) =>
      person(role, {
        category: r.category,
        schoolClass: r.category === 'student' ? cls(r.grade) : undefined,
        forms: r.forms,
        consent: r.consent,
        capacity: role === 'mentor' ? r.capacity : 0,
        topics: r.topics,
        email: `u${r.email}@school.ru`,
      }),
    );

const schoolArb = fc
  .record({
    mentors: fc.array(participantArb('mentor'), { minLength: 1, maxLength: 8 }),
    mentees: fc.array(participantArb('mentee'), { minLength: 1, maxLength: 14 }),
    states: fc.array(fc.constantFrom<PairState>('locked', 'rejected', 'approved', 'proposed'), {
      maxLength: 6,
    }),
    picks: fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 6, maxLength: 6 }),
    stable: fc.boolean(),
  })
  .map((s) => {
    const existing: Pair[] = s.states.map((state, k) => {
      const mentor = s.mentors[s.picks[k][0] % s.mentors.length];
      const mentee = s.mentees[s.picks[k][1] % s.mentees.length];
      return {
        id: `${mentor.id}/${mentee.id}`,
        mentorId: mentor.id,
        menteeId: mentee.id,
        formId: mentee.forms[0],
        state,
        score: 0,
        explanation: '',
        problem: '',
      };
    });
    return { ...s, existing };
  });

describe('planPairs', () => {
  it('never proposes a pair that breaks a hard rule, and keeps locked, approved and rejected pairs', () => {
    fc.assert(
      fc.property(schoolArb, ({ mentors, mentees, existing, stable }) => {
        const settings = defaults({ 'Подбор: режим': stable ? 'устойчивый' : 'оптимальный' });
        const res = planPairs({ mentors, mentees, forms, existing, rankings: noRankings, settings });
        const mentorOf = new Map(mentors.map((m) => [m.id, m]));
        const menteeOf = new Map(mentees.map((m) => [m.id, m]));
        const load = new Map<string, number>();
        const taken = new Set<string>();
        res.kept.forEach((p, k) => {
          if (existing[k].state === 'proposed') {
            expect(p).toBeUndefined();
            return;
          }
          expect(p?.state).toBe(existing[k].state);
          if (p?.state === 'locked' || p?.state === 'approved') {
            load.set(p.mentorId, (load.get(p.mentorId) ?? 0) + 1);
            taken.add(p.menteeId);
          }
        });
        const rejected = new Set(existing.filter((p) => p.state === 'rejected').map((p) => p.id));
        for (const p of res.proposals) {
          const mentor = mentorOf.get(p.mentorId)!;
          const mentee = menteeOf.get(p.menteeId)!;
          const form = formById.get(p.formId)!;
          expect(mentor.consent).toBe('received');
          expect(mentee.consent).toBe('received');
          expect(mentor.forms).toContain(p.formId);
          expect(mentee.forms).toContain(p.formId);
          expect(form.mentorCategories).toContain(mentor.category);
          expect(form.menteeCategories).toContain(mentee.category);
          if (form.mentorInHigherClass)
            expect(mentor.schoolClass!.grade).toBeGreaterThan(mentee.schoolClass!.grade);
          expect(mentor.email).not.toBe(mentee.email);
          expect(rejected.has(p.id)).toBe(false);
          expect(taken.has(p.menteeId)).toBe(false);
          taken.add(p.menteeId);
          load.set(p.mentorId, (load.get(p.mentorId) ?? 0) + 1);
        }
        for (const p of res.proposals)
          expect(load.get(p.mentorId)!).toBeLessThanOrEqual(mentorOf.get(p.mentorId)!.capacity);
        const unmatched = new Set(res.unmatched.map((u) => u.menteeId));
        for (const m of mentees) if (!taken.has(m.id)) expect(unmatched.has(m.id)).toBe(true);
        for (const u of res.unmatched) expect(u.reason).toMatch(/[а-я]/);
      }),
      { numRuns: 300, seed: 5 },
    );
  });

  it('keeps a locked pair, re-proposes around it and never repeats a rejected one', () => {
    const a = person('mentor', { schoolClass: cls(10), capacity: 1, topics: [TOPICS[0]] });
    const b = person('mentor', { schoolClass: cls(10), capacity: 1 });
    const x = person('mentee', { schoolClass: cls(6), topics: [TOPICS[0]] });
    const y = person('mentee', { schoolClass: cls(6) });
    const settings = defaults();
    const first = planPairs({
      mentors: [a, b],
      mentees: [x, y],
      forms,
      existing: [],
      rankings: noRankings,
      settings,
    });
    expect(first.proposals.map((p) => p.id).sort()).toEqual([`${a.id}/${x.id}`, `${b.id}/${y.id}`]);
    expect(first.proposals.find((p) => p.mentorId === a.id)?.explanation).toContain(
      'запрос совпадает с компетенциями: 1 из 1',
    );

    const edited: Pair[] = [
      { ...first.proposals[0], mentorId: b.id, state: 'locked' }, // curator moved x to b and locked it
      { ...first.proposals[1], mentorId: a.id, state: 'rejected' }, // …and rejected a–y
    ];
    const second = planPairs({
      mentors: [a, b],
      mentees: [x, y],
      forms,
      existing: edited,
      rankings: noRankings,
      settings,
    });
    expect(second.kept[0]).toMatchObject({ id: `${b.id}/${x.id}`, state: 'locked', problem: '' });
    expect(second.proposals).toEqual([]);
    expect(second.unmatched).toEqual([{ menteeId: y.id, reason: 'все подходящие наставники заняты' }]);
  });

  it('flags a locked pair that breaks a hard rule instead of accepting it silently', () => {
    const a = person('mentor', { schoolClass: cls(6) });
    const x = person('mentee', { schoolClass: cls(8) });
    const locked: Pair = {
      id: `${a.id}/${x.id}`,
      mentorId: a.id,
      menteeId: x.id,
      formId: 'student-student',
      state: 'locked',
      score: 0,
      explanation: '',
      problem: '',
    };
    const res = planPairs({
      mentors: [a],
      mentees: [x],
      forms,
      existing: [locked],
      rankings: noRankings,
      settings: defaults(),
    });
    expect(res.kept[0]?.problem).toMatch(/наставник должен учиться в более старшем классе/);
  });

  it.each([
    ['no consent', {}, { consent: 'missing' as const }, 'нет согласия на обработку данных'],
    [
      'no mentor of the form',
      { forms: ['college-student'], category: 'college_student' as Category },
      {},
      'нет наставника с согласием для формы «ученик – ученик»',
    ],
    [
      'only younger mentors',
      { schoolClass: cls(5) },
      {},
      'нет подходящего наставника: в форме «ученик – ученик» наставник должен учиться в более старшем классе',
    ],
  ])('tells why a mentee stays alone: %s', (_what, mentorOver, menteeOver, reason) => {
    const mentor = person('mentor', { schoolClass: cls(9), ...mentorOver });
    const mentee = person('mentee', { schoolClass: cls(6), ...menteeOver });
    const res = planPairs({
      mentors: [mentor],
      mentees: [mentee],
      forms,
      existing: [],
      rankings: noRankings,
      settings: defaults(),
    });
    expect(res.unmatched).toEqual([{ menteeId: mentee.id, reason }]);
  });

  it('follows the post-meeting choices in stable mode, where the optimum would not', () => {
    const a = person('mentor', { schoolClass: cls(10), topics: [TOPICS[0]] });
    const x = person('mentee', { schoolClass: cls(7), topics: [TOPICS[0]] });
    const y = person('mentee', { schoolClass: cls(7) });
    const rankings: Rankings = {
      byMentee: new Map([
        [x.id, [a.id]],
        [y.id, [a.id]],
      ]),
      byMentor: new Map([[a.id, [y.id]]]),
    };
    const run = (mode: string) =>
      planPairs({
        mentors: [a],
        mentees: [x, y],
        forms,
        existing: [],
        rankings,
        settings: defaults({
          'Подбор: режим': mode,
          'Подбор: баллы за выбор наставника': 0,
          'Подбор: бонус за взаимный выбор': 0,
        }),
      }).proposals.map((p) => p.menteeId);
    expect(run('оптимальный')).toEqual([x.id]);
    expect(run('устойчивый')).toEqual([y.id]);
  });

  it('reports full mentors when every fitting mentor is taken', () => {
    const mentor = person('mentor', { schoolClass: cls(9), capacity: 1 });
    const x = person('mentee', { schoolClass: cls(6) });
    const y = person('mentee', { schoolClass: cls(6) });
    const res = planPairs({
      mentors: [mentor],
      mentees: [x, y],
      forms,
      existing: [],
      rankings: noRankings,
      settings: defaults(),
    });
    expect(res.proposals).toHaveLength(1);
    expect(res.unmatched[0].reason).toBe('все подходящие наставники заняты (подходят: 1)');
    expect(res.summary).toEqual({ matched: 1, unmatched: 1, meanScore: 10 });
  });

  it('keeps a district bank proposal as it is and offers its mentee to no one else', () => {
    const mentor = person('mentor', { schoolClass: cls(9), capacity: 2 });
    const x = person('mentee', { schoolClass: cls(6) });
    const y = person('mentee', { schoolClass: cls(6) });
    const fromBank: Pair = {
      id: `РБ-2026-2027-${x.id}`,
      mentorId: 'engineer@zavod.ru',
      menteeId: x.id,
      formId: 'employer-student',
      state: 'proposed',
      score: 11,
      explanation: 'Наставник из районного банка (Школа № 2).',
      problem: '',
    };
    const res = planPairs({
      mentors: [mentor],
      mentees: [x, y],
      forms,
      existing: [fromBank],
      rankings: noRankings,
      settings: defaults(),
    });
    expect(res.kept).toEqual([fromBank]);
    expect(res.proposals.map((p) => p.menteeId)).toEqual([y.id]);
  });
});

describe('curator edits and approval', () => {
  const settings = defaults();
  const proposal = (mentor: Participant, mentee: Participant): Pair => ({
    id: `${mentor.id}/${mentee.id}`,
    mentorId: mentor.id,
    menteeId: mentee.id,
    formId: 'student-student',
    state: 'proposed',
    score: 0,
    explanation: '',
    problem: '',
  });

  it('keeps a proposal whose mentor the curator changed, as locked, and flags it if it breaks a rule', () => {
    const a = person('mentor', { schoolClass: cls(10) });
    const young = person('mentor', { schoolClass: cls(5) });
    const x = person('mentee', { schoolClass: cls(7) });
    const edited: Pair = { ...proposal(a, x), mentorId: young.id };
    const res = planPairs({
      mentors: [a, young],
      mentees: [x],
      forms,
      existing: [edited],
      rankings: noRankings,
      settings,
    });
    expect(res.kept[0]).toMatchObject({ id: `${young.id}/${x.id}`, state: 'locked' });
    expect(res.kept[0]?.problem).toMatch(/более старшем классе/);
    expect(res.proposals).toEqual([]);
  });

  it('approves fitting pairs with the date and leaves broken ones with the problem', () => {
    const a = person('mentor', { schoolClass: cls(10), capacity: 1 });
    const x = person('mentee', { schoolClass: cls(7) });
    const y = person('mentee', { schoolClass: cls(7) });
    const gone = person('mentee', { schoolClass: cls(7), consent: 'withdrawn' });
    const now = new Date('2026-10-10T09:00:00Z');
    const res = approveValidPairs(
      [proposal(a, x), { ...proposal(a, y), state: 'locked' }, proposal(a, gone)],
      [a],
      [x, y, gone],
      forms,
      settings,
      now,
    );
    // The locked pair claims A's only place first; x then finds A full.
    expect(res.pairs.map((p) => [p.menteeId, p.state])).toEqual([
      [x.id, 'proposed'],
      [y.id, 'approved'],
      [gone.id, 'proposed'],
    ]);
    expect(res.pairs[1].approvedAt).toEqual(now);
    expect(res.pairs[0].problem).toMatch(/при ёмкости 1/);
    expect(res.pairs[2].problem).toMatch(/нет согласия/);
    expect(res).toMatchObject({ approvedIds: [`${a.id}/${y.id}`], flagged: 2 });
  });
});
