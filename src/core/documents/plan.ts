// What documents approved pairs need, each under a deterministic key, and the data each is filled
// from. Pure: the gas layer reads the sheets, asks this module for the pending jobs, and records each
// finished document in Документы under its key, so a re-run does exactly what is still missing.

import { SCHEDULE_SETTINGS } from '../meetings/settings';
import {
  CATEGORY_LABELS,
  consentSigner,
  formatClass,
  isMinor,
  type MentoringForm,
  type Pair,
  type Participant,
} from '../model';
import { readSettings } from '../settings';
import { declineName, initialsAfter, initialsBefore, type PersonName } from '../templates/declension';
import { organisationForms } from '../templates/organisationName';
import { type CalendarDate, formatShortDate, isoDay, parseIsoDay } from '../templates/russianDate';
import {
  casesValue,
  dateValue,
  nameValue,
  type TemplateRecord,
  type TemplateValue,
} from '../templates/value';
import type { TemplateKey } from './defaultTemplates';
import {
  groupMeetings,
  groupPlanId,
  type MeetingPlans,
  type PlannedDate,
  planningDay,
  planRows,
} from './planActivities';
import { type DocumentSettings, orgNameOverrides } from './settings';

export const DOCUMENT_TYPES = ['order', 'agreement', 'plan', 'consent', 'dissemination'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];
export const DOCUMENT_TYPE_LABELS: Record<DocumentType, string> = {
  order: 'приказ',
  agreement: 'соглашение',
  plan: 'индивидуальный план',
  consent: 'согласие на обработку ПД',
  dissemination: 'согласие на распространение ПД',
};
/** Output folder of each type inside the year's folder. */
export const DOCUMENT_FOLDERS: Record<DocumentType, string> = {
  order: 'Приказы',
  agreement: 'Соглашения',
  plan: 'Индивидуальные планы',
  consent: 'Согласия',
  dissemination: 'Согласия',
};

/** A row of Приказы: the number is reserved before the order is made, and never given out again. */
export interface OrderReservation {
  key: string;
  seq: number;
  number: string;
  date: CalendarDate;
  title: string;
  pairIds: string[];
}

export interface DocumentJob {
  key: string;
  type: DocumentType;
  templateKey: TemplateKey;
  /** File name a secretary would choose. */
  title: string;
  data: TemplateRecord;
  /** Who gets view access to this document (besides the folder's curator and director). */
  viewers: string[];
  pairId: string;
  participantId: string;
  orderNumber: string;
}

export interface DocumentWorld {
  /** The meeting planner's rules and the plans in «Встречи»; without them, the default rules. */
  meetings?: MeetingPlans;
  pairs: readonly Pair[];
  people: ReadonlyMap<string, Participant>;
  forms: readonly MentoringForm[];
  settings: DocumentSettings;
  programmeEnd: CalendarDate;
  year: string;
}

export const ORDER_TITLE = 'Об утверждении наставнических пар (групп)';

/** Orders of the programme itself, one per school year, made from the menu. */
export const PROGRAMME_ORDERS: ReadonlyArray<{ prefix: string; templateKey: TemplateKey; title: string }> = [
  { prefix: 'order-model', templateKey: 'order-model', title: 'О внедрении целевой модели наставничества' },
  {
    prefix: 'order-curator',
    templateKey: 'order-curator',
    title: 'О назначении куратора целевой модели наставничества',
  },
];

export const programmeOrderKey = (prefix: string, year: string): string => `${prefix}:${year}`;

/** The order approving the individual plans of a pairs order, once its plans are made and due. */
export const PLANS_ORDER_TITLE = 'Об утверждении индивидуальных планов наставнических пар (групп)';
const PLANS_ORDER_PREFIX = 'order-plans';
export const plansOrderKey = (pairsOrderKey: string): string => `${PLANS_ORDER_PREFIX}:${pairsOrderKey}`;

