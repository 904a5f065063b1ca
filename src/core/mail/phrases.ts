// Parts of letters that depend on who is named: case and gender («с наставляемой Шевчук Анной
// Сергеевной», «с наставником Горбуновой Юлией Павловной») and number («с наставляемыми: …»,
// «2 встречи»). Names are declined by the same code as documents.
import { counted } from '../russianPlural';
import { declineName, fullNameText, genderOf, type PersonName } from '../templates/declension';

export interface NamedPerson {
  /** Full name in the nominative, as written in the base. */
  name: string;
  /** The name's parts, when the base has them: needed to decline it. */
  nameParts?: PersonName;
}

/** The full name in the instrumental («Горбуновой Юлией Павловной»); as written when parts are unknown. */
export function instrumental(p: NamedPerson): string {
  return p.nameParts ? fullNameText(declineName(p.nameParts, 'instrumental')) : p.name;
}

const isFemale = (p: NamedPerson): boolean => (p.nameParts ? genderOf(p.nameParts) === 'f' : false);

/** «с наставником Горбуновой Юлией Павловной». */
export const withMentor = (mentor: NamedPerson): string => `с наставником ${instrumental(mentor)}`;

/** «с наставляемым Петровым Павлом Павловичем», «с наставляемой …», «с наставляемыми: А, Б». */
export function withMentees(mentees: readonly NamedPerson[]): string {
  if (mentees.length === 1) {
    const [m] = mentees;
    return `${isFemale(m) ? 'с наставляемой' : 'с наставляемым'} ${instrumental(m)}`;
  }
  return `с наставляемыми: ${mentees.map((m) => m.name).join(', ')}`;
}

/** What «пара утверждена» tells each side: «Ваш наставник — …», «Ваша наставляемая — …». */
export function partnerSentence(
  role: 'mentor' | 'mentee',
  mentor: NamedPerson,
  mentees: readonly NamedPerson[],
): string {
  if (role === 'mentee') return `Ваш наставник — ${mentor.name}.`;
  if (mentees.length === 1)
    return isFemale(mentees[0])
      ? `Ваша наставляемая — ${mentees[0].name}.`
      : `Ваш наставляемый — ${mentees[0].name}.`;
  return `Ваши наставляемые: ${mentees.map((m) => m.name).join(', ')}.`;
}

/** «2 встречи», «5 встреч». */
export const meetingsCount = (n: number): string => counted(n, 'встреча', 'встречи', 'встреч');

/** « Время и место: после уроков, кабинет 21.» or nothing when the school has not set it. */
export const placeSentence = (place: string): string =>
  place.trim() ? ` Время и место: ${place.trim()}.` : '';
