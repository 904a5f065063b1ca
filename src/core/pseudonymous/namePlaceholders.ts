// Names in letters of the pseudonymous mode. Google never holds a name or an address, so the script
// writes «[[1234567|fullName.dative]]» where a name belongs and «[[1234567|email]]» as the recipient;
// the school's register, on a computer in Russia, replaces them just before sending. The syntax is
// deliberately not the template language's «{{…}}», so a template filled on the Google side can never
// swallow a placeholder, and a letter that still holds one is plainly not ready to send.

import {
  declineName,
  fullNameText,
  type GrammaticalCase,
  initialsAfter,
  type PersonName,
} from '../templates/declension';
import { CODE_BODY_DIGITS, normaliseCode } from './participantCode';

/** «Состояние» in «Почта» of a letter with placeholders: the script never sends it, the register does. */
export const AWAITING_REGISTER = 'ждёт реестра';

export const NAME_FIELDS = [
  'fullName',
  'fullName.genitive',
  'fullName.dative',
  'fullName.accusative',
  'fullName.instrumental',
  'fullName.prepositional',
  'firstName',
  'shortName',
  'email',
  'parentEmail',
  'parentName',
] as const;
export type NameField = (typeof NAME_FIELDS)[number];

const isNameField = (field: string): field is NameField => (NAME_FIELDS as readonly string[]).includes(field);

/** What the register knows about a participant: everything a placeholder may ask for. */
export interface RegisteredPerson extends PersonName {
  email: string;
  parentEmail: string;
  parentName: string;
}

/** The register's answer for a code, or undefined when the code is not in it (or was erased). */
export type PersonLookup = (code: string) => RegisteredPerson | undefined;

/** The placeholder the Google side writes for a participant's field. */
export function namePlaceholder(code: string, field: NameField): string {
  return `[[${normaliseCode(code)}|${field}]]`;
}

export interface FoundPlaceholder {
  /** The placeholder as written, brackets included. */
  source: string;
  code: string;
  field: string;
}

// The code may be printed with a space («123 4567»); anything else between double brackets is
// reported rather than left in a letter.
const PLACEHOLDER = /\[\[\s*([^|\]]*?)\s*\|\s*([^\]]*?)\s*\]\]/g;

export function findPlaceholders(text: string): FoundPlaceholder[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => ({
    source: m[0],
    code: normaliseCode(m[1] ?? ''),
    field: m[2] ?? '',
  }));
}

export function hasPlaceholders(text: string): boolean {
  return findPlaceholders(text).length > 0;
}

const CASE_OF: Partial<Record<NameField, GrammaticalCase>> = {
  fullName: 'nominative',
  'fullName.genitive': 'genitive',
  'fullName.dative': 'dative',
  'fullName.accusative': 'accusative',
  'fullName.instrumental': 'instrumental',
  'fullName.prepositional': 'prepositional',
};

/** One field of a registered person, declined where the field asks for a case. */
export function personField(person: RegisteredPerson, field: NameField): string {
  const grammaticalCase = CASE_OF[field];
  if (grammaticalCase) return fullNameText(declineName(person, grammaticalCase));
  switch (field) {
    case 'firstName':
      return person.firstName.trim();
    case 'shortName':
      return initialsAfter(person);
    case 'email':
      return person.email.trim();
    case 'parentEmail':
      return person.parentEmail.trim();
    case 'parentName':
      return person.parentName.trim();
    default:
      return '';
  }
}

export interface Resolved {
  text: string;
  /** Russian sentences, one per placeholder that could not be filled; the text is unusable when any. */
  problems: string[];
}

const CODE_PATTERN = new RegExp(`^\\d{${CODE_BODY_DIGITS + 1}}$`);

/**
 * Replaces every placeholder in `text` with the register's value. A placeholder whose code is not in
 * the register, whose field is unknown or whose value is empty is left as written and reported: a
 * letter with a problem must not be sent.
 */
export function resolvePlaceholders(
  text: string,
  lookup: PersonLookup,
  /** Applied to each value put in (HTML escaping for a letter's HTML part). */
  encode: (value: string) => string = (value) => value,
): Resolved {
  const problems: string[] = [];
  const report = (message: string) => {
    if (!problems.includes(message)) problems.push(message);
  };
  const resolved = text.replace(PLACEHOLDER, (source: string, rawCode: string, field: string) => {
    const code = normaliseCode(rawCode);
    if (!CODE_PATTERN.test(code)) {
      report(`${source}: «${rawCode}» — не код участника`);
      return source;
    }
    if (!isNameField(field)) {
      report(`${source}: неизвестное поле «${field}» (допустимы: ${NAME_FIELDS.join(', ')})`);
      return source;
    }
    const person = lookup(code);
    if (!person) {
      report(
        `${source}: кода ${code} нет в реестре или по нему нет согласия (не выдан, согласие не внесено или отозвано, данные удалены)`,
      );
      return source;
    }
    const value = personField(person, field);
    if (!value) {
      report(`${source}: в реестре у кода ${code} не заполнено поле «${FIELD_LABELS[field]}»`);
      return source;
    }
    return encode(value);
  });
  return { text: resolved, problems };
}

/** How the register names each field in its messages. */
export const FIELD_LABELS: Record<NameField, string> = {
  fullName: 'ФИО',
  'fullName.genitive': 'ФИО',
  'fullName.dative': 'ФИО',
  'fullName.accusative': 'ФИО',
  'fullName.instrumental': 'ФИО',
  'fullName.prepositional': 'ФИО',
  firstName: 'Имя',
  shortName: 'ФИО',
  email: 'E-mail',
  parentEmail: 'E-mail родителя',
  parentName: 'ФИО родителя',
};
