// The one letter intake sends: to a new participant (and the parent of a minor) — what happens next
// and, while consent is missing, where to give it. Plain text; names are the only personal data in it.
import { consentSigner, fullName, type Participant } from '../model';
import { ROLE_GENITIVE } from './text';

export interface MailRequest {
  to: string;
  kind: string;
  participantId: string;
  subject: string;
  body: string;
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
  const mails: MailRequest[] = [];
  mails.push({
    to: p.email,
    kind: CONFIRMATION_KIND,
    participantId: p.id,
    subject,
    body: [
      `Здравствуйте, ${p.firstName}!`,
      `Ваша анкета ${ROLE_GENITIVE[p.role]} принята.`,
      next,
      consentLine,
    ]
      .filter(Boolean)
      .join('\n\n'),
  });
  if (p.parentEmail) {
    mails.push({
      to: p.parentEmail,
      kind: CONFIRMATION_KIND,
      participantId: p.id,
      subject,
      body: [
        `Здравствуйте, ${p.parentName || 'уважаемый родитель'}!`,
        `${name} заполнил(а) анкету ${ROLE_GENITIVE[p.role]} в программе наставничества.`,
        next,
        p.consent === 'received'
          ? ''
          : `Пока не получено согласие на обработку персональных данных: ${consentUrl}`,
        'Соглашение о наставничестве для несовершеннолетнего участника подписывает родитель.',
      ]
        .filter(Boolean)
        .join('\n\n'),
    });
  }
  return mails;
}
