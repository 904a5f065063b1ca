// An organisation's full name by grammatical case, for «Директору Муниципального автономного
// общеобразовательного учреждения «Лицей № 2»» and «в Средней общеобразовательной школе № 5».
// Only the leading adjectives and the head noun change; abbreviations (МБОУ), the quoted proper name,
// «№ N», «имени …», «г. …» and every word after the head noun (its genitive complements such as
// «дополнительного образования») stay as written.
import type { GrammaticalCase } from './declension';

type Endings = Record<GrammaticalCase, string>;

const HUSHING = /[гкхжшчщ]$/i;
const SIBILANT = /[жшчщц]$/i;

const adjective = (ending: Endings): Endings => ending;

const NEUTER_HARD = adjective({
  nominative: 'ое',
  genitive: 'ого',
  dative: 'ому',
  accusative: 'ое',
  instrumental: 'ым',
  prepositional: 'ом',
});
const NEUTER_SOFT = adjective({
  nominative: 'ее',
  genitive: 'его',
  dative: 'ему',
  accusative: 'ее',
  instrumental: 'им',
  prepositional: 'ем',
});
const MASCULINE_HARD = adjective({
  nominative: 'ый',
  genitive: 'ого',
  dative: 'ому',
  accusative: 'ый',
  instrumental: 'ым',
  prepositional: 'ом',
});
const MASCULINE_STRESSED = adjective({
  nominative: 'ой',
  genitive: 'ого',
  dative: 'ому',
  accusative: 'ой',
  instrumental: 'ым',
  prepositional: 'ом',
});
const MASCULINE_SOFT = adjective({
  nominative: 'ий',
  genitive: 'его',
  dative: 'ему',
  accusative: 'ий',
  instrumental: 'им',
  prepositional: 'ем',
});
const MASCULINE_VELAR = adjective({
  nominative: 'ий',
  genitive: 'ого',
  dative: 'ому',
  accusative: 'ий',
  instrumental: 'им',
  prepositional: 'ом',
});
const FEMININE_HARD = adjective({
  nominative: 'ая',
  genitive: 'ой',
  dative: 'ой',
  accusative: 'ую',
  instrumental: 'ой',
  prepositional: 'ой',
});
const FEMININE_HUSHING = adjective({
  nominative: 'ая',
  genitive: 'ей',
  dative: 'ей',
  accusative: 'ую',
  instrumental: 'ей',
  prepositional: 'ей',
});
const FEMININE_SOFT = adjective({
  nominative: 'яя',
  genitive: 'ей',
  dative: 'ей',
  accusative: 'юю',
  instrumental: 'ей',
  prepositional: 'ей',
});

/** The endings of an adjective in the nominative, or undefined when the word is not one. */
function adjectiveEndings(word: string): Endings | undefined {
  const w = word.toLowerCase();
  if (w.length < 4) return undefined;
  const stem = w.slice(0, -2);
  if (w.endsWith('ое')) return NEUTER_HARD;
  if (w.endsWith('ее')) return NEUTER_SOFT;
  if (w.endsWith('ый')) return MASCULINE_HARD;
  if (w.endsWith('ой'))
    return HUSHING.test(stem) ? { ...MASCULINE_STRESSED, instrumental: 'им' } : MASCULINE_STRESSED;
  if (w.endsWith('ий')) return /[гкх]$/.test(stem) ? MASCULINE_VELAR : MASCULINE_SOFT;
  if (w.endsWith('ая')) return /[жшчщ]$/.test(stem) ? FEMININE_HUSHING : FEMININE_HARD;
  if (w.endsWith('яя')) return FEMININE_SOFT;
  return undefined;
}

/** Head nouns of Russian organisation names, with how each declines. */
const NOUN_ENDINGS: Array<[RegExp, (stem: string) => Endings]> = [
  // учреждение, объединение
  [
    /ие$/,
    () => ({
      nominative: 'ие',
      genitive: 'ия',
      dative: 'ию',
      accusative: 'ие',
      instrumental: 'ием',
      prepositional: 'ии',
    }),
  ],
  // училище
  [
    /ще$/,
    () => ({
      nominative: 'е',
      genitive: 'а',
      dative: 'у',
      accusative: 'е',
      instrumental: 'ем',
      prepositional: 'е',
    }),
  ],
  // гимназия, академия, организация
  [
    /ия$/,
    () => ({
      nominative: 'ия',
      genitive: 'ии',
      dative: 'ии',
      accusative: 'ию',
      instrumental: 'ией',
      prepositional: 'ии',
    }),
  ],
  // школа, школа-интернат
  [
    /а$/,
    (stem) => ({
      nominative: 'а',
      genitive: HUSHING.test(stem) ? 'и' : 'ы',
      dative: 'е',
      accusative: 'у',
      instrumental: SIBILANT.test(stem) ? 'ей' : 'ой',
      prepositional: 'е',
    }),
  ],
  // лицей
  [
    /й$/,
    () => ({
      nominative: 'й',
      genitive: 'я',
      dative: 'ю',
      accusative: 'й',
      instrumental: 'ем',
      prepositional: 'е',
    }),
  ],
  // колледж, центр, техникум, комплекс, интернат, сад, дом, институт, университет, филиал
  [
    /[бвгджзклмнпрстфхцчшщ]$/,
    (stem) => ({
      nominative: '',
      genitive: 'а',
      dative: 'у',
      accusative: '',
      instrumental: SIBILANT.test(stem) ? 'ем' : 'ом',
      prepositional: 'е',
    }),
  ],
];

