// What the demo's school generator makes: people, their questionnaires with the slips real people
// make, and the school itself.
import type { Category, Role, SchoolClass } from '../../core/model';
import type { Gender } from './russianNames';

export interface PersonName {
  lastName: string;
  firstName: string;
  middleName: string;
  gender: Gender;
}

/** A student on the school roll (all ~900 of them: coverage indicators divide by this). */
export interface RosterStudent extends PersonName {
  schoolClass: SchoolClass;
  age: number;
}

/** What a participant truly is; the questionnaire answers below are how they typed it. */
export interface DemoPerson extends PersonName {
  id: string;
  role: Role;
  category: Category;
  email: string;
  age?: number;
  schoolClass?: SchoolClass;
  position: string;
  experienceYears?: number;
  subjects: string[];
  topics: string[];
  note: string;
  /** Form ids (DEFAULT_FORMS). */
  forms: string[];
  capacity: number;
  availability: string[];
  phone: string;
  parentName: string;
  parentEmail: string;
  longTermBank: boolean;
  /** Whether this person (or their parent) sends the personal-data consent form. */
  givesConsent: boolean;
  /** Whether they also agree to their name and photos being published (optional, separate form). */
  allowsPublication: boolean;
}

export const QUIRK_KINDS = [
  'extra-spaces',
  'lower-case-name',
  'class-with-space',
  'class-with-dash',
  'invalid-email',
  'duplicate-resubmission',
  'latin-lookalike',
  'formula-answer',
  'too-young',
  'no-consent',
] as const;
export type QuirkKind = (typeof QUIRK_KINDS)[number];

export const QUIRK_LABELS: Record<QuirkKind, string> = {
  'extra-spaces': 'лишние пробелы в ФИО',
  'lower-case-name': 'ФИО строчными буквами',
  'class-with-space': 'класс с пробелом («7 б»)',
  'class-with-dash': 'класс через дефис («7-Б»)',
  'invalid-email': 'ошибка в адресе почты',
  'duplicate-resubmission': 'повторная отправка анкеты',
  'latin-lookalike': 'латинская буква в русском имени',
  'formula-answer': 'ответ, похожий на формулу',
  'too-young': 'наставляемый младше 10 лет',
  'no-consent': 'согласие не прислано',
};

export interface Quirk {
  kind: QuirkKind;
  personId: string;
}

export type QuestionnaireKind = 'mentee' | 'mentor' | 'consent' | 'dissemination';

/**
 * One questionnaire as the person filled it in, before any cleaning: plain strings as Google Forms
 * delivers them. `toFormAnswers` turns it into answers keyed by the form items.
 */
export interface RawQuestionnaire {
  kind: QuestionnaireKind;
  personId: string;
  role: Role;
  submittedAt: Date;
  email: string;
  lastName: string;
  firstName: string;
  middleName: string;
  /** The optional «Пол» question: «женский» or «мужской». */
  gender: string;
  /** «7Б», «7 б», «7-Б»; empty for adults. */
  schoolClass: string;
  age: string;
  category: Category;
  position: string;
  experienceYears: string;
  subjects: string[];
  topics: string[];
  note: string;
  /** Form labels, as the form shows them. */
  forms: string[];
  capacity: string;
  availability: string[];
  phone: string;
  parentName: string;
  parentEmail: string;
  longTermBank: boolean;
  /** Consent questionnaire: who signs (self, or a parent for a child under 14). */
  signer: 'self' | 'parent';
  signerName: string;
}

export interface DemoSchool {
  seed: number;
  name: string;
  shortName: string;
  city: string;
  director: PersonName & { email: string };
  curator: PersonName & { email: string; position: string };
  /** Start of the school year the demo lives through. */
  yearStart: Date;
  roster: RosterStudent[];
  teacherCount: number;
  /** Teachers with 0–3 years of experience, mentees or not (a coverage indicator divides by this). */
  youngSpecialistCount: number;
  mentees: DemoPerson[];
  mentors: DemoPerson[];
  /** In the order they arrive. */
  questionnaires: RawQuestionnaire[];
  quirks: Quirk[];
}

export interface SchoolOptions {
  seed?: number;
  /** First of September of this year opens the demo year. Default 2026. */
  year?: number;
}
