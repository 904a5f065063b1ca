// The domain vocabulary shared by every use case. Values that users see are Russian; keys are English.
import * as z from 'zod';
import { lazySchema } from './lazySchema';

export const ROLES = ['mentor', 'mentee'] as const;
export type Role = (typeof ROLES)[number];
export const ROLE_LABELS: Record<Role, string> = { mentor: 'наставник', mentee: 'наставляемый' };

/** Who a participant is, independent of the role they take in the programme. */
export const CATEGORIES = [
  'student',
  'teacher',
  'young_specialist',
  'parent',
  'alumnus',
  'college_student',
  'employer',
] as const;
export type Category = (typeof CATEGORIES)[number];
export const CATEGORY_LABELS: Record<Category, string> = {
  student: 'ученик',
  teacher: 'педагог',
  young_specialist: 'молодой специалист',
  parent: 'родитель',
  alumnus: 'выпускник',
  college_student: 'студент',
  employer: 'представитель работодателя',
};
/** Staff of the school: the «учитель» side of the forms of mentoring. */
export const STAFF_CATEGORIES: readonly Category[] = ['teacher', 'young_specialist'];

// Schemas are built on first use (lazySchema): the bundle is evaluated at the start of every Apps
// Script execution, and an execution should build only the schemas it parses with.

/**
 * A form of mentoring as configured in Настройки. The defaults follow DOMAIN.md; a school may
 * rename them or add its own, so code refers to forms by `id`, never by label.
 */
export const mentoringFormSchema = lazySchema(() =>
  z.object({
    id: z.string().min(1),
    label: z.string().min(1),
    mentorCategories: z.array(z.enum(CATEGORIES)).min(1),
    menteeCategories: z.array(z.enum(CATEGORIES)).min(1),
    /** «ученик – ученик»: the mentor must be in a higher class than the mentee. */
    mentorInHigherClass: z.boolean().default(false),
    /** Ages (full years) a mentee of this form may have; either end may be open. */
    menteeAge: z.object({ min: z.number().int().optional(), max: z.number().int().optional() }).default({}),
    /** Classes a pupil mentee of this form may be in. */
    menteeGrade: z.object({ min: z.number().int().optional(), max: z.number().int().optional() }).default({}),
    /** Most mentees one mentor takes in this form (a group); undefined: as the mentor offers. */
    groupSize: z.number().int().min(1).optional(),
    /** Days between regular meetings of this form; undefined: the school's setting. */
    intervalDays: z.number().int().min(1).optional(),
  }),
);
export type MentoringForm = z.infer<ReturnType<typeof mentoringFormSchema>>;

const OPEN = {};

/** The methodology's five model forms; a school edits them or adds its own in «Формы наставничества». */
export const DEFAULT_FORMS: MentoringForm[] = [
  {
    id: 'student-student',
    label: 'ученик – ученик',
    mentorCategories: ['student'],
    menteeCategories: ['student'],
    mentorInHigherClass: true,
    menteeAge: { min: 10 },
    menteeGrade: OPEN,
  },
  {
    id: 'teacher-teacher',
    label: 'учитель – учитель',
    mentorCategories: ['teacher'],
    menteeCategories: ['teacher', 'young_specialist'],
    mentorInHigherClass: false,
    menteeAge: OPEN,
    menteeGrade: OPEN,
  },
  {
    id: 'teacher-student',
    label: 'учитель – ученик',
    mentorCategories: ['teacher'],
    menteeCategories: ['student'],
    mentorInHigherClass: false,
    menteeAge: { min: 10 },
    menteeGrade: OPEN,
  },
  {
    id: 'college-student',
    label: 'студент – ученик',
    mentorCategories: ['college_student', 'alumnus'],
    menteeCategories: ['student'],
    mentorInHigherClass: false,
    menteeAge: { min: 10 },
    menteeGrade: OPEN,
  },
  {
    id: 'employer-student',
    label: 'работодатель – ученик',
    mentorCategories: ['employer', 'parent', 'alumnus'],
    menteeCategories: ['student'],
    mentorInHigherClass: false,
    // Senior classes: profession choice and projects for an enterprise.
    menteeAge: { min: 14 },
    menteeGrade: { min: 8 },
  },
];

/** The shared topic list: a mentee's request (запрос) and a mentor's competences use the same words. */
export const TOPICS = [
  'успеваемость по предмету',
  'подготовка к экзаменам',
  'подготовка к олимпиаде',
  'проектная и исследовательская работа',
  'профориентация',
  'адаптация в классе или коллективе',
  'общение и уверенность в себе',
  'лидерство и самоуправление',
  'творчество и дополнительное образование',
  'цифровые навыки',
  'методика преподавания',
  'классное руководство',
  'работа с родителями',
  'дисциплина на уроке',
  'подготовка к аттестации',
] as const;

export const SUBJECTS = [
  'русский язык',
  'литература',
  'математика',
  'информатика',
  'физика',
  'химия',
  'биология',
  'география',
  'история',
  'обществознание',
  'английский язык',
  'физическая культура',
  'музыка и искусство',
  'технология',
  'начальные классы',
] as const;

