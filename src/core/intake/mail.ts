// The one letter intake sends: to a new participant (and the parent of a minor) — what happens next
// and, while consent is missing, where to give it. Plain text with its links as buttons in the HTML
// part; names are the only personal data in it.
import { consentSigner, fullName, type Participant } from '../model';
import { greetingOf } from '../pseudonymous/placeholderIdentity';
import { genderOf } from '../templates/declension';
import { ROLE_GENITIVE } from './text';

export interface MailRequest {
  to: string;
  kind: string;
  participantId: string;
  /** What makes the letter unique for this recipient and kind; the participant's id when absent. */
  period?: string;
  subject: string;
  body: string;
  /** Labels of the buttons the letter's HTML shows instead of its links: url → label. */
  buttons?: Readonly<Record<string, string>>;
}

export const REJECTION_KIND = 'анкета не принята';

/**
 * To whoever sent a questionnaire that was not accepted: why, and the form to send it again. The
 * reasons are the same the curator sees in «Приём анкет».
 */
export function rejectionMail(
  to: string,
  formTitle: string,
  responseId: string,
  reasons: readonly string[],
  formUrl: string,
): MailRequest {
  return {
    to,
    kind: REJECTION_KIND,
    participantId: '',
    period: responseId,
    subject: `${formTitle}: анкета не принята`,
    body: [
      'Здравствуйте!',
      `Ваша анкета «${formTitle}» не принята. Причина:`,
      reasons.map((r) => `• ${r}`).join('\n'),
      formUrl
        ? `Заполните анкету ещё раз, исправив это:\n${formUrl}`
        : 'Напишите в ответ на это письмо, и куратор поможет исправить анкету.',
    ].join('\n\n'),
    buttons: formUrl ? { [formUrl]: 'Заполнить анкету ещё раз' } : {},
  };
}

export const CONFIRMATION_KIND = 'подтверждение анкеты';

export function confirmationMail(p: Participant, consentUrl: string): MailRequest[] {
  const name = fullName(p);
  const parentSigns = consentSigner(p) === 'parent';
  const next =
    'Что дальше: куратор программы изучит анкеты, пригласит вас на встречу наставников и наставляемых, ' +
    'после неё мы предложим пары и группы, и о результате вы узнаете по почте.';
  const consentLine =
    p.consent === 'received'
      ? ''
      : parentSigns
        ? `Пока не получено согласие на обработку персональных данных. Его даёт родитель (законный представитель): ${consentUrl}\nБез согласия участник не попадёт в пары.`
        : `Пока не получено согласие на обработку персональных данных. Заполните его, пожалуйста: ${consentUrl}\nБез согласия мы не сможем включить вас в пары.`;
  const subject = `Анкета ${ROLE_GENITIVE[p.role]} принята`;
  const buttons = { [consentUrl]: 'Дать согласие на обработку данных' };
  const mails: MailRequest[] = [];
  mails.push({
    to: p.email,
    kind: CONFIRMATION_KIND,
    participantId: p.id,
    subject,
    body: [
      `Здравствуйте, ${greetingOf(p.lastName, p.firstName)}!`,
      `Ваша анкета ${ROLE_GENITIVE[p.role]} принята.`,
      next,
      consentLine,
    ]
      .filter(Boolean)
      .join('\n\n'),
    buttons,
  });
  if (p.parentEmail) {
    mails.push({
      to: p.parentEmail,
      kind: CONFIRMATION_KIND,
      participantId: p.id,
      subject,
      body: [
        `Здравствуйте, ${p.parentName || 'уважаемый родитель'}!`,
        `${name} ${genderOf(p) === 'f' ? 'заполнила' : 'заполнил'} анкету ${ROLE_GENITIVE[p.role]} в программе наставничества.`,
        next,
        p.consent === 'received'
          ? ''
          : `Пока не получено согласие на обработку персональных данных: ${consentUrl}`,
        'Соглашение о наставничестве для несовершеннолетнего участника подписывает родитель.',
      ]
        .filter(Boolean)
        .join('\n\n'),
      buttons,
    });
  }
  return mails;
}
