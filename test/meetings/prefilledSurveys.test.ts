// The entry diagnostics of a new pair: the invitation carries a link prefilled the way Google Forms
// does («viewform?usp=pp_url&entry.N=…»), the answer given through it attaches to the participant and
// their pair even from another address, and a week later only those who did not answer are reminded.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SEED_SCRIPT } from '../../bench/schools/seedScript';
import { LocalWorkspace } from '../../src/local';
import { outbox } from './fixtures';

type Row = Record<string, string | number | boolean>;

test('an entry diagnostics invitation links to a prefilled form; who answered is not reminded', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nastavnik-prefill-'));
  const clockStart = new Date('2026-10-13T09:00:00Z');
  const ws = await LocalWorkspace.create(dir, { clockStart, curatorEmail: 'curator@school.test' });
  ws.init();
  const seed = await LocalWorkspace.open(dir, { code: SEED_SCRIPT, clockStart });
  const person = (id: string, last: string, first: string, email: string, category: string) => ({
    ID: id,
    Статус: 'активен',
    Согласие: 'получено',
    Фамилия: last,
    Имя: first,
    Отчество: '',
    'E-mail': email,
    Категория: category,
  });
  seed.run('appendRecords', 'Наставники', [
    person('N1', 'Петрова', 'Ирина', 'petrova@school.test', 'педагог'),
  ]);
  seed.run('appendRecords', 'Наставляемые', [
    person('U1', 'Смирнов', 'Антон', 'anton@school.test', 'ученик'),
  ]);
  seed.run('appendRecords', 'Пары', [
    {
      'ID пары': 'P1',
      'Код наставника': 'N1',
      'Код наставляемого': 'U1',
      Форма: 'учитель – ученик',
      Состояние: 'утверждена',
      'Дата утверждения': '13.10.2026',
    },
  ]);
  ws.advanceClock('1d');
  const invitation = (await outbox(dir)).find(
    (l) => l.to === 'anton@school.test' && l.subject.startsWith('Входная диагностика'),
  );
  const link = /https:\/\/docs\.google\.com\/forms\/\S+/.exec(invitation?.text ?? '')?.[0] ?? '';
  expect(link).toMatch(/viewform\?usp=pp_url&entry\.\d+=anton%40school\.test&entry\.\d+=U1$/);

  // Anton opens the link at home and types his own address over the prefilled one.
  ws.submitPrefilled(link, {
    'Электронная почта': 'anton.home@mail.test',
    'Вы участвуете в программе как': 'наставляемый',
    'Ученикам: моё желание учиться': '5',
  });
  const [answer] = seed.run('readSheet', 'Опросы') as Row[];
  expect(answer['Код участника']).toBe('U1');
  expect(answer.Пара).toBe('P1');
  expect(answer.Вид).toBe('влияние: вход');

  ws.advanceClock('7d');
  const reminders = (await outbox(dir)).filter((l) => l.subject.startsWith('Ждём ваш ответ'));
  expect(reminders.map((l) => `${l.to}: ${l.subject}`)).toEqual([
    'petrova@school.test: Ждём ваш ответ: входная диагностика',
  ]);
});
