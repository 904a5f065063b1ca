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
import { type CellValue, cellText, type TableRecord } from '../table';
import { formatNameForms, GENDER_LABELS, parseGender, parseNameForms } from './nameForms';
import { parseClass } from './schoolClass';
import { joinList, splitList } from './text';

export const COLUMNS = {
  id: 'ID',
  status: 'Статус',
  problem: 'Проблема',
  consent: 'Согласие',
  signer: 'Кто подписывает согласие',
  lastName: 'Фамилия',
  firstName: 'Имя',
  middleName: 'Отчество',
  gender: 'Пол',
  nameForms: 'Склонение',
  email: 'E-mail',
  category: 'Категория',
  schoolClass: 'Класс',
  age: 'Возраст',
  position: 'Место работы, должность',
  experienceYears: 'Стаж, лет',
  subjects: 'Предметы',
  menteeTopics: 'Запрос',
  mentorTopics: 'Компетенции',
  note: 'Комментарий',
  forms: 'Формы наставничества',
  capacity: 'Сколько наставляемых',
  availability: 'Время встреч',
  phone: 'Телефон',
  parentName: 'ФИО родителя',
  parentEmail: 'E-mail родителя',
  achievements: 'Достижения',
  interests: 'Интересы',
  longTermBank: 'Долгосрочная база',
  joinedAt: 'Дата вступления',
  updatedAt: 'Обновлено',
  responseId: 'Ответ',
} as const;

const COMMON = [
  COLUMNS.id,
  COLUMNS.status,
  COLUMNS.problem,
  COLUMNS.consent,
  COLUMNS.signer,
  COLUMNS.lastName,
  COLUMNS.firstName,
  COLUMNS.middleName,
  COLUMNS.gender,
  COLUMNS.nameForms,
  COLUMNS.email,
  COLUMNS.category,
  COLUMNS.schoolClass,
  COLUMNS.age,
  COLUMNS.position,
  COLUMNS.experienceYears,
  COLUMNS.subjects,
];
const TAIL = [COLUMNS.availability, COLUMNS.phone, COLUMNS.parentName, COLUMNS.parentEmail];
const DATES = [COLUMNS.joinedAt, COLUMNS.updatedAt, COLUMNS.responseId];

