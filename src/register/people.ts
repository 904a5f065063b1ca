// The register's people: codes issued, paper consents, withdrawal and erasure with the dates
// ст. 21 152-ФЗ sets, and who may be processed at all. Every change is written to the journal.
import { randomInt } from 'node:crypto';
import type { RegisteredPerson } from '../core/pseudonymous/namePlaceholders';
import { codeFromBody, codeProblem, normaliseCode, secretFor } from '../core/pseudonymous/participantCode';
import { CONSENT_KIND_LABELS, type ConsentKind, type Person } from './model';
import { nodeHmac, type Register } from './registerFile';

/** ст. 21 ч. 5: data are destroyed within thirty days of the consent's withdrawal. */
export const ERASE_WITHIN_DAYS = 30;

export const ERASED_TEXT = 'данные удалены';

export function addDays(isoDay: string, days: number): string {
  const d = new Date(`${isoDay}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** «12.03.2026» or «2026-03-12» → «2026-03-12»; undefined when it is no date. */
export function parseDay(text: string): string | undefined {
  const t = text.trim();
  const ru = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t);
  const iso = ru ? `${ru[3]}-${ru[2].padStart(2, '0')}-${ru[1].padStart(2, '0')}` : t;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return undefined;
  const d = new Date(`${iso}T12:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso ? undefined : iso;
}

export const formatDay = (iso: string): string => iso.split('-').reverse().join('.');

export function findPerson(register: Register, typed: string): Person {
  const code = normaliseCode(typed);
  const person = register.data.people.find((p) => p.code === code);
  if (!person) throw new Error(`Кода ${typed} нет в реестре.`);
  return person;
}

/** A fresh random code no one in the register has. */
export function newCode(register: Register): string {
  const taken = new Set(register.data.people.map((p) => p.code));
  for (;;) {
    const code = codeFromBody(randomInt(0, 1_000_000));
    if (!taken.has(code)) return code;
  }
}

export function validIssuedCode(typed: string): string {
  const problem = codeProblem(typed);
  if (problem)
    throw new Error(
      `Код «${typed}»: ${problem === 'check' ? 'не сходится контрольная цифра' : 'нужно семь цифр'}.`,
    );
  return normaliseCode(typed);
}

export const secretOf = (register: Register, code: string): string =>
  secretFor(code, register.data.codeKey, nodeHmac);

export const fullNameOf = (p: Pick<Person, 'lastName' | 'firstName' | 'middleName'>): string =>
  [p.lastName, p.firstName, p.middleName].filter(Boolean).join(' ');

export function recordConsent(
  register: Register,
  typedCode: string,
  consent: { kind: ConsentKind; signedBy: 'self' | 'parent'; signedOn: string },
): Person {
  const person = findPerson(register, typedCode);
  if (person.erasedOn)
    throw new Error(
      `Данные кода ${person.code} удалены ${formatDay(person.erasedOn)}: согласие записать некуда.`,
    );
  person.consents.push({ ...consent, recordedAt: register.now().toISOString() });
  // A new consent after a withdrawal starts processing again.
  if (consent.kind === 'processing' && person.withdrawnOn && consent.signedOn >= person.withdrawnOn) {
    person.withdrawnOn = undefined;
    person.eraseBy = undefined;
  }
  register.log(
    'согласие получено',
    person.code,
    `${CONSENT_KIND_LABELS[consent.kind]}, подписал ${consent.signedBy === 'parent' ? 'родитель' : 'участник'} ${formatDay(consent.signedOn)}`,
  );
  return person;
}

export function withdrawConsent(register: Register, typedCode: string, withdrawnOn: string): Person {
  const person = findPerson(register, typedCode);
  person.withdrawnOn = withdrawnOn;
  person.eraseBy = addDays(withdrawnOn, ERASE_WITHIN_DAYS);
  register.log(
    'согласие отозвано',
    person.code,
    `отзыв ${formatDay(withdrawnOn)}; удалить данные не позднее ${formatDay(person.eraseBy)} (ст. 21 ч. 5 152-ФЗ)`,
  );
  return person;
}

/** Destroys the identity: the code and the dates stay, so the journal still proves the erasure. */
export function erasePerson(register: Register, typedCode: string, erasedOn: string): Person {
  const person = findPerson(register, typedCode);
  Object.assign(person, {
    lastName: ERASED_TEXT,
    firstName: '',
    middleName: '',
    gender: '',
    email: '',
    parentName: '',
    parentEmail: '',
    erasedOn,
  });
  register.log(
    'данные удалены',
    person.code,
    `удалены ${formatDay(erasedOn)}${person.eraseBy ? `, срок — ${formatDay(person.eraseBy)}` : ''}`,
  );
  return person;
}

/** People whose erasure is due by `today` and not done yet. */
export const erasuresDue = (register: Register, today: string): Person[] =>
  register.data.people.filter((p) => p.eraseBy && !p.erasedOn && p.eraseBy <= today);

export const hasConsent = (p: Person): boolean =>
  !p.erasedOn && !p.withdrawnOn && p.consents.some((c) => c.kind === 'processing');

/**
 * Letters and documents use a person only with a consent — on paper in the register, or given under
 * the code on the Google side (`online`) — and no withdrawal on either side.
 */
export function consentedLookup(
  register: Register,
  online: { received: ReadonlySet<string>; withdrawn: ReadonlySet<string> } = {
    received: new Set(),
    withdrawn: new Set(),
  },
): (code: string) => RegisteredPerson | undefined {
  const usable = (p: Person) =>
    !online.withdrawn.has(p.code) &&
    (hasConsent(p) || (!p.erasedOn && !p.withdrawnOn && online.received.has(p.code)));
  const byCode = new Map(register.data.people.filter(usable).map((p) => [p.code, p]));
  return (code) => {
    const p = byCode.get(normaliseCode(code));
    return p && { ...p, gender: p.gender || undefined };
  };
}