const NOUNS = new Set([
  'учреждение',
  'объединение',
  'отделение',
  'училище',
  'гимназия',
  'академия',
  'организация',
  'школа',
  'школа-интернат',
  'школа-сад',
  'лицей',
  'лицей-интернат',
  'колледж',
  'центр',
  'техникум',
  'комплекс',
  'интернат',
  'сад',
  'дом',
  'институт',
  'университет',
  'филиал',
  'студия',
  'станция',
  'дворец',
]);

function nounEndings(word: string): { stemLength: number; endings: Endings } | undefined {
  const w = word.toLowerCase();
  for (const [pattern, make] of NOUN_ENDINGS) {
    const m = pattern.exec(w);
    if (!m) continue;
    const nominative = make(w).nominative;
    const stem = w.slice(0, w.length - nominative.length);
    return { stemLength: word.length - nominative.length, endings: make(stem) };
  }
  return undefined;
}

const isAbbreviation = (word: string): boolean =>
  word.length > 1 && word === word.toUpperCase() && /[А-ЯЁ]/.test(word);

/** Keeps the case of the written word: «ШКОЛА» stays in capitals, «Школа» keeps its capital. */
function withEnding(word: string, keep: number, ending: string): string {
  const upper = word.length > 1 && word === word.toUpperCase();
  return word.slice(0, keep) + (upper ? ending.toUpperCase() : ending);
}

function declineAdjective(word: string, endings: Endings, grammaticalCase: GrammaticalCase): string {
  // A compound adjective («научно-технический») changes only in its last part.
  const dash = word.lastIndexOf('-');
  const last = word.slice(dash + 1);
  return word.slice(0, dash + 1) + withEnding(last, last.length - 2, endings[grammaticalCase]);
}

function declineNoun(word: string, grammaticalCase: GrammaticalCase): string {
  // «Школа-интернат» changes in both parts; the second part is a masculine noun.
  const parts = word.split('-');
  return parts
    .map((part) => {
      // «Дворец» loses its е: дворца, дворцу, дворцом, дворце.
      if (/ец$/i.test(part) && grammaticalCase !== 'accusative') {
        const ending =
          { genitive: 'а', dative: 'у', instrumental: 'ом', prepositional: 'е' }[grammaticalCase as string] ??
          '';
        return withEnding(part, part.length - 2, `ц${ending}`);
      }
      const found = nounEndings(part);
      return found ? withEnding(part, found.stemLength, found.endings[grammaticalCase]) : part;
    })
    .join('-');
}

const headNoun = (word: string): boolean => NOUNS.has(word.toLowerCase().replace(/[,.]$/, ''));

/**
 * The organisation's name in a case. Leading adjectives and the first head noun decline; the rest
 * is kept. A name that does not start that way (an abbreviation, a proper name) is returned as is.
 */
export function declineOrganisation(name: string, grammaticalCase: GrammaticalCase): string {
  if (grammaticalCase === 'nominative') return name;
  const words = name.split(/(\s+)/);
  const out: string[] = [];
  let declining = true;
  let nounFound = false;
  // In a name typed all in capitals, a word is an abbreviation when it is neither a noun nor an adjective.
  const shouting = name === name.toUpperCase();
  const abbreviation = (word: string) =>
    isAbbreviation(word) && (!shouting || (!headNoun(word) && !adjectiveEndings(word)));
  for (const piece of words) {
    if (!declining || /^\s*$/.test(piece)) {
      out.push(piece);
      continue;
    }
    if (/^[«"„№(]/.test(piece) || abbreviation(piece)) {
      declining = false;
      out.push(piece);
      continue;
    }
    if (headNoun(piece)) {
      out.push(declineNoun(piece, grammaticalCase));
      declining = false;
      nounFound = true;
      continue;
    }
    const endings = adjectiveEndings(piece);
    if (!endings || !/^[А-Яа-яЁё-]+$/.test(piece)) {
      declining = false;
      out.push(piece);
      continue;
    }
    out.push(declineAdjective(piece, endings, grammaticalCase));
  }
  // Adjectives without a head noun («Муниципальное бюджетное» followed by a quote) are no noun phrase.
  return nounFound ? out.join('') : name;
}

/** All six forms, with the curator's overrides (Настройки) taking precedence over the rules. */
export function organisationForms(
  name: string,
  overrides: Partial<Record<GrammaticalCase, string>> = {},
): Record<GrammaticalCase, string> {
  const form = (c: GrammaticalCase) => overrides[c]?.trim() || declineOrganisation(name, c);
  return {
    nominative: name,
    genitive: form('genitive'),
    dative: form('dative'),
    accusative: form('accusative'),
    instrumental: form('instrumental'),
    prepositional: form('prepositional'),
  };
}
