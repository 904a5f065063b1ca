// Moving a school from the ordinary mode to codes: every participant gets a code, their identities
// go out in a CSV the register imports, and every cell of the workbook that names them is rewritten
// with the code or the register's placeholder. Pure: the gas step reads the sheets and writes back.
import { GENDER_LABELS } from '../intake/nameForms';
import { CATEGORY_LABELS, formatClass, fullName, type Participant } from '../model';
import { isParticipantCode } from './dataMode';
import { namePlaceholder } from './namePlaceholders';
import { codeFromBody } from './participantCode';

/** The register's import columns, in this order. */
export const REGISTER_CSV_HEADERS = [
  'Фамилия',
  'Имя',
  'Отчество',
  'Пол',
  'Класс',
  'Категория',
  'E-mail',
  'ФИО родителя',
  'E-mail родителя',
  'Код',
] as const;

/** Six random digits each, never a code already taken; `random` is in [0, 1). */
export function issueCodes(count: number, taken: ReadonlySet<string>, random: () => number): string[] {
  const used = new Set(taken);
  const out: string[] = [];
  while (out.length < count) {
    const code = codeFromBody(Math.floor(random() * 1_000_000) % 1_000_000);
    if (used.has(code)) continue;
    used.add(code);
    out.push(code);
  }
  return out;
}

/** One person of the workbook: their rows in either base and the code they get. */
export interface MigratedPerson {
  code: string;
  /** The ids the bases gave them («НС-0001», «НЯ-0002»); one person may be in both bases. */
  ids: string[];
  participant: Participant;
}

/** People by address (the ordinary mode's identity): one code for the same person in both bases. */
export function groupPeople(
  participants: readonly Participant[],
  codes: (count: number) => string[],
): MigratedPerson[] {
  const byKey = new Map<string, Participant[]>();
  for (const p of participants) {
    if (p.erased || isParticipantCode(p.id)) continue;
    const key = p.email.trim().toLowerCase() || `id:${p.id}`;
    byKey.set(key, [...(byKey.get(key) ?? []), p]);
  }
  const groups = [...byKey.values()];
  const issued = codes(groups.length);
  return groups.map((ps, i) => ({ code: issued[i], ids: ps.map((p) => p.id), participant: ps[0] }));
}

const csvCell = (v: string): string => (/[";\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** The CSV the register imports: UTF-8 with a BOM (Excel opens it in Cyrillic), «;» between cells. */
export function registerCsv(people: readonly MigratedPerson[]): string {
  const rows = people.map(({ code, participant: p }) => [
    p.lastName,
    p.firstName,
    p.middleName,
    p.gender ? GENDER_LABELS[p.gender] : '',
    p.schoolClass ? formatClass(p.schoolClass) : '',
    CATEGORY_LABELS[p.category],
    p.email,
    p.parentName,
    p.parentEmail,
    code,
  ]);
  return `\uFEFF${[[...REGISTER_CSV_HEADERS], ...rows].map((r) => r.map(csvCell).join(';')).join('\r\n')}\r\n`;
}

const initial = (s: string): string => (s.trim() ? `${s.trim()[0].toUpperCase()}.` : '');

/**
 * What to replace in the workbook's text, longest first: every way the programme writes a person
 * (full name, «Фамилия Имя», «Фамилия И. О.», «И. О. Фамилия», the addresses, the parent, the phone)
 * and every old id.
 */
export function replacements(people: readonly MigratedPerson[]): Array<[string, string]> {
  const out = new Map<string, string>();
  const add = (from: string, to: string) => {
    if (from.trim().length >= 3 && !out.has(from)) out.set(from, to);
  };
  for (const { code, ids, participant: p } of people) {
    const name = namePlaceholder(code, 'fullName');
    add(fullName(p), name);
    add(`${p.lastName} ${p.firstName}`, name);
    const initials = [initial(p.firstName), initial(p.middleName)].filter(Boolean).join(' ');
    add(`${p.lastName} ${initials}`, namePlaceholder(code, 'shortName'));
    add(`${initials} ${p.lastName}`, namePlaceholder(code, 'shortName'));
    for (const f of Object.values(p.nameForms ?? {})) if (f) add(f, name);
    if (p.email) add(p.email, namePlaceholder(code, 'email'));
    if (p.parentEmail) add(p.parentEmail, namePlaceholder(code, 'parentEmail'));
    if (p.parentName) add(p.parentName, namePlaceholder(code, 'parentName'));
    if (p.phone) add(p.phone, '');
    for (const id of ids) add(id, code);
  }
  return [...out].sort((a, b) => b[0].length - a[0].length);
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One pass over a text with every replacement; case-insensitive for addresses. */
export function pseudonymiser(pairs: ReadonlyArray<[string, string]>): (text: string) => string {
  if (pairs.length === 0) return (text) => text;
  const to = new Map(pairs.map(([from, value]) => [from.toLowerCase(), value]));
  // Ids and names end at a word boundary: «НС-0001» must not eat the start of «НС-00012».
  const pattern = new RegExp(
    pairs.map(([from]) => `${escapeRegExp(from)}(?![0-9A-Za-zА-Яа-яЁё])`).join('|'),
    'gi',
  );
  return (text) => text.replace(pattern, (found) => to.get(found.toLowerCase()) ?? found);
}
