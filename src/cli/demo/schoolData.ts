// A realistic Russian school for the demo: about 900 students in classes 1–11, a tenth of them
// mentees, about 40 mentors of every kind, and the questionnaires they would send — including the
// messy answers real people give. Deterministic: the same seed gives the same school.
import {
  AVAILABILITY,
  type Category,
  DEFAULT_FORMS,
  type SchoolClass,
  SUBJECTS,
  TOPICS,
} from '../../core/model';
import { seededRandom } from '../../local/seededRandom';
import { Dice } from './dice';
import {
  FEMALE_NAMES,
  type Gender,
  INDECLINABLE_SURNAMES,
  MALE_NAMES,
  PATRONYMICS,
  SURNAMES,
  transliterate,
} from './russianNames';
import type {
  DemoPerson,
  DemoSchool,
  PersonName,
  QuestionnaireKind,
  Quirk,
  QuirkKind,
  RawQuestionnaire,
  RosterStudent,
  SchoolOptions,
} from './schoolModel';

const STUDENT_TOPICS = TOPICS.slice(0, 10);
const TEACHER_TOPICS = TOPICS.slice(9);
const FORM_LABEL = new Map(DEFAULT_FORMS.map((f) => [f.id, f.label]));
const CLASS_LETTERS = ['А', 'Б', 'В', 'Г'] as const;
/** Parallel classes per grade: big primary school, two senior classes. */
const CLASSES_PER_GRADE = [0, 4, 4, 4, 4, 3, 3, 3, 3, 3, 2, 2];
const MAIL_DOMAINS = ['mail.ru', 'yandex.ru', 'gmail.com', 'bk.ru', 'list.ru', 'inbox.ru'] as const;
const SCHOOL_DOMAIN = 'school17-zarechny.ru';

const EMPLOYERS = [
  'АО «Уралэлектромаш»',
  'ООО «Заречный хлебозавод»',
  'городская больница № 2',
  'ООО «ТехноСофт»',
  'ПАО «Сбербанк», отделение № 1723',
  'АО «Белоярская АЭС»',
] as const;
const EMPLOYER_POSITIONS = [
  'инженер-технолог',
  'ведущий программист',
  'врач-терапевт',
  'специалист по кадрам',
  'главный энергетик',
  'мастер участка',
] as const;
const COLLEGES = [
  'УрФУ',
  'Уральский государственный педагогический университет',
  'Уральский государственный медицинский университет',
  'Заречный технологический колледж',
] as const;
const MENTEE_NOTES = [
  'Хочу подтянуть оценки до конца четверти.',
  'Собираюсь поступать в медицинский, нужен совет.',
  'Недавно перевелись в эту школу, пока трудно с одноклассниками.',
  'Интересуюсь программированием, хочу сделать свой проект.',
  'Готовлюсь к региональному этапу олимпиады.',
  'Пока не знаю, кем хочу стать.',
  '',
  '',
];
const MENTOR_NOTES: Partial<Record<Category, readonly string[]>> = {
  teacher: [
    'Руковожу школьным научным обществом.',
    'Опыт классного руководства 12 лет.',
    'Эксперт ОГЭ по предмету.',
    '',
  ],
  student: [
    'Призёр регионального этапа олимпиады.',
    'Председатель совета обучающихся.',
    'Занимаюсь в IT-кванториуме.',
    '',
  ],
  employer: ['Можем провести экскурсию на производство.', 'Готовы дать тему для проекта.', ''],
  parent: ['Могу рассказать о своей профессии и показать рабочее место.', ''],
  alumnus: ['Окончил(а) эту школу, хочу помочь младшим.', 'Помогу с подготовкой к ЕГЭ.', ''],
  college_student: ['Веду кружок робототехники для школьников.', ''],
};

class SchoolBuilder {
  private readonly dice: Dice;
  private readonly usedEmails = new Set<string>();
  private surnameQueue: Array<readonly [string, string]> = [];

