// A school on 25 November 2026 with approved pairs whose participants need every kind of document:
// a minor under 14 (parent signs), a minor of 15 (signs herself), staff with consent; the document
// tests and the documents bench run on it.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalWorkspace, type WorkspaceOptions } from '../../src/local';
import { schoolSettingsFor } from './schoolSettings';
import { SEED_SCRIPT } from './seedScript';

export const CURATOR = 'curator@school.test';
export const DIRECTOR = 'director@school.test';
const SCRIPT = `${SEED_SCRIPT}
function setProperty(key, value) { PropertiesService.getScriptProperties().setProperty(key, String(value)); }
function appendToTemplate(key, text) {
  var id = PropertiesService.getScriptProperties().getProperty('nastavnik.documents.template.' + key);
  var doc = DocumentApp.openById(id);
  doc.getBody().appendParagraph(text);
  doc.saveAndClose();
}
`;

const EXTRA_SURNAMES = [
  'Кузнецов',
  'Соколов',
  'Попов',
  'Лебедев',
  'Козлов',
  'Новиков',
  'Морозов',
  'Волков',
  'Зайцев',
  'Павлов',
];

export const seedScript = (dir: string) => LocalWorkspace.open(dir, { code: SCRIPT });

/** Row builders for «Наставники», «Наставляемые» and «Пары» of a seeded school, shared with the tests. */
export const mentorRecord = (
  id: string,
  last: string,
  first: string,
  middle: string,
  position: string,
  { consent = 'получено', domain = 'school.test' } = {},
) => ({
  ID: id,
  Согласие: consent,
  Фамилия: last,
  Имя: first,
  Отчество: middle,
  'E-mail': `${id.toLowerCase()}@${domain}`,
  Категория: 'педагог',
  'Место работы, должность': position,
  'Формы наставничества': 'учитель – ученик',
  'Сколько наставляемых': 3,
});

export const studentRecord = (
  id: string,
  last: string,
  first: string,
  middle: string,
  cls: string,
  age: number,
  parent: string,
  { domain = 'school.test', gender }: { domain?: string; gender?: string } = {},
) => ({
  ID: id,
  Согласие: 'нет',
  Фамилия: last,
  Имя: first,
  Отчество: middle,
  ...(gender === undefined ? {} : { Пол: gender }),
  'E-mail': `${id.toLowerCase()}@${domain}`,
  Категория: 'ученик',
  Класс: cls,
  Возраст: age,
  'Формы наставничества': 'учитель – ученик',
  'ФИО родителя': parent,
  'E-mail родителя': `parent.${id.toLowerCase()}@mail.test`,
});

export const pairRecord = (
  id: string,
  mentorId: string,
  menteeId: string,
  state = 'утверждена',
  approvedOn = '25.11.2026',
) => ({
  'ID пары': id,
  'Код наставника': mentorId,
  'Код наставляемого': menteeId,
  Форма: 'учитель – ученик',
  Состояние: state,
  'Дата утверждения': state === 'утверждена' ? approvedOn : '',
});

export async function schoolWithApprovedPairs(
  extraPairs = 0,
  options: WorkspaceOptions = {},
  state = 'утверждена',
) {
  const dir = mkdtempSync(join(tmpdir(), 'nastavnik-docs-'));
  const clockStart = new Date('2026-11-25T09:00:00Z');
  // Unless a test says otherwise, the parents' mail.test addresses are Google accounts too.
  const ws = await LocalWorkspace.create(dir, {
    clockStart,
    curatorEmail: CURATOR,
    googleAccountDomains: ['school.test', 'mail.test'],
    ...options,
  });
  ws.init();
  const seed = await seedScript(dir);
  const extra = Array.from({ length: extraPairs }, (_, i) => String(i + 1).padStart(3, '0'));
  seed.run('appendRecords', 'Наставники', [
    mentorRecord('T1', 'Иванова', 'Анна', 'Петровна', 'учитель математики'),
    mentorRecord('T2', 'Цой', 'Виктор', 'Робертович', 'учитель физики'),
  ]);
  seed.run('appendRecords', 'Наставляемые', [
    studentRecord('S1', 'Петров', 'Павел', 'Павлович', '7Б', 13, 'Петрова Ольга Игоревна'),
    studentRecord('S2', 'Шевчук', 'Анна', 'Сергеевна', '9А', 15, 'Шевчук Ирина Васильевна'),
    ...extra.map((n, i) =>
      studentRecord(
        `X${n}`,
        `${EXTRA_SURNAMES[i % EXTRA_SURNAMES.length]}${i >= EXTRA_SURNAMES.length ? `-${n}` : ''}`,
        'Лев',
        'Алексеевич',
        '8В',
        14,
        'Кузнецова Вера Павловна',
      ),
    ),
  ]);
  seed.run('appendRecords', 'Пары', [
    pairRecord('P1', 'T1', 'S1', state),
    pairRecord('P2', 'T2', 'S2', state),
    ...extra.map((n) => pairRecord(`PX${n}`, 'T1', `X${n}`, state)),
  ]);
  seed.run('setWhere', 'Настройки', 'Параметр', 'Документы: адрес руководителя', 'Значение', DIRECTOR);
  for (const [name, value] of Object.entries(schoolSettingsFor(CURATOR)))
    seed.run('setWhere', 'Настройки', 'Параметр', name, 'Значение', value);
  await seed.save();
  return { dir, ws: await LocalWorkspace.open(dir, { curatorEmail: CURATOR, ...options }) };
}