const orderTemplate = (key: string): TemplateKey =>
  key.startsWith(`${PLANS_ORDER_PREFIX}:`)
    ? 'order-plans'
    : (PROGRAMME_ORDERS.find((o) => key.startsWith(`${o.prefix}:`))?.templateKey ?? 'order-pairs');

/** FNV-1a, so the key of a set of pairs is short and the same on every run. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

export const orderKey = (pairIds: readonly string[]): string =>
  `order:${hash([...pairIds].sort().join('|'))}`;

/** Approved pairs that no order covers yet: they go into the next order. */
export function pairsWithoutOrder(pairs: readonly Pair[], orders: readonly OrderReservation[]): Pair[] {
  const covered = new Set(orders.flatMap((o) => o.pairIds));
  return pairs.filter((p) => p.state === 'approved' && !covered.has(p.id));
}

export const personName = (p: Participant): PersonName => ({
  lastName: p.lastName,
  firstName: p.firstName,
  middleName: p.middleName,
  gender: p.gender,
  overrides: p.nameForms,
});

/** «7Б класс», «учитель, физика»: brackets become commas, so a role never nests brackets in a sentence. */
export function roleText(p: Participant): string {
  if (p.category === 'student') return p.schoolClass ? `${formatClass(p.schoolClass)} класс` : 'обучающийся';
  const role = p.position || CATEGORY_LABELS[p.category];
  return role
    .replace(/\s*\(([^()]*)\)/g, ', $1')
    .replace(/,\s*,/g, ',')
    .trim();
}

/** The parent of a minor as a declinable name, or a line to write the name by hand. */
const parentOf = (p: Participant): TemplateValue =>
  p.parentName.trim() ? nameValue(splitName(p.parentName)) : BLANK_NAME;

/** Who signs for the participant can be reached at: the parent's address for a minor. */
const contactText = (p: Participant): string =>
  [isMinor(p) ? p.parentEmail : p.email, isMinor(p) ? '' : p.phone].filter(Boolean).join(', ');

const BLANK_NAME = '______________________________';
const BLANK_LINE = '____________________________________________';

function addDays(d: CalendarDate, days: number): CalendarDate {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day) + days * 86_400_000);
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

function monthsBetween(from: CalendarDate, to: CalendarDate): number {
  return Math.max(1, (to.year - from.year) * 12 + (to.month - from.month) + (to.day > from.day ? 1 : 0));
}

/** Formats of work per form (seed 004, Приложение 3, «примерные форматы работы»). */
const FORMATS: Record<string, string[]> = {
  'student-student': [
    'подготовка к мероприятиям, конкурсам и олимпиадам',
    'совместный проект',
    'клуб по интересам с лидером-наставником',
    'образовательная практика «дети — детям»',
    'волонтёрская и социально значимая деятельность',
  ],
  'teacher-teacher': [
    'посещение и разбор уроков',
    'творческая мастерская',
    'школа молодого педагога',
    'серия методических семинаров',
    'подготовка к профессиональному конкурсу',
  ],
  'teacher-student': [
    'подготовка к олимпиаде или конкурсу',
    'проектная или исследовательская работа',
    'консультации по предмету',
    'профориентационная беседа',
  ],
  'college-student': [
    'профориентационные встречи',
    'совместный проект',
    'знакомство с колледжем или вузом',
    'кейс-турнир',
  ],
  'employer-student': [
    'экскурсия на предприятие',
    'проект под задачу предприятия',
    'профессиональные пробы',
    'встреча с сотрудниками предприятия',
  ],
};
const DEFAULT_FORMATS = ['совместный проект', 'консультации', 'участие в мероприятиях программы'];

export const formatsOf = (formId: string): string[] => FORMATS[formId] ?? DEFAULT_FORMATS;

