// Identity before change: a response that would change who a record belongs to (another parent,
// another name, a new address for a known person) or erase it waits until the address already on
// file confirms it (a one-time link in a letter) or the curator does. A Google Form does not prove
// who typed an address into it, so the address on file is the only proof the school has.
import { fullName, isMinor, type Participant, type Role } from '../model';
import { declineName, fullNameText, type PersonName } from '../templates/declension';
import { collapseSpaces } from './text';

export type ChangeKind = 'withdrawal' | 'parent' | 'name' | 'email' | 'signer';

export const CHANGE_LABELS: Record<ChangeKind, string> = {
  withdrawal: 'отзыв согласия',
  parent: 'другой родитель',
  name: 'другое ФИО',
  email: 'новая почта',
  signer: 'согласие подписал не тот родитель',
};

/** What waits for confirmation: enough to replay the response once confirmed. */
export interface PendingChange {
  kind: ChangeKind;
  role: Role;
  participantId: string;
  /** Russian, for the curator: what the response would change. */
  reason: string;
  /** Addresses on file that may confirm by link; empty: only the curator decides. */
  confirmTo: string[];
}

/** A response replayed after confirmation: the identity checks it passed are not asked again. */
export interface Confirmation {
  kind: ChangeKind;
  participantId: string;
}

const nameWords = (s: string): string[] =>
  collapseSpaces(s)
    .toLowerCase()
    .replace(/ё/g, 'е')
    .split(/[\s,.]+/)
    .filter(Boolean)
    .sort();

/**
 * The same person's name however typed: ё or е, letter case, spaces, the order of the parts, and
 * the patronymic given in one of the two and not the other.
 */
export function sameName(a: string, b: string): boolean {
  const x = nameWords(a);
  const y = nameWords(b);
  if (x.length === 0 || y.length === 0) return false;
  if (x.join(' ') === y.join(' ')) return true;
  const [short, long] = x.length < y.length ? [x, y] : [y, x];
  return long.length - short.length === 1 && short.length >= 2 && short.every((w) => long.includes(w));
}

/** Who may confirm a change by link: the parent on file for a minor who has one, else the participant. */
export function confirmationAddresses(p: Participant): string[] {
  if (isMinor(p) && p.parentEmail) return [p.parentEmail];
  return p.email ? [p.email] : [];
}

/** What a new questionnaire from the same address would change about who the record is. */
export function identityChanges(
  before: Participant,
  after: Omit<Participant, 'id' | 'consent'>,
): Array<{ kind: 'name' | 'parent'; reason: string }> {
  const changes: Array<{ kind: 'name' | 'parent'; reason: string }> = [];
  if (!sameName(fullName(before), fullName(after)))
    changes.push({
      kind: 'name',
      reason: `в анкете другое ФИО: «${fullName(after)}» вместо «${fullName(before)}»`,
    });
  const parentNameChanged =
    before.parentName !== '' && after.parentName !== '' && !sameName(before.parentName, after.parentName);
  if (before.parentEmail !== after.parentEmail || parentNameChanged)
    changes.push({ kind: 'parent', reason: 'в анкете указан другой родитель (ФИО или почта)' });
  return changes;
}

/** The letter to the address on file: what would change and the one-time link, no new data. */
export function confirmationLetter(
  participant: PersonName | undefined,
  kind: ChangeKind,
  link: string,
  validUntil: string,
): { subject: string; body: string; buttons: Record<string, string> } {
  // «участника Шевчук Анны Сергеевны», «за участника Шевчук Анну Сергеевну»: the name agrees with the noun.
  const who = (grammaticalCase: 'genitive' | 'accusative') =>
    participant
      ? `участника ${fullNameText(declineName(participant, grammaticalCase))}`
      : 'участника с этим адресом почты';
  const what: Record<ChangeKind, string> = {
    withdrawal: `пришёл отзыв согласия на обработку персональных данных ${who('genitive')}. После подтверждения обработка прекратится, а данные участника будут удалены из таблиц программы`,
    parent: `пришла анкета ${who('genitive')}, в которой указан другой родитель (законный представитель)`,
    name: `пришла анкета с адреса ${who('genitive')}, в которой указано другое ФИО`,
    email: `пришла анкета ${who('genitive')} с новым адресом почты`,
    signer: `пришло согласие за ${who('accusative')}`,
  };
  return {
    subject: 'Подтвердите изменение в программе наставничества',
    body: [
      'Здравствуйте!',
      `В программу наставничества ${what[kind]}.`,
      `Если это сделали вы, подтвердите по ссылке (она действует до ${validUntil} и срабатывает один раз):\n${link}`,
      'Если вы этого не делали, ничего не нажимайте: без подтверждения ничего не изменится. Куратор программы видит этот запрос и может связаться с вами.',
    ].join('\n\n'),
    buttons: { [link]: 'Подтвердить' },
  };
}
