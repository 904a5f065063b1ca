// The feedback and satisfaction forms are created at setup; an answer lands in «Опросы» once, with
// the respondent's code and role from the bases, so monitoring can average the scales.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SEED_SCRIPT } from '../../bench/schools/seedScript';
import { parseSurveyRow, SURVEYS } from '../../src/core/meetings/surveys';
import { readRows } from '../../src/core/schema';
import { LocalWorkspace } from '../../src/local';

type Row = Record<string, string | number | boolean>;

test('a satisfaction answer becomes one row of «Опросы» that monitoring reads', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nastavnik-surveys-'));
  const clockStart = new Date('2027-06-08T09:00:00Z');
  const ws = await LocalWorkspace.create(dir, { clockStart, curatorEmail: 'curator@school.test' });
  ws.init();
  const seed = await LocalWorkspace.open(dir, { code: SEED_SCRIPT, clockStart });
  seed.run('appendRecords', 'Наставляемые', [
    {
      ID: 'U1',
      Согласие: 'получено',
      Фамилия: 'Смирнов',
      Имя: 'Антон',
      'E-mail': 'anton@school.test',
      Категория: 'ученик',
    },
  ]);
  const settings = seed.run('readSheet', 'Настройки') as Row[];
  const link = settings.find((r) => r.Параметр === 'Опросы: ссылка на анкету удовлетворённости');
  expect(String(link?.Значение)).toMatch(/^https:\/\//);

  const satisfaction = ws.formIds().find((id) => String(link?.Значение).includes(id));
  expect(satisfaction).toBeDefined();
  const answers = {
    'Электронная почта': 'anton@school.test',
    'Вы участвуете в программе как': 'наставляемый',
    'Комфорт общения с наставником (наставляемым)': '9',
    'Полезность встреч': '8',
    'Понятность целей и плана работы': '7',
    'Организация программы и поддержка куратора': '10',
    'Программа оправдала ожидания': '8',
    'В целом я доволен(льна) участием': '9',
    'Хотели бы вы продолжить работу в программе в следующем году?': 'да',
    'Хотели бы вы сами стать наставником? (для наставляемых)': 'да',
    'Что было самым ценным и что улучшить': 'Подготовка к олимпиаде; хотелось бы встречаться чаще',
  };
  ws.submit(satisfaction!, answers);
  const rows = seed.run('readSheet', 'Опросы') as Row[];
  expect(rows).toHaveLength(1);
  expect(rows[0].Комментарий).toBe(
    'Что было самым ценным и что улучшить: Подготовка к олимпиаде; хотелось бы встречаться чаще',
  );
  const [read] = readRows(SURVEYS, [Object.keys(rows[0]), Object.values(rows[0])]);
  const parsed = parseSurveyRow({ ...read.values, date: new Date(String(read.values.date)) });
  expect(parsed?.respondentId).toBe('U1');
  expect(parsed?.role).toBe('mentee');
  expect(parsed?.kind).toBe('satisfaction');
  expect(parsed?.scores).toEqual({
    comfort: 9,
    usefulness: 8,
    goalsClarity: 7,
    organisation: 10,
    expectations: 8,
    overall: 9,
  });
  expect(parsed?.flags).toEqual({ wouldContinue: true, wantsToMentor: true });
});
