// A small school written by hand: 12 participants, 6 pairs, 12 meetings, survey answers. The
// expected figures in monitoring.test.ts are computed by hand from this file.

import type { SurveyAnswer } from '../../src/core/meetings/surveys';
import { DEFAULT_FORMS, type Pair, type Participant, participantSchema } from '../../src/core/model';
import type { MonitoringInput, MonitoringMeeting } from '../../src/core/monitoring/compute';

type Extra = Partial<Participant> & Pick<Participant, 'id' | 'role' | 'category' | 'forms'>;

const person = (p: Extra & { lastName: string; firstName: string }): Participant =>
  participantSchema().parse({ email: `${p.id}@school.test`, ...p });

export const participants: Participant[] = [
  person({
    id: 'm1',
    role: 'mentor',
    category: 'teacher',
    lastName: 'Иванова',
    firstName: 'Анна',
    middleName: 'Петровна',
    forms: ['teacher-teacher'],
    experienceYears: 20,
    capacity: 2,
    consent: 'received',
    longTermBank: true,
    subjects: ['математика'],
    topics: ['методика преподавания'],
  }),
  person({
    id: 'm2',
    role: 'mentor',
    category: 'student',
    lastName: 'Смирнов',
    firstName: 'Олег',
    forms: ['student-student'],
    schoolClass: { grade: 10, letter: 'А' },
    age: 16,
    capacity: 1,
    consent: 'received',
  }),
  person({
    id: 'm3',
    role: 'mentor',
    category: 'employer',
    lastName: 'Кузнецов',
    firstName: 'Игорь',
    position: 'Инженер, ООО Ромашка',
    forms: ['employer-student'],
    capacity: 1,
    consent: 'received',
    longTermBank: true,
  }),
  person({
    id: 'm4',
    role: 'mentor',
    category: 'employer',
    lastName: 'Попова',
    firstName: 'Елена',
    position: 'Технолог, ооо  ромашка',
    forms: ['employer-student'],
    capacity: 1,
    consent: 'missing',
    longTermBank: true,
  }),
  person({
    id: 'm5',
    role: 'mentor',
    category: 'teacher',
    lastName: 'Волков',
    firstName: 'Денис',
    forms: ['teacher-student'],
    experienceYears: 2,
    capacity: 1,
    consent: 'received',
  }),
  person({
    id: 'e1',
    role: 'mentee',
    category: 'young_specialist',
    lastName: 'Соколова',
    firstName: 'Мария',
    forms: ['teacher-teacher'],
    experienceYears: 1,
    consent: 'received',
  }),
  person({
    id: 'e2',
    role: 'mentee',
    category: 'student',
    lastName: 'Лебедев',
    firstName: 'Артём',
    forms: ['student-student'],
    schoolClass: { grade: 7, letter: 'А' },
    consent: 'received',
  }),
  person({
    id: 'e3',
    role: 'mentee',
    category: 'student',
    lastName: 'Козлова',
    firstName: 'Дарья',
    forms: ['employer-student'],
    schoolClass: { grade: 5, letter: 'Б' },
    age: 11,
    consent: 'received',
  }),
  person({
    id: 'e4',
    role: 'mentee',
    category: 'student',
    lastName: 'Новиков',
    firstName: 'Павел',
    forms: ['employer-student'],
    schoolClass: { grade: 9, letter: 'А' },
    age: 15,
    consent: 'withdrawn',
  }),
  person({
    id: 'e5',
    role: 'mentee',
    category: 'student',
    lastName: 'Морозова',
    firstName: 'Ольга',
    forms: ['teacher-student'],
    schoolClass: { grade: 3, letter: 'В' },
    age: 9,
    consent: 'received',
  }),
  person({
    id: 'e6',
    role: 'mentee',
    category: 'teacher',
    lastName: 'Павлова',
    firstName: 'Ирина',
    forms: ['teacher-teacher'],
    experienceYears: 5,
    consent: 'received',
  }),
  person({
    id: 'e7',
    role: 'mentee',
    category: 'student',
    lastName: 'Семенов',
    firstName: 'Кирилл',
    forms: ['employer-student'],
    age: 14,
    consent: 'missing',
  }),
];

const pair = (
  id: string,
  mentorId: string,
  menteeId: string,
  formId: string,
  state: Pair['state'],
): Pair => ({
  id,
  mentorId,
  menteeId,
  formId,
  state,
  score: 80,
  explanation: '',
  problem: '',
});

export const pairs: Pair[] = [
  pair('p1', 'm1', 'e1', 'teacher-teacher', 'approved'),
  pair('p2', 'm2', 'e2', 'student-student', 'completed'),
  pair('p3', 'm3', 'e3', 'employer-student', 'completed'),
  pair('p4', 'm4', 'e4', 'employer-student', 'ended_early'),
  pair('p5', 'm1', 'e6', 'teacher-teacher', 'approved'),
  pair('p6', 'm5', 'e5', 'teacher-student', 'proposed'),
];

const d = (iso: string) => new Date(`${iso}T12:00:00+03:00`);
const meeting = (pairId: string, date: string, held: boolean): MonitoringMeeting => {
  const pair = pairs.find((p) => p.id === pairId);
  if (!pair) throw new Error(pairId);
  return { mentorId: pair.mentorId, menteeIds: [pair.menteeId], plannedDate: d(date), held };
};

