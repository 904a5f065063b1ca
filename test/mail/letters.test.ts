// Every kind of letter read as Russian: names in the right case for both genders, numbers agreeing
// with nouns, sentences starting with a capital, the curator's signature and buttons in HTML.

import { confirmationLetter } from '../../src/core/intake/identity';
import { confirmationMail, rejectionMail } from '../../src/core/intake/mail';
import { buttonHtml, plainLetterHtml, renderMail } from '../../src/core/mail/render';
import { senderOf } from '../../src/core/mail/sender';
import { DEFAULT_TEMPLATES, MAIL_KINDS, type MailKind } from '../../src/core/mail/templates';
import {
  type ActiveGroup,
  approvalDuties,
  type Duty,
  dutiesOn,
  type Person,
} from '../../src/core/meetings/duties';
import type { Meeting } from '../../src/core/meetings/meetingRow';
import type { Participant } from '../../src/core/model';

const sender = senderOf(
  {
    schoolName: 'СОШ № 7',
    orgName: 'МОУ «Средняя общеобразовательная школа № 7»',
    curatorName: 'Кузнецова Ольга Игоревна',
    curatorEmail: 'kurator@school7.ru',
    curatorPhone: '+7 900 555-12-34',
  },
  'script@school7.ru',
);

const person = (
  id: string,
  last: string,
  first: string,
  middle: string,
  extra: Partial<Person> = {},
): Person => ({
  id,
  name: `${last} ${first} ${middle}`,
  greeting: first,
  email: `${id.toLowerCase()}@school.test`,
  parentEmail: '',
  optOut: false,
  nameParts: { lastName: last, firstName: first, middleName: middle },
  ...extra,
});

// A woman mentoring a boy, and a man mentoring a girl whose surname does not decline.
const pairs: Array<{ group: ActiveGroup; mentorInstr: string; menteePhrase: string; partner: string }> = [
  {
    group: {
      planId: 'P1',
      formId: 'f',
      mentor: person('M1', 'Горбунова', 'Юлия', 'Павловна'),
      mentees: [person('S1', 'Петров', 'Павел', 'Павлович', { parentEmail: 'mama@home.test', age: 12 })],
      startsOn: '2026-10-01',
      endsOn: '2027-06-10',
    },
    mentorInstr: 'с наставником Горбуновой Юлией Павловной',
    menteePhrase: 'с наставляемым Петровым Павлом Павловичем',
    partner: 'Ваш наставляемый — Петров Павел Павлович.',
  },
  {
    group: {
      planId: 'P2',
      formId: 'f',
      mentor: person('M2', 'Цой', 'Виктор', 'Робертович'),
      mentees: [person('S2', 'Шевчук', 'Анна', 'Сергеевна', { parentEmail: 'papa@home.test', age: 15 })],
      startsOn: '2026-10-01',
      endsOn: '2027-06-10',
    },
    mentorInstr: 'с наставником Цоем Виктором Робертовичем',
    menteePhrase: 'с наставляемой Шевчук Анной Сергеевной',
    partner: 'Ваша наставляемая — Шевчук Анна Сергеевна.',
  },
];

const meeting = (planId: string, n: number, date: string, kind: Meeting['kind'] = 'regular'): Meeting => ({
  rowNumber: n + 1,
  id: `${planId}#${n}`,
  planId,
  mentorId: '',
  menteeIds: [],
  formId: 'f',
  kind,
  date,
  held: false,
  note: '',
  token: `t${n}`,
  problem: '',
});

const rules = {
  holidays: [],
  reminderDays: 2,
  overdueAfterDays: 2,
  feedbackMonths: [12],
  feedbackDay: 1,
  digestWeekday: 1,
  parentReminders: 'до 14 лет' as const,
  place: 'после уроков, библиотека',
  programmeEnd: '2027-05-31',
  exitSurveyDays: 21,
  surveyReminderDays: 7,
};

const links = {
  markLink: 'https://x.test/exec?a=held&t=1',
  moveLink: 'https://x.test/exec?a=move&t=1',
  formLink: 'https://forms.test/f',
};
const render = (d: Duty) =>
  renderMail(DEFAULT_TEMPLATES[d.kind], { ...d.values, ...links }, undefined, sender.signature);

