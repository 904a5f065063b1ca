// Codes that stand for people in the pseudonymous data mode. The school's register issues them;
// Google sees only the code and checks the secret without holding any list of people.
//
// A code is seven digits, «123 4567»: six chosen by the register and a Damm check digit that
// catches every single mistyped digit and every swap of two neighbours. Digits only, because a
// pupil types it on a phone whose keyboard may be Cyrillic. The secret is four digits derived from
// the code with HMAC-SHA256 under the school's key: the register prints it on the code slip, the
// script recomputes it from the same key (kept in script properties), so a code without its secret
// does nothing.

/** Damm's quasigroup of order 10 (weakly totally anti-symmetric). */
const DAMM = [
  [0, 3, 1, 7, 5, 9, 8, 6, 4, 2],
  [7, 0, 9, 2, 1, 5, 4, 8, 6, 3],
  [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
  [1, 7, 5, 0, 9, 8, 3, 4, 2, 6],
  [6, 1, 2, 3, 0, 4, 5, 9, 7, 8],
  [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
  [5, 8, 6, 9, 7, 2, 0, 1, 3, 4],
  [8, 9, 4, 5, 3, 6, 2, 0, 1, 7],
  [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
  [2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
] as const;

export const CODE_BODY_DIGITS = 6;
export const SECRET_DIGITS = 4;

function dammInterim(digits: string): number {
  let interim = 0;
  for (const digit of digits) interim = DAMM[interim]?.[Number(digit)] ?? 0;
  return interim;
}

/** The check digit that makes the whole code's Damm interim zero. */
export function checkDigit(body: string): string {
  return String(dammInterim(body));
}

/** Digits only: spaces, dashes and dots people add while copying a slip are dropped. */
export function normaliseCode(typed: string): string {
  return typed.replace(/[\s\-.‐‑–—]/g, '');
}

/** «123 4567»: how a code is printed and asked for. */
export function formatCode(code: string): string {
  const digits = normaliseCode(code);
  return `${digits.slice(0, 3)} ${digits.slice(3)}`;
}

export type CodeProblem = 'format' | 'check';

/** Why a typed code cannot be a code the school issued, or undefined when it can. */
export function codeProblem(typed: string): CodeProblem | undefined {
  const digits = normaliseCode(typed);
  if (!new RegExp(`^\\d{${CODE_BODY_DIGITS + 1}}$`).test(digits)) return 'format';
  return dammInterim(digits) === 0 ? undefined : 'check';
}

export const CODE_PROBLEM_TEXT: Record<CodeProblem, string> = {
  format: 'Код участника — семь цифр, как на листке, который выдала школа (например, 123 4567).',
  check: 'В коде участника опечатка: проверьте цифры по листку, который выдала школа.',
};

/** The code for a six-digit body, check digit appended. */
export function codeFromBody(body: number): string {
  const digits = String(body).padStart(CODE_BODY_DIGITS, '0');
  if (digits.length !== CODE_BODY_DIGITS) throw new RangeError(`code body out of range: ${body}`);
  return digits + checkDigit(digits);
}

/** HMAC-SHA256 of `message` under `key`, bytes signed (Apps Script) or unsigned (Node). */
export type HmacSha256 = (key: string, message: string) => readonly number[];

/** The secret printed beside a code: four digits from the first four bytes of the HMAC. */
export function secretFor(code: string, key: string, hmac: HmacSha256): string {
  const bytes = hmac(key, normaliseCode(code));
  let value = 0;
  for (let i = 0; i < 4; i++) value = value * 256 + ((bytes[i] ?? 0) & 0xff);
  return String(value % 10 ** SECRET_DIGITS).padStart(SECRET_DIGITS, '0');
}

/** True when the typed secret is the one issued with the code. */
export function secretMatches(code: string, typedSecret: string, key: string, hmac: HmacSha256): boolean {
  return normaliseCode(typedSecret) === secretFor(code, key, hmac);
}
