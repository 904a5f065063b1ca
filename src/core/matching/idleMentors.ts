// Mentors a matching run leaves with free places, each with the first reason a curator would check:
// no consent, nothing offered, a form the school does not offer this year, no mentee who chose
// their form, no mentee their form's rules allow, or fitting mentees all placed elsewhere.
import { hasValidConsent } from '../intake/consent';
import type { Participant } from '../model';
import { formProblem } from './compatibility';
import type { ProposeInput, ProposeResult } from './proposePairs';

export interface IdleMentor {
  mentorId: string;
  /** Places taken by pairs kept or proposed, and places offered. */
  taken: number;
  capacity: number;
  reason: string;
}

const TAKES_PLACE = new Set(['proposed', 'locked', 'approved']);

function reasonFor(mentor: Participant, taken: number, input: ProposeInput): string {
  const { forms, mentees } = input;
  if (!hasValidConsent(mentor)) return 'нет согласия на обработку данных';
  if (mentor.capacity <= 0) return 'наставник готов взять 0 наставляемых';
  const offered = forms.filter((f) => mentor.forms.includes(f.id));
  if (offered.length === 0)
    return mentor.forms.length
      ? `форма «${mentor.forms.join('», «')}» в этом году не предлагается (лист «Настройки»)`
      : 'не выбрана форма наставничества';
  const choosing = mentees.filter(
    (m) => hasValidConsent(m) && m.id !== mentor.id && m.forms.some((id) => mentor.forms.includes(id)),
  );
  const busy = taken > 0 ? `занято ${taken} из ${mentor.capacity} мест; ` : '';
  if (choosing.length === 0)
    return `${busy}ни один наставляемый с согласием не выбрал ${offered.length > 1 ? 'формы' : 'форму'} «${offered.map((f) => f.label).join('», «')}»`;
  const fitting = choosing.filter((m) =>
    offered.some((f) => m.forms.includes(f.id) && formProblem(f, mentor, m) === undefined),
  );
  if (fitting.length === 0) {
    const f = offered.find((x) => choosing.some((m) => m.forms.includes(x.id)));
    const first = f && choosing.find((m) => m.forms.includes(f.id));
    const why = f && first ? formProblem(f, mentor, first) : undefined;
    return `${busy}нет подходящего наставляемого: ${why ?? 'формы не совпадают'}`;
  }
  return taken > 0
    ? `${busy}остальным подходящим наставляемым (${fitting.length}) подобраны другие наставники`
    : `всем подходящим наставляемым (${fitting.length}) подобраны другие наставники`;
}

export function idleMentors(input: ProposeInput, result: ProposeResult): IdleMentor[] {
  const taken = new Map<string, number>();
  for (const p of [...result.kept, ...result.proposals])
    if (p && TAKES_PLACE.has(p.state)) taken.set(p.mentorId, (taken.get(p.mentorId) ?? 0) + 1);
  return input.mentors.flatMap((mentor) => {
    const n = taken.get(mentor.id) ?? 0;
    if (n >= mentor.capacity && mentor.capacity > 0) return [];
    return [
      { mentorId: mentor.id, taken: n, capacity: mentor.capacity, reason: reasonFor(mentor, n, input) },
    ];
  });
}
