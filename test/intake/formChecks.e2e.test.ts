// What the Google Form itself checks before sending, and one question per question.
import type { LocalWorkspace } from '../../src/local';
import { menteeAnswers, setUpWorkspace, submit, table } from './workspace';

describe('the questionnaire page', () => {
  let ws: LocalWorkspace;
  beforeAll(async () => {
    ws = await setUpWorkspace();
  });

  it('refuses a class without a letter and an age out of range before anything is sent', () => {
    expect(() => submit(ws, 'mentee', menteeAnswers({ schoolClass: '7' }))).toThrow(
      'В вопросе «Класс»: Номер класса от 1 до 11 и буква, например 7Б.',
    );
    expect(() => submit(ws, 'mentee', menteeAnswers({ age: '150' }))).toThrow(
      'В вопросе «Возраст (полных лет)»: Целое число от 5 до 100.',
    );
    expect(table(ws, 'Наставляемые')).toHaveLength(0);
    expect(submit(ws, 'mentee', menteeAnswers({ schoolClass: '7 - б' }))).toMatchObject({
      result: 'accepted',
    });
  });

  it('asks a teacher for the subjects they teach apart from a pupil’s subjects in need', () => {
    const reply = submit(
      ws,
      'mentee',
      menteeAnswers({
        email: 'young.teacher@school.ru',
        lastName: 'Соколова',
        firstName: 'Анна',
        middleName: 'Игоревна',
        category: 'молодой специалист',
        schoolClass: '',
        age: '24',
        position: 'учитель истории',
        experienceYears: '1',
        teachingSubjects: ['история', 'обществознание'],
        topics: ['методика преподавания'],
        forms: ['учитель – учитель'],
        parentName: '',
        parentEmail: '',
      }),
    );
    expect(reply).toMatchObject({ result: 'accepted' });
    const row = table(ws, 'Наставляемые').find((r) => r.ID === reply.participantId);
    expect(String(row?.Предметы)).toContain('история');
    expect(String(row?.Предметы)).toContain('обществознание');
  });
});
