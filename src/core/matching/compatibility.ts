// Whether a mentor and a mentee may form a pair (hard rules) and how well they fit (an integer score
// from weights in Настройки). Every point of the score comes with a Russian explanation, so the
// curator can see why a pair was proposed.

import * as z from 'zod/mini';
import { hasValidConsent } from '../intake/consent';
import { lazySchema } from '../lazySchema';
import type { MentoringForm, Participant } from '../model';
import { plural } from '../russianPlural';
import { defineSettings, reject, type SettingValues } from '../settings';
import type { CellValue } from '../table';

const whole = (min: number, max: number) =>
  z.coerce
    .number<CellValue>({ error: 'нужно целое число' })
    .check(z.int('нужно целое число'), z.gte(min, `не меньше ${min}`), z.lte(max, `не больше ${max}`));
// Shared by the settings below (a schema never changes once built), built on first use.
const text = lazySchema(() =>
  z.pipe(
    z.union([z.string(), z.number(), z.boolean(), z.date()], { error: 'нужен текст или число' }),
    z.transform((v) => String(v).trim()),
  ),
);

export const MATCHING_MODES = { optimal: 'оптимальный', stable: 'устойчивый' } as const;
export type MatchingMode = keyof typeof MATCHING_MODES;

/** A curator exclusion: a participant out of matching, or one mentor–mentee pair forbidden. */
export interface Exclusion {
  ids: [string] | [string, string];
}

export const MATCHING_SETTINGS = defineSettings({
  topicPoints: {
    name: 'Подбор: баллы за совпадение запроса',
    help: 'Баллы, когда все темы запроса наставляемого есть в компетенциях наставника; при частичном совпадении — доля.',
    defaultCell: 40,
    parse: () => whole(0, 1000),
  },
  subjectPoints: {
    name: 'Подбор: баллы за общий предмет',
    help: 'Баллы, если у наставника и наставляемого есть общий предмет.',
    defaultCell: 15,
    parse: () => whole(0, 1000),
  },
  gapPoints: {
    name: 'Подбор: баллы за разницу в классах',
    help: 'Баллы, если наставник старше наставляемого на подходящее число классов (лет — для взрослых).',
    defaultCell: 10,
    parse: () => whole(0, 1000),
  },
  gapBest: {
    name: 'Подбор: лучшая разница в классах',
    help: 'Диапазон «от–до», например «2–4»: ближе или дальше — баллов меньше.',
    defaultCell: '2–4',
    parse: () =>
      z.pipe(
        text(),
        z.transform((cell, ctx): [number, number] => {
          const m = /^(\d+)\s*[–—-]\s*(\d+)$/.exec(cell) ?? /^(\d+)$/.exec(cell);
          const from = m ? Number(m[1]) : Number.NaN;
          const to = m ? Number(m[2] ?? m[1]) : Number.NaN;
          if (!(from >= 0 && to >= from && to <= 10))
            return reject(ctx, 'нужен диапазон классов, например «2–4»');
          return [from, to];
        }),
      ),
  },
  availabilityPoints: {
    name: 'Подбор: баллы за общее время встреч',
    help: 'Баллы, если у наставника и наставляемого совпадает хотя бы одно удобное время встреч.',
    defaultCell: 10,
    parse: () => whole(0, 1000),
  },
  menteeChoicePoints: {
    name: 'Подбор: баллы за выбор наставляемого',
    help: 'Баллы, если после встречи наставляемый выбрал этого наставника первым; вторым и третьим — меньше.',
    defaultCell: 30,
    parse: () => whole(0, 1000),
  },
  mentorChoicePoints: {
    name: 'Подбор: баллы за выбор наставника',
    help: 'Баллы, если после встречи наставник выбрал этого наставляемого первым; вторым и третьим — меньше.',
    defaultCell: 20,
    parse: () => whole(0, 1000),
  },
  mutualPoints: {
    name: 'Подбор: бонус за взаимный выбор',
    help: 'Дополнительные баллы, если наставник и наставляемый выбрали друг друга.',
    defaultCell: 20,
    parse: () => whole(0, 1000),
  },
  mode: {
    name: 'Подбор: режим',
    help: '«оптимальный» — больше всего пар и наибольшая сумма баллов; «устойчивый» — по выбору после встречи, так что никакие двое не предпочли бы друг друга своим парам.',
    defaultCell: MATCHING_MODES.optimal,
    parse: () =>
      z.pipe(
        text(),
        z.transform((cell, ctx): MatchingMode => {
          const mode = (Object.keys(MATCHING_MODES) as MatchingMode[]).find(
            (k) => MATCHING_MODES[k] === cell.toLowerCase(),
          );
          if (!mode) return reject(ctx, 'нужно «оптимальный» или «устойчивый»');
          return mode;
        }),
      ),
  },
  exclusions: {
    name: 'Подбор: исключения',
    help: 'Кого не подбирать: ID участника или пара «ID наставника / ID наставляемого», через точку с запятой.',
    defaultCell: '',
    parse: () =>
      z.pipe(
        text(),
        z.transform((cell): Exclusion[] =>
          cell
            .split(/[;\n]/)
            .map((s) => s.trim())
            .filter(Boolean)
            .map((entry): Exclusion => {
              const parts = entry.split('/').map((s) => s.trim());
              return { ids: parts.length >= 2 ? [parts[0], parts[1]] : [parts[0]] };
            }),
        ),
      ),
  },
});
export type MatchingSettings = SettingValues<typeof MATCHING_SETTINGS>;