/** «Директор» → «Директору», «Заведующий» → «Заведующему», «Заведующая» → «Заведующей». */
export function dativeOfPosition(position: string): string {
  const [head, ...rest] = position.trim().split(/\s+/);
  const word = /[ий]й$/.test(head)
    ? `${head.slice(0, -2)}ему`
    : /ая$/.test(head)
      ? `${head.slice(0, -2)}ей`
      : /[бвгджзклмнпрстфхцчшщ]$/i.test(head)
        ? `${head}у`
        : head;
  return [word, ...rest].join(' ');
}

/** A full name as typed in Настройки or a sheet: «Фамилия Имя Отчество». */
export function splitName(full: string): PersonName {
  const [lastName = '', firstName = '', ...rest] = full.trim().split(/\s+/);
  return { lastName, firstName, middleName: rest.join(' ') };
}

const orBlank = (text: string, blank = BLANK_LINE): string => text.trim() || blank;

function common(world: DocumentWorld): TemplateRecord {
  const s = world.settings;
  return {
    org: {
      name: casesValue(organisationForms(s.orgName, orgNameOverrides(s))),
      place: s.place,
      address: orBlank(s.orgAddress),
      inn: orBlank(s.orgInn, '____________'),
      ogrn: orBlank(s.orgOgrn, '_______________'),
      resources: orBlank(s.publishResources),
      regulation: s.regulation ? `, ${s.regulation}` : '',
      director: nameValue(splitName(s.directorName)),
      directorPosition: s.directorPosition,
      directorPositionDative: dativeOfPosition(s.directorPosition),
      dataOfficer: nameValue(splitName(s.dataOfficer || s.curatorName)),
    },
    curator: nameValue(splitName(s.curatorName)),
    year: world.year,
  };
}

const formLabel = (world: DocumentWorld, formId: string): string =>
  world.forms.find((f) => f.id === formId)?.label ?? formId;

const emails = (...list: string[]): string[] => [
  ...new Set(list.map((e) => e.trim().toLowerCase()).filter(Boolean)),
];

/** The participant's own address, and the parent's for a minor. */
const contactsOf = (p: Participant): string[] => emails(p.email, isMinor(p) ? p.parentEmail : '');

function orderJob(
  world: DocumentWorld,
  order: OrderReservation,
  orders: readonly OrderReservation[],
): DocumentJob {
  const pairs = order.pairIds.flatMap((id) => {
    const pair = world.pairs.find((p) => p.id === id);
    const mentor = pair && world.people.get(pair.mentorId);
    const mentee = pair && world.people.get(pair.menteeId);
    return pair && mentor && mentee ? [{ pair, mentor, mentee }] : [];
  });
  // Adults sign for themselves; a minor's parent signs instead, as for the agreement (seed 004, 3.5).
  const acquainted = new Map<string, TemplateRecord>();
  acquainted.set('curator', { person: nameValue(splitName(world.settings.curatorName)), role: 'куратор' });
  for (const { mentor, mentee } of pairs)
    for (const [p, role] of [
      [mentor, 'наставник'],
      [mentee, 'наставляемый'],
    ] as const) {
      if (acquainted.has(p.id)) continue;
      if (!isMinor(p)) acquainted.set(p.id, { person: nameValue(personName(p)), role });
      else if (p.parentName.trim())
        acquainted.set(p.id, {
          person: nameValue(splitName(p.parentName)),
          role: `родитель ${role === 'наставник' ? 'наставника' : 'наставляемого'} ${initialsAfter(declineName(personName(p), 'genitive'))}`,
        });
    }
  const approves = orders.find((o) => plansOrderKey(o.key) === order.key);
  return {
    key: order.key,
    type: 'order',
    templateKey: orderTemplate(order.key),
    title: `Приказ № ${order.number} от ${formatShortDate(order.date)} ${order.title}`,
    data: {
      ...common(world),
      order: { number: order.number, date: dateValue(order.date), title: order.title },
      planDeadline: dateValue(planDeadline(world, order, pairs)),
      pairs: pairs.map(({ pair, mentor, mentee }) => ({
        mentor: nameValue(personName(mentor)),
        mentorRole: roleText(mentor),
        mentee: nameValue(personName(mentee)),
        menteeRole: roleText(mentee),
        form: formLabel(world, pair.formId),
        period: `до ${formatShortDate(world.programmeEnd)}`,
      })),
      acquainted: [...acquainted.values()],
      pairsOrder: approves
        ? { number: approves.number, date: dateValue(approves.date) }
        : { number: order.number, date: dateValue(order.date) },
      groups: groupsOf(pairs).map((group) => ({
        mentor: nameValue(personName(group[0].mentor)),
        mentees: group.map((m) => initialsAfter(personName(m.mentee))).join(', '),
        form: formLabel(world, group[0].pair.formId),
      })),
    },
    viewers: [],
    pairId: '',
    participantId: '',
    orderNumber: order.number,
  };
}

