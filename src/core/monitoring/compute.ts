// computeMonitoring: the school's figures from its bases, pairs, meetings and survey answers.
// Pure and deterministic: the same input gives the same rows in the same order.

import { FULFILLED_PERCENT, fulfilmentOf } from '../meetings/completion';
import {
  SURVEY_KIND_LABELS,
  SURVEY_KINDS,
  type SurveyAnswer,
  type SurveyKind,
  WANTS_TO_MENTOR,
} from '../meetings/surveys';
import {
  CATEGORIES,
  CATEGORY_LABELS,
  type MentoringForm,
  type Pair,
  type PairState,
  type Participant,
  ROLE_LABELS,
  ROLES,
  type Role,
  STAFF_CATEGORIES,
} from '../model';
import { type MonitoringRow, type MonitoringUnit, meetsTarget, percentOf, roundTo } from './figures';
import type { SurveyComment } from './freeText';
import { impactLabel, impactOrder } from './impact';
import type { SchoolTotals } from './settings';

/**
 * What the monitoring needs of a row of Встречи (src/core/meetings/meetingRow.ts): a meeting belongs
 * to a mentor's plan and may gather a group, so it names the mentor and the mentees, not a pair.
 */
export interface MonitoringMeeting {
  mentorId: string;
  menteeIds: readonly string[];
  /** Undefined while the curator's date does not read; such a meeting is not yet due. */
  plannedDate?: Date;
  held: boolean;
}

/** Held, or planned for a day not after asOf: the meetings that should have happened by now. */
export const isDue = (m: MonitoringMeeting, asOf: Date): boolean =>
  m.held || (m.plannedDate !== undefined && m.plannedDate.getTime() <= asOf.getTime());

export const meetingOfPair = (m: MonitoringMeeting, pair: Pair): boolean =>
  m.mentorId === pair.mentorId && m.menteeIds.includes(pair.menteeId);

export interface MonitoringInput {
  participants: readonly Participant[];
  pairs: readonly Pair[];
  meetings: readonly MonitoringMeeting[];
  answers: readonly SurveyAnswer[];
  /** The free-text answers of the surveys, for the curator's summary; not a figure. */
  comments?: readonly SurveyComment[];
  totals: SchoolTotals;
  forms: readonly MentoringForm[];
  asOf: Date;
}

/** Pairs that actually ran: a participant in one of these is «охвачен наставничеством». */
export const WORKING_STATES: readonly PairState[] = ['approved', 'completed', 'ended_early'];
export const isWorking = (p: Pair): boolean => WORKING_STATES.includes(p.state);

export const COVERAGE_TARGET = 10;
export const PARTNER_TARGET = 2;
export const CONSENT_TARGET = 100;
export const DIAGNOSTICS_TARGET = 100;

const PAIR_STATE_ROWS: ReadonlyArray<{ state: PairState; name: string }> = [
  { state: 'proposed', name: 'Пар предложено' },
  { state: 'locked', name: 'Пар закреплено куратором (до утверждения)' },
  { state: 'approved', name: 'Пар действует (утверждены)' },
  { state: 'completed', name: 'Пар завершено' },
  { state: 'ended_early', name: 'Пар завершено досрочно' },
  { state: 'rejected', name: 'Пар отклонено' },
];

/** A student's age, or from the class when the age was not asked (1st class ≈ 7 years). */
export const studentAge = (p: Participant): number | undefined =>
  p.age ?? (p.schoolClass ? p.schoolClass.grade + 6 : undefined);

const inAgeRange = (p: Participant, from: number, to: number): boolean => {
  const age = studentAge(p);
  return p.category === 'student' && age !== undefined && age >= from && age <= to;
};

export const isYoungSpecialist = (p: Participant): boolean =>
  p.category === 'young_specialist' ||
  (p.category === 'teacher' && p.experienceYears !== undefined && p.experienceYears <= 3);

/** «Инженер, ООО Ромашка» → «ооо ромашка»: the organisation is the part after the last comma. */
export const organisationOf = (position: string): string => {
  const parts = position.split(',');
  return (parts[parts.length - 1] ?? '').trim().toLowerCase().replace(/\s+/g, ' ');
};