export const BASE_HEADERS: Record<Role, readonly string[]> = {
  mentee: [...COMMON, COLUMNS.menteeTopics, COLUMNS.note, COLUMNS.forms, ...TAIL, ...DATES],
  mentor: [
    ...COMMON,
    COLUMNS.mentorTopics,
    COLUMNS.achievements,
    COLUMNS.interests,
    COLUMNS.note,
    COLUMNS.forms,
    COLUMNS.capacity,
    ...TAIL,
    COLUMNS.longTermBank,
    ...DATES,
  ],
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

const topicsColumn = (role: Role) => (role === 'mentee' ? COLUMNS.menteeTopics : COLUMNS.mentorTopics);

export function participantToRecord(
  p: Participant,
  forms: readonly MentoringForm[],
  state: BaseRowState,
): TableRecord {
  const formLabel = (id: string) => forms.find((f) => f.id === id)?.label ?? id;
  const record: TableRecord = {
    [COLUMNS.id]: p.id,
    [COLUMNS.status]: state.status,
    [COLUMNS.problem]: state.problem,
    [COLUMNS.consent]: CONSENT_LABELS[p.consent],
    [COLUMNS.signer]: SIGNER_LABELS[state.signer],
    [COLUMNS.lastName]: p.lastName,
    [COLUMNS.firstName]: p.firstName,
    [COLUMNS.middleName]: p.middleName,
    [COLUMNS.gender]: p.gender ? GENDER_LABELS[p.gender] : '',
    [COLUMNS.nameForms]: formatNameForms(p.nameForms),
    [COLUMNS.email]: p.email,
    [COLUMNS.category]: CATEGORY_LABELS[p.category],
    [COLUMNS.schoolClass]: p.schoolClass ? formatClass(p.schoolClass) : '',
    [COLUMNS.age]: p.age ?? '',
    [COLUMNS.position]: p.position,
    [COLUMNS.experienceYears]: p.experienceYears ?? '',
    [COLUMNS.subjects]: joinList(p.subjects),
    [topicsColumn(p.role)]: joinList(p.topics),
    [COLUMNS.note]: p.note,
    [COLUMNS.forms]: joinList(p.forms.map(formLabel)),
    [COLUMNS.availability]: joinList(p.availability),
    [COLUMNS.phone]: p.phone,
    [COLUMNS.parentName]: p.parentName,
    [COLUMNS.parentEmail]: p.parentEmail,
    [COLUMNS.joinedAt]: p.joinedAt ?? state.updatedAt,
    [COLUMNS.updatedAt]: state.updatedAt,
    [COLUMNS.responseId]: state.responseId,
  };
  if (p.role === 'mentor') {
    record[COLUMNS.capacity] = p.capacity;
    record[COLUMNS.achievements] = p.achievements ?? '';
    record[COLUMNS.interests] = p.interests ?? '';
    record[COLUMNS.longTermBank] = p.longTermBank ? YES : '';
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

export interface ReadRow {
  participant?: Participant;
  status: string;
  problem: string;
}

/**
 * Reads a base row back. Curators may edit cells; a row whose id, name, category or forms no longer
 * make sense is reported with a Russian problem instead of a participant.
 */
export function recordToParticipant(role: Role, r: TableRecord, forms: readonly MentoringForm[]): ReadRow {
  const status = cellText(r[COLUMNS.status]);
  const problem = cellText(r[COLUMNS.problem]);
  const id = cellText(r[COLUMNS.id]);
  const categoryLabel = cellText(r[COLUMNS.category]);
  const category = CATEGORIES.find((c) => CATEGORY_LABELS[c] === categoryLabel);
  const formIds = splitList(cellText(r[COLUMNS.forms])).map(
    (label) => forms.find((f) => f.label === label)?.id ?? label,
  );
  const consentLabel = cellText(r[COLUMNS.consent]);
  const consent = CONSENT_STATES.find((s) => CONSENT_LABELS[s] === consentLabel) ?? 'missing';
  if (!id || !category) {
    return {
      status,
      problem: `Строка не читается: ${!id ? 'нет ID' : `неизвестная категория «${categoryLabel}»`}.`,
    };
  }
  const erased = status === ROW_STATUS.erased;
  const classText = cellText(r[COLUMNS.schoolClass]);
  const participant: Participant = {
    id,
    role,
    email: erased ? '' : cellText(r[COLUMNS.email]).toLowerCase(),
    lastName: erased ? ERASED_LABEL : cellText(r[COLUMNS.lastName]),
    firstName: erased ? '' : cellText(r[COLUMNS.firstName]),
    middleName: erased ? '' : cellText(r[COLUMNS.middleName]),
    gender: parseGender(cellText(r[COLUMNS.gender])),
    nameForms: erased ? undefined : parseNameForms(cellText(r[COLUMNS.nameForms])),
    category,
    schoolClass: classText ? parseClass(classText) : undefined,
    age: num(r[COLUMNS.age]),
    position: cellText(r[COLUMNS.position]),
    experienceYears: num(r[COLUMNS.experienceYears]),
    subjects: splitList(cellText(r[COLUMNS.subjects])),
    topics: splitList(cellText(r[topicsColumn(role)])),
    note: cellText(r[COLUMNS.note]),
    forms: formIds,
    capacity: role === 'mentor' ? (num(r[COLUMNS.capacity]) ?? 1) : 0,
    availability: splitList(cellText(r[COLUMNS.availability])),
    phone: cellText(r[COLUMNS.phone]),
    parentName: cellText(r[COLUMNS.parentName]),
    parentEmail: cellText(r[COLUMNS.parentEmail]).toLowerCase(),
    consent: erased ? 'withdrawn' : consent,
    longTermBank: cellText(r[COLUMNS.longTermBank]).toLowerCase() === YES,
    optOut: false,
    joinedAt: date(r[COLUMNS.joinedAt]),
  };
  if (role === 'mentor') {
    participant.achievements = cellText(r[COLUMNS.achievements]);
    participant.interests = cellText(r[COLUMNS.interests]);
  }
  if (erased) participant.erased = true;
  return { participant, status, problem };
}

/** What is left of an erased row: the id, role, category, forms and dates — no personal data. */
export function erasedRecord(role: Role, when: Date): TableRecord {
  const blank: TableRecord = {};
  for (const h of BASE_HEADERS[role]) blank[h] = '';
  const keep = new Set<string>([
    COLUMNS.id,
    COLUMNS.category,
    COLUMNS.forms,
    COLUMNS.joinedAt,
    COLUMNS.capacity,
  ]);
  for (const h of keep) delete blank[h];
  return {
    ...blank,
    [COLUMNS.status]: ROW_STATUS.erased,
    [COLUMNS.problem]: '',
    [COLUMNS.consent]: CONSENT_LABELS.withdrawn,
    [COLUMNS.lastName]: ERASED_LABEL,
    [COLUMNS.updatedAt]: when,
  };
}
