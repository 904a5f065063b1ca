// A curator rewords or adds choices in a live Google Form. Answers still land: a reworded choice maps
// back to the programme's, an unknown one is flagged on the participant's row with what to do.
import { intakeFormIds } from '../../src/cli/intakeSubmit';
import type { LocalWorkspace } from '../../src/local';
import { changeForm } from '../../src/local/forms/store';
import { menteeAnswers, setUpWorkspace, submit, table } from './workspace';

function editChoices(ws: LocalWorkspace, title: string, edit: (choices: string[]) => string[]): void {
  changeForm(ws.ctx, intakeFormIds(ws).mentee.id, (f) => {
    const item = f.items.find((i) => i.title === title);
    if (!item) throw new Error(`no item ${title}`);
    item.choices = edit(item.choices);
  });
}

describe('choices a curator edited in the live form', () => {
  let ws: LocalWorkspace;
  beforeAll(async () => {
    ws = await setUpWorkspace();
    editChoices(ws, 'Кто вы', (c) => c.map((x) => (x === 'ученик' ? 'Ученик / ученица' : x)));
    editChoices(ws, 'Когда вам удобно встречаться', (c) => [...c, 'по воскресеньям']);
  });

  it('maps a reworded choice to the programme’s and flags an added one on the row', () => {
    const reply = submit(
      ws,
      'mentee',
      menteeAnswers({ category: 'Ученик / ученица', availability: ['суббота', 'по воскресеньям'] }),
    );
    expect(reply).toMatchObject({ result: 'accepted', participantId: 'НЯ-0001' });
    const row = table(ws, 'Наставляемые').find((r) => r.ID === 'НЯ-0001');
    expect(row).toMatchObject({ Категория: 'ученик', Класс: '7Б', 'Время встреч': 'суббота' });
    expect(String(row?.Проблема)).toContain(
      'В вопросе «Когда вам удобно встречаться» выбран вариант «по воскресеньям», которого нет в списке программы',
    );
    expect(String(row?.Проблема)).toContain('«Обновить анкеты»');
  });

  it('rejects only when a required answer is left with no known choice, and says which label', () => {
    editChoices(ws, 'Кто вы', (c) => [...c, 'родитель']);
    const reply = submit(ws, 'mentee', menteeAnswers({ email: 'mama@example.ru', category: 'родитель' }));
    expect(reply.result).toBe('rejected');
    expect(reply.reasons.join(' ')).toContain(
      'В вопросе «Кто вы» выбран вариант «родитель», которого нет в списке программы',
    );
  });

  it('«Обновить анкеты» puts the programme’s labels back', () => {
    ws.run('updateQuestionnaires');
    const reply = submit(ws, 'mentee', menteeAnswers({ email: 'kolya@example.ru', firstName: 'Николай' }));
    expect(reply).toMatchObject({ result: 'accepted' });
  });
});

describe('a label the curator maps in Настройки', () => {
  it('is read as the programme’s choice when the form’s list no longer tells which one it was', async () => {
    const ws = await setUpWorkspace();
    // Renamed and another added: the place among the labels no longer tells which one was renamed.
    editChoices(ws, 'Кто вы', (c) => [...c.map((x) => (x === 'ученик' ? 'Обучающийся' : x)), 'родитель']);
    expect(submit(ws, 'mentee', menteeAnswers({ category: 'Обучающийся' })).result).toBe('rejected');
    const settings = table(ws, 'Настройки');
    const at = settings.findIndex((r) => r.Параметр === 'Анкеты: другие подписи вариантов') + 2;
    expect(at).toBeGreaterThan(1);
    ws.edit('Настройки', `B${at}`, 'Обучающийся = ученик');
    const reply = submit(ws, 'mentee', menteeAnswers({ category: 'Обучающийся' }));
    expect(reply.result).toBe('accepted');
    const row = table(ws, 'Наставляемые')[0];
    expect(row).toMatchObject({ Категория: 'ученик' });
    expect(String(row.Проблема)).not.toContain('вариант');
  });
});
