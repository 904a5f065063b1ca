// A form in sections, as Google Forms runs it: an answer leads to its section, a section leads on
// (setGoToPage), and only the pages a respondent went through are checked and sent.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalWorkspace } from '../../src/local';
import { readForm } from '../../src/local/forms/store';

const SCRIPT = `
function buildForm() {
  var form = FormApp.create('Анкета');
  var who = form.addMultipleChoiceItem().setTitle('Кто вы').setRequired(true);
  form.addTextItem().setTitle('Имя').setRequired(true);
  var pupil = form.addPageBreakItem().setTitle('Ученик');
  form.addTextItem().setTitle('Класс').setRequired(true);
  var parent = form.addPageBreakItem().setTitle('Родитель');
  form.addTextItem().setTitle('Почта родителя');
  var work = form.addPageBreakItem().setTitle('Работа');
  form.addTextItem().setTitle('Должность').setRequired(true);
  who.setChoices([who.createChoice('ученик', pupil), who.createChoice('педагог', work)]);
  // After the parent's page the pupil is done: the page break that follows it says so.
  work.setGoToPage(FormApp.PageNavigationType.SUBMIT);
  var refused = '';
  try { form.addCheckboxItem().createChoice('да', pupil); } catch (e) { refused = e.message; }
  var read = form.getItemById(who.getId()).asMultipleChoiceItem().getChoices();
  return {
    id: form.getId(),
    whoId: who.getId(),
    navigation: read.map(function (c) { return String(c.getPageNavigationType()) + ':' + c.getGotoPage().getTitle(); }),
    afterParent: String(work.getPageNavigationType()),
    refused: refused,
  };
}
function prefilledTeacher(id, whoId) {
  var form = FormApp.openById(id);
  var item = form.getItemById(whoId).asMultipleChoiceItem();
  return form.createResponse().withItemResponse(item.createResponse('педагог')).toPrefilledUrl();
}
function plainChoices(id, whoId) {
  var item = FormApp.openById(id).getItemById(whoId).asMultipleChoiceItem();
  item.setChoiceValues(['ученик', 'педагог']);
  return String(item.getChoices()[0].getPageNavigationType());
}
`;

interface Built {
  id: string;
  whoId: number;
  navigation: string[];
  afterParent: string;
  refused: string;
}

describe('a form in sections', () => {
  let ws: LocalWorkspace;
  let built: Built;
  const answered = (responseIndex: number): Record<string, unknown> => {
    const form = readForm(ws.ctx, built.id);
    const response = form?.responses[responseIndex];
    return Object.fromEntries(
      (response?.answers ?? []).map((a) => [form?.items.find((i) => i.id === a.itemId)?.title, a.value]),
    );
  };

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nastavnik-sections-'));
    ws = await LocalWorkspace.create(dir, { code: SCRIPT });
    built = ws.run('buildForm') as Built;
  });

  it('keeps where each choice and each page leads, and refuses navigation on a checkbox', () => {
    expect(built.navigation).toEqual(['GO_TO_PAGE:Ученик', 'GO_TO_PAGE:Работа']);
    expect(built.afterParent).toBe('SUBMIT');
    expect(built.refused).toContain('Invalid argument');
  });

  it('takes a pupil through the pupil and parent pages only: the teacher page is neither required nor sent', () => {
    ws.submit(built.id, {
      'Кто вы': 'ученик',
      Имя: 'Петя',
      Класс: '7Б',
      'Почта родителя': 'mama@example.ru',
      Должность: 'не его вопрос',
    });
    expect(answered(0)).toEqual({
      'Кто вы': 'ученик',
      Имя: 'Петя',
      Класс: '7Б',
      'Почта родителя': 'mama@example.ru',
    });
  });

  it('refuses a pupil without the class, which is required on a page the pupil goes through', () => {
    expect(() => ws.submit(built.id, { 'Кто вы': 'ученик', Имя: 'Петя' })).toThrow(
      'Не заполнен обязательный вопрос «Класс».',
    );
  });

  it('takes a teacher straight to the work page: no class asked, the parent page skipped', () => {
    ws.submit(built.id, { 'Кто вы': 'педагог', Имя: 'Ольга', Должность: 'учитель', Класс: '7Б' });
    expect(answered(1)).toEqual({ 'Кто вы': 'педагог', Имя: 'Ольга', Должность: 'учитель' });
    expect(() => ws.submit(built.id, { 'Кто вы': 'педагог', Имя: 'Ольга' })).toThrow(
      'Не заполнен обязательный вопрос «Должность».',
    );
  });

  it('follows the same way from a prefilled link', () => {
    const url = ws.run('prefilledTeacher', built.id, built.whoId) as string;
    ws.submitPrefilled(url, { Имя: 'Ольга', Должность: 'учитель', 'Почта родителя': 'x@example.ru' });
    expect(answered(2)).toEqual({ 'Кто вы': 'педагог', Имя: 'Ольга', Должность: 'учитель' });
  });

  it('loses the navigation when the choices are set as plain values, as Google does', () => {
    expect(ws.run('plainChoices', built.id, built.whoId)).toBe('CONTINUE');
    // Now a teacher goes on page by page, so the pupil's required class stops them.
    expect(() => ws.submit(built.id, { 'Кто вы': 'педагог', Имя: 'Ольга', Должность: 'учитель' })).toThrow(
      'Не заполнен обязательный вопрос «Класс».',
    );
  });
});