/** The pair's agreement; with `members`, the plan of the group the pair opens instead. */
function pairJobs(
  world: DocumentWorld,
  order: OrderReservation,
  pair: Pair,
  mentor: Participant,
  mentee: Participant,
  members?: readonly Member[],
): DocumentJob[] {
  const both = `${initialsBefore(personName(mentor))} и ${initialsBefore(personName(mentee))}`;
  const base = {
    ...common(world),
    order: { number: order.number, date: dateValue(order.date) },
    date: dateValue(order.date),
    startDate: dateValue(order.date),
    endDate: dateValue(world.programmeEnd),
    months: monthsBetween(order.date, world.programmeEnd),
    mentor: nameValue(personName(mentor)),
    mentee: nameValue(personName(mentee)),
    mentorRole: roleText(mentor),
    menteeRole: roleText(mentee),
    mentorMinor: isMinor(mentor),
    menteeMinor: isMinor(mentee),
    mentorParent: parentOf(mentor),
    menteeParent: parentOf(mentee),
    form: formLabel(world, pair.formId),
  };
  const viewers = emails(...contactsOf(mentor), ...contactsOf(mentee));
  const job = (
    type: DocumentType,
    templateKey: TemplateKey,
    title: string,
    data: TemplateRecord,
  ): DocumentJob => ({
    key: `${type}:${pair.id}:${order.number}`,
    type,
    templateKey,
    title,
    data,
    viewers,
    pairId: pair.id,
    participantId: '',
    orderNumber: order.number,
  });
  if (!members) return [job('agreement', 'agreement', `Соглашение — ${both}`, base)];
  // One plan per group (a mentor with one form): it lists every mentee approved with them so far.
  const mentees = members.map((m) => m.mentee);
  const meetings = meetingsOf(world, members, order.date);
  const title =
    mentees.length === 1
      ? `Индивидуальный план — ${both}`
      : `Индивидуальный план группы — ${initialsBefore(personName(mentor))} и ${mentees.length} наставляемых`;
  return [
    job('plan', 'plan', title, {
      ...base,
      startDate: dateValue(parseIsoDay(meetings[0]?.date ?? isoDay(order.date))),
      request: requestOf(mentee),
      mentees: mentees.map((m) => ({
        mentee: nameValue(personName(m)),
        menteeRole: roleText(m),
        request: requestOf(m),
      })),
      formats: formatsOf(pair.formId).join(', '),
      activities: planRows(meetings, tasksOf(mentees, pair.formId)),
    }),
  ].map((j) => ({ ...j, viewers: emails(...contactsOf(mentor), ...mentees.flatMap(contactsOf)) }));
}

/** «цифровые навыки; успеваемость; в анкете: «Хочу подтянуть оценки»» — the topics, then the participant's own words. */
function requestOf(p: Participant): string {
  const note = p.note.trim().replace(/[.!…]+$/, '');
  const parts = [...p.topics, ...(note ? [`в анкете: «${note}»`] : [])];
  return parts.join('; ') || 'уточняется на встрече-планировании';
}

