// Filters after «|» in a placeholder. Each has an English and a Russian name so curators can write
// either {{mentor.name | instrumental}} or {{mentor.name | творительный}}.
import {
  declineName,
  type GrammaticalCase,
  initialsAfter,
  initialsBefore,
  type PersonName,
} from './declension';
import { declineOrganisation } from './organisationName';
import { formatLongDate, formatShortDate } from './russianDate';
import { isCases, isDate, isName, nameValue, renderValue, type TemplateValue } from './value';

type Filter = (value: TemplateValue) => TemplateValue | string;

export class FilterError extends Error {}

/** «Иванов Иван Иванович», «Цой Алина»: two or three words, each a capitalised name. */
const PERSON_TEXT = /^[А-ЯЁA-Z][а-яёa-zА-ЯЁA-Z'-]*(\s+[А-ЯЁA-Z][а-яёa-zА-ЯЁA-Z'-]*){1,3}$/;

function asName(value: TemplateValue, filter: string): PersonName {
  if (isName(value)) return value.$name;
  if (typeof value === 'string' && PERSON_TEXT.test(value.trim())) {
    const [lastName = '', firstName = '', ...rest] = value.trim().split(/\s+/);
    return { lastName, firstName, middleName: rest.join(' ') };
  }
  throw new FilterError(`фильтр «${filter}» применяется только к ФИО`);
}

/** A blank line to fill by hand («________») goes through every name filter unchanged. */
const isBlankLine = (value: TemplateValue): boolean => typeof value === 'string' && !/[\p{L}\d]/u.test(value);

const byCase =
  (grammaticalCase: GrammaticalCase, filter: string): Filter =>
  (v) => {
    if (isBlankLine(v)) return v;
    if (isCases(v)) return v.$cases[grammaticalCase];
    if (typeof v === 'string' && !PERSON_TEXT.test(v.trim())) {
      const text = v.trim();
      if (!text) throw new FilterError(`фильтр «${filter}» применяется только к имени или наименованию`);
      return declineOrganisation(text, grammaticalCase);
    }
    return nameValue(declineName(asName(v, filter), grammaticalCase));
  };

const nameFilter =
  (format: (name: PersonName) => string, filter: string): Filter =>
  (v) =>
    isBlankLine(v) ? v : format(asName(v, filter));

const dateFilter =
  (format: typeof formatLongDate, filter: string): Filter =>
  (v) => {
    if (!isDate(v)) throw new FilterError(`фильтр «${filter}» применяется только к дате`);
    return format(v.$date);
  };

const textFilter =
  (transform: (s: string) => string, filter: string): Filter =>
  (v) => {
    const text = renderValue(v);
    if (text === undefined) throw new FilterError(`фильтр «${filter}» применяется только к тексту`);
    return transform(text);
  };

const CASES: Array<[GrammaticalCase, string, string]> = [
  ['nominative', 'nominative', 'именительный'],
  ['genitive', 'genitive', 'родительный'],
  ['dative', 'dative', 'дательный'],
  ['accusative', 'accusative', 'винительный'],
  ['instrumental', 'instrumental', 'творительный'],
  ['prepositional', 'prepositional', 'предложный'],
];

const FILTERS = new Map<string, Filter>();
for (const [c, en, ru] of CASES) {
  FILTERS.set(en, byCase(c, en));
  FILTERS.set(ru, byCase(c, ru));
}
for (const [names, filter] of [
  [['initials', 'инициалы'], nameFilter(initialsAfter, 'initials')],
  [['signature', 'подпись'], nameFilter(initialsBefore, 'signature')],
  [['date', 'дата'], dateFilter(formatLongDate, 'date')],
  [['shortdate', 'дата_цифрами'], dateFilter(formatShortDate, 'shortdate')],
  [['upper', 'прописные'], textFilter((s) => s.toUpperCase(), 'upper')],
  [['lower', 'строчные'], textFilter((s) => s.toLowerCase(), 'lower')],
] as Array<[string[], Filter]>) {
  for (const n of names) FILTERS.set(n, filter);
}

export const FILTER_NAMES: readonly string[] = [...FILTERS.keys()];

export function findFilter(name: string): Filter | undefined {
  return FILTERS.get(name.trim().toLowerCase());
}
