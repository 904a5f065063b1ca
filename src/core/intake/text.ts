// Text checks and normalisation for answers. Normalisation only does what any curator would do
// without asking (spaces, letter case); anything that changes meaning is a problem for a person.

export const collapseSpaces = (s: string): string => s.replace(/\s+/g, ' ').trim();

const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u200d|\ufe0f/u;
export const hasEmoji = (s: string): boolean => EMOJI.test(s);

const CYRILLIC = /[\u0400-\u04ff]/;
const LATIN = /[A-Za-z]/g;
/** Latin letters inside a word that also has Cyrillic ones: «Иванoв» typed with a Latin «o». */
export function latinLookalikes(s: string): string[] {
  const found = new Set<string>();
  for (const word of s.split(/[\s-]+/)) {
    if (!CYRILLIC.test(word)) continue;
    for (const m of word.match(LATIN) ?? []) found.add(m);
  }
  return [...found];
}

const NAME_CHARS = /^[\p{L}][\p{L}\p{M}' ’-]*$/u;
export const isNameLike = (s: string): boolean => NAME_CHARS.test(s);

/** «иВАНОВ-петров» → «Иванов-Петров»; each part after a space, hyphen or apostrophe is capitalised. */
export function titleCaseName(s: string): string {
  return collapseSpaces(s)
    .toLowerCase()
    .replace(/(^|[\s\-'’])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
}

export const normaliseEmail = (s: string): string => collapseSpaces(s).toLowerCase();

// Close to the WHATWG rule for <input type=email>, with a dot required in the domain.
const EMAIL =
  /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;
export const isEmail = (s: string): boolean => s.length <= 254 && EMAIL.test(s);

const FORMULA_START = /^[=+\-@]/;
export const startsFormula = (s: string): boolean => FORMULA_START.test(s);

/** Splits «a; b» list cells written by the bases back into items (most cells of a base are empty). */
export const splitList = (s: string): string[] =>
  s === ''
    ? []
    : s
        .split(';')
        .map((x) => collapseSpaces(x))
        .filter(Boolean);
export const joinList = (items: readonly string[]): string => items.join('; ');

/** Dashes and spaces vary in typed labels («ученик-ученик», «ученик — ученик»). */
export const labelKey = (s: string): string =>
  collapseSpaces(s)
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/\s*[-–—]\s*/g, '-');

/** «анкета наставника / наставляемого», «быть наставником / наставляемым». */
export const ROLE_GENITIVE = { mentor: 'наставника', mentee: 'наставляемого' } as const;
export const ROLE_INSTRUMENTAL = { mentor: 'наставником', mentee: 'наставляемым' } as const;
