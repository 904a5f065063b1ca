import { digestText, upcomingDeadlines } from '../../src/core/mail/digest';
import {
  DOCUMENT_LETTER_KIND,
  documentLetter,
  messageContent,
  messagesOf,
} from '../../src/core/mail/documentLetters';
import {
  deliveryOrder,
  lettersOfEndedPairs,
  MAIL_STATES,
  mailKey,
  remindersAfterTheirMeeting,
  settleBatch,
  settleInterrupted,
} from '../../src/core/mail/outbox';
import { renderJoined, renderMail } from '../../src/core/mail/render';
import { DEFAULT_TEMPLATES, resolveTemplates } from '../../src/core/mail/templates';

describe('letters from templates', () => {
  it('escapes values and the template in HTML, keeps the plain text as typed, links clickable', () => {
    const mail = renderMail(
      { subject: 'Встреча {{дата}}', body: 'Здравствуйте, {{имя}} & co!\n{{ссылка_отметить}}' },
      { name: '<b>Анна</b> "О\'Нил"', date: '9 ноября', markLink: 'https://x.test/exec?a=held&t=1' },
    );
    expect(mail.subject).toBe('Встреча 9 ноября');
    expect(mail.text).toContain('Здравствуйте, <b>Анна</b> "О\'Нил" & co!');
    expect(mail.html).toContain('&lt;b&gt;Анна&lt;/b&gt; &quot;О&#39;Нил&quot; &amp; co!<br>');
    expect(mail.html).toMatch(
      /<a href="https:\/\/x\.test\/exec\?a=held&amp;t=1" style="[^"]+">Отметить встречу проведённой<\/a>/,
    );
    expect(mail.html).not.toContain('<b>');
  });

  it('adds the opt-out link outside the template', () => {
    const mail = renderMail({ subject: 's', body: 'b' }, {}, 'https://x.test/exec?a=optout&t=abc');
    expect(mail.text).toMatch(/больше не получать такие письма/);
    expect(mail.text).toContain('https://x.test/exec?a=optout&t=abc');
    expect(mail.html).toContain('optout&amp;t=abc');
  });

  it('falls back to the default template when the curator used an unknown placeholder', () => {
    const { templates, problems } = resolveTemplates({
      'feedback.subject': 'Анкета для {{фамилия}}',
      'feedback.body': 'Ссылка: {{ссылка_анкета}}',
      'satisfaction.body': 'Оцените: {{ссылка_анкета}}',
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/\{\{фамилия\}\}/);
    expect(templates.feedback).toEqual(DEFAULT_TEMPLATES.feedback);
    expect(templates.satisfaction.body).toBe('Оцените: {{ссылка_анкета}}');
  });
});

describe('send log rules', () => {
  it('keys a letter by recipient, kind and period, whatever the case of the address', () => {
    expect(mailKey('Anna@School.test ', 'reminder_mentor', 'P#3')).toBe(
      mailKey('anna@school.test', 'reminder_mentor', 'P#3'),
    );
    expect(mailKey('a@s.test', 'reminder_mentor', 'P#3')).not.toBe(
      mailKey('a@s.test', 'reminder_mentor', 'P#4'),
    );
  });

  it('sends urgent letters first, then the oldest', () => {
    const row = (n: number, createdAt: number, urgent = false, state: string = MAIL_STATES.queued) => ({
      rowNumber: n,
      key: `k${n}`,
      to: 'a@s.test',
      kind: 'x',
      state,
      createdAt,
      urgent,
      participantId: '',
    });
    const order = deliveryOrder([
      row(2, 200),
      row(3, 100),
      row(4, 300, true),
      row(5, 50, false, MAIL_STATES.sent),
      row(6, 100),
    ]);
    expect(order.map((r) => r.rowNumber)).toEqual([4, 3, 6, 2]);
  });

  it('settles an interrupted send from the quota, and refuses to guess across days', () => {
    expect(settleInterrupted({ quotaBefore: 40, quotaNow: 40, recipients: 1, sameDay: true })).toBe(
      'not_sent',
    );
    expect(settleInterrupted({ quotaBefore: 40, quotaNow: 39, recipients: 1, sameDay: true })).toBe('sent');
    expect(settleInterrupted({ quotaBefore: 40, quotaNow: 37, recipients: 1, sameDay: true })).toBe(
      'unknown',
    );
    expect(settleInterrupted({ quotaBefore: 40, quotaNow: 40, recipients: 1, sameDay: false })).toBe(
      'unknown',
    );
  });
});

