// Stage «Подтверждение изменений анкет»: a pupil's questionnaire comes again with the second parent's
// address, and another pupil's consent is withdrawn through the form. Neither takes effect until the
// parent already on file opens the link in the letter and confirms, as a parent would at home.

import { DECISION_CHOICES } from '../../../forms/consent';
import { BASES } from '../../core/intake/baseRow';
import { PENDING, PENDING_STATES } from '../../core/intake/pendingRow';
import { columnIndex } from '../../core/schema';
import type { LocalWorkspace } from '../../local';
import { withdrawConsent } from '../../register';
import { resolveIntakeForm } from '../intakeSubmit';
import { type DemoSubmission, schoolSubmissions } from './demoSubmissions';
import type { PseudonymousDemo } from './pseudonymousDemo';
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

/**
 * The pseudonymous mode has no parent's address to change on the Google side (the register keeps it).
 * A withdrawal typed with a wrong secret does nothing; the parent's own, with the slip's secret, waits
 * for the link in the letter the register sends, and the register records the withdrawal's date.
 */
async function withdrawUnderCode(
  ws: LocalWorkspace,
  submissions: readonly DemoSubmission[],
  code: string,
  pseudonymous: PseudonymousDemo,
): Promise<string[]> {
  const consent = [...submissions]
    .reverse()
    .find((s) => s.formId === 'consent' && pseudonymous.codeOf(s.personId) === code);
  const form = resolveIntakeForm(ws, 'consent');
  if (!consent || !form) return ['Согласия наставляемого с родителем в демо нет.'];
  const withdrawal: Record<string, string | string[]> = {
    ...pseudonymous.answers(consent),
    decision: DECISION_CHOICES.withdraw,
  };
  const wrong = String((Number(withdrawal.secret) + 1) % 10_000).padStart(4, '0');
  const forged = ws.submit(form.formId, form.translate({ ...withdrawal, secret: wrong })).results[0] as {
    result?: string;
  };
  const real = ws.submit(form.formId, form.translate(withdrawal)).results[0] as { result?: string };
  const sent = await pseudonymous.daily();
  const confirmed = confirmByLink(ws);
  withdrawConsent(pseudonymous.register, code, ws.now().toISOString().slice(0, 10));
  pseudonymous.register.save();
  return [
    `Отзыв согласия за ${code} с чужим секретным числом: ${forged?.result === 'rejected' ? 'отклонён, ничего не изменилось' : forged?.result}`,
    `Отзыв согласия за ${code} с листка родителя: ${real?.result === 'pending' ? 'ждёт подтверждения' : real?.result}; письмо со ссылкой родителю отправил реестр`,
    ...sent.map((l) => `  ${l}`),
    `  родитель открыл ссылку: ${confirmed}; коды ${code} в таблице обезличены, реестр записал дату отзыва (удалить данные в течение 30 дней)`,
  ];
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
  async run({ ws, school, pseudonymous }) {
    const submissions = schoolSubmissions(school);
    const [changing, leaving] = minorsWithParent(ws);
    if (!changing || !leaving) return ['Нет двух наставляемых с согласием и родителем в анкете.'];
    if (pseudonymous) return withdrawUnderCode(ws, submissions, leaving.id, pseudonymous);
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
