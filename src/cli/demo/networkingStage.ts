// Stage «Встреча-знакомство»: the curator records the meeting of future mentors and mentees in
// «Встречи-знакомства» — who came, then «Проведена» — and the post-meeting questionnaires offer just
// those people (the on-edit trigger refills their lists). Some of them answer at once.
import { BASES } from '../../core/intake/baseRow';
import { NETWORKING } from '../../core/intake/networking';
import { columnIndex } from '../../core/schema';
import type { LocalWorkspace } from '../../local';
import { formatDate } from '../../local/base/formatDate';
import { readForm } from '../../local/forms/store';
import { resolveIntakeForm } from '../intakeSubmit';
import type { PseudonymousDemo } from './pseudonymousDemo';
import type { DemoStage } from './stages';

const MENTORS_AT_MEETING = 6;
const MENTEES_AT_MEETING = 12;

/** Participants with consent, as {id, email}, in base order. */
function consented(ws: LocalWorkspace, role: 'mentor' | 'mentee'): Array<{ id: string; email: string }> {
  const at = (key: 'id' | 'email' | 'consent') => columnIndex(BASES[role], key);
  return ws
    .sheetRows(BASES[role].name)
    .filter((r) => r[at('consent')] === 'получено')
    .map((r) => ({ id: String(r[at('id')]), email: String(r[at('email')]) }));
}

/** What the form's first ranking question offers now. */
function offered(ws: LocalWorkspace, formId: string): string[] {
  return readForm(ws.ctx, formId)?.items.find((i) => i.title.startsWith('Первый выбор'))?.choices ?? [];
}

/** Each respondent ranks up to three of the people offered (a different first choice each). */
function answerAll(
  ws: LocalWorkspace,
  form: 'preferencesMentee' | 'preferencesMentor',
  people: ReadonlyArray<{ id: string; email: string }>,
  pseudonymous: PseudonymousDemo | undefined,
): number {
  const found = resolveIntakeForm(ws, form);
  if (!found) throw new Error(`Анкета ${form} не создана настройкой.`);
  const choices = offered(ws, found.formId);
  let answered = 0;
  people.forEach((p, i) => {
    const ranked = [0, 1, 2].map((k) => choices[(i + k) % choices.length]);
    const choices3 = { choice1: ranked[0], choice2: ranked[1], choice3: ranked[2] };
    // In the pseudonymous mode the form asks for the code and its secret, never an address.
    if (pseudonymous) {
      const answers = { code: p.id, secret: pseudonymous.secretOf(p.id), ...choices3 };
      ws.submit(found.formId, found.translate(answers));
    } else {
      ws.submit(found.formId, found.translate({ email: p.email, ...choices3 }), { respondentEmail: p.email });
    }
    answered++;
  });
  return answered;
}

export const networkingStage: DemoStage = {
  title: 'Встреча-знакомство и анкеты после встречи',
  run({ ws, pseudonymous }) {
    const mentors = consented(ws, 'mentor').slice(0, MENTORS_AT_MEETING);
    const mentees = consented(ws, 'mentee').slice(0, MENTEES_AT_MEETING);
    const cell = (key: 'title' | 'date' | 'people' | 'held') =>
      `${String.fromCharCode(65 + columnIndex(NETWORKING, key))}2`;
    ws.edit(NETWORKING.name, cell('title'), 'Встреча-знакомство наставников и наставляемых');
    ws.edit(NETWORKING.name, cell('date'), formatDate(ws.now(), ws.ctx.meta.timeZone, 'dd.MM.yyyy'));
    ws.edit(NETWORKING.name, cell('people'), [...mentors, ...mentees].map((p) => p.id).join(', '));
    ws.edit(NETWORKING.name, cell('held'), 'TRUE');
    const menteeForm = resolveIntakeForm(ws, 'preferencesMentee');
    const shown = menteeForm ? offered(ws, menteeForm.formId).length : 0;
    const fromMentees = answerAll(ws, 'preferencesMentee', mentees, pseudonymous);
    const fromMentors = answerAll(ws, 'preferencesMentor', mentors, pseudonymous);
    const note = ws.sheetRows(NETWORKING.name)[0]?.[columnIndex(NETWORKING, 'lists')];
    return [
      `Пришли на встречу: наставников ${mentors.length}, наставляемых ${mentees.length}`,
      `«Проведена» отмечена — списки в анкетах после встречи: ${String(note ?? '')}`,
      `В анкете наставляемых предложено наставников: ${shown} (только пришедшие на встречу)`,
      `Ответили на анкеты после встречи: наставляемых ${fromMentees}, наставников ${fromMentors}`,
    ];
  },
};