  constructor(
    seed: number,
    private readonly year: number,
  ) {
    this.dice = new Dice(seededRandom(seed));
  }

  name(gender: Gender, surname?: readonly [string, string]): PersonName {
    const [male, female] = surname ?? this.nextSurname();
    const patronymic = this.dice.pick(PATRONYMICS);
    return gender === 'm'
      ? { lastName: male, firstName: this.dice.pick(MALE_NAMES), middleName: patronymic[1], gender }
      : { lastName: female, firstName: this.dice.pick(FEMALE_NAMES), middleName: patronymic[2], gender };
  }

  /** Surnames are dealt like cards so the tricky ones appear once per deck, not by luck. */
  private nextSurname(): readonly [string, string] {
    if (this.surnameQueue.length === 0) this.surnameQueue = this.dice.shuffle(SURNAMES);
    return this.surnameQueue.pop()!;
  }

  gender(): Gender {
    return this.dice.chance(0.5) ? 'm' : 'f';
  }

  email(p: PersonName, domain?: string): string {
    const base = `${transliterate(p.firstName).slice(0, 1)}.${transliterate(p.lastName)}`;
    const host = domain ?? this.dice.pick(MAIL_DOMAINS);
    for (let n = 0; ; n++) {
      const candidate = `${base}${n === 0 ? '' : n + 1}@${host}`;
      if (!this.usedEmails.has(candidate)) {
        this.usedEmails.add(candidate);
        return candidate;
      }
    }
  }

  studentEmail(p: PersonName, birthYear: number): string {
    const base = `${transliterate(p.lastName)}.${transliterate(p.firstName)}${birthYear % 100}`;
    const host = this.dice.pick(MAIL_DOMAINS);
    for (let n = 0; ; n++) {
      const candidate = `${base}${n === 0 ? '' : `_${n}`}@${host}`;
      if (!this.usedEmails.has(candidate)) {
        this.usedEmails.add(candidate);
        return candidate;
      }
    }
  }

  phone(): string {
    const d = this.dice;
    const two = () => String(d.int(0, 99)).padStart(2, '0');
    return `+7 9${d.int(10, 99)} ${d.int(100, 999)}-${two()}-${two()}`;
  }

  roster(): RosterStudent[] {
    const out: RosterStudent[] = [];
    for (let grade = 1; grade <= 11; grade++) {
      for (let k = 0; k < CLASSES_PER_GRADE[grade]; k++) {
        const size = grade <= 9 ? this.dice.int(24, 29) : this.dice.int(20, 25);
        for (let i = 0; i < size; i++) {
          const name = this.name(this.gender());
          // In the autumn a class-N student is N+6 or, born late in the year, N+5.
          out.push({
            ...name,
            schoolClass: { grade, letter: CLASS_LETTERS[k] },
            age: grade + this.dice.int(5, 6),
          });
        }
      }
    }
    return out;
  }

  topicsFor(category: Category, grade: number | undefined): string[] {
    if (category === 'teacher' || category === 'young_specialist')
      return this.dice.some(TEACHER_TOPICS, this.dice.int(1, 3));
    const pool =
      grade !== undefined && grade >= 9
        ? STUDENT_TOPICS
        : STUDENT_TOPICS.filter((t) => t !== 'подготовка к экзаменам' && t !== 'профориентация');
    return this.dice.some(pool, this.dice.int(1, 3));
  }

  subjectsFor(topics: readonly string[]): string[] {
    const needsSubject = topics.some((t) =>
      ['успеваемость по предмету', 'подготовка к экзаменам', 'подготовка к олимпиаде'].includes(t),
    );
    return needsSubject ? this.dice.some(SUBJECTS.slice(0, 14), this.dice.int(1, 2)) : [];
  }

  availability(): string[] {
    return this.dice.some(AVAILABILITY, this.dice.int(1, 3));
  }