/** The plan's tasks: what the mentees asked for, then the usual formats of the form. */
const tasksOf = (mentees: readonly Participant[], formId: string): string[] => [
  ...new Set([...mentees.flatMap((m) => m.topics), ...formatsOf(formId).slice(0, 3)]),
];

const scheduleDefaults = (): MeetingPlans => {
  const s = readSettings(SCHEDULE_SETTINGS, new Map()).values;
  return {
    rules: {
      holidays: s.holidays,
      programmeEnd: s.programmeEnd,
      firstMeetingAfterDays: s.firstMeetingAfterDays,
      startStepDays: s.startStepDays,
      intervalDays: s.intervalDays,
    },
    byPlan: new Map(),
  };
};

interface Member {
  pair: Pair;
  mentor: Participant;
  mentee: Participant;
}

/** The calendar day of a date cell (midnight in the school's zone, whatever zone the code runs in). */
function approvedOn(pair: Pair, fallback: CalendarDate): CalendarDate {
  if (!pair.approvedAt) return fallback;
  const noon = new Date(pair.approvedAt.getTime() + 43_200_000);
  return { year: noon.getUTCFullYear(), month: noon.getUTCMonth() + 1, day: noon.getUTCDate() };
}

/** The group's meetings: «Встречи» has them, or the planner will make them from the first approval. */
function meetingsOf(
  world: DocumentWorld,
  members: readonly Member[],
  orderDate: CalendarDate,
): PlannedDate[] {
  const first = members[0];
  const plans = world.meetings ?? scheduleDefaults();
  const starts = members
    .map((m) => approvedOn(m.pair, orderDate))
    .sort((a, b) => isoDay(a).localeCompare(isoDay(b)))[0];
  return groupMeetings(
    plans,
    groupPlanId(first.mentor.id, first.pair.formId, starts),
    starts,
    world.programmeEnd,
  );
}

/** The order's deadline for the plans: never before the groups' planning meetings. */
function planDeadline(
  world: DocumentWorld,
  order: OrderReservation,
  members: readonly Member[],
): CalendarDate {
  let deadline = addDays(order.date, world.settings.planDays);
  for (const group of groupsOf(members)) {
    const planning = planningDay(meetingsOf(world, group, order.date));
    if (planning && isoDay(planning) > isoDay(deadline)) deadline = planning;
  }
  return deadline;
}

/** Members grouped by mentor and form, in the order they come. */
function groupsOf(members: readonly Member[]): Member[][] {
  const groups = new Map<string, Member[]>();
  for (const m of members) {
    const key = `${m.mentor.id}\u0000${m.pair.formId}`;
    groups.set(key, [...(groups.get(key) ?? []), m]);
  }
  return [...groups.values()];
}

function consentJobs(world: DocumentWorld, person: Participant): DocumentJob[] {
  const name = initialsBefore(personName(person));
  const byParent = consentSigner(person) === 'parent';
  const data: TemplateRecord = {
    ...common(world),
    person: nameValue(personName(person)),
    personRole: roleText(person),
    minor: isMinor(person),
    parent: parentOf(person),
    contacts: orBlank(contactText(person)),
  };
  // The consent goes to whoever signs it: the parent for a child under 14, otherwise the participant.
  const viewers = byParent ? emails(person.parentEmail || person.email) : emails(person.email);
  const job = (type: DocumentType, templateKey: TemplateKey, title: string): DocumentJob => ({
    key: `${type}:${person.id}`,
    type,
    templateKey,
    title,
    data,
    viewers: type === 'dissemination' ? contactsOf(person) : viewers,
    pairId: '',
    participantId: person.id,
    orderNumber: '',
  });
  return [
    byParent
      ? job('consent', 'consent-parent', `Согласие родителя на обработку ПД — ${name}`)
      : job('consent', 'consent-self', `Согласие на обработку ПД — ${name}`),
    job('dissemination', 'consent-dissemination', `Согласие на распространение ПД — ${name}`),
  ];
}

