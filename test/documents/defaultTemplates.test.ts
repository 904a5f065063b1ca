import { DEFAULT_TEMPLATES, defaultTemplate } from '../../src/core/documents/defaultTemplates';
import {
  type DocumentWorld,
  type OrderReservation,
  PLANS_ORDER_TITLE,
  pendingJobs,
  planApprovalsDue,
} from '../../src/core/documents/plan';
import { DOCUMENT_SETTINGS } from '../../src/core/documents/settings';
import { DEFAULT_FORMS, type Pair, type Participant, participantSchema } from '../../src/core/model';
import { readSettings } from '../../src/core/settings';
import { fillTemplate, MemoryDocument } from '../../src/core/templates';
import { SCHOOL_SETTINGS } from '../schoolSettings';

const person = (
  over: Partial<Participant> & Pick<Participant, 'id' | 'role' | 'lastName' | 'firstName'>,
): Participant =>
  participantSchema().parse({
    email: `${over.id}@school.local`,
    category: 'teacher',
    forms: ['teacher-student'],
    ...over,
  });

const mentor = person({
  id: 'T1',
  role: 'mentor',
  lastName: 'Иванова',
  firstName: 'Анна',
  middleName: 'Петровна',
  position: 'учитель математики',
  consent: 'received',
});
const mentee = person({
  id: 'S1',
  role: 'mentee',
  lastName: 'Петров',
  firstName: 'Павел',
  middleName: 'Павлович',
  category: 'student',
  schoolClass: { grade: 7, letter: 'Б' },
  age: 13,
  parentName: 'Петрова Ольга Игоревна',
  parentEmail: 'parent@mail.local',
  consent: 'missing',
  topics: ['подготовка к олимпиаде'],
});
const pair: Pair = {
  id: 'P1',
  mentorId: 'T1',
  menteeId: 'S1',
  formId: 'teacher-student',
  state: 'approved',
  score: 10,
  explanation: '',
  problem: '',
};
const world: DocumentWorld = {
  pairs: [pair],
  people: new Map([mentor, mentee].map((p) => [p.id, p])),
  forms: DEFAULT_FORMS,
  settings: readSettings(DOCUMENT_SETTINGS, new Map(Object.entries(SCHOOL_SETTINGS))).values,
  programmeEnd: { year: 2027, month: 5, day: 31 },
  year: '2026-2027',
};
const order: OrderReservation = {
  key: 'order:x',
  seq: 45,
  number: '45-о',
  date: { year: 2026, month: 11, day: 25 },
  title: 'Об утверждении наставнических пар (групп)',
  pairIds: ['P1'],
};

const filled = (key: string) => {
  const job = pendingJobs(world, [order], new Set()).find((j) => j.key === key);
  if (!job) throw new Error(`нет задания ${key}`);
  const doc = new MemoryDocument(defaultTemplate(job.templateKey).spec);
  fillTemplate(doc, job.data, job.title);
  return { job, text: doc.text() };
};

test('approved pair → order, agreement, plan and the minor mentee’s two consents, nothing for a received consent', () => {
  const jobs = pendingJobs(world, [order], new Set());
  expect(jobs.map((j) => j.key)).toEqual([
    'order:x',
    'agreement:P1:45-о',
    'plan:P1:45-о',
    'consent:S1',
    'dissemination:S1',
  ]);
  expect(jobs.map((j) => j.title)).toEqual([
    'Приказ № 45-о от 25.11.2026 Об утверждении наставнических пар (групп)',
    'Соглашение — А. П. Иванова и П. П. Петров',
    'Индивидуальный план — А. П. Иванова и П. П. Петров',
    'Согласие родителя на обработку ПД — П. П. Петров',
    'Согласие на распространение ПД — П. П. Петров',
  ]);
  expect(pendingJobs(world, [order], new Set(['order:x', 'consent:S1'])).map((j) => j.key)).toEqual([
    'agreement:P1:45-о',
    'plan:P1:45-о',
    'dissemination:S1',
  ]);
});