/** Post-meeting choices by participant id, best first. */
export interface Rankings {
  byMentee: ReadonlyMap<string, readonly string[]>;
  byMentor: ReadonlyMap<string, readonly string[]>;
}

export interface ScoreTerm {
  points: number;
  text: string;
}

export interface PairAssessment {
  /** The first form both offer whose rules the pair meets; undefined when none does. */
  form?: MentoringForm;
  /** Hard rules the pair breaks, in Russian; empty when the pair is possible. */
  problems: string[];
  score: number;
  terms: ScoreTerm[];
}

const intersect = (a: readonly string[], b: readonly string[]) => a.filter((x) => b.includes(x));

const rangeWords = (r: { min?: number; max?: number }): string =>
  [r.min === undefined ? '' : `от ${r.min}`, r.max === undefined ? '' : `до ${r.max}`]
    .filter(Boolean)
    .join(' ');

/** Categories, ages, classes and the higher-class rule of one form; a Russian reason when they do not fit. */
export function formProblem(
  form: MentoringForm,
  mentor: Participant,
  mentee: Participant,
): string | undefined {
  if (!form.mentorCategories.includes(mentor.category) || !form.menteeCategories.includes(mentee.category))
    return `форма «${form.label}» не подходит для этих категорий участников`;
  const age = form.menteeAge;
  // Age and class are asked in every questionnaire; rows typed in by hand may lack them.
  if (mentee.age !== undefined) {
    if ((age.min !== undefined && mentee.age < age.min) || (age.max !== undefined && mentee.age > age.max))
      return `в форме «${form.label}» наставляемому ${rangeWords(age)} лет, а ему ${mentee.age}`;
  }
  const grade = form.menteeGrade;
  if (mentee.schoolClass && (grade.min !== undefined || grade.max !== undefined)) {
    const g = mentee.schoolClass.grade;
    if ((grade.min !== undefined && g < grade.min) || (grade.max !== undefined && g > grade.max))
      return `в форме «${form.label}» наставляемый учится в классах ${rangeWords(grade)}, а он в ${g}-м`;
  }
  if (form.mentorInHigherClass) {
    if (!mentor.schoolClass || !mentee.schoolClass) return `для формы «${form.label}» нужны классы обоих`;
    if (mentor.schoolClass.grade <= mentee.schoolClass.grade)
      return `в форме «${form.label}» наставник должен учиться в более старшем классе`;
  }
  return undefined;
}

export function isExcluded(exclusions: readonly Exclusion[], mentorId: string, menteeId: string): boolean {
  return exclusions.some((e) =>
    e.ids.length === 1
      ? e.ids[0] === mentorId || e.ids[0] === menteeId
      : e.ids[0] === mentorId && e.ids[1] === menteeId,
  );
}

/** Hard rules except capacity, which the solver enforces over all pairs at once. */
export function hardRuleProblems(
  mentor: Participant,
  mentee: Participant,
  forms: readonly MentoringForm[],
  exclusions: readonly Exclusion[],
  rejected: boolean,
): { form?: MentoringForm; problems: string[] } {
  const problems: string[] = [];
  if (!hasValidConsent(mentor)) problems.push('у наставника нет согласия на обработку данных');
  if (!hasValidConsent(mentee)) problems.push('у наставляемого нет согласия на обработку данных');
  if (mentor.id === mentee.id || (mentor.email !== '' && mentor.email === mentee.email))
    problems.push('наставник и наставляемый — один и тот же человек');
  if (mentor.capacity <= 0) problems.push('наставник не готов взять наставляемых (ёмкость 0)');
  if (rejected) problems.push('куратор отклонил эту пару');
  if (isExcluded(exclusions, mentor.id, mentee.id)) problems.push('куратор исключил эту пару из подбора');
  const common = mentee.forms.filter((f) => mentor.forms.includes(f));
  let form: MentoringForm | undefined;
  const formReasons: string[] = [];
  for (const id of common) {
    const f = forms.find((x) => x.id === id);
    if (!f) continue;
    const why = formProblem(f, mentor, mentee);
    if (why) formReasons.push(why);
    else {
      form = f;
      break;
    }
  }
  if (!form) problems.push(formReasons[0] ?? 'у наставника и наставляемого нет общей формы наставничества');
  return { form, problems };
}

