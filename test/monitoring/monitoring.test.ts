// Every figure of the Мониторинг sheet against the hand-computed fixture (test/monitoring/fixture.ts).
import { computeMonitoring } from '../../src/core/monitoring/compute';
import { fixtureInput } from './fixture';

// Working pairs (approved, completed, ended early): p1 m1–e1, p2 m2–e2, p3 m3–e3, p4 m4–e4, p5 m1–e6.
// p6 m5–e5 is only proposed. In mentoring: m1 m2 m3 m4 e1 e2 e3 e4 e6 = 9 people.
const EXPECTED: Record<string, number> = {
  // Bases: mentors m1..m5 = 5, mentees e1..e7 = 7, 12 people.
  'participants.mentor.count': 5,
  'participants.mentee.count': 7,
  'participants.all.count': 12,
  'participants.mentor.student.count': 1, // m2
  'participants.mentor.teacher.count': 2, // m1 m5
  'participants.mentor.young_specialist.count': 0,
  'participants.mentor.parent.count': 0,
  'participants.mentor.alumnus.count': 0,
  'participants.mentor.college_student.count': 0,
  'participants.mentor.employer.count': 2, // m3 m4
  'participants.mentee.student.count': 5, // e2 e3 e4 e5 e7
  'participants.mentee.teacher.count': 1, // e6
  'participants.mentee.young_specialist.count': 1, // e1
  'participants.mentee.parent.count': 0,
  'participants.mentee.alumnus.count': 0,
  'participants.mentee.college_student.count': 0,
  'participants.mentee.employer.count': 0,
  'inPairs.mentor.count': 4, // m1 m2 m3 m4
  'inPairs.mentee.count': 5, // e1 e2 e3 e4 e6
  'form.student-student.mentor.count': 1, // p2: m2
  'form.student-student.mentee.count': 1, // p2: e2
  'form.teacher-teacher.mentor.count': 1, // p1, p5: m1 (a group)
  'form.teacher-teacher.mentee.count': 2, // e1 e6
  'form.teacher-student.mentor.count': 0, // p6 only proposed
  'form.teacher-student.mentee.count': 0,
  'form.college-student.mentor.count': 0,
  'form.college-student.mentee.count': 0,
  'form.employer-student.mentor.count': 2, // p3 m3, p4 m4
  'form.employer-student.mentee.count': 2, // e3 e4
  // Mentees aged 10–18: e2 (7th class → 13), e3 (11), e4 (15) = 3; 3 / 40 = 7.5% < 10%.
  'coverage.students10to18.count': 3,
  'coverage.students10to18.total': 40,
  'coverage.students10to18.percent': 7.5,
  // Student mentors aged 15–19: m2 (16) = 1; 1 / 12 = 8.33…% → 8.3% < 10%.
  'coverage.students15to19.count': 1,
  'coverage.students15to19.total': 12,
  'coverage.students15to19.percent': 8.3,
  // Staff in mentoring: m1, e1, e6 = 3; 3 / 25 = 12% ≥ 10%.
  'coverage.teachers.count': 3,
  'coverage.teachers.total': 25,
  'coverage.teachers.percent': 12,
  // Young specialists in mentoring: e1 = 1 (m5 has 2 years but only a proposed pair); 1 / 4 = 25%.
  'coverage.youngSpecialists.count': 1,
  'coverage.youngSpecialists.total': 4,
  'coverage.youngSpecialists.percent': 25,
  // m3 «ООО Ромашка» and m4 «ооо  ромашка» are one organisation: 1 / 60 = 1.67% → 1.7% < 2%.
  'coverage.partners.count': 1,
  'coverage.partners.total': 60,
  'coverage.partners.percent': 1.7,
  // Consent received: m1 m2 m3 m5 e1 e2 e3 e5 e6 = 9 of 12 = 75% < 100%.
  'consents.count': 9,
  'consents.total': 12,
  'consents.percent': 75,
  'pairs.proposed.count': 1,
  'pairs.locked.count': 0,
  'pairs.approved.count': 2,
  'pairs.completed.count': 2,
  'pairs.ended_early.count': 1,
  'pairs.rejected.count': 0,
  // 4 + 3 + 3 (one without a readable date) + 1 + 1 = 12 meetings in the plan. Due by 20 May or held:
  // p1 3 (the June one is neither), p2 3, p3 2, p4 1, p5 1 (held ahead of 5 June) = 10;
  // held: p1 2, p2 3, p3 1, p4 1, p5 1 = 8; 8 / 10 = 80%.
  'meetings.planned.count': 12,
  'meetings.held.count': 8,
  'meetings.held.total': 10,
  'meetings.held.percent': 80,
  // Satisfaction, latest answer per respondent and pair, mean of the answer's scores:
  // mentees e1 (8+10)/2 = 9, e2 resubmitted (7+9)/2 = 8, e3 6 (e6 gave no scores):
  // (9 + 8 + 6) / 3 = 7.666… → 7.67. Mentors m1·p1 9, m1·p5 7.5, m3 10: 26.5 / 3 = 8.83.
  'satisfaction.all.mentor.avg': 8.83,
  'satisfaction.all.mentor.n': 3,
  'satisfaction.all.mentee.avg': 7.67,
  'satisfaction.all.mentee.n': 3,
  'satisfaction.student-student.mentor.avg': 0,
  'satisfaction.student-student.mentor.n': 0,
  'satisfaction.student-student.mentee.avg': 8,
  'satisfaction.student-student.mentee.n': 1,
  'satisfaction.teacher-teacher.mentor.avg': 8.25, // (9 + 7.5) / 2
  'satisfaction.teacher-teacher.mentor.n': 2,
  'satisfaction.teacher-teacher.mentee.avg': 9,
  'satisfaction.teacher-teacher.mentee.n': 1,
  'satisfaction.teacher-student.mentor.avg': 0,
  'satisfaction.teacher-student.mentor.n': 0,
  'satisfaction.teacher-student.mentee.avg': 0,
  'satisfaction.teacher-student.mentee.n': 0,
  'satisfaction.college-student.mentor.avg': 0,
  'satisfaction.college-student.mentor.n': 0,
  'satisfaction.college-student.mentee.avg': 0,
  'satisfaction.college-student.mentee.n': 0,
  'satisfaction.employer-student.mentor.avg': 10,
  'satisfaction.employer-student.mentor.n': 1,
  // Plans of the finished pairs: p2 3 of 3, p3 1 of 3 (the undated one counts as planned), p4 1 of 1.
  'plans.meetings.count': 5,
  'plans.meetings.total': 7,
  'plans.meetings.percent': 71.4,
  // At least 90 % held: p2 and p4 of the three.
  'plans.fulfilled.count': 2,
  'plans.fulfilled.total': 3,
  'plans.fulfilled.percent': 66.7,
  'satisfaction.employer-student.mentee.avg': 6, // e3 named no pair: her working pair p3 gives the form
  'satisfaction.employer-student.mentee.n': 1,
  // Wish to mentor: e1 yes, e2 yes (latest answer), e6 no = 2 of 3 = 66.7%.
  'wantsToMentor.count': 2,
  'wantsToMentor.total': 3,
  'wantsToMentor.percent': 66.7,
  // Response rates over the 9 in mentoring: satisfaction e1 e2 e3 e6 m1 m3; feedback e2; entry e1 e2
  // e3 e4 m1; exit e1 e2 e3 m1.
  'surveys.satisfaction.count': 6,
  'surveys.satisfaction.total': 9,
  'surveys.satisfaction.percent': 66.7,
  'surveys.feedback.count': 1,
  'surveys.feedback.total': 9,
  'surveys.feedback.percent': 11.1,
  'surveys.impact_entry.count': 5,
  'surveys.impact_entry.total': 9,
  'surveys.impact_entry.percent': 55.6,
  'surveys.impact_exit.count': 4,
  'surveys.impact_exit.total': 9,
  'surveys.impact_exit.percent': 44.4,
  // Feedback: e2's one answer, overall 2; no mentor answered.
  'feedback.all.mentee.avg': 2,
  'feedback.all.mentee.n': 1,
  'feedback.all.mentor.avg': 0,
  'feedback.all.mentor.n': 0,
  // Entry diagnostics: e1 e2 e3 e4 m1 of the 9 in mentoring = 55.6%.
  'diagnostics.count': 5,
  'diagnostics.total': 9,
  'diagnostics.percent': 55.6,
  // motivation: e2 6→8, e3 4→5 (e4 left early, no exit): entry 5, exit 6.5, change +1.5.
  'impact.motivation.entry': 5,
  'impact.motivation.exit': 6.5,
  'impact.motivation.change': 1.5,
  'impact.motivation.n': 2,
  // marks: e2 3.5→4, e3 4→4.5: entry 3.75, exit 4.25, change +0.5.
  'impact.marks.entry': 3.75,
  'impact.marks.exit': 4.25,
  'impact.marks.change': 0.5,
  'impact.marks.n': 2,
  // confidence: e1 5→7.
  'impact.confidence.entry': 5,
  'impact.confidence.exit': 7,
  'impact.confidence.change': 2,
  'impact.confidence.n': 1,
  // methods: e1 4→6, m1 8→9: entry 6, exit 7.5, change +1.5.
  'impact.methods.entry': 6,
  'impact.methods.exit': 7.5,
  'impact.methods.change': 1.5,
  'impact.methods.n': 2,
};