test('the order: layout, legal grounds, pairs only in the appendix, who signs «ознакомлены»', () => {
  const { text } = filled('order:x');
  expect(text).toContain('ПРИКАЗ');
  expect(text).toContain('25 ноября 2026 г. | № 45-о');
  expect(text).toContain('№ 273-ФЗ «Об образовании в Российской Федерации»');
  expect(text).toContain('от 25.12.2019 № Р-145');
  expect(text).toContain('Положением о наставничестве МОУ «Средняя общеобразовательная школа № 1»');
  expect(text).toContain('согласно приложению к настоящему приказу');
  // The pairs are listed once, in the appendix.
  expect(text.match(/Петров Павел Павлович/g)).toHaveLength(1);
  expect(text).not.toContain('за наставником');
  // Not before the planning meeting the planner gives the pair (16 December), though 14 days end on the 9th.
  expect(text).toContain('в срок до 16 декабря 2026 г. разработать');
  expect(text).toContain('Куратору целевой модели наставничества Кузнецовой Ольге Игоревне');
  expect(text).toContain('Директор _______________ Е. В. Сергеева');
  expect(text).toContain('Кузнецова О. И. | куратор |  | ');
  expect(text).toContain('Иванова А. П. | наставник |  | ');
  // A minor does not sign; the parent does.
  expect(text).not.toContain('Петров П. П. | ');
  expect(text).toContain('Петрова О. И. | родитель наставляемого Петрова П. П. |  | ');
  expect(text).toContain(
    '1 | Иванова Анна Петровна | учитель математики | Петров Павел Павлович | 7Б класс | учитель – ученик | до 31.05.2027',
  );
  expect(text).not.toMatch(/\{\{|\}\}/);
  expect(text).not.toMatch(/\(\S[^()]*\([^()]*\)/);
});

test('the school’s regulation is cited with its details when Настройки give them', () => {
  const cited: DocumentWorld = {
    ...world,
    settings: { ...world.settings, regulation: 'утверждённым приказом от 30.08.2026 № 112-о' },
  };
  const job = pendingJobs(cited, [order], new Set())[0];
  const doc = new MemoryDocument(defaultTemplate('order-pairs').spec);
  fillTemplate(doc, job.data, 'приказ');
  expect(doc.text()).toContain(
    'Положением о наставничестве МОУ «Средняя общеобразовательная школа № 1», утверждённым приказом от 30.08.2026 № 112-о, на основании',
  );
});

test('the agreement of a minor mentee is signed by the parent', () => {
  const { text } = filled('agreement:P1:45-о');
  expect(text).toContain('Иванова Анна Петровна, учитель математики, далее — Наставник,');
  expect(text).toContain(
    'Петрова Ольга Игоревна, родитель (законный представитель) несовершеннолетнего участника Петрова Павла Павловича, 7Б класс, далее — Наставляемый,',
  );
  expect(text).toContain('Петрова О. И., родитель участника Петрова П. П.');
  expect(text).toContain('в МОУ «Средняя общеобразовательная школа № 1» (далее — Организация)');
  expect(text).not.toMatch(/\{\{|\}\}/);
  expect(text).not.toContain('г..');
});

test('consents: addressed to the director; every element of ст. 9 ч. 4 and the transfer to Google', () => {
  const { text, job } = filled('consent:S1');
  expect(text).toContain('Директору МОУ «Средняя общеобразовательная школа № 1»');
  expect(text).toContain('Сергеевой Е. В.');
  expect(text).toContain('от Петровой Ольги Игоревны');
  expect(text).toContain('Я, Петрова Ольга Игоревна,');
  expect(text).toContain('являясь законным представителем Петрова Павла Павловича, 7Б класс');
  expect(text).toContain('адрес регистрации родителя (законного представителя): ____');
  expect(text).toContain('основной документ, удостоверяющий личность ребёнка: ____________ серия ______ №');
  expect(text).toContain('документ, подтверждающий полномочия законного представителя');
  expect(text).toContain('Оператор: МОУ «Средняя общеобразовательная школа № 1», адрес: ____');
  expect(text).toContain('Google LLC');
  expect(text).toContain('за пределами Российской Федерации');
  expect(text).toContain('ст. 12');
  expect(text).toContain('может быть отозвано письменным заявлением');
  expect(text).toContain(
    'Согласие принял: ответственный за обработку персональных данных _______________ О. И. Кузнецова',
  );
  expect(job.viewers).toEqual(['parent@mail.local']);
  const dissemination = filled('dissemination:S1').text;
  expect(dissemination).toContain(
    'Я, Петрова Ольга Игоревна, родитель (законный представитель) Петрова Павла Павловича, 7Б класс',
  );
  expect(dissemination).toContain(
    'контактные данные (телефон, адрес электронной почты или почтовый адрес): parent@mail.local',
  );
  expect(dissemination).toContain('ст. 10.1');
  expect(dissemination).toContain('ИНН ____');
  expect(dissemination).toContain('Информационные ресурсы Организации');
  expect(dissemination).toContain('Фото- и видеоизображения с мероприятий программы |  | ');
  expect(dissemination).toContain('добровольно');
});

test('the individual plan: the meetings on the planner’s dates, tasks from the request', () => {
  const { text } = filled('plan:P1:45-о');
  expect(text).toContain('1 | Встреча-знакомство | 02.12.2026 | ');
  expect(text).toContain('3 | Встреча-планирование | 16.12.2026 | ');
  // The regular meetings of a month share a row, with their dates and tasks; after the winter break
  // they keep their two-week interval.
  expect(text).toContain(
    '4 | Регулярные встречи: подготовка к олимпиаде; подготовка к олимпиаде или конкурсу | 11.01.2027, 25.01.2027 | Продвижение по задачам месяца | ',
  );
  expect(text).toContain('6 | Регулярная встреча: подготовка к олимпиаде | 09.03.2027 | ');
  expect(text).toContain('Итоговая встреча | 31.05.2027');
  expect(text).toContain('подготовка к олимпиаде или конкурсу');
  expect(text).toContain('1. Петров Павел Павлович, 7Б класс. Запрос: подготовка к олимпиаде.');
  expect(text).not.toMatch(/\{\{|\}\}/);
});

test('the plan follows «Встречи» as the curator moved them, and one plan serves a whole group', () => {
  const second = person({
    id: 'S2',
    role: 'mentee',
    lastName: 'Цой',
    firstName: 'Алина',
    category: 'student',
    gender: 'f',
    schoolClass: { grade: 8, letter: 'А' },
    age: 15,
    consent: 'received',
    topics: ['проектная работа'],
  });
  const planId = 'T1/teacher-student/2026-27';
  const moved: DocumentWorld = {
    ...world,
    pairs: [pair, { ...pair, id: 'P2', menteeId: 'S2' }],
    people: new Map([mentor, mentee, second].map((p) => [p.id, p])),
    meetings: {
      rules: {
        holidays: [],
        programmeEnd: '2027-05-31',
        firstMeetingAfterDays: 7,
        startStepDays: 7,
        intervalDays: 14,
      },
      byPlan: new Map([
        [
          planId,
          [
            { kind: 'intro', date: '2026-12-01' },
            { kind: 'planning', date: '2026-12-22' },
            { kind: 'final', date: '2027-05-28' },
          ],
        ],
      ]),
    },
  };
  const both = { ...order, pairIds: ['P1', 'P2'] };
  const jobs = pendingJobs(moved, [both], new Set());
  const plans = jobs.filter((j) => j.type === 'plan');
  expect(plans.map((j) => j.title)).toEqual(['Индивидуальный план группы — А. П. Иванова и 2 наставляемых']);
  const doc = new MemoryDocument(defaultTemplate('plan').spec);
  fillTemplate(doc, plans[0].data, 'план');
  const text = doc.text();
  expect(text).toContain('2 | Встреча-планирование | 22.12.2026 | ');
  expect(text).toContain('2. Цой Алина, 8А класс. Запрос: проектная работа.');
  expect(text).toContain('Наставляемый _______________ А. Цой');
  const orderDoc = new MemoryDocument(defaultTemplate('order-pairs').spec);
  fillTemplate(orderDoc, jobs[0].data, 'приказ');
  expect(orderDoc.text()).toContain('в срок до 22 декабря 2026 г. разработать');
});

test('an order approves the plans once they are due and made, and brings no second agreement', () => {
  const ready = new Set(['plan:P1:45-о']);
  expect(planApprovalsDue(world, [order], ready, { year: 2026, month: 12, day: 15 })).toEqual([]);
  expect(planApprovalsDue(world, [order], new Set(), { year: 2026, month: 12, day: 16 })).toEqual([]);
  const due = planApprovalsDue(world, [order], ready, { year: 2026, month: 12, day: 16 });
  expect(due).toEqual([{ key: 'order-plans:order:x', pairIds: ['P1'] }]);
  const approval: OrderReservation = {
    ...due[0],
    seq: 46,
    number: '46-о',
    date: { year: 2026, month: 12, day: 16 },
    title: PLANS_ORDER_TITLE,
  };
  expect(planApprovalsDue(world, [order, approval], ready, { year: 2026, month: 12, day: 20 })).toEqual([]);
  const jobs = pendingJobs(
    world,
    [order, approval],
    new Set(['order:x', 'agreement:P1:45-о', 'plan:P1:45-о']),
  );
  expect(jobs.filter((j) => j.type !== 'consent' && j.type !== 'dissemination').map((j) => j.key)).toEqual([
    'order-plans:order:x',
  ]);
  const doc = new MemoryDocument(defaultTemplate('order-plans').spec);
  fillTemplate(doc, jobs[0].data, 'приказ');
  const text = doc.text();
  expect(text).toContain('во исполнение приказа от 25 ноября 2026 г. № 45-о');
  expect(text).toContain('1. Утвердить индивидуальные планы наставнических пар (групп)');
  expect(text).toContain('1 | Иванова Анна Петровна | Петров П. П. | учитель – ученик');
  expect(text).not.toMatch(/\{\{|\}\}/);
});

test('every default template fills without problems from its documented fields', () => {
  const data = { ...pendingJobs(world, [order], new Set())[0].data };
  for (const t of DEFAULT_TEMPLATES.filter((x) => x.key === 'order-model' || x.key === 'order-curator')) {
    const doc = new MemoryDocument(t.spec);
    fillTemplate(doc, data, t.title);
    expect(doc.text()).toContain('Сергеева');
  }
});
