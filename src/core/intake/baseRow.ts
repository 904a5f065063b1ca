// A row of Наставники / Наставляемые ↔ Participant. Columns are found by header; these are the
// columns intake owns. Lists are written «a; b», forms and categories by their Russian labels.
import {
  CATEGORIES,
  CATEGORY_LABELS,
  CONSENT_LABELS,
  CONSENT_STATES,
  type ConsentSigner,
  formatClass,
  type MentoringForm,
  type Participant,
  type Role,
} from '../model';
import {
  blankPatch,
  type Columns,
  cellColumn,
  defineSheet,
  type RowOf,
  type RowPatch,
  textColumn,
} from '../schema';
import { SHEETS } from '../sheets';
import { type CellValue, cellText } from '../table';
import { formatNameForms, GENDER_LABELS, parseGender, parseNameForms } from './nameForms';
import { parseClass } from './schoolClass';
import { joinList, splitList } from './text';

/** Names, answers and notes are kept as typed (see sheetInput). */
const FREE_TEXT = { freeText: true };
/** Columns newer than the first deployed bases: setup adds them to a base that holds data. */
const ADDED_LATER = { addedLater: true };

function baseSheet(role: Role) {
  // The mentee base has no columns for what only mentors fill in; a curator may add them.
  const mentorOnly = { optional: role === 'mentee' };
  return defineSheet(role === 'mentor' ? SHEETS.mentors : SHEETS.mentees, {
    id: textColumn('ID'),
    status: textColumn('Статус'),
    problem: textColumn('Проблема'),
    consent: textColumn('Согласие'),
    signer: textColumn('Кто подписывает согласие'),
    lastName: textColumn('Фамилия', FREE_TEXT),
    firstName: textColumn('Имя', FREE_TEXT),
    middleName: textColumn('Отчество', FREE_TEXT),
    gender: textColumn('Пол', ADDED_LATER),
    /** Declined forms the curator corrected by hand, e.g. «Р: Цой Алины; Д: Цой Алине». */
    nameForms: textColumn('Склонение', { ...FREE_TEXT, ...ADDED_LATER }),
    email: textColumn('E-mail'),
    category: textColumn('Категория'),
    schoolClass: textColumn('Класс'),
    age: cellColumn('Возраст'),
    position: textColumn('Место работы, должность', FREE_TEXT),
    experienceYears: cellColumn('Стаж, лет'),
    subjects: textColumn('Предметы'),
    topics: textColumn(role === 'mentor' ? 'Компетенции' : 'Запрос'),
    achievements: textColumn('Достижения', { ...mentorOnly, ...FREE_TEXT }),
    interests: textColumn('Интересы', { ...mentorOnly, ...FREE_TEXT }),
    note: textColumn('Комментарий', FREE_TEXT),
    forms: textColumn('Формы наставничества'),
    capacity: cellColumn('Сколько наставляемых', mentorOnly),
    availability: textColumn('Время встреч'),
    phone: textColumn('Телефон', FREE_TEXT),
    parentName: textColumn('ФИО родителя', FREE_TEXT),
    parentEmail: textColumn('E-mail родителя'),
    longTermBank: textColumn('Долгосрочная база', mentorOnly),
    joinedAt: cellColumn('Дата вступления'),
    updatedAt: cellColumn('Обновлено'),
    responseId: textColumn('Ответ'),
    /** Meetings add it when they are set up: the participant asked for no more letters. */
    optOut: cellColumn('Без рассылок', { optional: true }),
    /** Written when the participant's pairs have ended (seed 002, 7.7). */
    finishedAt: cellColumn('Дата окончания', { optional: true }),
    results: textColumn('Итоги', { optional: true }),
  });
}

/** Наставники and Наставляемые: the same keys, each base with its own headers where they differ. */
export const BASES: Record<Role, BaseSchema> = { mentor: baseSheet('mentor'), mentee: baseSheet('mentee') };
export type BaseSchema = ReturnType<typeof baseSheet>;
export type BaseValues = RowOf<BaseSchema>;
export type BasePatch = RowPatch<BaseSchema>;
export const BASE_HEADERS: Record<Role, readonly string[]> = {
  mentor: BASES.mentor.headers,
  mentee: BASES.mentee.headers,
};

export const ROW_STATUS = {
  accepted: 'принята',
  check: 'требует проверки',
  erased: 'данные удалены',
} as const;
export type RowStatus = (typeof ROW_STATUS)[keyof typeof ROW_STATUS];

export const ERASED_LABEL = 'данные удалены';
export const SIGNER_LABELS: Record<ConsentSigner, string> = { self: 'сам участник', parent: 'родитель' };
const YES = 'да';

export const ID_PREFIX: Record<Role, string> = { mentor: 'НС-', mentee: 'НЯ-' };

/** Next free id of a base: «НЯ-0042». Ids are never reused, even after erasure. */
export function nextId(role: Role, ids: readonly string[]): string {
  const prefix = ID_PREFIX[role];
  const max = ids.reduce((m, id) => {
    const n = id.startsWith(prefix) ? Number(id.slice(prefix.length)) : 0;
    return Number.isFinite(n) && n > m ? n : m;
  }, 0);
  return `${prefix}${String(max + 1).padStart(4, '0')}`;
}

export interface BaseRowState {
  status: string;
  problem: string;
  signer: ConsentSigner;
  updatedAt: Date;
  responseId: string;
}

