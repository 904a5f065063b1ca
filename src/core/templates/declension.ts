// Russian personal names by grammatical case, for sentences such as «закрепить за наставником
// Ивановой Анной Петровной». lvovich does the declension (see docs/templates.md for why it was chosen
// over petrovich); the few patterns it gets wrong on real names are corrected here.
import { getGender, inclineFirstname, inclineLastname, inclineMiddlename } from 'lvovich';

export const GRAMMATICAL_CASES = [
  'nominative',
  'genitive',
  'dative',
  'accusative',
  'instrumental',
  'prepositional',
] as const;
export type GrammaticalCase = (typeof GRAMMATICAL_CASES)[number];

export type Gender = 'm' | 'f';

export interface PersonName {
  lastName: string;
  firstName: string;
  middleName: string;
  /** Known from the questionnaire; otherwise detected from the patronymic, then the other parts. */
  gender?: Gender;
  /** Forms the curator wrote by hand («Склонение» column): the whole name in that case. */
  overrides?: Partial<Record<GrammaticalCase, string>>;
}

const titleCase = (word: string): string =>
  word
    .toLowerCase()
    .split('-')
    .map((w) => (w ? w[0].toUpperCase() + w.slice(1) : w))
    .join('-');

const MALE_PATRONYMIC = /(ич|оглы|улы|уулу)$/i;
const FEMALE_PATRONYMIC = /(на|кызы|гызы)$/i;

/** Gender from the patronymic first (it is unambiguous in Russian), then from the questionnaire, then from the names. */
export function genderOf(name: PersonName): Gender | undefined {
  const middle = name.middleName.trim();
  if (MALE_PATRONYMIC.test(middle)) return 'm';
  if (FEMALE_PATRONYMIC.test(middle)) return 'f';
  if (name.gender) return name.gender;
  // The first name alone decides when it can (Алина is a woman whatever the surname, Цой included);
  // the surname only settles names that fit both (Саша, Женя).
  const first = name.firstName ? titleCase(name.firstName) : null;
  const byFirst = first ? getGender({ first, last: null }) : undefined;
  const detected =
    byFirst === 'male' || byFirst === 'female'
      ? byFirst
      : getGender({ first, last: name.lastName ? titleCase(name.lastName) : null });
  if (detected === 'male') return 'm';
  if (detected === 'female') return 'f';
  return undefined;
}

// A woman's surname ending in a consonant, й or ь is never declined (Шевчук, Цой, Гоголь); lvovich
// knows most of them but declines Цой-like names as masculine.
const CONSONANT_END = /[бвгджзйклмнпрстфхцчшщь]$/i;

// Feminine first names of the third declension (Любовь, Айгуль, Нинель) change like «ночь»; lvovich
// leaves them unchanged.
const THIRD_DECLENSION_ENDINGS: Record<GrammaticalCase, string> = {
  nominative: 'ь',
  genitive: 'и',
  dative: 'и',
  accusative: 'ь',
  instrumental: 'ью',
  prepositional: 'и',
};

const LVOVICH_GENDER: Record<Gender, 'male' | 'female'> = { m: 'male', f: 'female' };

function declineFirst(first: string, grammaticalCase: GrammaticalCase, gender: Gender | undefined): string {
  if (gender === 'f' && /ь$/i.test(first))
    return first.slice(0, -1) + THIRD_DECLENSION_ENDINGS[grammaticalCase];
  return inclineFirstname(first, grammaticalCase, gender ? LVOVICH_GENDER[gender] : null);
}

function declineLast(last: string, grammaticalCase: GrammaticalCase, gender: Gender | undefined): string {
  if (gender === 'f' && CONSONANT_END.test(last)) return last;
  // A double surname declines part by part (Петрова-Водкина → Петровой-Водкиной).
  return last
    .split('-')
    .map((part) =>
      gender === 'f' && CONSONANT_END.test(part)
        ? part
        : inclineLastname(part, grammaticalCase, gender ? LVOVICH_GENDER[gender] : null),
    )
    .join('-');
}

function declineMiddle(middle: string, grammaticalCase: GrammaticalCase, gender: Gender | undefined): string {
  // «Рашид оглы», «Салим кызы»: the Turkic patronymic stays as it is in official documents.
  if (/\s/.test(middle)) return middle;
  return inclineMiddlename(middle, grammaticalCase, gender ? LVOVICH_GENDER[gender] : null);
}

/** A name typed in capitals declines as a name and is written back in capitals («ИВАНОВУ», not «ИВАНОВу»). */
function keepingCapitals(
  value: string,
  decline: (v: string, c: GrammaticalCase, g: Gender | undefined) => string,
  grammaticalCase: GrammaticalCase,
  gender: Gender | undefined,
): string {
  const shouting = value.length > 1 && value === value.toUpperCase() && value !== value.toLowerCase();
  if (!shouting) return decline(value, grammaticalCase, gender);
  return decline(titleCase(value), grammaticalCase, gender).toUpperCase();
}

function splitFullName(full: string): Pick<PersonName, 'lastName' | 'firstName' | 'middleName'> {
  const [lastName = '', firstName = '', ...rest] = full.trim().split(/\s+/);
  return { lastName, firstName, middleName: rest.join(' ') };
}

// In the pseudonymous mode the Google side holds «[[1234567|fullName]]» instead of a name; its cases
// are the register's placeholders for the declined name, never a declension of the brackets.
const NAME_PLACEHOLDER = /^\[\[(\d{7})\|fullName\]\]$/;

export function declineName(name: PersonName, grammaticalCase: GrammaticalCase): PersonName {
  const override = name.overrides?.[grammaticalCase]?.trim();
  if (override) return { ...splitFullName(override), gender: name.gender, overrides: name.overrides };
  const code = NAME_PLACEHOLDER.exec(name.lastName.trim())?.[1];
  if (code && !name.firstName.trim()) {
    const field = grammaticalCase === 'nominative' ? 'fullName' : `fullName.${grammaticalCase}`;
    return { lastName: `[[${code}|${field}]]`, firstName: '', middleName: '', gender: name.gender };
  }
  if (grammaticalCase === 'nominative') return name;
  const gender = genderOf(name);
  const part = (value: string, decline: (v: string, c: GrammaticalCase, g: Gender | undefined) => string) =>
    value.trim() ? keepingCapitals(value.trim(), decline, grammaticalCase, gender) : '';
  return {
    lastName: part(name.lastName, declineLast),
    firstName: part(name.firstName, declineFirst),
    middleName: part(name.middleName, declineMiddle),
    gender,
  };
}

export const fullNameText = (name: PersonName): string =>
  [name.lastName, name.firstName, name.middleName]
    .map((s) => s.trim())
    .filter(Boolean)
    .join(' ');

const initial = (part: string): string => (part.trim() ? `${part.trim()[0].toUpperCase()}.` : '');

/** «Иванова А. П.» — the form used in lists and file names. */
export const initialsAfter = (name: PersonName): string =>
  [name.lastName.trim(), [initial(name.firstName), initial(name.middleName)].filter(Boolean).join(' ')]
    .filter(Boolean)
    .join(' ');

/** «А. П. Иванова» — the form used under a signature. */
export const initialsBefore = (name: PersonName): string =>
  [[initial(name.firstName), initial(name.middleName)].filter(Boolean).join(' '), name.lastName.trim()]
    .filter(Boolean)
    .join(' ');