/** Points for a choice of rank r (0 = first) among up to `ranks` choices: full, then less. */
const choicePoints = (points: number, r: number, ranks: number) => Math.round((points * (ranks - r)) / ranks);

export function scorePair(
  mentor: Participant,
  mentee: Participant,
  s: MatchingSettings,
  rankings: Rankings,
): { score: number; terms: ScoreTerm[] } {
  const terms: ScoreTerm[] = [];
  const add = (points: number, text: string) => {
    if (points > 0) terms.push({ points, text });
  };
  if (mentee.topics.length > 0) {
    const k = intersect(mentee.topics, mentor.topics).length;
    if (k > 0)
      add(
        Math.round((s.topicPoints * k) / mentee.topics.length),
        `запрос совпадает с компетенциями: ${k} из ${mentee.topics.length}`,
      );
  }
  const subjects = intersect(mentee.subjects, mentor.subjects);
  if (subjects.length > 0)
    add(
      s.subjectPoints,
      `${plural(subjects.length, 'общий предмет', 'общие предметы', 'общие предметы')}: ${subjects.join(', ')}`,
    );
  const [best, worst] = s.gapBest;
  let gap: number | undefined;
  let unit = 'классах';
  if (mentor.schoolClass && mentee.schoolClass) gap = mentor.schoolClass.grade - mentee.schoolClass.grade;
  else if (
    mentor.age !== undefined &&
    mentee.age !== undefined &&
    !mentor.schoolClass &&
    !mentee.schoolClass
  ) {
    // Adults: the same band, read in years ×5 (2–4 classes ≈ 10–20 years of age).
    gap = Math.round((mentor.age - mentee.age) / 5);
    unit = 'возрасте (×5 лет)';
  }
  if (gap !== undefined && gap > 0) {
    // Inside the band: full points; each class closer or farther loses half.
    const off = gap < best ? best - gap : gap > worst ? gap - worst : 0;
    const points = off === 0 ? s.gapPoints : off === 1 ? Math.floor(s.gapPoints / 2) : 0;
    add(points, `разница в ${unit}: ${gap}`);
  }
  const times = intersect(mentee.availability, mentor.availability);
  if (times.length > 0) add(s.availabilityPoints, `общее время встреч: ${times.join(', ')}`);
  const menteeList = rankings.byMentee.get(mentee.id) ?? [];
  const mentorList = rankings.byMentor.get(mentor.id) ?? [];
  const rm = menteeList.indexOf(mentor.id);
  const rn = mentorList.indexOf(mentee.id);
  const ranks = Math.max(3, menteeList.length, mentorList.length);
  if (rm >= 0)
    add(choicePoints(s.menteeChoicePoints, rm, ranks), `наставляемый выбрал наставника: выбор ${rm + 1}`);
  if (rn >= 0)
    add(choicePoints(s.mentorChoicePoints, rn, ranks), `наставник выбрал наставляемого: выбор ${rn + 1}`);
  if (rm >= 0 && rn >= 0) add(s.mutualPoints, 'взаимный выбор');
  return { score: terms.reduce((sum, t) => sum + t.points, 0), terms };
}

/** «запрос совпадает с компетенциями: 3 из 4 (+30); взаимный выбор (+20)». */
export function explain(terms: readonly ScoreTerm[]): string {
  return terms.length ? terms.map((t) => `${t.text} (+${t.points})`).join('; ') : 'совпадений нет (0)';
}

export function assessPair(
  mentor: Participant,
  mentee: Participant,
  forms: readonly MentoringForm[],
  s: MatchingSettings,
  rankings: Rankings,
  rejected = false,
): PairAssessment {
  const { form, problems } = hardRuleProblems(mentor, mentee, forms, s.exclusions, rejected);
  const { score, terms } = scorePair(mentor, mentee, s, rankings);
  return { form, problems, score, terms };
}