export function participantToRecord(
  p: Participant,
  forms: readonly MentoringForm[],
  state: BaseRowState,
): BasePatch {
  const formLabel = (id: string) => forms.find((f) => f.id === id)?.label ?? id;
  const record: BasePatch = {
    id: p.id,
    status: state.status,
    problem: state.problem,
    consent: CONSENT_LABELS[p.consent],
    signer: SIGNER_LABELS[state.signer],
    lastName: p.lastName,
    firstName: p.firstName,
    middleName: p.middleName,
    gender: p.gender ? GENDER_LABELS[p.gender] : '',
    nameForms: formatNameForms(p.nameForms),
    email: p.email,
    category: CATEGORY_LABELS[p.category],
    schoolClass: p.schoolClass ? formatClass(p.schoolClass) : '',
    age: p.age ?? '',
    position: p.position,
    experienceYears: p.experienceYears ?? '',
    subjects: joinList(p.subjects),
    topics: joinList(p.topics),
    note: p.note,
    forms: joinList(p.forms.map(formLabel)),
    availability: joinList(p.availability),
    phone: p.phone,
    parentName: p.parentName,
    parentEmail: p.parentEmail,
    joinedAt: p.joinedAt ?? state.updatedAt,
    updatedAt: state.updatedAt,
    responseId: state.responseId,
  };
  if (p.role === 'mentor') {
    record.capacity = p.capacity;
    record.achievements = p.achievements ?? '';
    record.interests = p.interests ?? '';
    record.longTermBank = p.longTermBank ? YES : '';
  }
  return record;
}

const num = (v: CellValue | undefined): number | undefined => {
  const t = cellText(v);
  if (t === '') return undefined;
  const n = Number(t.replace(',', '.'));
  return Number.isFinite(n) ? n : undefined;
};
const date = (v: CellValue | undefined): Date | undefined => (v instanceof Date ? v : undefined);

/** Addresses compare in lower case; a register placeholder («[[…|parentEmail]]») is kept as written. */
const addressOf = (cell: string): string => (cell.trim().startsWith('[[') ? cell.trim() : cell.toLowerCase());

export interface ReadRow {
  participant?: Participant;
  status: string;
  problem: string;
}

/**
 * Reads a base row back. Curators may edit cells; a row whose id, name, category or forms no longer
 * make sense is reported with a Russian problem instead of a participant.
 */
export function recordToParticipant(role: Role, r: BaseValues, forms: readonly MentoringForm[]): ReadRow {
  const { status, problem, id } = r;
  const categoryLabel = r.category;
  const category = CATEGORIES.find((c) => CATEGORY_LABELS[c] === categoryLabel);
  const formIds = splitList(r.forms).map((label) => forms.find((f) => f.label === label)?.id ?? label);
  const consentLabel = r.consent;
  const consent = CONSENT_STATES.find((s) => CONSENT_LABELS[s] === consentLabel) ?? 'missing';
  if (!id || !category) {
    return {
      status,
      problem: `Строка не читается: ${!id ? 'нет ID' : `неизвестная категория «${categoryLabel}»`}.`,
    };
  }
  const erased = status === ROW_STATUS.erased;
  const classText = r.schoolClass;
  const participant: Participant = {
    id,
    role,
    email: erased ? '' : addressOf(r.email),
    lastName: erased ? ERASED_LABEL : r.lastName,
    firstName: erased ? '' : r.firstName,
    middleName: erased ? '' : r.middleName,
    gender: parseGender(r.gender),
    nameForms: erased ? undefined : parseNameForms(r.nameForms),
    category,
    schoolClass: classText ? parseClass(classText) : undefined,
    age: num(r.age),
    position: r.position,
    experienceYears: num(r.experienceYears),
    subjects: splitList(r.subjects),
    topics: splitList(r.topics),
    note: r.note,
    forms: formIds,
    capacity: role === 'mentor' ? (num(r.capacity) ?? 1) : 0,
    availability: splitList(r.availability),
    phone: r.phone,
    parentName: r.parentName,
    parentEmail: addressOf(r.parentEmail),
    consent: erased ? 'withdrawn' : consent,
    longTermBank: r.longTermBank.toLowerCase() === YES,
    optOut: false,
    joinedAt: date(r.joinedAt),
  };
  if (role === 'mentor') {
    participant.achievements = r.achievements;
    participant.interests = r.interests;
  }
  if (erased) participant.erased = true;
  return { participant, status, problem };
}

/** What is left of an erased row: the id, role, category, forms and dates — no personal data. */
export function erasedRecord(role: Role, when: Date): BasePatch {
  const keep = new Set<string>(['id', 'category', 'forms', 'joinedAt', 'capacity']);
  const blank = blankPatch(BASES[role]) as Record<string, CellValue>;
  for (const k of keep) delete blank[k];
  return {
    ...blank,
    status: ROW_STATUS.erased,
    problem: '',
    consent: CONSENT_LABELS.withdrawn,
    lastName: ERASED_LABEL,
    updatedAt: when,
  };
}

/** The headers of the columns whose values differ (what the curator reads in Журнал). */
export function changedHeaders(
  role: Role,
  before: BaseValues,
  after: BasePatch,
  skip: ReadonlySet<string>,
): string[] {
  const columns: Columns = BASES[role].columns;
  const was: Partial<Record<string, CellValue>> = before;
  const now: Partial<Record<string, CellValue>> = after;
  return Object.keys(after)
    .filter((k) => !skip.has(k) && cellText(was[k]) !== cellText(now[k]))
    .map((k) => columns[k].header);
}
