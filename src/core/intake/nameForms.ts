// The «Пол» and «Склонение» columns of the bases: gender as the participant gave it (or the curator
// corrected it), and forms of the full name the curator wrote by hand when the rules decline it wrongly.
import type { GrammaticalCase } from '../templates/declension';

export const GENDER_LABELS = { f: 'женский', m: 'мужской' } as const;

/** «ж», «жен.», «женский» → f; «м», «муж», «мужской» → m; anything else — unknown. */
export function parseGender(text: string): 'm' | 'f' | undefined {
  const t = text.trim().toLowerCase();
  if (/^ж/.test(t)) return 'f';
  if (/^м/.test(t)) return 'm';
  return undefined;
}

const CASE_LETTERS: Array<[string, GrammaticalCase]> = [
  ['Р', 'genitive'],
  ['Д', 'dative'],
  ['В', 'accusative'],
  ['Т', 'instrumental'],
  ['П', 'prepositional'],
];

/** «Р: Цой Алины; Д: Цой Алине» → { genitive: 'Цой Алины', dative: 'Цой Алине' }. */
export function parseNameForms(text: string): Partial<Record<GrammaticalCase, string>> | undefined {
  const forms: Partial<Record<GrammaticalCase, string>> = {};
  for (const part of text.split(';')) {
    const m = /^\s*([А-ЯЁа-яё])[а-яё]*\s*:\s*(.+?)\s*$/.exec(part);
    const found = m && CASE_LETTERS.find(([letter]) => letter === m[1].toUpperCase());
    if (m && found) forms[found[1]] = m[2];
  }
  return Object.keys(forms).length > 0 ? forms : undefined;
}

export function formatNameForms(forms: Partial<Record<string, string>> | undefined): string {
  if (!forms) return '';
  return CASE_LETTERS.filter(([, c]) => forms[c])
    .map(([letter, c]) => `${letter}: ${forms[c]}`)
    .join('; ');
}
