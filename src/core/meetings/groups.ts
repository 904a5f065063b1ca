// Approved pairs become plans: a group is one mentor with one form of mentoring and every mentee
// approved with them, so a group of five gets one meeting plan, not five.
import type { LocalDate } from './calendar';
import type { ActiveGroup, Person } from './duties';
import { planId } from './plan';

export interface ApprovedLink {
  pairId: string;
  mentorId: string;
  menteeId: string;
  formId: string;
  approvedOn: LocalDate;
  /** Set when the pair ended (early or completed): nothing is planned or sent after it. */
  endedOn?: LocalDate;
}

export function buildGroups(
  links: readonly ApprovedLink[],
  people: ReadonlyMap<string, Person>,
  programmeEnd: LocalDate,
  today: LocalDate,
): { groups: ActiveGroup[]; problems: string[] } {
  const byGroup = new Map<string, ApprovedLink[]>();
  for (const l of links) {
    const key = `${l.mentorId}\u0000${l.formId}`;
    byGroup.set(key, [...(byGroup.get(key) ?? []), l]);
  }
  const groups: ActiveGroup[] = [];
  const problems: string[] = [];
  for (const members of byGroup.values()) {
    const first = members.reduce((a, b) => (b.approvedOn < a.approvedOn ? b : a));
    const mentor = people.get(first.mentorId);
    if (!mentor) {
      problems.push(`Пара ${first.pairId}: наставник ${first.mentorId} не найден в базе наставников.`);
      continue;
    }
    const mentees: Person[] = [];
    for (const m of members) {
      const p = people.get(m.menteeId);
      if (p) mentees.push(p);
      else problems.push(`Пара ${m.pairId}: наставляемый ${m.menteeId} не найден в базе наставляемых.`);
    }
    if (mentees.length === 0) continue;
    // The group goes on while any of its links does; a link that ended drops out of the letters.
    const ends = members.map((m) => (m.endedOn && m.endedOn < programmeEnd ? m.endedOn : programmeEnd));
    const endsOn = [...ends].sort().pop() ?? programmeEnd;
    const stillIn = new Set(members.filter((m) => !m.endedOn || m.endedOn >= today).map((m) => m.menteeId));
    groups.push({
      planId: planId(first.mentorId, first.formId, first.approvedOn),
      formId: first.formId,
      mentor,
      mentees: mentees.filter((p) => stillIn.has(p.id)),
      startsOn: first.approvedOn,
      endsOn,
    });
  }
  return { groups, problems };
}