export const asOf = d('2026-05-20');

export const meetings: MonitoringMeeting[] = [
  meeting('p1', '2025-11-10', true),
  meeting('p1', '2026-01-15', true),
  meeting('p1', '2026-03-16', false),
  meeting('p1', '2026-06-01', false),
  meeting('p2', '2025-11-12', true),
  meeting('p2', '2026-02-10', true),
  meeting('p2', '2026-05-12', true),
  meeting('p3', '2025-11-20', true),
  meeting('p3', '2026-04-01', false),
  meeting('p4', '2025-11-25', true),
  meeting('p5', '2026-06-05', true),
  // The curator typed a date that does not read: planned, not yet due.
  { mentorId: 'm3', menteeIds: ['e3'], held: false },
];

const answer = (
  a: Omit<SurveyAnswer, 'formId' | 'flags' | 'pairId'> & Partial<SurveyAnswer>,
): SurveyAnswer => ({
  formId: `form-${a.kind}`,
  pairId: '',
  flags: {},
  ...a,
});

export const answers: SurveyAnswer[] = [
  answer({
    kind: 'satisfaction',
    role: 'mentee',
    respondentId: 'e1',
    pairId: 'p1',
    date: d('2026-05-12'),
    scores: { comfort: 8, overall: 10 },
    flags: { wantsToMentor: true },
  }),
  answer({
    kind: 'satisfaction',
    role: 'mentee',
    respondentId: 'e2',
    pairId: 'p2',
    date: d('2026-05-01'),
    scores: { comfort: 6, overall: 8 },
    flags: { wantsToMentor: false },
  }),
  answer({
    kind: 'satisfaction',
    role: 'mentee',
    respondentId: 'e2',
    pairId: 'p2',
    date: d('2026-05-15'),
    scores: { comfort: 7, overall: 9 },
    flags: { wantsToMentor: true },
  }),
  answer({
    kind: 'satisfaction',
    role: 'mentee',
    respondentId: 'e3',
    date: d('2026-05-13'),
    scores: { overall: 6 },
  }),
  answer({
    kind: 'satisfaction',
    role: 'mentor',
    respondentId: 'm1',
    pairId: 'p1',
    date: d('2026-05-12'),
    scores: { comfort: 9, overall: 9 },
  }),
  answer({
    kind: 'satisfaction',
    role: 'mentor',
    respondentId: 'm1',
    pairId: 'p5',
    date: d('2026-05-12'),
    scores: { comfort: 7, overall: 8 },
  }),
  answer({
    kind: 'satisfaction',
    role: 'mentor',
    respondentId: 'm3',
    pairId: 'p3',
    date: d('2026-05-14'),
    scores: { overall: 10 },
  }),
  answer({
    kind: 'satisfaction',
    role: 'mentee',
    respondentId: 'e6',
    pairId: 'p5',
    date: d('2026-05-14'),
    scores: {},
    flags: { wantsToMentor: false },
  }),
  answer({
    kind: 'feedback',
    role: 'mentee',
    respondentId: 'e2',
    pairId: 'p2',
    date: d('2025-12-15'),
    scores: { overall: 2 },
  }),
  answer({
    kind: 'impact_entry',
    role: 'mentee',
    respondentId: 'e1',
    date: d('2025-10-20'),
    scores: { confidence: 5, methods: 4 },
  }),
  answer({
    kind: 'impact_entry',
    role: 'mentee',
    respondentId: 'e2',
    date: d('2025-10-20'),
    scores: { motivation: 6, marks: 3.5 },
  }),
  answer({
    kind: 'impact_entry',
    role: 'mentee',
    respondentId: 'e3',
    date: d('2025-10-21'),
    scores: { motivation: 4, marks: 4 },
  }),
  answer({
    kind: 'impact_entry',
    role: 'mentee',
    respondentId: 'e4',
    date: d('2025-10-21'),
    scores: { motivation: 5 },
  }),
  answer({
    kind: 'impact_entry',
    role: 'mentor',
    respondentId: 'm1',
    date: d('2025-10-22'),
    scores: { methods: 8 },
  }),
  answer({
    kind: 'impact_exit',
    role: 'mentee',
    respondentId: 'e1',
    date: d('2026-05-18'),
    scores: { confidence: 7, methods: 6 },
  }),
  answer({
    kind: 'impact_exit',
    role: 'mentee',
    respondentId: 'e2',
    date: d('2026-05-18'),
    scores: { motivation: 8, marks: 4 },
  }),
  answer({
    kind: 'impact_exit',
    role: 'mentee',
    respondentId: 'e3',
    date: d('2026-05-18'),
    scores: { motivation: 5, marks: 4.5 },
  }),
  answer({
    kind: 'impact_exit',
    role: 'mentor',
    respondentId: 'm1',
    date: d('2026-05-19'),
    scores: { methods: 9 },
  }),
];

export const totals = {
  students10to18: 40,
  students15to19: 12,
  teachers: 25,
  youngSpecialists: 4,
  partnerOrganisations: 60,
};

export const fixtureInput = (): MonitoringInput => ({
  participants,
  pairs,
  meetings,
  answers,
  totals,
  forms: DEFAULT_FORMS,
  asOf,
});