  parentOf(child: PersonName): { name: string; email: string } {
    const parentGender = this.dice.chance(0.7) ? 'f' : 'm';
    const family = SURNAMES.find(([m, f]) => m === child.lastName || f === child.lastName);
    const parent = this.name(parentGender, family);
    return { name: `${parent.lastName} ${parent.firstName} ${parent.middleName}`, email: this.email(parent) };
  }

  menteeStudent(id: string, s: RosterStudent): DemoPerson {
    const grade = s.schoolClass.grade;
    const topics = this.topicsFor('student', grade);
    const forms = ['student-student', 'teacher-student'];
    if (grade >= 7) forms.push('college-student');
    if (grade >= 8) forms.push('employer-student');
    const parent = this.parentOf(s);
    return {
      ...s,
      id,
      role: 'mentee',
      category: 'student',
      email: this.studentEmail(s, this.year - s.age),
      position: '',
      subjects: this.subjectsFor(topics),
      topics,
      note: this.dice.pick(MENTEE_NOTES),
      forms: this.dice.some(forms, this.dice.int(1, Math.min(3, forms.length))),
      capacity: 0,
      availability: this.availability(),
      phone: s.age >= 14 ? this.phone() : '',
      parentName: parent.name,
      parentEmail: parent.email,
      longTermBank: false,
      givesConsent: true,
      allowsPublication: this.dice.chance(0.3),
    };
  }

  menteeTeacher(id: string, young: boolean): DemoPerson {
    const name = this.name(this.dice.chance(0.8) ? 'f' : 'm');
    const subject = this.dice.pick(SUBJECTS);
    return {
      ...name,
      id,
      role: 'mentee',
      category: young ? 'young_specialist' : 'teacher',
      email: this.email(name, SCHOOL_DOMAIN),
      age: young ? this.dice.int(22, 25) : this.dice.int(30, 45),
      position: subject === 'начальные классы' ? 'учитель начальных классов' : `учитель (${subject})`,
      experienceYears: young ? this.dice.int(0, 2) : this.dice.int(5, 12),
      subjects: [subject],
      topics: this.topicsFor('young_specialist', undefined),
      note: young
        ? 'Первый год в школе после университета.'
        : `${name.gender === 'f' ? 'Перешла' : 'Перешёл'} к нам из другой школы в этом году.`,
      forms: ['teacher-teacher'],
      capacity: 0,
      availability: this.availability(),
      phone: this.phone(),
      parentName: '',
      parentEmail: '',
      longTermBank: false,
      givesConsent: true,
      allowsPublication: this.dice.chance(0.3),
    };
  }