describe.each(pairs)(
  'letters of the pair of $group.mentor.name',
  ({ group, mentorInstr, menteePhrase, partner }) => {
    const meetings = [
      meeting(group.planId, 1, '2026-11-20', 'trial'),
      meeting(group.planId, 2, '2026-12-04'),
      meeting(group.planId, 3, '2026-12-18'),
    ];
    const due = (day: string, kind: MailKind) =>
      dutiesOn(day, [group], meetings, rules).filter((d) => d.kind === kind);

    it('«пара утверждена» names the partner by gender, the first meeting, its time and place', () => {
      const [toMentor, toMentee] = approvalDuties(
        group,
        meetings,
        '2026-11-10',
        rules,
        new Set([group.mentees[0].id]),
      );
      expect(render(toMentor).text).toContain(`Куратор утвердил вашу наставническую пару. ${partner}`);
      expect(render(toMentee).text).toContain(`Ваш наставник — ${group.mentor.name}.`);
      expect(render(toMentee).text).toContain(
        'Первая встреча — пробная встреча — 20 ноября 2026 г. Время и место: после уроков, библиотека.',
      );
    });

    it('reminders decline the names and start sentences with a capital', () => {
      const [mentor] = due('2026-11-18', 'reminder_mentor');
      expect(render(mentor).text).toContain(
        `20 ноября 2026 г. запланирована пробная встреча ${menteePhrase}.`,
      );
      const [mentee] = due('2026-11-18', 'reminder_mentee');
      expect(render(mentee).text).toContain(`20 ноября 2026 г. у вас пробная встреча ${mentorInstr}.`);
      expect(render(mentee).text).not.toMatch(/\(\s*[А-Я]/);
    });

    it('a parent is reminded only while the mentee is under 14', () => {
      const parents = due('2026-11-18', 'reminder_parent');
      if ((group.mentees[0].age ?? 0) < 14) {
        expect(parents).toHaveLength(1);
        expect(render(parents[0]).text).toContain(
          `Участник: ${group.mentees[0].name}. Наставник: ${group.mentor.name}.`,
        );
      } else expect(parents).toEqual([]);
      const all = dutiesOn('2026-11-18', [group], meetings, { ...rules, parentReminders: 'всем' });
      expect(all.filter((d) => d.kind === 'reminder_parent')).toHaveLength(1);
      const none = dutiesOn('2026-11-18', [group], meetings, { ...rules, parentReminders: 'никому' });
      expect(none.filter((d) => d.kind === 'reminder_parent')).toEqual([]);
    });

    it('an unmarked meeting: the nudge starts with a capital, the curator’s line agrees in number', () => {
      const [nudge] = due('2026-11-23', 'overdue');
      expect(render(nudge).text).toContain(
        `Пробная встреча 20 ноября 2026 г. ${menteePhrase} пока не отмечена проведённой.`,
      );
      const [line] = due('2026-12-07', 'escalation');
      expect(renderMail(DEFAULT_TEMPLATES.escalation, line.values).text).toBe(
        `${group.mentor.name} (${menteePhrase}): не отмечены проведёнными 2 встречи, последняя — регулярная встреча 4 декабря 2026 г.`,
      );
      const third = dutiesOn('2026-12-21', [group], meetings, rules).filter((d) => d.kind === 'escalation');
      expect(third.map((d) => d.values.missed)).toEqual(['2 встречи', '3 встречи']);
    });
  },
);

test('every kind of letter has a default that ends with the curator’s signature, and HTML buttons', () => {
  for (const kind of MAIL_KINDS) {
    const mail = renderMail(
      DEFAULT_TEMPLATES[kind],
      { name: 'Анна', ...links, summary: 'Всё в порядке.' },
      undefined,
      sender.signature,
    );
    expect(mail.subject.charAt(0)).toBe(mail.subject.charAt(0).toUpperCase());
    expect(mail.text).toContain(
      'Кузнецова Ольга Игоревна, куратор программы наставничества\nМОУ «Средняя общеобразовательная школа № 7»\nТел. +7 900 555-12-34',
    );
    expect(mail.text).not.toContain('Куратор программы наставничества\n\nС уважением');
    expect(mail.html).not.toMatch(/>https?:\/\//);
  }
  expect(sender).toMatchObject({ name: 'СОШ № 7: наставничество', replyTo: 'kurator@school7.ru' });
});

const participant = (last: string, first: string, middle: string): Participant =>
  ({
    id: 'S1',
    role: 'mentee',
    lastName: last,
    firstName: first,
    middleName: middle,
    email: 's1@school.test',
    parentEmail: 'parent@home.test',
    parentName: 'Петрова Ольга Игоревна',
    consent: 'received',
    category: 'student',
    age: 12,
  }) as unknown as Participant;

test.each([
  ['Петров', 'Павел', 'Павлович', 'Петров Павел Павлович заполнил анкету'],
  ['Шевчук', 'Анна', 'Сергеевна', 'Шевчук Анна Сергеевна заполнила анкету'],
])('the parent’s confirmation agrees with the child’s gender: %s', (last, first, middle, sentence) => {
  const [, toParent] = confirmationMail(participant(last, first, middle), 'https://forms.test/consent');
  expect(toParent.body).toContain(sentence);
  expect(toParent.body).not.toContain('(а)');
});

test('a rejected questionnaire: the reason and the form to send again', () => {
  const mail = rejectionMail(
    'a@b.ru',
    'Анкета наставляемого',
    'r1',
    ['Класс «7Я» не найден: в школе есть буквы А, Б, В.'],
    'https://forms.test/mentee',
  );
  expect(mail.subject).toBe('Анкета наставляемого: анкета не принята');
  expect(mail.body).toContain('Причина:\n\n• Класс «7Я» не найден');
  expect(mail.body).toContain('Заполните анкету ещё раз, исправив это:\nhttps://forms.test/mentee');
});

test.each([
  [
    'the rejection',
    () => rejectionMail('a@b.ru', 'Анкета наставляемого', 'r1', ['Нет класса.'], 'https://forms.test/mentee'),
  ],
  [
    'the confirmation to a pupil',
    () =>
      confirmationMail(
        { ...participant('Петров', 'Павел', 'Павлович'), consent: 'missing' },
        'https://forms.test/consent',
      )[0],
  ],
  [
    'the confirmation to a parent',
    () =>
      confirmationMail(
        { ...participant('Шевчук', 'Анна', 'Сергеевна'), consent: 'missing' },
        'https://forms.test/consent',
      )[1],
  ],
  [
    'the confirmation of a change',
    () => ({
      ...confirmationLetter(
        participant('Шевчук', 'Анна', 'Сергеевна'),
        'email',
        'https://script.test/exec?a=confirm&t=abc',
        '1 декабря 2026 г.',
      ),
      to: '',
    }),
  ],
])('%s shows its link as a button, and keeps it in the plain text', (_, letter) => {
  const mail = letter();
  const html = plainLetterHtml(mail.body, mail.buttons);
  const [url] = Object.keys(mail.buttons ?? {});
  expect(url).toMatch(/^https:\/\//);
  expect(mail.body).toContain(url);
  expect(html).toContain(`<a href="${url.replace(/&/g, '&amp;')}"`);
  expect(html).toMatch(/>(Заполнить анкету ещё раз|Дать согласие на обработку данных|Подтвердить)<\/a>/);
  expect(html).not.toMatch(/>https?:\/\//);
});

test('a letter’s text is escaped in its HTML', () => {
  expect(plainLetterHtml('Класс «<b>7Я</b>» & https://x.test/a?b=1&c=2\nдалее')).toBe(
    '<div style="font-family:Arial,sans-serif;font-size:14px">Класс «&lt;b&gt;7Я&lt;/b&gt;» &amp; ' +
      buttonHtml('https://x.test/a?b=1&c=2', 'Открыть') +
      '<br>\nдалее</div>',
  );
});

test.each([
  [
    'Петров',
    'Павел',
    'Павлович',
    'участника Петрова Павла Павловича',
    'за участника Петрова Павла Павловича',
  ],
  ['Шевчук', 'Анна', 'Сергеевна', 'участника Шевчук Анны Сергеевны', 'за участника Шевчук Анну Сергеевну'],
])(
  'a change to confirm names %s %s in the case its noun asks for',
  (last, first, middle, genitive, accusative) => {
    const p = participant(last, first, middle);
    const link = 'https://script.test/exec?a=confirm&t=abc';
    expect(confirmationLetter(p, 'withdrawal', link, '1 декабря 2026 г.').body).toContain(
      `отзыв согласия на обработку персональных данных ${genitive}.`,
    );
    expect(confirmationLetter(p, 'email', link, '1 декабря 2026 г.').body).toContain(
      `пришла анкета ${genitive} с новым адресом почты`,
    );
    expect(confirmationLetter(p, 'signer', link, '1 декабря 2026 г.').body).toContain(
      `пришло согласие ${accusative}.`,
    );
    expect(confirmationLetter(undefined, 'parent', link, '1 декабря 2026 г.').body).toContain(
      'пришла анкета участника с этим адресом почты, в которой',
    );
  },
);

// Letters that name their reader only in the greeting: the same words for a man and a woman, with no
// «(а)» left for the reader to choose from.
test.each(['Павел', 'Анна'])('every kind of letter greets %s without a gendered slip', (name) => {
  for (const kind of MAIL_KINDS) {
    const text = renderMail(DEFAULT_TEMPLATES[kind], { name, ...links, summary: 'Всё в порядке.' }).text;
    if (DEFAULT_TEMPLATES[kind].body.includes('Здравствуйте, {{имя}}!'))
      expect(text).toContain(`Здравствуйте, ${name}!`);
    expect(text).not.toMatch(/\((а|ая|ой|ым)\)|ый\/ая|\/а\b/);
  }
});