describe('settling a batch a dead run left «отправляется»', () => {
  // Three letters marked together at quota 40: the second has two recipients.
  const batch = [
    { quotaBefore: 40, recipients: 1, sameDay: true },
    { quotaBefore: 39, recipients: 2, sameDay: true },
    { quotaBefore: 37, recipients: 1, sameDay: true },
  ];
  it('tells from the quota how many letters of the batch went, in the order they were sent', () => {
    expect(settleBatch(batch, 40)).toEqual(['not_sent', 'not_sent', 'not_sent']);
    expect(settleBatch(batch, 39)).toEqual(['sent', 'not_sent', 'not_sent']);
    expect(settleBatch(batch, 37)).toEqual(['sent', 'sent', 'not_sent']);
    expect(settleBatch(batch, 36)).toEqual(['sent', 'sent', 'sent']);
    expect(settleBatch([...batch].reverse(), 37)).toEqual(['not_sent', 'sent', 'sent']);
  });
  it('resends nothing when the quota fits no prefix, the day changed or the marks do not chain', () => {
    expect(settleBatch(batch, 38)).toEqual(['unknown', 'unknown', 'unknown']);
    expect(settleBatch(batch, 35)).toEqual(['unknown', 'unknown', 'unknown']);
    expect(settleBatch([...batch.slice(0, 2), { ...batch[2], sameDay: false }], 40)).toEqual([
      'unknown',
      'unknown',
      'unknown',
    ]);
    expect(settleBatch([batch[0], batch[2]], 40)).toEqual(['unknown', 'unknown']);
  });
  it('settles letters that went as one message together, by the one mark they share', () => {
    // Two documents' letters to one parent sent as one message between two other letters.
    const joined = [
      { quotaBefore: 40, recipients: 1, sameDay: true },
      { quotaBefore: 39, recipients: 1, sameDay: true },
      { quotaBefore: 39, recipients: 1, sameDay: true },
      { quotaBefore: 38, recipients: 1, sameDay: true },
    ];
    expect(settleBatch(joined, 39)).toEqual(['sent', 'not_sent', 'not_sent', 'not_sent']);
    expect(settleBatch(joined, 38)).toEqual(['sent', 'sent', 'sent', 'not_sent']);
    expect(settleBatch(joined, 37)).toEqual(['sent', 'sent', 'sent', 'sent']);
    expect(settleBatch([joined[1], { ...joined[2], recipients: 2 }], 39)).toEqual(['unknown', 'unknown']);
  });
});

describe('two letters to one person as one', () => {
  const signature = ['Куратор программы'];
  it('keeps one greeting and one signature, the second letter’s opt-out link at the end', () => {
    const joined = renderJoined(
      {
        template: { subject: 'Пара утверждена', body: 'Здравствуйте, {{имя}}!\n\nПара утверждена.' },
        fields: { name: 'Анна' },
      },
      {
        template: { subject: 'Диагностика', body: 'Здравствуйте, {{имя}}!\n\nОтветьте на вопросы.' },
        fields: { name: 'Анна' },
      },
      'https://x.test/exec?a=optout&t=abc',
      signature,
    );
    expect(joined.subject).toBe('Пара утверждена');
    expect(joined.text).toBe(
      'Здравствуйте, Анна!\n\nПара утверждена.\n\nОтветьте на вопросы.\n\nКуратор программы\n\n—\n' +
        'Чтобы больше не получать такие письма, перейдите по ссылке:\nhttps://x.test/exec?a=optout&t=abc',
    );
    expect(joined.html.match(/Здравствуйте/g)).toHaveLength(1);
  });

  it('keeps the second greeting when the two differ', () => {
    const joined = renderJoined(
      { template: { subject: 'А', body: 'Добрый день!\n\nПервое.' }, fields: {} },
      { template: { subject: 'Б', body: 'Здравствуйте!\n\nВторое.' }, fields: {} },
    );
    expect(joined.text).toBe('Добрый день!\n\nПервое.\n\nЗдравствуйте!\n\nВторое.');
  });
});