  mentor(id: string, category: Category, student?: RosterStudent): DemoPerson {
    const d = this.dice;
    const name = student ?? this.name(d.chance(category === 'teacher' ? 0.8 : 0.5) ? 'f' : 'm');
    const base = {
      ...name,
      id,
      role: 'mentor' as const,
      category,
      availability: this.availability(),
      phone: this.phone(),
      parentName: '',
      parentEmail: '',
      note: d.pick(MENTOR_NOTES[category] ?? ['']),
      givesConsent: true,
      allowsPublication: this.dice.chance(0.3),
    };
    switch (category) {
      case 'teacher': {
        const subjects = d.some(SUBJECTS, d.int(1, 2));
        const forms = d.chance(0.4)
          ? ['teacher-teacher', 'teacher-student']
          : [d.pick(['teacher-teacher', 'teacher-student'])];
        const topics = forms.includes('teacher-teacher')
          ? [...d.some(TEACHER_TOPICS, 2), ...d.some(STUDENT_TOPICS.slice(0, 3), 1)]
          : d.some(STUDENT_TOPICS, 3);
        return {
          ...base,
          email: this.email(name, SCHOOL_DOMAIN),
          age: d.int(32, 62),
          position:
            subjects[0] === 'начальные классы'
              ? 'учитель начальных классов'
              : `учитель (${subjects.join(', ')})`,
          experienceYears: d.int(8, 35),
          subjects,
          topics,
          forms,
          capacity: d.int(2, 4),
          longTermBank: d.chance(0.7),
        };
      }
      case 'student': {
        const s = student!;
        const parent = this.parentOf(s);
        const topics = d.some(STUDENT_TOPICS.slice(0, 8), d.int(2, 3));
        return {
          ...base,
          email: this.studentEmail(s, this.year - s.age),
          age: s.age,
          schoolClass: s.schoolClass,
          position: '',
          subjects: d.some(SUBJECTS.slice(0, 12), d.int(1, 2)),
          topics,
          forms: ['student-student'],
          capacity: d.int(1, 2),
          parentName: parent.name,
          parentEmail: parent.email,
          longTermBank: false,
        };
      }
      case 'parent':
      case 'employer': {
        const employer = d.pick(EMPLOYERS);
        return {
          ...base,
          email: this.email(name),
          age: d.int(35, 55),
          position: `${d.pick(EMPLOYER_POSITIONS)}, ${employer}`,
          experienceYears: d.int(5, 25),
          subjects: [],
          topics: [
            'профориентация',
            ...d.some(
              ['проектная и исследовательская работа', 'цифровые навыки', 'лидерство и самоуправление'],
              1,
            ),
          ],
          forms: ['employer-student'],
          capacity: d.int(2, 5),
          longTermBank: d.chance(0.5),
        };
      }
      default: {
        const alumnus = category === 'alumnus';
        return {
          ...base,
          email: this.email(name),
          age: d.int(18, 23),
          position: `${alumnus ? 'выпускник школы, ' : ''}студент${name.gender === 'f' ? 'ка' : ''} ${d.int(1, 4)} курса, ${d.pick(COLLEGES)}`,
          experienceYears: undefined,
          subjects: d.some(SUBJECTS.slice(0, 12), 1),
          topics: [
            'профориентация',
            ...d.some(
              [
                'подготовка к экзаменам',
                'проектная и исследовательская работа',
                'адаптация в классе или коллективе',
                'цифровые навыки',
              ],
              2,
            ),
          ],
          forms: alumnus ? d.some(['college-student', 'employer-student'], d.int(1, 2)) : ['college-student'],
          capacity: d.int(1, 3),
          longTermBank: d.chance(0.6),
        };
      }
    }
  }
}

const MENTOR_MIX: ReadonlyArray<readonly [Category, number]> = [
  ['teacher', 13],
  ['student', 12],
  ['parent', 4],
  ['alumnus', 4],
  ['college_student', 3],
  ['employer', 4],
];

export function formatSchoolClass(c: SchoolClass): string {
  return `${c.grade}${c.letter}`;
}

function questionnaire(p: DemoPerson, kind: QuestionnaireKind, submittedAt: Date): RawQuestionnaire {
  const minorUnder14 = p.age !== undefined && p.age < 14;
  return {
    kind,
    personId: p.id,
    role: p.role,
    submittedAt,
    email: p.email,
    lastName: p.lastName,
    firstName: p.firstName,
    middleName: p.middleName,
    gender: p.gender === 'f' ? 'женский' : 'мужской',
    schoolClass: p.schoolClass ? formatSchoolClass(p.schoolClass) : '',
    age: p.age === undefined ? '' : String(p.age),
    category: p.category,
    position: p.position,
    experienceYears: p.experienceYears === undefined ? '' : String(p.experienceYears),
    subjects: p.subjects,
    topics: p.topics,
    note: p.note,
    forms: p.forms.map((id) => FORM_LABEL.get(id) ?? id),
    capacity: p.role === 'mentor' ? String(p.capacity) : '',
    availability: p.availability,
    phone: p.phone,
    parentName: p.parentName,
    parentEmail: p.parentEmail,
    longTermBank: p.longTermBank,
    signer: minorUnder14 ? 'parent' : 'self',
    signerName: minorUnder14 ? p.parentName : `${p.lastName} ${p.firstName} ${p.middleName}`,
  };
}