/**
 * Every document still to make: for each reserved order the order itself and each pair's agreement
 * and plan; then the consent forms of every participant whose consent is missing (approval needs
 * them, so they are printed for signing before pairs are approved). Minus those already made.
 */
export function pendingJobs(
  world: DocumentWorld,
  orders: readonly OrderReservation[],
  done: ReadonlySet<string>,
): DocumentJob[] {
  const jobs: DocumentJob[] = [];
  for (const order of [...orders].sort(
    (a, b) => isoDay(a.date).localeCompare(isoDay(b.date)) || a.seq - b.seq,
  )) {
    jobs.push(orderJob(world, order, orders));
    // Only an order approving pairs brings agreements and plans; the others cite pairs at most.
    if (!order.key.startsWith('order:')) continue;
    const members = order.pairIds.flatMap((id) => {
      const pair = world.pairs.find((p) => p.id === id);
      const mentor = pair && world.people.get(pair.mentorId);
      const mentee = pair && world.people.get(pair.menteeId);
      return pair && mentor && mentee && pair.state === 'approved' ? [{ pair, mentor, mentee }] : [];
    });
    for (const group of groupsOf(members)) {
      for (const m of group) jobs.push(...pairJobs(world, order, m.pair, m.mentor, m.mentee));
      // The group's plan lists every mentee of the group approved so far, earlier orders included.
      const all =
        groupsOf(
          world.pairs
            .filter(
              (p) =>
                p.state === 'approved' &&
                p.mentorId === group[0].mentor.id &&
                p.formId === group[0].pair.formId,
            )
            .flatMap((pair) => {
              const mentee = world.people.get(pair.menteeId);
              return mentee ? [{ pair, mentor: group[0].mentor, mentee }] : [];
            }),
        )[0] ?? group;
      const first = group[0];
      jobs.push(...pairJobs(world, order, first.pair, first.mentor, first.mentee, all));
    }
  }
  // Withdrawn consent means no processing at all; a received one needs no form.
  const unsigned = [...world.people.values()].filter((p) => p.consent === 'missing');
  for (const person of unsigned.sort((a, b) => a.id.localeCompare(b.id)))
    jobs.push(...consentJobs(world, person));
  return jobs.filter((j) => !done.has(j.key)).map((j) => ({ ...j, title: fileTitle(j.title) }));
}

/**
 * Pairs orders whose plans are due and all made, and that no order approves yet: each gets an order
 * approving its plans (DOMAIN.md: «an order approving the individual plans»).
 */
export function planApprovalsDue(
  world: DocumentWorld,
  orders: readonly OrderReservation[],
  ready: ReadonlySet<string>,
  today: CalendarDate,
): Array<{ key: string; pairIds: string[] }> {
  const keys = new Set(orders.map((o) => o.key));
  return orders.flatMap((order) => {
    if (!order.key.startsWith('order:') || keys.has(plansOrderKey(order.key))) return [];
    const members = order.pairIds.flatMap((id) => {
      const pair = world.pairs.find((p) => p.id === id && p.state === 'approved');
      const mentor = pair && world.people.get(pair.mentorId);
      const mentee = pair && world.people.get(pair.menteeId);
      return pair && mentor && mentee ? [{ pair, mentor, mentee }] : [];
    });
    if (members.length === 0) return [];
    if (isoDay(today) < isoDay(planDeadline(world, order, members))) return [];
    const plans = groupsOf(members).map((g) => `plan:${g[0].pair.id}:${order.number}`);
    return plans.every((k) => ready.has(k))
      ? [{ key: plansOrderKey(order.key), pairIds: [...order.pairIds] }]
      : [];
  });
}

/** A file name never ends in a dot: Drive and Word would show «….docx» as «..docx». */
const fileTitle = (title: string): string => title.replace(/[\s.]+$/, '');