/** Latest answer of each respondent about each pair, so a re-submitted survey counts once. */
export function latestAnswers(answers: readonly SurveyAnswer[], kind: SurveyKind): SurveyAnswer[] {
  const latest = new Map<string, SurveyAnswer>();
  for (const a of answers) {
    if (a.kind !== kind) continue;
    const key = `${a.respondentId}\u0000${a.pairId}`;
    const seen = latest.get(key);
    if (!seen || a.date.getTime() >= seen.date.getTime()) latest.set(key, a);
  }
  return [...latest.values()].sort(
    (a, b) => a.respondentId.localeCompare(b.respondentId) || a.pairId.localeCompare(b.pairId),
  );
}

export const answerMean = (a: SurveyAnswer): number | undefined => {
  const values = Object.values(a.scores);
  return values.length ? values.reduce((s, v) => s + v, 0) / values.length : undefined;
};

const mean = (values: readonly number[]): number =>
  values.length ? values.reduce((s, v) => s + v, 0) / values.length : 0;

/** The form of mentoring an answer is about: its pair's, else the respondent's first working pair's. */
export function answerFormId(a: SurveyAnswer, pairs: readonly Pair[]): string | undefined {
  const own = a.pairId ? pairs.find((p) => p.id === a.pairId) : undefined;
  if (own) return own.formId;
  const side = (p: Pair) => (a.role === 'mentor' ? p.mentorId : p.menteeId);
  return pairs
    .filter((p) => isWorking(p) && side(p) === a.respondentId)
    .sort((x, y) => x.id.localeCompare(y.id))[0]?.formId;
}

const SHARE_LABELS = { count: 'в программе', total: 'всего', share: 'доля' };

class RowList {
  readonly rows: MonitoringRow[] = [];
  constructor(private section = '') {}
  start(section: string): void {
    this.section = section;
  }
  add(key: string, name: string, value: number, unit: MonitoringUnit): void {
    this.rows.push({ key, section: this.section, name, value, unit });
  }
  /** count, total and percent rows of one target group. */
  share(
    base: string,
    name: string,
    count: number,
    total: number,
    unit: MonitoringUnit,
    target?: number,
    labels: { count: string; total: string; share: string } = SHARE_LABELS,
  ) {
    this.add(`${base}.count`, `${name}: ${labels.count}`, count, unit);
    this.add(`${base}.total`, `${name}: ${labels.total}`, total, unit);
    const row: MonitoringRow = {
      key: `${base}.percent`,
      section: this.section,
      name: `${name}: ${labels.share}`,
      value: percentOf(count, total),
      unit: '%',
    };
    if (target !== undefined) {
      row.target = target;
      row.met = meetsTarget(count, total, target);
    }
    this.rows.push(row);
  }
}