const MET: Record<string, { target: number; met: boolean }> = {
  'coverage.students10to18.percent': { target: 10, met: false },
  'coverage.students15to19.percent': { target: 10, met: false },
  'coverage.teachers.percent': { target: 10, met: true },
  'coverage.youngSpecialists.percent': { target: 10, met: true },
  'coverage.partners.percent': { target: 2, met: false },
  'consents.percent': { target: 100, met: false },
  'diagnostics.percent': { target: 100, met: false },
  'plans.meetings.percent': { target: 90, met: false },
};

describe('computeMonitoring on the hand-computed school', () => {
  const rows = computeMonitoring(fixtureInput());

  it('produces exactly the expected figures, each under its own key', () => {
    expect(Object.fromEntries(rows.map((r) => [r.key, r.value]))).toEqual(EXPECTED);
    expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length);
  });

  it('marks each regulation target met or not met', () => {
    const verdicts = Object.fromEntries(
      rows.filter((r) => r.target !== undefined).map((r) => [r.key, { target: r.target, met: r.met }]),
    );
    expect(verdicts).toEqual(MET);
  });

  it('gives every row a Russian section and name', () => {
    for (const r of rows) {
      expect(r.section).toMatch(/[А-Яа-яЁё]/);
      expect(r.name).toMatch(/[А-Яа-яЁё]/);
    }
  });

  it('is deterministic whatever the order of the input', () => {
    const input = fixtureInput();
    const shuffled = computeMonitoring({
      ...input,
      participants: [...input.participants].reverse(),
      pairs: [...input.pairs].reverse(),
      meetings: [...input.meetings].reverse(),
      answers: [...input.answers].reverse(),
    });
    expect(shuffled).toEqual(rows);
  });

  it('reports 0% and not met when the school total is not entered', () => {
    const input = fixtureInput();
    const blank = computeMonitoring({ ...input, totals: { ...input.totals, teachers: 0 } });
    const row = blank.find((r) => r.key === 'coverage.teachers.percent');
    expect(row).toMatchObject({ value: 0, met: false });
  });
});
