// Choice lists filled from Настройки and the bases. A participant appears in the post-meeting lists
// only with valid consent (never once withdrawn or erased) and, after a meeting-acquaintance, only
// if they came; the id at the end of the label maps a choice back to the participant.
import type { ChoiceLists } from '../../../forms/definition';
import { formatClass, type MentoringForm, type Participant } from '../model';
import { codeOfNamePlaceholder } from '../pseudonymous/placeholderIdentity';
import { hasValidConsent } from './consent';

export function preferenceLabel(p: Participant): string {
  const detail = p.schoolClass ? formatClass(p.schoolClass) : p.position;
  // A pseudonymous participant is listed by code: the register prints the meeting's list of codes.
  if (codeOfNamePlaceholder(p.lastName)) return `Участник${detail ? `, ${detail}` : ''} (${p.id})`;
  return `${p.lastName} ${p.firstName}${detail ? `, ${detail}` : ''} (${p.id})`;
}

const LABEL_ID = /\(([^()]+)\)$/;
export const idFromLabel = (label: string): string | undefined => LABEL_ID.exec(label)?.[1];

/**
 * `met`: the people of the meeting-acquaintance held last; once there is one, the post-meeting lists
 * offer only them (nobody ranks someone they have not met).
 */
export function choiceLists(
  forms: readonly MentoringForm[],
  mentors: readonly Participant[],
  mentees: readonly Participant[],
  met?: ReadonlySet<string>,
): ChoiceLists {
  const listed = (ps: readonly Participant[]) =>
    ps.filter((p) => hasValidConsent(p) && (!met || met.has(p.id))).map(preferenceLabel);
  return { mentoringForms: forms.map((f) => f.label), mentors: listed(mentors), mentees: listed(mentees) };
}