describe('letters carrying documents', () => {
  it('go to one address as one message, where the first of them stands', () => {
    const letter = (to: string, kind: string) => ({ to, kind });
    const queue = [
      letter('a@mail.test', DOCUMENT_LETTER_KIND),
      letter('b@mail.test', 'приглашение'),
      letter('c@mail.test', DOCUMENT_LETTER_KIND),
      letter('A@mail.test ', DOCUMENT_LETTER_KIND),
      letter('b@mail.test', 'приглашение'),
    ];
    expect(messagesOf(queue)).toEqual([[queue[0], queue[3]], [queue[1]], [queue[2]], [queue[4]]]);
    const two = documentLetter('a@mail.test', 2);
    expect(two.subject).toBe('Программа наставничества: документы в PDF');
    expect(two.text).toMatch(/документы программы наставничества в формате PDF \(2\)/);
    expect(documentLetter('a@mail.test', 1).subject).toBe('Программа наставничества: документ в PDF');
  });

  it('sharing a document, follow one another: a run makes the PDF once for them all', () => {
    const letter = (to: string, kind: string, attachment?: string) => ({ to, kind, attachment });
    const queue = [
      letter('pupil@mail.test', 'пара утверждена'),
      letter('other@mail.test', 'пара утверждена'),
      letter('curator@school.test', 'сводка куратору'),
      letter('pupil@mail.test', DOCUMENT_LETTER_KIND, 'agreement'),
      letter('parent@mail.test', DOCUMENT_LETTER_KIND, 'agreement'),
      letter('other@mail.test', DOCUMENT_LETTER_KIND, 'other-plan'),
      letter('parent@mail.test', DOCUMENT_LETTER_KIND, 'plan'),
      letter('grandma@mail.test', DOCUMENT_LETTER_KIND, 'plan'),
    ];
    expect(messagesOf(queue)).toEqual([
      [queue[0], queue[3]],
      [queue[4], queue[6]],
      [queue[7]],
      [queue[1], queue[5]],
      [queue[2]],
    ]);
  });

  it('go inside «пара утверждена» to the same address, the note about them before the signature', () => {
    const letter = (to: string, kind: string) => ({ to, kind });
    const queue = [
      letter('a@mail.test', 'пара утверждена'),
      letter('b@mail.test', 'пара утверждена'),
      letter('c@mail.test', DOCUMENT_LETTER_KIND),
      letter('a@mail.test', DOCUMENT_LETTER_KIND),
      letter('a@mail.test', DOCUMENT_LETTER_KIND),
    ];
    expect(messagesOf(queue)).toEqual([[queue[0], queue[3], queue[4]], [queue[1]], [queue[2]]]);

    const signature = ['Куратор программы наставничества', 'Иванова Мария'];
    const pair = renderMail(
      {
        subject: 'Наставническая пара утверждена',
        body: 'Здравствуйте, {{имя}}!\n\nКуратор утвердил вашу пару.',
      },
      { name: 'Анна' },
      undefined,
      signature,
    );
    const doc = {
      to: 'a@mail.test',
      kind: DOCUMENT_LETTER_KIND,
      ...documentLetter('a@mail.test', 1),
      html: '',
    };
    const content = messageContent(
      [{ to: 'a@mail.test', kind: 'пара утверждена', ...pair }, doc, doc],
      signature,
    );
    expect(content.subject).toBe('Наставническая пара утверждена');
    expect(content.text).toBe(
      [
        'Здравствуйте, Анна!',
        'Куратор утвердил вашу пару.',
        'Во вложении — документы программы наставничества в формате PDF (2). Открыть их в Google Документах для адреса a@mail.test нельзя: у этого адреса нет аккаунта Google.',
        'Если документы нужно подписать, распечатайте их, подпишите и передайте куратору программы наставничества.',
        signature.join('\n'),
      ].join('\n\n'),
    );
    expect(content.html).toMatch(
      /вашу пару\.<br>\n<br>\nВо вложении — документы .*<br>\n<br>\n<span style="color:#555555">Куратор/s,
    );
    // Documents alone: one letter counting them; a letter alone: as written.
    expect(messageContent([doc, doc], signature)).toEqual(documentLetter('a@mail.test', 2));
    expect(messageContent([{ to: 'a@mail.test', kind: 'пара утверждена', ...pair }], signature)).toEqual(
      pair,
    );
  });
});