const LATIN_LOOKALIKE: Record<string, string> = { а: 'a', е: 'e', о: 'o', р: 'p', с: 'c', у: 'y', х: 'x' };

/** Replace the first Cyrillic letter that has a Latin twin: the eye cannot tell, a search can. */
function withLatinLookalike(text: string): string {
  const i = [...text].findIndex((ch) => LATIN_LOOKALIKE[ch] !== undefined);
  if (i < 0) return text;
  const chars = [...text];
  chars[i] = LATIN_LOOKALIKE[chars[i]];
  return chars.join('');
}

export function generateSchool(options: SchoolOptions = {}): DemoSchool {
  const seed = options.seed ?? 2026;
  const year = options.year ?? 2026;
  const b = new SchoolBuilder(seed, year);
  const d = new Dice(seededRandom(seed ^ 0x5eed));
  const roster = b.roster();

  // Mentees: a tenth of the students of classes 5–11; senior mentors from classes 9–11, never both.
  const eligible = d.shuffle(roster.filter((s) => s.schoolClass.grade >= 5));
  const menteeStudents = eligible.slice(0, Math.round(roster.length * 0.1));
  const taken = new Set(menteeStudents);
  const seniors = eligible.filter((s) => !taken.has(s) && s.schoolClass.grade >= 9);

  const mentees: DemoPerson[] = menteeStudents.map((s, i) =>
    b.menteeStudent(`mentee-${String(i + 1).padStart(3, '0')}`, s),
  );
  for (let i = 0; i < 4; i++)
    mentees.push(b.menteeTeacher(`mentee-${String(mentees.length + 1).padStart(3, '0')}`, i < 3));

  const mentors: DemoPerson[] = [];
  let senior = 0;
  for (const [category, count] of MENTOR_MIX) {
    for (let i = 0; i < count; i++) {
      const id = `mentor-${String(mentors.length + 1).padStart(2, '0')}`;
      mentors.push(b.mentor(id, category, category === 'student' ? seniors[senior++] : undefined));
    }
  }
  ensureIndeclinable([...mentees, ...mentors], d);

  const yearStart = new Date(Date.UTC(year, 8, 1, 6, 0));
  const questionnaires = arrivalOrder([...mentors, ...mentees], yearStart, d);
  const quirks = addQuirks(questionnaires, mentees, yearStart, b, d);

  const directorName = b.name('f');
  const director = { ...directorName, email: b.email(directorName, SCHOOL_DOMAIN) };
  const curatorName = b.name('f');
  return {
    seed,
    name: 'Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 17»',
    shortName: 'МБОУ СОШ № 17',
    city: 'г. Заречный',
    director,
    curator: {
      ...curatorName,
      email: b.email(curatorName, SCHOOL_DOMAIN),
      position: 'заместитель директора по УВР',
    },
    yearStart,
    roster,
    teacherCount: 64,
    youngSpecialistCount: 6,
    mentees,
    mentors,
    questionnaires,
    quirks,
  };
}

/** The tricky surnames must be in the demo even if the shuffle left them on the roll only. */
function ensureIndeclinable(people: DemoPerson[], d: Dice): void {
  const present = new Set(people.map((p) => p.lastName));
  const adults = people.filter((p) => p.category !== 'student');
  const students = people.filter((p) => p.category === 'student');
  INDECLINABLE_SURNAMES.forEach((surname, i) => {
    if (present.has(surname)) return;
    const target = i % 2 === 0 ? d.pick(students) : d.pick(adults);
    target.email = target.email.replace(transliterate(target.lastName), transliterate(surname));
    target.lastName = surname;
    if (target.parentName) target.parentName = [surname, ...target.parentName.split(' ').slice(1)].join(' ');
    present.add(surname);
  });
}

