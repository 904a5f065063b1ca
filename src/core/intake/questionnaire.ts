// From the checked answers of Анкета наставляемого / Анкета наставника to a participant, with the
// domain rules a curator would apply: ages, classes, forms of mentoring that fit the category,
// parent contacts for minors, names typed in one alphabet.
import { YES } from '../../../forms/mentor';
import {
  CATEGORIES,
  CATEGORY_LABELS,
  type Category,
  type MentoringForm,
  type Participant,
  type Role,
  type SchoolClass,
} from '../model';
import { type PlaceholderIdentity, placeholderIdentity } from '../pseudonymous/placeholderIdentity';
import { type Issue, listOf, numberOf, type ParsedAnswers, textOf } from './answers';
import { checkPersonName } from './names';
import { classExists, parseClass } from './schoolClass';
import type { IntakeSettings } from './settings';
import { ROLE_INSTRUMENTAL } from './text';

/** A participant as the questionnaire describes them; id, consent and dates come from the base. */
const GENDER_BY_ANSWER: Record<string, 'm' | 'f' | undefined> = { женский: 'f', мужской: 'm' };

export type ParticipantDraft = Omit<Participant, 'id' | 'consent' | 'joinedAt'>;

export type IntakeRules = Pick<
  IntakeSettings,
  'mentoringForms' | 'classLetters' | 'lowestGrade' | 'highestGrade' | 'minMenteeAge' | 'maxStudentAge'
>;

const categoryByLabel = (label: string): Category | undefined =>
  CATEGORIES.find((c) => CATEGORY_LABELS[c] === label);

const sideCategories = (form: MentoringForm, role: Role): readonly Category[] =>
  role === 'mentor' ? form.mentorCategories : form.menteeCategories;

/** `code`: a pseudonymous answer, whose names and addresses are the register's placeholders. */
export function readQuestionnaire(
  role: Role,
  a: ParsedAnswers,
  rules: IntakeRules,
  code?: string,
): { draft?: ParticipantDraft; errors: Issue[] } {
  const errors: Issue[] = [];
  // Names are checked first, as the form asks them first; the parent's after the forms.
  const names = code ? undefined : typedNames(a, errors);
  const category = categoryByLabel(textOf(a, 'category'));
  const age = numberOf(a, 'age');
  let schoolClass: SchoolClass | undefined;

  if (category === 'student') {
    const classText = textOf(a, 'schoolClass');
    schoolClass = classText ? parseClass(classText) : undefined;
    const known = `с ${rules.lowestGrade} по ${rules.highestGrade}, буквы ${rules.classLetters.join(', ')}`;
    if (!classText) errors.push({ message: 'Для ученика нужно указать класс, например 7Б.' });
    else if (!schoolClass)
      errors.push({
        message: `Класс «${classText}» не распознан: нужен номер и русская буква, например 7Б.`,
      });
    else if (
      !classExists(schoolClass, {
        grades: { min: rules.lowestGrade, max: rules.highestGrade },
        letters: rules.classLetters,
      })
    ) {
      errors.push({
        message: `Класса «${schoolClass.grade}${schoolClass.letter}» в школе нет (классы ${known}).`,
      });
      schoolClass = undefined;
    }
    if (age !== undefined && age > rules.maxStudentAge) {
      errors.push({
        message: `Указан возраст ${age} лет и категория «ученик»: ученику не больше ${rules.maxStudentAge} лет. Проверьте возраст или категорию.`,
      });
    }
  } else if (category && age !== undefined && age < 18 && category !== 'college_student') {
    errors.push({
      message: `Указан возраст ${age} лет и категория «${CATEGORY_LABELS[category]}»: участник младше 18 лет записывается как ученик.`,
    });
  }
  if (role === 'mentee' && age !== undefined && age < rules.minMenteeAge) {
    errors.push({
      message: `Наставляемым может быть участник не младше ${rules.minMenteeAge} лет; указан возраст ${age}.`,
    });
  }

  const forms: string[] = [];
  for (const label of listOf(a, 'forms')) {
    const form = rules.mentoringForms.find((f) => f.label === label);
    if (!form) {
      errors.push({ message: `Формы наставничества «${label}» в школе сейчас нет.` });
      continue;
    }
    const allowed = sideCategories(form, role);
    if (category && !allowed.includes(category)) {
      errors.push({
        message: `Форма «${form.label}» не подходит категории «${CATEGORY_LABELS[category]}»: ${ROLE_INSTRUMENTAL[role]} в ней может быть ${allowed.map((c) => CATEGORY_LABELS[c]).join(', ')}.`,
      });
      continue;
    }
    forms.push(form.id);
  }

  const minor = age !== undefined ? age < 18 : category === 'student';
  const identity = code ? placeholderIdentity(code, minor) : typedIdentity(a, names, minor, errors);
  const { lastName, firstName, middleName, email, parentName, parentEmail } = identity;

  if (errors.length || !category) return { errors };
  const draft: ParticipantDraft = {
    role,
    email,
    lastName,
    firstName,
    middleName,
    gender: code ? undefined : GENDER_BY_ANSWER[textOf(a, 'gender')],
    category,
    schoolClass,
    age,
    position: textOf(a, 'position'),
    experienceYears: numberOf(a, 'experienceYears'),
    // A teacher's own subjects and a pupil's subjects in need both meet the mentor's subjects.
    subjects: [...new Set([...listOf(a, 'subjects'), ...listOf(a, 'teachingSubjects')])],
    topics: listOf(a, 'topics'),
    note: textOf(a, 'note'),
    forms,
    capacity: role === 'mentor' ? (numberOf(a, 'capacity') ?? 1) : 0,
    availability: listOf(a, 'availability'),
    phone: identity.phone,
    parentName: minor ? parentName : '',
    parentEmail: minor ? parentEmail : '',
    longTermBank: textOf(a, 'longTermBank') === YES,
    optOut: false,
  };
  if (role === 'mentor') {
    draft.achievements = textOf(a, 'achievements');
    draft.interests = textOf(a, 'interests');
  }
  return { draft, errors };
}

type Names = Pick<PlaceholderIdentity, 'lastName' | 'firstName' | 'middleName'>;

function typedNames(a: ParsedAnswers, errors: Issue[]): Names {
  return {
    lastName: checkPersonName('Фамилия', textOf(a, 'lastName'), errors),
    firstName: checkPersonName('Имя', textOf(a, 'firstName'), errors),
    middleName: checkPersonName('Отчество', textOf(a, 'middleName'), errors),
  };
}

/** Names and addresses as the participant typed them, checked. */
function typedIdentity(
  a: ParsedAnswers,
  names: Names | undefined,
  minor: boolean,
  errors: Issue[],
): PlaceholderIdentity {
  const { lastName = '', firstName = '', middleName = '' } = names ?? {};
  const parentName = checkPersonName('ФИО родителя', textOf(a, 'parentName'), errors);
  const parentEmail = textOf(a, 'parentEmail');
  if (minor && (!parentName || !parentEmail)) {
    errors.push({
      message:
        'Участнику младше 18 лет нужно указать ФИО и почту родителя (законного представителя): родитель подписывает согласие и соглашение.',
    });
  }
  const email = textOf(a, 'email');
  if (minor && parentEmail && parentEmail === email) {
    errors.push({ message: 'Почта родителя совпадает с почтой участника; укажите почту самого родителя.' });
  }
  return { lastName, firstName, middleName, email, phone: textOf(a, 'phone'), parentName, parentEmail };
}