describe('letters of ended pairs', () => {
  it('cancels queued meeting letters of a plan or participant no longer active, nothing else', () => {
    const row = (n: number, key: string, participantId: string, state: string = MAIL_STATES.queued) => ({
      rowNumber: n,
      key,
      to: 'x',
      kind: 'x',
      state,
      createdAt: n,
      urgent: false,
      participantId,
    });
    const rows = [
      row(2, mailKey('a@s', 'reminder_mentee', 'M1/f/2026-27#3@2027-02-10'), 'A'),
      row(3, mailKey('b@s', 'reminder_mentee', 'M1/f/2026-27#3@2027-02-10'), 'B'),
      row(4, mailKey('p@s', 'reminder_parent', 'M1/f/2026-27#3@2027-02-10'), 'A'),
      row(5, mailKey('a@s', 'feedback', '2027-03'), 'A'),
      row(6, mailKey('c@s', 'escalation', 'M1/f/2026-27#3@2027-02-10'), ''),
      row(7, mailKey('b@s', 'satisfaction', 'M1/f/2026-27'), 'B', MAIL_STATES.sent),
    ];
    const active = new Set(['M1/f/2026-27\u0000B', 'M1/f/2026-27\u0000M1']);
    expect(lettersOfEndedPairs(rows, active).map((r) => r.rowNumber)).toEqual([2, 4]);
  });
});

describe('curator digest', () => {
  it('puts the settings to fix and the work they stopped first', () => {
    const text = digestText({
      today: '2026-12-07',
      overdue: [],
      unmatchedMentees: [],
      missingConsents: [],
      deadlines: [],
      horizonDays: 30,
      waitingForQuota: 0,
      unconfirmed: 0,
      failed: 0,
      optedOut: 0,
      rowProblems: 0,
      settingProblems: [
        '«Почта: адрес куратора»: «куратор школы» не подходит: нужен адрес почты вида kurator@school.ru',
      ],
      stoppedWork: ['Создание документов остановлено до исправления в листе «Настройки».'],
    });
    const lines = text.split('\n');
    expect(lines[0]).toBe('Исправьте в листе «Настройки» (столбец «Проблема») (1):');
    expect(lines[1]).toContain('«куратор школы» не подходит');
    expect(text).toContain('Создание документов остановлено');
    expect(text).not.toContain('Всё в порядке');
  });

  it('lists deadlines within the horizon, overdue meetings and mail waiting for the quota', () => {
    const text = digestText({
      today: '2026-12-07',
      overdue: [{ mentor: 'Петрова И. С.', kind: 'trial', date: '2026-12-01' }],
      unmatchedMentees: ['Сидоров Пётр'],
      missingConsents: [],
      deadlines: [
        { title: 'Мониторинг', month: 12, day: 20 },
        { title: 'Мониторинг', month: 5, day: 20 },
        { title: 'Статистика', month: 12, day: 30 },
      ],
      horizonDays: 30,
      waitingForQuota: 12,
      unconfirmed: 0,
      failed: 0,
      optedOut: 1,
      rowProblems: 0,
      settingProblems: [],
      stoppedWork: [],
    });
    expect(text).toContain('Мониторинг — до 20.12.2026');
    expect(text).toContain('Статистика — до 30.12.2026');
    expect(text).not.toContain('20.05');
    expect(text).toContain('Петрова И. С.: пробная встреча 01.12.2026');
    expect(text).toContain('Сидоров Пётр');
    expect(text).toMatch(/лимита писем: 12/);
  });

  it('finds next year’s deadline across New Year', () => {
    expect(upcomingDeadlines('2027-04-25', [{ title: 'М', month: 5, day: 20 }], 30)).toEqual([
      { title: 'М', date: '2027-05-20' },
    ]);
  });
});

describe('reminders that waited for the quota past their meeting', () => {
  const row = (rowNumber: number, key: string, state: string = MAIL_STATES.queued) => ({
    rowNumber,
    key,
    to: 'a@school.test',
    kind: '',
    state,
    createdAt: 0,
    urgent: false,
    participantId: 'U1',
  });

  it('are dropped from the day after the meeting; the day itself, other letters and sent ones stay', () => {
    const rows = [
      row(2, mailKey('a@school.test', 'reminder_mentee', 'P#3@2026-11-20')),
      row(3, mailKey('a@school.test', 'reminder_parent', 'P#4@2026-11-21')),
      row(4, mailKey('a@school.test', 'overdue', 'P#2@2026-11-10')),
      row(5, mailKey('a@school.test', 'reminder_mentor', 'P#1@2026-11-12'), MAIL_STATES.sent),
      row(6, mailKey('a@school.test', 'reminder_mentor', 'P#1@2026-11-12')),
    ];
    expect(remindersAfterTheirMeeting(rows, '2026-11-21').map((r) => r.rowNumber)).toEqual([2, 6]);
  });
});
