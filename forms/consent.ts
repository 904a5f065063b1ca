// Согласия. Since 1 September 2025 a consent to processing personal data is a separate document
// (152-ФЗ ст. 9), and a consent to dissemination (publishing names and photos, ст. 10.1) is another
// one, optional and never a condition of taking part. Both link to the participant by the e-mail
// and role given in the questionnaire. The wording follows seed 004 (Приложение 2) with the data
// list cut to what the programme needs: no passport, address or family details.
import { ROLE_LABELS } from '../src/core/model';
import type { FormDefinition, FormItem } from './definition';

export const SIGNER_CHOICES = {
  self: 'Я — участник программы (совершеннолетний или старше 14 лет)',
  parent: 'Я — родитель (законный представитель) участника',
} as const;

export const DECISION_CHOICES = {
  give: 'Даю согласие',
  withdraw: 'Отзываю ранее данное согласие',
} as const;

export const ACKNOWLEDGEMENT =
  'Подтверждаю, что ознакомлен(а) с положениями Федерального закона от 27.07.2006 № 152-ФЗ ' +
  '«О персональных данных», права и обязанности в области защиты персональных данных мне разъяснены';

const IDENTITY_ITEMS: readonly FormItem[] = [
  {
    key: 'signer',
    title: 'Кто заполняет согласие',
    help: 'За участника младше 14 лет согласие даёт родитель (законный представитель).',
    type: 'single',
    required: true,
    choices: Object.values(SIGNER_CHOICES),
  },
  {
    key: 'signerName',
    title: 'ФИО того, кто даёт согласие',
    help: '',
    type: 'short',
    required: true,
  },
  {
    key: 'participantName',
    title: 'ФИО участника программы',
    help: 'Если согласие даёте вы сами — повторите своё ФИО.',
    type: 'short',
    required: true,
  },
  {
    key: 'participantEmail',
    title: 'Электронная почта участника',
    help: 'Та же, что указана в анкете наставника или наставляемого.',
    type: 'email',
    required: true,
  },
  {
    key: 'participantRole',
    title: 'Участник заполнил анкету',
    help: '',
    type: 'single',
    required: true,
    choices: [ROLE_LABELS.mentee, ROLE_LABELS.mentor],
  },
];

export const CONSENT_FORM: FormDefinition = {
  id: 'consent',
  title: 'Согласие на обработку персональных данных',
  description:
    'В соответствии со ст. 9 Федерального закона от 27.07.2006 № 152-ФЗ «О персональных данных» даю ' +
    'согласие образовательной организации на обработку персональных данных участника программы ' +
    'наставничества (целевой модели наставничества) в целях подбора наставнических пар и групп, ' +
    'организации их работы и мероприятий, информационного сопровождения и ведения реестра участников.\n\n' +
    'Перечень данных: фамилия, имя, отчество; возраст; класс или место работы (учёбы) и должность; ' +
    'адрес электронной почты и телефон; для несовершеннолетних — ФИО и электронная почта родителя ' +
    '(законного представителя); ответы анкет программы наставничества и сведения о работе в паре или группе.\n\n' +
    'Действия с данными: сбор, систематизация, накопление, хранение, уточнение (обновление, изменение), ' +
    'использование, обезличивание, блокирование, удаление, уничтожение. Передача третьим лицам — только в ' +
    'случаях, установленных законодательством. Публикация ФИО, фото и видео в это согласие НЕ входит: ' +
    'для неё есть отдельная необязательная форма.\n\n' +
    'Согласие действует до окончания участия в программе наставничества и может быть отозвано в любой ' +
    'момент (этой же формой, выбрав «Отзываю ранее данное согласие», или письменным заявлением). После ' +
    'отзыва обработка прекращается, а данные удаляются в срок не более 30 дней. По запросу вы можете ' +
    'получить сведения об обработке своих данных (ст. 14 152-ФЗ).',
  confirmation: 'Спасибо! Ответ записан. Куратор программы увидит его в таблице.',
  items: [
    ...IDENTITY_ITEMS,
    {
      key: 'decision',
      title: 'Согласие на обработку персональных данных',
      help: 'Текст согласия — в начале формы.',
      type: 'single',
      required: true,
      choices: Object.values(DECISION_CHOICES),
    },
    {
      key: 'acknowledgement',
      title: 'Ознакомление с законом',
      help: '',
      type: 'single',
      required: true,
      choices: [ACKNOWLEDGEMENT],
    },
  ],
};

export const DISSEMINATION_FORM: FormDefinition = {
  id: 'dissemination',
  title: 'Согласие на распространение персональных данных (необязательно)',
  description:
    'Отдельное согласие по ст. 10.1 Федерального закона № 152-ФЗ на публикацию фамилии, имени, ' +
    'класса или должности, фото- и видеоизображений участника программы наставничества на официальном ' +
    'сайте образовательной организации и в её официальных группах в социальных сетях. Это согласие не ' +
    'обязательно: без него участник полноценно участвует в программе. Его можно отозвать в любой момент ' +
    'этой же формой.',
  confirmation: 'Спасибо! Ответ записан.',
  items: [
    ...IDENTITY_ITEMS,
    {
      key: 'decision',
      title: 'Согласие на распространение (публикацию) персональных данных',
      help: '',
      type: 'single',
      required: true,
      choices: Object.values(DECISION_CHOICES),
    },
  ],
};
