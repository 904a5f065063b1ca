// A school updates the programme: forms/*.ts changed (a required question added, a choice renamed,
// a question dropped) while the live forms already hold answers. Setup brings the forms in line and
// both the old and the new answers land where they belong.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { intakeFormIds } from '../../src/cli/intakeSubmit';
import { LocalWorkspace } from '../../src/local';
import { changeForm, readForm } from '../../src/local/forms/store';
import { SpreadsheetStore } from '../../src/local/spreadsheet/store';
import { variantBundle } from './variantBundle';
import { menteeAnswers, submit, table } from './workspace';

const GOAL_TITLE = 'Чего вы хотите добиться за год';
const NEXT_DEFINITIONS = {
  'src/core/model.ts': [["'суббота', 'онлайн'] as const", "'по субботам', 'онлайн'] as const"]],
  'forms/mentee.ts': [
    [
      '    AVAILABILITY_ITEM,\n    PHONE_ITEM,',
      `    { key: 'goal', title: '${GOAL_TITLE}', help: '', type: 'long', required: true },\n    AVAILABILITY_ITEM,`,
    ],
    ['  PHONE_ITEM,\n} from', '} from'],
  ],
} as const;

/** The form's responses sheet, found by its id: setup renames it «Ответы — <форма>». */
const responsesSheet = (ws: LocalWorkspace, formId: string) => {
  const dest = readForm(ws.ctx, formId)?.destination;
  const store = SpreadsheetStore.of(ws.ctx);
  store.reload();
  const sheet = store.model(ws.boundSpreadsheetId)?.sheets.find((s) => s.sheetId === dest?.sheetId);
  return sheet ? table(ws, sheet.name) : [];
};

describe('a questionnaire whose definition changed after answers came in', () => {
  let ws: LocalWorkspace;
  let before: Record<string, string>;
  let formId: string;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nastavnik-migrate-'));
    const old = await LocalWorkspace.create(dir, { clockStart: new Date('2026-09-15T07:00:00Z') });
    old.init();
    const reply = submit(
      old,
      'mentee',
      menteeAnswers({ availability: ['суббота'], phone: '+7 900 111-22-33' }),
    );
    expect(reply).toMatchObject({ result: 'accepted', participantId: 'НЯ-0001' });
    before = intakeFormIds(old).mentee.items;
    formId = intakeFormIds(old).mentee.id;
    ws = await LocalWorkspace.open(dir, { code: await variantBundle(NEXT_DEFINITIONS) });
    ws.run('setupProgramme');
  }, 60_000);

  it('gets the new required question, the renamed choice and loses the dropped one, keeping item ids', () => {
    const form = readForm(ws.ctx, formId);
    const goal = form?.items.find((i) => i.title === GOAL_TITLE);
    expect(goal).toMatchObject({ type: 'PARAGRAPH_TEXT', required: true });
    const availability = form?.items.find((i) => i.title === 'Когда вам удобно встречаться');
    expect(availability?.choices).toContain('по субботам');
    expect(availability?.choices).not.toContain('суббота');
    expect(form?.items.some((i) => i.title === 'Телефон')).toBe(false);
    const after = intakeFormIds(ws).mentee.items;
    const { phone: _dropped, ...kept } = before;
    expect(after).toMatchObject(kept);
    expect(after.phone).toBeUndefined();
    // The new question sits where the definition puts it: right before the availability question.
    const titles = form?.items.map((i) => i.title) ?? [];
    expect(titles.indexOf(GOAL_TITLE)).toBe(titles.indexOf('Когда вам удобно встречаться') - 1);
  });

  it('tells the curator in Журнал what changed, and a second setup changes nothing', () => {
    const notes = table(ws, 'Журнал').filter((r) => r.Событие === 'Анкета приведена к определению');
    // The mentor's questionnaire shares the availability question, so it changed too.
    expect(notes.map((r) => String(r.Подробности).split(':')[0])).toEqual([
      '«Анкета наставляемого»',
      '«Анкета наставника»',
    ]);
    expect(String(notes[0].Подробности)).toContain(`добавлен вопрос «${GOAL_TITLE}» (обязательный)`);
    expect(String(notes[0].Подробности)).toContain('снят вопрос «Телефон»');
    expect(String(notes[0].Подробности)).toContain('варианты ответа');
    const items = readForm(ws.ctx, formId)?.items;
    ws.run('setupProgramme');
    expect(readForm(ws.ctx, formId)?.items).toEqual(items);
    expect(table(ws, 'Журнал').filter((r) => r.Событие === 'Анкета приведена к определению')).toHaveLength(2);
  });

  it('takes a new answer with the new question and the renamed choice; the form refuses one without it', () => {
    expect(() =>
      submit(ws, 'mentee', menteeAnswers({ email: 'masha@example.ru', firstName: 'Мария' })),
    ).toThrow(`Не заполнен обязательный вопрос «${GOAL_TITLE}»`);
    const reply = submit(
      ws,
      'mentee',
      menteeAnswers({
        email: 'masha@example.ru',
        firstName: 'Мария',
        availability: ['по субботам'],
        goal: 'Выступить на региональной олимпиаде',
      }),
    );
    expect(reply).toMatchObject({ result: 'accepted', participantId: 'НЯ-0002' });
    const rows = table(ws, 'Наставляемые');
    expect(rows.find((r) => r.ID === 'НЯ-0002')).toMatchObject({ 'Время встреч': 'по субботам' });
    expect(rows.find((r) => r.ID === 'НЯ-0001')).toMatchObject({
      'Время встреч': 'суббота',
      Телефон: '+7 900 111-22-33',
    });
  });

  it('keeps the old answers in the responses sheet, in their own columns', () => {
    const sheet = responsesSheet(ws, formId);
    expect(sheet).toHaveLength(2);
    expect(sheet[0]).toMatchObject({
      Телефон: '+7 900 111-22-33',
      'Когда вам удобно встречаться': 'суббота',
    });
    expect(sheet[0][GOAL_TITLE]).toBe('');
    expect(sheet[1]).toMatchObject({
      Телефон: '',
      [GOAL_TITLE]: 'Выступить на региональной олимпиаде',
      'Когда вам удобно встречаться': 'по субботам',
    });
  });

  it('«Обновить анкеты» restores a question the curator retitled and says so', () => {
    const form = readForm(ws.ctx, formId);
    const goalId = form?.items.find((i) => i.title === GOAL_TITLE)?.id;
    changeForm(ws.ctx, formId, (f) => {
      const goal = f.items.find((i) => i.id === goalId);
      if (goal) goal.title = 'Цель';
    });
    expect(ws.run('updateQuestionnaires')).toEqual([
      `«Анкета наставляемого»: вопрос «${GOAL_TITLE}»: заголовок`,
    ]);
    expect(readForm(ws.ctx, formId)?.items.find((i) => i.id === goalId)?.title).toBe(GOAL_TITLE);
    expect(ws.run('updateQuestionnaires')).toEqual([]);
  });
});