/** Mentors answer in the first fortnight, mentees over three weeks; consents follow within days. */
function arrivalOrder(people: DemoPerson[], yearStart: Date, d: Dice): RawQuestionnaire[] {
  const day = 86_400_000;
  const out: RawQuestionnaire[] = [];
  for (const p of people) {
    const offset = (p.role === 'mentor' ? d.int(3, 14) : d.int(5, 26)) * day + d.int(7, 21) * 3_600_000;
    const at = new Date(yearStart.getTime() + offset + d.int(0, 59) * 60_000);
    out.push(questionnaire(p, p.role, at));
    if (p.givesConsent) {
      const consentAt = new Date(at.getTime() + d.int(0, 4) * day + d.int(1, 5) * 3_600_000);
      out.push(questionnaire(p, 'consent', consentAt));
      if (p.allowsPublication)
        out.push(questionnaire(p, 'dissemination', new Date(consentAt.getTime() + 600_000)));
    }
  }
  return out.sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime());
}

function addQuirks(
  qs: RawQuestionnaire[],
  mentees: DemoPerson[],
  yearStart: Date,
  b: SchoolBuilder,
  d: Dice,
): Quirk[] {
  const quirks: Quirk[] = [];
  const main = (id: string) => qs.find((q) => q.personId === id && q.kind !== 'consent')!;
  const students = d.shuffle(mentees.filter((p) => p.category === 'student'));
  const mark = (kind: QuirkKind, p: DemoPerson) => quirks.push({ kind, personId: p.id });
  let next = 0;
  const student = () => students[next++];

  let p = student();
  const q1 = main(p.id);
  q1.lastName = `  ${q1.lastName} `;
  q1.firstName = `${q1.firstName}  `;
  mark('extra-spaces', p);

  p = student();
  const q2 = main(p.id);
  q2.lastName = q2.lastName.toLowerCase();
  q2.firstName = q2.firstName.toLowerCase();
  q2.middleName = q2.middleName.toLowerCase();
  mark('lower-case-name', p);

  p = student();
  main(p.id).schoolClass = `${p.schoolClass!.grade} ${p.schoolClass!.letter.toLowerCase()}`;
  mark('class-with-space', p);

  p = student();
  main(p.id).schoolClass = `${p.schoolClass!.grade}-${p.schoolClass!.letter}`;
  mark('class-with-dash', p);

  p = student();
  main(p.id).email = p.email.replace('@', '.');
  mark('invalid-email', p);

  p = student();
  main(p.id).firstName = withLatinLookalike(p.firstName);
  mark('latin-lookalike', p);

  p = student();
  main(p.id).note = '=HYPERLINK("http://example.com/prize";"Мой диплом")';
  mark('formula-answer', p);

  // A mentee sends the questionnaire twice, the second time with a changed request.
  p = student();
  const first = main(p.id);
  qs.push({
    ...first,
    submittedAt: new Date(first.submittedAt.getTime() + 2 * 86_400_000),
    topics: [...first.topics.slice(0, 1), 'общение и уверенность в себе'],
  });
  mark('duplicate-resubmission', p);

  p = student();
  p.givesConsent = false;
  p.allowsPublication = false;
  for (let i = qs.length - 1; i >= 0; i--)
    if (qs[i].personId === p.id && (qs[i].kind === 'consent' || qs[i].kind === 'dissemination'))
      qs.splice(i, 1);
  mark('no-consent', p);

  // A third-grader's mother signs her up although mentoring starts at 10: intake must refuse kindly.
  const child: RosterStudent = { ...b.name('m'), schoolClass: { grade: 3, letter: 'Б' }, age: 8 };
  const young = b.menteeStudent(`mentee-${String(mentees.length + 1).padStart(3, '0')}`, child);
  young.forms = ['student-student'];
  young.note = 'Сын очень хочет заниматься со старшеклассниками.';
  young.topics = ['адаптация в классе или коллективе'];
  mentees.push(young);
  qs.push(questionnaire(young, 'mentee', new Date(yearStart.getTime() + 9 * 86_400_000 + 15 * 3_600_000)));
  mark('too-young', young);

  qs.sort((a, c) => a.submittedAt.getTime() - c.submittedAt.getTime());
  return quirks;
}
