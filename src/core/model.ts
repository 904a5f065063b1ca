// The domain vocabulary shared by every use case. Values that users see are Russian; keys are English.
import * as z from 'zod/mini';
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
    id: z.string().check(z.minLength(1)),
    label: z.string().check(z.minLength(1)),
    mentorCategories: z.array(z.enum(CATEGORIES)).check(z.minLength(1)),
    menteeCategories: z.array(z.enum(CATEGORIES)).check(z.minLength(1)),
    /** «ученик – ученик»: the mentor must be in a higher class than the mentee. */
    mentorInHigherClass: z._default(z.boolean(), false),
    /** Ages (full years) a mentee of this form may have; either end may be open. */
    menteeAge: z._default(
      z.object({ min: z.optional(z.number().check(z.int())), max: z.optional(z.number().check(z.int())) }),
      {},
    ),
    /** Classes a pupil mentee of this form may be in. */
    menteeGrade: z._default(
      z.object({ min: z.optional(z.number().check(z.int())), max: z.optional(z.number().check(z.int())) }),
      {},
    ),
    /** Most mentees one mentor takes in this form (a group); undefined: as the mentor offers. */
    groupSize: z.optional(z.number().check(z.int(), z.gte(1))),
    /** Days between regular meetings of this form; undefined: the school's setting. */
    intervalDays: z.optional(z.number().check(z.int(), z.gte(1))),
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
    grade: z.number().check(z.int(), z.gte(1), z.lte(11)),
    letter: z.string().check(z.regex(/^[А-ЯЁ]$/)),
  }),
);
export type SchoolClass = z.infer<ReturnType<typeof schoolClassSchema>>;
export const formatClass = (c: SchoolClass): string => `${c.grade}${c.letter}`;

/** A row of Наставники or Наставляемые, after validation and normalisation. */
export const participantSchema = lazySchema(() =>
  z.object({
    id: z.string().check(z.minLength(1)),
    role: z.enum(ROLES),
    email: z.email(),
    lastName: z.string().check(z.minLength(1)),
    firstName: z.string().check(z.minLength(1)),
    middleName: z._default(z.string(), ''),
    gender: z.optional(z.enum(['m', 'f'])),
    /** Forms of the full name the curator corrected by hand, by grammatical case («Склонение»). */
    nameForms: z.optional(z.record(z.string(), z.string())),
    category: z.enum(CATEGORIES),
    schoolClass: z.optional(schoolClassSchema()),
    age: z.optional(z.number().check(z.int(), z.gte(5), z.lte(100))),
    /** Position or place of work/study for adults (должность, организация). */
    position: z._default(z.string(), ''),
    experienceYears: z.optional(z.number().check(z.gte(0), z.lte(70))),
    subjects: z._default(z.array(z.string()), []),
    /** Mentee: the request (запрос). Mentor: competences offered. Same vocabulary: TOPICS. */
    topics: z._default(z.array(z.string()), []),
    /** Free text beyond the topic list. */
    note: z._default(z.string(), ''),
    /** Mentee: the forms they would take part in; mentor: the forms they offer. Form ids. */
    forms: z.array(z.string()).check(z.minLength(1)),
    /** Mentor only: how many mentees; 1 is a pair, more is a group. */
    capacity: z._default(z.number().check(z.int(), z.gte(0), z.lte(30)), 0),
    availability: z._default(z.array(z.string()), []),
    phone: z._default(z.string(), ''),
    parentName: z._default(z.string(), ''),
    parentEmail: z._default(z.string(), ''),
    consent: z._default(z.enum(CONSENT_STATES), 'missing'),
    /** Mentors who agreed to stay in the long-term (and district) mentor bank. */
    longTermBank: z._default(z.boolean(), false),
    /** Participant asked to stop non-essential mail. */
    optOut: z._default(z.boolean(), false),
    joinedAt: z.optional(z.date()),
    /** Mentor: main achievements and interests (База наставников). */
    achievements: z.optional(z.string()),
    interests: z.optional(z.string()),
    /** Consent withdrawn and personal data erased: names read «данные удалены», e-mail is empty. */
    erased: z.optional(z.boolean()),
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
    id: z.string().check(z.minLength(1)),
    mentorId: z.string().check(z.minLength(1)),
    menteeId: z.string().check(z.minLength(1)),
    formId: z.string().check(z.minLength(1)),
    state: z.enum(PAIR_STATES),
    score: z.number().check(z.int()),
    explanation: z._default(z.string(), ''),
    approvedAt: z.optional(z.date()),
    endsAt: z.optional(z.date()),
    problem: z._default(z.string(), ''),
  }),
);
export type Pair = z.infer<ReturnType<typeof pairSchema>>;
