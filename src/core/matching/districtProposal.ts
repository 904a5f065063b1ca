// A pair the district proposes from its mentor bank: in a school's Пары it is «предложена» with the
// bank mentor's e-mail as the mentor's code and an «РБ-» id; the mentor's details (what the mentor
// agreed to share through the bank) wait beside it in «Наставники районного банка». When the
// curator approves it, the mentor gets a row of the school's own base — without consent, so nothing
// else is done with the data until the mentor gives it — and the pair waits for that consent as a
// locked pair. A curator who sets «отклонена» returns the mentor to the district bank.
import { type BasePatch, participantToRecord, ROW_STATUS } from '../intake/baseRow';
import type { MailRequest } from '../intake/mail';
import { splitList } from '../intake/text';
import { CATEGORIES, CATEGORY_LABELS, type MentoringForm, type Participant } from '../model';
import { cellColumn, defineSheet, type RowOf, textColumn } from '../schema';

export const DISTRICT_PAIR_PREFIX = 'РБ-';
export const isDistrictPairId = (id: string): boolean => id.startsWith(DISTRICT_PAIR_PREFIX);

/** The school's copy of a proposed bank mentor's details, one row per district proposal. */
export const DISTRICT_MENTORS = defineSheet('Наставники районного банка', {
  pairId: textColumn('ID пары'),
  email: textColumn('E-mail'),
  name: textColumn('ФИО', { freeText: true }),
  school: textColumn('Школа наставника', { freeText: true }),
  category: textColumn('Категория'),
  position: textColumn('Должность, организация', { freeText: true }),
  subjects: textColumn('Предметы'),
  topics: textColumn('Темы'),
  forms: textColumn('Формы'),
  receivedAt: cellColumn('Получено'),
});
export type DistrictMentorValues = RowOf<typeof DISTRICT_MENTORS>;

/** How Пары names a bank mentor who is not yet in the school's base. */
export const bankMentorCaption = (v: Pick<DistrictMentorValues, 'name' | 'school'>): string =>
  `${v.name} (${v.school}, районный банк)`;

/**
 * The bank mentor as a participant of this school: consent missing until the mentor gives it here
 * (the consent given to their own school does not cover another operator). Forms are kept by the
 * school's labels; one the school does not offer is left out. Undefined when the details do not name
 * a category the programme knows.
 */
export function bankMentorParticipant(
  v: DistrictMentorValues,
  id: string,
  forms: readonly MentoringForm[],
  now: Date,
): Participant | undefined {
  const category = CATEGORIES.find((c) => CATEGORY_LABELS[c] === v.category);
  const formIds = splitList(v.forms).flatMap((label) => {
    const form = forms.find((f) => f.label === label || f.id === label);
    return form ? [form.id] : [];
  });
  const [lastName = '', firstName = '', ...rest] = v.name.split(/\s+/).filter(Boolean);
  if (!category || formIds.length === 0 || !lastName || !firstName || !v.email) return undefined;
  return {
    id,
    role: 'mentor',
    email: v.email.toLowerCase(),
    lastName,
    firstName,
    middleName: rest.join(' '),
    category,
    position: v.position,
    subjects: splitList(v.subjects),
    topics: splitList(v.topics),
    note: `Из районного банка наставников (${v.school}).`,
    forms: formIds,
    capacity: 1,
    availability: [],
    phone: '',
    parentName: '',
    parentEmail: '',
    consent: 'missing',
    longTermBank: false,
    optOut: false,
    joinedAt: now,
  };
}

/** The base row of a bank mentor taken by the school. */
export const bankMentorRecord = (p: Participant, forms: readonly MentoringForm[], now: Date): BasePatch =>
  participantToRecord(p, forms, {
    status: ROW_STATUS.accepted,
    problem: 'Наставник из районного банка: ждём согласия на обработку персональных данных.',
    signer: 'self',
    updatedAt: now,
    responseId: '',
  });

export const CONSENT_REQUEST_KIND = 'просьба о согласии';

/** To the bank mentor: the school would like them as a mentor, and asks for consent first. */
export function consentRequestMail(p: Participant, school: string, consentLink: string): MailRequest {
  return {
    to: p.email,
    kind: CONSENT_REQUEST_KIND,
    participantId: p.id,
    subject: 'Приглашение стать наставником',
    body: [
      `Здравствуйте, ${[p.firstName, p.middleName].filter(Boolean).join(' ')}!`,
      `Вы состоите в районном банке наставников, и ${school || 'наша школа'} предлагает вам стать наставником в своей программе наставничества.`,
      'Прежде чем мы внесём вас в пару, нам нужно ваше согласие на обработку персональных данных: без него мы не используем ваши данные. ' +
        `Форма уже заполнена вашими данными, проверьте их и отправьте:\n${consentLink}`,
      'Если вы не хотите участвовать, ответьте на это письмо: куратор снимет предложение и удалит ваши данные из программы школы.',
    ].join('\n\n'),
  };
}
