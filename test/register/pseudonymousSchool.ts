// A school in the pseudonymous mode as the Google side holds it: bases and pairs under participant
// codes, the register's placeholders wherever a name or an address would be; and the school's
// register on its own computer with the real names behind the codes.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CURATOR,
  DIRECTOR,
  mentorRecord,
  pairRecord,
  seedScript,
  studentRecord,
} from '../../bench/schools/documents';
import { schoolSettingsFor } from '../../bench/schools/schoolSettings';
import { ORDER_TITLE, orderKey } from '../../src/core/documents/plan';
import { namePlaceholder } from '../../src/core/pseudonymous/namePlaceholders';
import { codeFromBody } from '../../src/core/pseudonymous/participantCode';
import { LocalWorkspace } from '../../src/local';
import { parseClassListCsv } from '../../src/register/classList';
import { importClassList } from '../../src/register/importList';
import { recordConsent } from '../../src/register/people';
import { Register } from '../../src/register/registerFile';

export const PASSPHRASE = 'пароль реестра школы';
export const CODES = {
  T1: codeFromBody(101010),
  T2: codeFromBody(202020),
  S1: codeFromBody(303030),
  S2: codeFromBody(404040),
};

/** What the register knows and Google must never see. */
export const IDENTITIES = [
  ['T1', 'Иванова', 'Анна', 'Петровна', 'ж', '', 'педагог', 'ivanova@school.ru', '', ''],
  ['T2', 'Цой', 'Виктор', 'Робертович', 'м', '', 'педагог', 'tsoi@school.ru', '', ''],
  [
    'S1',
    'Петров',
    'Павел',
    'Павлович',
    'м',
    '7Б',
    'ученик',
    'petrov@school.ru',
    'Петрова Ольга Игоревна',
    'petrova@mail.ru',
  ],
  [
    'S2',
    'Шевчук',
    'Анна',
    'Сергеевна',
    'ж',
    '9А',
    'ученик',
    'shevchuk@school.ru',
    'Шевчук Ирина Васильевна',
    'shevchuk.i@mail.ru',
  ],
] as const;

const hidden = (code: string, minor: boolean) => ({
  Фамилия: namePlaceholder(code, 'fullName'),
  Имя: '',
  Отчество: '',
  'E-mail': namePlaceholder(code, 'email'),
  ...(minor
    ? {
        'ФИО родителя': namePlaceholder(code, 'parentName'),
        'E-mail родителя': namePlaceholder(code, 'parentEmail'),
      }
    : {}),
});

export async function pseudonymousSchool() {
  const dir = mkdtempSync(join(tmpdir(), 'nastavnik-pseudo-'));
  const ws = await LocalWorkspace.create(dir, {
    clockStart: new Date('2026-11-25T09:00:00Z'),
    curatorEmail: CURATOR,
  });
  ws.init();
  const seed = await seedScript(dir);
  seed.run('appendRecords', 'Наставники', [
    { ...mentorRecord(CODES.T1, '', '', '', 'учитель математики'), ...hidden(CODES.T1, false) },
    { ...mentorRecord(CODES.T2, '', '', '', 'учитель физики'), ...hidden(CODES.T2, false) },
  ]);
  seed.run('appendRecords', 'Наставляемые', [
    { ...studentRecord(CODES.S1, '', '', '', '7Б', 13, ''), ...hidden(CODES.S1, true) },
    { ...studentRecord(CODES.S2, '', '', '', '9А', 15, ''), ...hidden(CODES.S2, true) },
  ]);
  seed.run('appendRecords', 'Пары', [
    pairRecord('P1', CODES.T1, CODES.S1),
    pairRecord('P2', CODES.T2, CODES.S2),
  ]);
  seed.run('appendRecords', 'Приказы', [
    {
      Ключ: orderKey(['P1', 'P2']),
      '№ п/п': 1,
      Номер: '1-о',
      Дата: '25.11.2026',
      Заголовок: ORDER_TITLE,
      Пары: 'P1, P2',
      Статус: 'номер зарезервирован',
    },
  ]);
  seed.run('setWhere', 'Настройки', 'Параметр', 'Документы: адрес руководителя', 'Значение', DIRECTOR);
  for (const [name, value] of Object.entries(schoolSettingsFor(CURATOR)))
    seed.run('setWhere', 'Настройки', 'Параметр', name, 'Значение', value);
  await seed.save();

  const register = Register.create(
    join(dir, 'реестр.nreg'),
    PASSPHRASE,
    'МОУ СОШ № 1',
    () => new Date('2026-11-26T09:00:00'),
  );
  const csv = [
    'Код;Фамилия;Имя;Отчество;Пол;Класс;Категория;E-mail;ФИО родителя;E-mail родителя',
    ...IDENTITIES.map(([id, ...rest]) => [CODES[id], ...rest].join(';')),
  ].join('\n');
  importClassList(register, parseClassListCsv(Buffer.from(csv)), 'список.csv');
  for (const id of ['T1', 'T2', 'S1'] as const)
    recordConsent(register, CODES[id], {
      kind: 'processing',
      signedBy: id === 'S1' ? 'parent' : 'self',
      signedOn: '2026-11-20',
    });
  register.save();
  return { dir, ws: await LocalWorkspace.open(dir, { curatorEmail: CURATOR }), register };
}