export function computeMonitoring(input: MonitoringInput): MonitoringRow[] {
  const { pairs, meetings, answers, totals, forms, asOf } = input;
  // An erased participant withdrew consent: no longer in the programme, counted nowhere.
  const participants = input.participants.filter((p) => !p.erased);
  const out = new RowList();
  const byId = new Map(participants.map((p) => [p.id, p]));
  const working = pairs.filter(isWorking);
  const inMentoring = new Set(working.flatMap((p) => [p.mentorId, p.menteeId]));
  const mentorsInMentoring = new Set(working.map((p) => p.mentorId));
  const menteesInMentoring = new Set(working.map((p) => p.menteeId));
  const covered = (p: Participant) => inMentoring.has(p.id);

  out.start('Участники');
  for (const role of ROLES) {
    out.add(
      `participants.${role}.count`,
      `${roleTitle(role)} в базе`,
      participants.filter((p) => p.role === role).length,
      'чел.',
    );
  }
  out.add('participants.all.count', 'В базах всего', byId.size, 'чел.');
  for (const role of ROLES) {
    for (const category of CATEGORIES) {
      out.add(
        `participants.${role}.${category}.count`,
        `${roleTitle(role)} — ${CATEGORY_LABELS[category]}`,
        participants.filter((p) => p.role === role && p.category === category).length,
        'чел.',
      );
    }
  }
  for (const role of ROLES) {
    const set = role === 'mentor' ? mentorsInMentoring : menteesInMentoring;
    out.add(`inPairs.${role}.count`, `${roleTitle(role)} в парах и группах`, set.size, 'чел.');
  }
  for (const form of forms) {
    const ofForm = working.filter((p) => p.formId === form.id);
    out.add(
      `form.${form.id}.mentor.count`,
      `Форма «${form.label}»: наставники`,
      new Set(ofForm.map((p) => p.mentorId)).size,
      'чел.',
    );
    out.add(
      `form.${form.id}.mentee.count`,
      `Форма «${form.label}»: наставляемые`,
      new Set(ofForm.map((p) => p.menteeId)).size,
      'чел.',
    );
  }

  out.start('Охват целевых групп');
  const coveredPeople = participants.filter(covered);
  const distinct = (list: readonly Participant[]) => new Set(list.map((p) => p.id)).size;
  out.share(
    'coverage.students10to18',
    'Ученики 10–18 лет — наставляемые',
    distinct(coveredPeople.filter((p) => menteesInMentoring.has(p.id) && inAgeRange(p, 10, 18))),
    totals.students10to18,
    'чел.',
    COVERAGE_TARGET,
  );
  out.share(
    'coverage.students15to19',
    'Ученики 15–19 лет — наставники',
    distinct(coveredPeople.filter((p) => mentorsInMentoring.has(p.id) && inAgeRange(p, 15, 19))),
    totals.students15to19,
    'чел.',
    COVERAGE_TARGET,
  );
  out.share(
    'coverage.teachers',
    'Педагоги в наставничестве',
    distinct(coveredPeople.filter((p) => STAFF_CATEGORIES.includes(p.category))),
    totals.teachers,
    'чел.',
    COVERAGE_TARGET,
  );
  out.share(
    'coverage.youngSpecialists',
    'Молодые специалисты (стаж 0–3 года)',
    distinct(coveredPeople.filter(isYoungSpecialist)),
    totals.youngSpecialists,
    'чел.',
    COVERAGE_TARGET,
  );
  const organisations = new Set(
    coveredPeople
      .filter((p) => mentorsInMentoring.has(p.id) && p.category === 'employer')
      .map((p) => organisationOf(p.position))
      .filter(Boolean),
  );
  out.share(
    'coverage.partners',
    'Предприятия-партнёры, предоставившие наставников',
    organisations.size,
    totals.partnerOrganisations,
    'орг.',
    PARTNER_TARGET,
  );
  out.share(
    'consents',
    'Согласия на обработку персональных данных',
    participants.filter((p) => p.consent === 'received').length,
    participants.length,
    'чел.',
    CONSENT_TARGET,
    { count: 'получено', total: 'участников', share: 'доля' },
  );

  out.start('Пары и группы');
  for (const { state, name } of PAIR_STATE_ROWS) {
    out.add(`pairs.${state}.count`, name, pairs.filter((p) => p.state === state).length, 'пар');
  }

  out.start('Встречи');
  const due = meetings.filter((m) => isDue(m, asOf));
  out.add('meetings.planned.count', 'Встреч в плане на год', meetings.length, 'встреч');
  out.share(
    'meetings.held',
    'Встречи, срок которых наступил',
    due.filter((m) => m.held).length,
    due.length,
    'встреч',
    undefined,
    {
      count: 'проведено',
      total: 'назначено',
      share: 'доля проведённых',
    },
  );

  out.start('Выполнение индивидуальных планов');
  // Counted over the pairs that have finished: a running pair's plan is not yet due in full.
  const finished = pairs.filter((p) => p.state === 'completed' || p.state === 'ended_early');
  const plans = finished.map(fulfilmentOf(meetings));
  out.share(
    'plans.meetings',
    'Встречи индивидуальных планов завершённых пар проведены',
    plans.reduce((s, f) => s + f.held, 0),
    plans.reduce((s, f) => s + f.planned, 0),
    'встреч',
    FULFILLED_PERCENT,
  );
  out.share(
    'plans.fulfilled',
    `Планы, выполненные не менее чем на ${FULFILLED_PERCENT} %`,
    plans.filter((f) => f.planned > 0 && f.held * 100 >= FULFILLED_PERCENT * f.planned).length,
    plans.length,
    'пар',
  );

  out.start('Удовлетворённость (этап 1: качество программы)');
  const satisfaction = latestAnswers(answers, 'satisfaction');
  const scored = satisfaction
    .map((a) => ({ a, mean: answerMean(a), formId: answerFormId(a, pairs) }))
    .filter((x): x is { a: SurveyAnswer; mean: number; formId: string | undefined } => x.mean !== undefined);
  const average = (base: string, name: string, values: readonly number[]) => {
    out.add(`${base}.avg`, `${name}: средняя оценка`, roundTo(mean(values), 2), 'балл');
    out.add(`${base}.n`, `${name}: ответов`, values.length, 'ответов');
  };
  for (const role of ROLES) {
    average(
      `satisfaction.all.${role}`,
      `Все формы, ${ROLE_LABELS[role]}`,
      scored.filter((x) => x.a.role === role).map((x) => x.mean),
    );
  }
  for (const form of forms) {
    for (const role of ROLES) {
      average(
        `satisfaction.${form.id}.${role}`,
        `«${form.label}», ${ROLE_LABELS[role]}`,
        scored.filter((x) => x.a.role === role && x.formId === form.id).map((x) => x.mean),
      );
    }
  }
  const menteeWishes = new Map<string, boolean>();
  for (const a of satisfaction) {
    const wish = a.flags[WANTS_TO_MENTOR];
    if (a.role === 'mentee' && wish !== undefined)
      menteeWishes.set(a.respondentId, wish || menteeWishes.get(a.respondentId) === true);
  }
  out.share(
    'wantsToMentor',
    'Наставляемые, желающие стать наставниками',
    [...menteeWishes.values()].filter(Boolean).length,
    menteeWishes.size,
    'чел.',
    undefined,
    { count: 'хотят', total: 'ответили', share: 'доля' },
  );

  out.start('Опросы: отклик и обратная связь');
  // Everyone in a working pair is invited to every survey of the year; a response rate is who answered.
  for (const kind of SURVEY_KINDS) {
    const respondents = new Set(answers.filter((a) => a.kind === kind).map((a) => a.respondentId));
    out.share(
      `surveys.${kind}`,
      `Ответили: ${SURVEY_KIND_LABELS[kind]}`,
      [...inMentoring].filter((id) => respondents.has(id)).length,
      inMentoring.size,
      'чел.',
    );
  }
  const feedback = latestAnswers(answers, 'feedback');
  for (const role of ROLES) {
    average(
      `feedback.all.${role}`,
      `Обратная связь, ${ROLE_LABELS[role]}`,
      feedback
        .filter((a) => a.role === role)
        .map(answerMean)
        .filter((v): v is number => v !== undefined),
    );
  }

  out.start('Влияние на участников (этап 2: вход и выход)');
  const entries = latestByRespondent(answers, 'impact_entry');
  const exits = latestByRespondent(answers, 'impact_exit');
  out.share(
    'diagnostics',
    'Входная диагностика пройдена',
    [...inMentoring].filter((id) => entries.has(id)).length,
    inMentoring.size,
    'чел.',
    DIAGNOSTICS_TARGET,
    { count: 'прошли', total: 'участников', share: 'доля' },
  );
  const params = impactOrder([...entries.values()].flatMap((a) => Object.keys(a.scores)));
  const byRespondent = [...entries].sort(([x], [y]) => x.localeCompare(y));
  for (const param of params) {
    const before: number[] = [];
    const after: number[] = [];
    for (const [id, entry] of byRespondent) {
      const exit = exits.get(id);
      const b = entry.scores[param];
      const e = exit?.scores[param];
      if (b === undefined || e === undefined) continue;
      before.push(b);
      after.push(e);
    }
    if (before.length === 0) continue;
    const label = impactLabel(param);
    out.add(`impact.${param}.entry`, `${label}: на входе`, roundTo(mean(before), 2), 'балл');
    out.add(`impact.${param}.exit`, `${label}: на выходе`, roundTo(mean(after), 2), 'балл');
    out.add(`impact.${param}.change`, `${label}: изменение`, roundTo(mean(after) - mean(before), 2), 'балл');
    out.add(`impact.${param}.n`, `${label}: участников с обоими замерами`, before.length, 'чел.');
  }
  return out.rows;
}

function roleTitle(role: Role): string {
  return role === 'mentor' ? 'Наставники' : 'Наставляемые';
}

function latestByRespondent(answers: readonly SurveyAnswer[], kind: SurveyKind): Map<string, SurveyAnswer> {
  const latest = new Map<string, SurveyAnswer>();
  for (const a of answers) {
    if (a.kind !== kind) continue;
    const seen = latest.get(a.respondentId);
    if (!seen || a.date.getTime() >= seen.date.getTime()) latest.set(a.respondentId, a);
  }
  return latest;
}
