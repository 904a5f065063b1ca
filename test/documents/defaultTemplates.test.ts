import { DEFAULT_TEMPLATES, defaultTemplate } from '../../src/core/documents/defaultTemplates';
import { type DocumentWorld, type OrderReservation, pendingJobs } from '../../src/core/documents/plan';
import { DOCUMENT_SETTINGS } from '../../src/core/documents/settings';
import { DEFAULT_FORMS, type Pair, type Participant, ParticipantSchema } from '../../src/core/model';
import { readSettings } from '../../src/core/settings';
import { fillTemplate, MemoryDocument } from '../../src/core/templates';
import { SCHOOL_SETTINGS } from '../schoolSettings';

const person = (
  over: Partial<Participant> & Pick<Participant, 'id' | 'role' | 'lastName' | 'firstName'>,
): Participant =>
  ParticipantSchema.parse({
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
    'Соглашение — Иванова А. П. и Петров П. П.',
    'Индивидуальный план — Иванова А. П. и Петров П. П.',
    'Согласие родителя на обработку ПД — Петров П. П.',
    'Согласие на распространение ПД — Петров П. П.',
  ]);
  expect(pendingJobs(world, [order], new Set(['order:x', 'consent:S1'])).map((j) => j.key)).toEqual([
    'agreement:P1:45-о',
    'plan:P1:45-о',
    'dissemination:S1',
  ]);
});

test('the order: layout, instrumental and accusative cases, appendix table', () => {
  const { text } = filled('order:x');
  expect(text).toContain('ПРИКАЗ');
  expect(text).toContain('«25» ноября 2026 г. | № 45-о');
  expect(text).toContain(
    '2.1. за наставником Ивановой Анной Петровной (учитель математики) — Петрова Павла Павловича (7Б класс), форма наставничества «учитель – ученик», срок — до 31.05.2027;',
  );
  expect(text).toContain('в срок до «09» декабря 2026 г.');
  expect(text).toContain('Куратору целевой модели наставничества Кузнецовой Ольге Игоревне');
  expect(text).toContain('Директор _______________ Е. В. Сергеева');
  expect(text).toContain('Иванова А. П. |  | ');
  expect(text).not.toContain('Петров П. П. |  | ');
  expect(text).toContain(
    '1 | Иванова Анна Петровна | учитель математики | Петров Павел Павлович | 7Б класс | учитель – ученик | до 31.05.2027',
  );
  expect(text).not.toMatch(/\{\{|\}\}/);
});

test('the agreement of a minor mentee is signed by the parent', () => {
  const { text } = filled('agreement:P1:45-о');
  expect(text).toContain('Иванова Анна Петровна (учитель математики), далее — Наставник,');
  expect(text).toContain(
    'Петрова Ольга Игоревна, родитель (законный представитель) несовершеннолетнего участника Петрова Павла Павловича (7Б класс), далее — Наставляемый,',
  );
  expect(text).toContain('Петрова Ольга Игоревна (родитель (законный представитель) Петрова П. П.)');
  expect(text).not.toMatch(/\{\{|\}\}/);
});

test('consents: addressed to the director in the dative; the parent form for a child under 14', () => {
  const { text, job } = filled('consent:S1');
  expect(text).toContain('Директору МОУ «Средняя общеобразовательная школа № 1»');
  expect(text).toContain('Сергеевой Е. В.');
  expect(text).toContain(
    'Я, Петрова Ольга Игоревна, являюсь родителем (законным представителем) Петрова Павла Павловича (7Б класс)',
  );
  expect(job.viewers).toEqual(['parent@mail.local']);
  const dissemination = filled('dissemination:S1').text;
  expect(dissemination).toContain(
    'Я, Петрова Ольга Игоревна, родитель (законный представитель) Петрова Павла Павловича',
  );
  expect(dissemination).toContain('добровольно');
});

test('the individual plan lists activities with dates and the formats of the form', () => {
  const { text } = filled('plan:P1:45-о');
  expect(text).toContain('1 | Встреча-знакомство | до 02.12.2026 | ');
  expect(text).toContain('Итоговая встреча | до 31.05.2027');
  expect(text).toContain('подготовка к олимпиаде или конкурсу');
  expect(text).toContain('Запрос наставляемого: подготовка к олимпиаде');
});

test('every default template fills without problems from its documented fields', () => {
  const data = { ...pendingJobs(world, [order], new Set())[0].data };
  for (const t of DEFAULT_TEMPLATES.filter((x) => x.key === 'order-model' || x.key === 'order-curator')) {
    const doc = new MemoryDocument(t.spec);
    fillTemplate(doc, data, t.title);
    expect(doc.text()).toContain('Сергеева');
  }
});
