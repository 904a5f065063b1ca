// Stage «Подтверждение изменений анкет»: a pupil's questionnaire comes again with the second parent's
// address, and another pupil's consent is withdrawn through the form. Neither takes effect until the
// parent already on file opens the link in the letter and confirms, as a parent would at home.

import { DECISION_CHOICES } from '../../../forms/consent';
import { BASES } from '../../core/intake/baseRow';
import { PENDING, PENDING_STATES } from '../../core/intake/pendingRow';
import { columnIndex } from '../../core/schema';
import type { LocalWorkspace } from '../../local';
import { resolveIntakeForm } from '../intakeSubmit';
import { schoolSubmissions } from './demoSubmissions';
import type { DemoStage } from './stages';

/** Mentees with consent and a parent on file, as {id, email, parentEmail}. */
function minorsWithParent(ws: LocalWorkspace): Array<{ id: string; email: string; parentEmail: string }> {
  // Setup created the base with the schema's headers in their order.
  const at = (key: keyof (typeof BASES.mentee)['columns'] & string) => columnIndex(BASES.mentee, key);
  return ws
    .sheetRows(BASES.mentee.name)
    .filter((r) => r[at('consent')] === 'получено' && String(r[at('parentEmail')]) !== '')
    .map((r) => ({
      id: String(r[at('id')]),
      email: String(r[at('email')]),
      parentEmail: String(r[at('parentEmail')]),
    }));
}

/** The parent opens the link from the letter without signing in to Google, then presses the button. */
function confirmByLink(ws: LocalWorkspace): string {
  const waiting = ws
    .sheetRows(PENDING.name)
    .filter((r) => r[columnIndex(PENDING, 'state')] === PENDING_STATES.waiting);
  const token = String(waiting[waiting.length - 1]?.[columnIndex(PENDING, 'token')] ?? '');
  const page = ws.runAs('anonymous', 'doGet', {
    parameter: { a: 'confirm', t: token, confirm: '1' },
  }) as { getContent(): string };
  return page.getContent().includes('Изменение подтверждено') ? 'подтверждено' : 'не подтверждено';
}

export const confirmationsStage: DemoStage = {
  title: 'Подтверждение изменений анкет',
  run({ ws, school }) {
    const submissions = schoolSubmissions(school);
    const [changing, leaving] = minorsWithParent(ws);
    if (!changing || !leaving) return ['Нет двух наставляемых с согласием и родителем в анкете.'];
    const lines: string[] = [];

    const questionnaire = [...submissions]
      .reverse()
      .find((s) => s.formId === 'mentee' && String(s.answers.email).trim().toLowerCase() === changing.email);
    const mentee = resolveIntakeForm(ws, 'mentee');
    if (questionnaire && mentee) {
      const [local, domain] = changing.parentEmail.split('@');
      const secondParent = `${local}.vtoroy@${domain}`;
      const reply = ws.submit(
        mentee.formId,
        mentee.translate({ ...questionnaire.answers, parentEmail: secondParent }),
      ).results[0] as { result?: string };
      lines.push(
        `Анкета ${changing.id} пришла снова с адресом второго родителя: ${reply?.result === 'pending' ? 'ждёт подтверждения' : reply?.result}; письмо со ссылкой — родителю на адрес из анкеты`,
        `  родитель открыл ссылку: ${confirmByLink(ws)}`,
      );
    }

    const consent = [...submissions]
      .reverse()
      .find(
        (s) =>
          s.formId === 'consent' && String(s.answers.participantEmail).trim().toLowerCase() === leaving.email,
      );
    const consentForm = resolveIntakeForm(ws, 'consent');
    if (consent && consentForm) {
      const reply = ws.submit(
        consentForm.formId,
        consentForm.translate({ ...consent.answers, decision: DECISION_CHOICES.withdraw }),
      ).results[0] as { result?: string };
      lines.push(
        `Отзыв согласия за ${leaving.id} через форму: ${reply?.result === 'pending' ? 'ждёт подтверждения' : reply?.result}; письмо со ссылкой — родителю на адрес из анкеты`,
        `  родитель открыл ссылку: ${confirmByLink(ws)}; данные ${leaving.id} удалены из листов (Журнал: «Согласие на обработку отозвано»)`,
      );
    }
    return lines;
  },
};