export const AVAILABILITY = ['будни после уроков', 'будни вечером', 'суббота', 'онлайн'] as const;

export const CONSENT_STATES = ['received', 'missing', 'withdrawn'] as const;
export type ConsentState = (typeof CONSENT_STATES)[number];
export const CONSENT_LABELS: Record<ConsentState, string> = {
  received: 'получено',
  missing: 'нет',
  withdrawn: 'отозвано',
};
/** Who signs the personal-data consent: the participant from 14, a parent or guardian under 14. */
export type ConsentSigner = 'self' | 'parent';

/** A student's class: number 1–11 and a letter, parsed from «7Б», «7 б», «7-Б». */
export const schoolClassSchema = lazySchema(() =>
  z.object({
    grade: z.number().int().min(1).max(11),
    letter: z.string().regex(/^[А-ЯЁ]$/),
  }),
);
export type SchoolClass = z.infer<ReturnType<typeof schoolClassSchema>>;
export const formatClass = (c: SchoolClass): string => `${c.grade}${c.letter}`;

/** A row of Наставники or Наставляемые, after validation and normalisation. */
export const participantSchema = lazySchema(() =>
  z.object({
    id: z.string().min(1),
    role: z.enum(ROLES),
    email: z.string().email(),
    lastName: z.string().min(1),
    firstName: z.string().min(1),
    middleName: z.string().default(''),
    gender: z.enum(['m', 'f']).optional(),
    /** Forms of the full name the curator corrected by hand, by grammatical case («Склонение»). */
    nameForms: z.record(z.string(), z.string()).optional(),
    category: z.enum(CATEGORIES),
    schoolClass: schoolClassSchema().optional(),
    age: z.number().int().min(5).max(100).optional(),
    /** Position or place of work/study for adults (должность, организация). */
    position: z.string().default(''),
    experienceYears: z.number().min(0).max(70).optional(),
    subjects: z.array(z.string()).default([]),
    /** Mentee: the request (запрос). Mentor: competences offered. Same vocabulary: TOPICS. */
    topics: z.array(z.string()).default([]),
    /** Free text beyond the topic list. */
    note: z.string().default(''),
    /** Mentee: the forms they would take part in; mentor: the forms they offer. Form ids. */
    forms: z.array(z.string()).min(1),
    /** Mentor only: how many mentees; 1 is a pair, more is a group. */
    capacity: z.number().int().min(0).max(30).default(0),
    availability: z.array(z.string()).default([]),
    phone: z.string().default(''),
    parentName: z.string().default(''),
    parentEmail: z.string().default(''),
    consent: z.enum(CONSENT_STATES).default('missing'),
    /** Mentors who agreed to stay in the long-term (and district) mentor bank. */
    longTermBank: z.boolean().default(false),
    /** Participant asked to stop non-essential mail. */
    optOut: z.boolean().default(false),
    joinedAt: z.date().optional(),
    /** Mentor: main achievements and interests (База наставников). */
    achievements: z.string().optional(),
    interests: z.string().optional(),
    /** Consent withdrawn and personal data erased: names read «данные удалены», e-mail is empty. */
    erased: z.boolean().optional(),
  }),
);
export type Participant = z.infer<ReturnType<typeof participantSchema>>;

export const fullName = (p: Pick<Participant, 'lastName' | 'firstName' | 'middleName'>): string =>
  [p.lastName, p.firstName, p.middleName].filter(Boolean).join(' ');

/** A participant is a minor when a student (or under 18 by age). */
export const isMinor = (p: Pick<Participant, 'category' | 'age'>): boolean =>
  p.age !== undefined ? p.age < 18 : p.category === 'student';

/** Who must sign the personal-data consent (seed 004, Приложение 2; 152-ФЗ ст. 9). */
export const consentSigner = (p: Pick<Participant, 'category' | 'age'>): ConsentSigner => {
  if (!isMinor(p)) return 'self';
  return p.age !== undefined && p.age >= 14 ? 'self' : 'parent';
};

export const PAIR_STATES = [
  'proposed',
  'locked',
  'rejected',
  'approved',
  'completed',
  'ended_early',
] as const;
export type PairState = (typeof PAIR_STATES)[number];
export const PAIR_STATE_LABELS: Record<PairState, string> = {
  proposed: 'предложена',
  locked: 'закреплена',
  rejected: 'отклонена',
  approved: 'утверждена',
  completed: 'завершена',
  ended_early: 'завершена досрочно',
};

/** One mentor–mentee link. A group is several links with the same mentor and form. */
export const pairSchema = lazySchema(() =>
  z.object({
    id: z.string().min(1),
    mentorId: z.string().min(1),
    menteeId: z.string().min(1),
    formId: z.string().min(1),
    state: z.enum(PAIR_STATES),
    score: z.number().int(),
    explanation: z.string().default(''),
    approvedAt: z.date().optional(),
    endsAt: z.date().optional(),
    problem: z.string().default(''),
  }),
);
export type Pair = z.infer<ReturnType<typeof pairSchema>>;
