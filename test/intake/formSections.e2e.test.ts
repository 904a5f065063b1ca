// A school whose questionnaires were made as one page for everybody updates the programme: setup
// cuts the live forms into sections by category, the way through them follows the category answer,
// item ids stay, and both the old single-page answers and the new sectioned ones land correctly.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { intakeFormIds } from '../../src/cli/intakeSubmit';
import { LocalWorkspace } from '../../src/local';
import { readForm } from '../../src/local/forms/store';
import { variantBundle } from './variantBundle';
import { menteeAnswers, mentorAnswers, submit, table } from './workspace';

/** The questionnaires as they were: the same questions on one page, the class optional. */
const ONE_PAGE = {
  'forms/index.ts': [
    [
      '  mentee: MENTEE_FORM,\n  mentor: MENTOR_FORM,',
      '  mentee: onePage(MENTEE_FORM),\n  mentor: onePage(MENTOR_FORM),',
    ],
    [
      'export const FORMS',
      `const onePage = (def: FormDefinition): FormDefinition => ({
  ...def,
  items: def.items
    .filter((i) => i.type !== 'page')
    .map(({ branches: _b, ...i }) => (i.key === 'schoolClass' ? { ...i, required: false } : i)),
});
export const FORMS`,
    ],
  ],
} as const;

const teacherMentee = {
  email: 'young.teacher@school.ru',
  lastName: 'Соколова',
  firstName: 'Анна',
  middleName: 'Игоревна',
  category: 'молодой специалист',
  age: '24',
  position: 'учитель истории',
  experienceYears: '1',
  teachingSubjects: ['история'],
  topics: ['методика преподавания'],
  forms: ['учитель – учитель'],
  parentName: '',
  parentEmail: '',
  schoolClass: '',
};

describe('a one-page questionnaire cut into sections by an update', () => {
  let ws: LocalWorkspace;
  let before: Record<string, string>;
  let formId: string;
  const items = () => readForm(ws.ctx, formId)?.items ?? [];

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nastavnik-sections-'));
    const old = await LocalWorkspace.create(dir, {
      clockStart: new Date('2026-09-15T07:00:00Z'),
      code: await variantBundle(ONE_PAGE),
    });
    old.init();
    formId = intakeFormIds(old).mentee.id;
    expect(readForm(old.ctx, formId)?.items.some((i) => i.type === 'PAGE_BREAK')).toBe(false);
    expect(submit(old, 'mentee', menteeAnswers())).toMatchObject({
      result: 'accepted',
      participantId: 'НЯ-0001',
    });
    expect(submit(old, 'mentee', teacherMentee)).toMatchObject({
      result: 'accepted',
      participantId: 'НЯ-0002',
    });
    before = intakeFormIds(old).mentee.items;
    ws = await LocalWorkspace.open(dir);
    ws.run('setupProgramme');
  }, 120_000);

  it('gets a page per section, in order, and keeps the id of every question it had', () => {
    expect(
      items()
        .filter((i) => i.type === 'PAGE_BREAK')
        .map((i) => i.title),
    ).toEqual(['Ученик', 'Учёба', 'Родитель (законный представитель)', 'Работа в школе', 'Ваш запрос']);
    expect(intakeFormIds(ws).mentee.items).toMatchObject(before);
    const titles = items().map((i) => i.title);
    expect(titles.indexOf('Класс')).toBe(titles.indexOf('Ученик') + 1);
    expect(titles.indexOf('Должность')).toBe(titles.indexOf('Работа в школе') + 1);
  });

  it('leads each category to its section and the parent’s page on to the request', () => {
    const ids = intakeFormIds(ws).mentee.items;
    const category = items().find((i) => String(i.id) === ids.category);
    const leads = Object.fromEntries(
      (category?.choices ?? []).map((c, n) => [c, category?.choiceNavigation?.[n]]),
    );
    expect(leads).toEqual({
      ученик: Number(ids.pagePupil),
      студент: Number(ids.pageStudy),
      педагог: Number(ids.pageStaff),
      'молодой специалист': Number(ids.pageStaff),
    });
    expect(items().find((i) => String(i.id) === ids.pageStaff)?.goToPage).toBe(Number(ids.pageRequest));
  });

  it('tells the curator in Журнал that sections were added', () => {
    const note = table(ws, 'Журнал').find(
      (r) =>
        r.Событие === 'Анкета приведена к определению' &&
        String(r.Подробности).startsWith('«Анкета наставляемого»'),
    );
    expect(String(note?.Подробности)).toContain('добавлен раздел «Ученик»');
    expect(String(note?.Подробности)).toContain('вопрос «Класс»: стал обязательным');
  });

  it('keeps the old answers mapped to the questions that still ask them', () => {
    const ids = new Set(Object.values(intakeFormIds(ws).mentee.items).map(Number));
    const old = readForm(ws.ctx, formId)?.responses.slice(0, 2) ?? [];
    expect(old.flatMap((r) => r.answers.map((a) => a.itemId)).every((id) => ids.has(id))).toBe(true);
    const rows = table(ws, 'Наставляемые');
    expect(rows.find((r) => r.ID === 'НЯ-0001')).toMatchObject({ Класс: '7Б' });
    expect(rows.find((r) => r.ID === 'НЯ-0002')).toMatchObject({
      'Место работы, должность': 'учитель истории',
    });
  });

  it('takes a teacher through the staff section only: no class asked, a class typed anyway is not sent', () => {
    const reply = submit(ws, 'mentee', {
      ...teacherMentee,
      email: 'history@school.ru',
      lastName: 'Белова',
      firstName: 'Ирина',
      schoolClass: '7Б',
    });
    expect(reply).toMatchObject({ result: 'accepted', participantId: 'НЯ-0003' });
    expect(table(ws, 'Наставляемые').find((r) => r.ID === 'НЯ-0003')).toMatchObject({
      Класс: '',
      'Место работы, должность': 'учитель истории',
    });
  });

  it('refuses a pupil without the class on the form page, now that the pupils’ section requires it', () => {
    expect(() => submit(ws, 'mentee', menteeAnswers({ email: 'kolya@example.ru', schoolClass: '' }))).toThrow(
      'Не заполнен обязательный вопрос «Класс».',
    );
    expect(
      submit(ws, 'mentee', menteeAnswers({ email: 'kolya@example.ru', firstName: 'Николай' })),
    ).toMatchObject({
      result: 'accepted',
      participantId: 'НЯ-0004',
    });
  });

  it('takes a teacher mentor through the work section and a pupil mentor through the parent’s page', () => {
    expect(submit(ws, 'mentor', mentorAnswers())).toMatchObject({ result: 'accepted' });
    const pupil = submit(
      ws,
      'mentor',
      mentorAnswers({
        email: 'senior@example.ru',
        lastName: 'Громов',
        firstName: 'Илья',
        middleName: '',
        category: 'ученик',
        schoolClass: '10А',
        age: '16',
        position: 'не спрашиваем',
        experienceYears: '',
        forms: ['ученик – ученик'],
        capacity: '1',
        parentName: 'Громова Ирина Петровна',
        parentEmail: 'gromova@example.ru',
      }),
    );
    expect(pupil).toMatchObject({ result: 'accepted' });
    expect(table(ws, 'Наставники').find((r) => r.ID === pupil.participantId)).toMatchObject({
      Класс: '10А',
      'Место работы, должность': '',
    });
  });
});
