import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { codeProblem, secretFor } from '../../src/core/pseudonymous/participantCode';
import { plainText } from '../../src/local/docs/docx';
import { parseClassListCsv, parseClassListXlsx } from '../../src/register/classList';
import { peopleByClass, writeCodeSlips } from '../../src/register/codeSlips';
import { WrongPassphraseError } from '../../src/register/envelope';
import { importClassList } from '../../src/register/importList';
import {
  consentedLookup,
  erasePerson,
  erasuresDue,
  recordConsent,
  withdrawConsent,
} from '../../src/register/people';
import { nodeHmac, Register, RegisterExistsError } from '../../src/register/registerFile';
import { subjectExport } from '../../src/register/subjectExport';
import { docxText } from '../documents/school';

const PASS = 'три слова пароля';
const HEADER = 'Фамилия;Имя;Отчество;Пол;Класс;Категория;E-mail;ФИО родителя;E-mail родителя';
const LIST = [
  HEADER,
  'Иванова;Анна;Петровна;ж;7а;ученик;anna@school.ru;Иванова Мария Сергеевна;mama@mail.ru',
  'Цой;Алина;;ж;7 А;ученик;;Цой Роберт Викторович;tsoi@mail.ru',
  'Петров;Пётр;Ильич;м;8Б;педагог;petrov@school.ru;;',
].join('\r\n');

const fresh = (clock?: () => Date) =>
  Register.create(join(mkdtempSync(join(tmpdir(), 'register-')), 'r.nreg'), PASS, 'МБОУ СОШ № 1', clock);

describe('the register file', () => {
  it('keeps names only encrypted and opens with the passphrase alone', () => {
    const register = fresh();
    importClassList(register, parseClassListCsv(Buffer.from(LIST)), 'list.csv');
    register.save();
    const onDisk = readFileSync(register.path, 'utf8');
    for (const secret of ['Иванова', 'anna@school.ru', 'mama@mail.ru', register.data.codeKey])
      expect(onDisk).not.toContain(secret);
    const reopened = Register.open(register.path, PASS);
    expect(reopened.data.people.map((p) => p.lastName)).toEqual(['Иванова', 'Цой', 'Петров']);
    expect(() => Register.open(register.path, 'не тот пароль')).toThrow(WrongPassphraseError);
    expect(() => Register.open(register.path, 'не тот пароль')).toThrow(/Неверная парольная фраза/);
  });

  it('refuses a damaged or altered file and never overwrites a register at init', () => {
    const register = fresh();
    const envelope = JSON.parse(readFileSync(register.path, 'utf8'));
    const data = Buffer.from(envelope.data, 'base64');
    data[0] ^= 1;
    writeFileSync(register.path, JSON.stringify({ ...envelope, data: data.toString('base64') }));
    expect(() => Register.open(register.path, PASS)).toThrow(/повреждён/);
    writeFileSync(register.path, 'not json');
    expect(() => Register.open(register.path, PASS)).toThrow(/не файл реестра/);
    expect(() => Register.create(register.path, PASS, 'школа')).toThrow(RegisterExistsError);
  });
});

describe('class lists', () => {
  it('reads Windows-1251 with «;» and UTF-8 with BOM and «,» alike', () => {
    const win = Buffer.from(
      // «Фамилия;Имя\nЁлкина;Алёна» in Windows-1251
      [
        0xd4, 0xe0, 0xec, 0xe8, 0xeb, 0xe8, 0xff, 0x3b, 0xc8, 0xec, 0xff, 0x0a, 0xa8, 0xeb, 0xea, 0xe8, 0xed,
        0xe0, 0x3b, 0xc0, 0xeb, 0xb8, 0xed, 0xe0,
      ],
    );
    expect(parseClassListCsv(win)).toMatchObject([{ lastName: 'Ёлкина', firstName: 'Алёна' }]);
    const bom = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from('Имя,Фамилия,Класс,Код\nАнна,Иванова,7 а,123 4566\n'),
    ]);
    expect(parseClassListCsv(bom)).toMatchObject([
      { lastName: 'Иванова', firstName: 'Анна', className: '7А', code: '123 4566' },
    ]);
  });

  it('reads the first sheet of an .xlsx', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Список');
    sheet.addRow(HEADER.split(';'));
    sheet.addRow(['Иванова', 'Анна', 'Петровна', 'ж', '7А', 'ученик', 'anna@school.ru', '', '']);
    const rows = await parseClassListXlsx(Buffer.from(await book.xlsx.writeBuffer()));
    expect(rows).toMatchObject([{ lastName: 'Иванова', gender: 'f', email: 'anna@school.ru', line: 2 }]);
  });

  it('names the missing columns in Russian', () => {
    expect(() => parseClassListCsv(Buffer.from('ФИО;Класс\nИванова Анна;7А'))).toThrow(
      /нет столбцов «Фамилия», «Имя»/,
    );
  });
});

describe('codes, consents, withdrawal and erasure', () => {
  it('issues valid unique codes, keeps a given one, updates a person imported again', () => {
    const register = fresh();
    const first = importClassList(register, parseClassListCsv(Buffer.from(LIST)), 'list.csv');
    expect(first.added).toHaveLength(3);
    for (const p of register.data.people) expect(codeProblem(p.code)).toBeUndefined();
    expect(new Set(register.data.people.map((p) => p.code)).size).toBe(3);
    const again = importClassList(
      register,
      parseClassListCsv(
        Buffer.from(
          `${HEADER};Код\nИванова;Анна;Петровна;ж;7А;ученик;anna@new.ru;;;\nНовиков;Лев;;м;7А;ученик;;;;123 4566\nОшибкин;Код;;м;7А;ученик;;;;123 4567`,
        ),
      ),
      'again.csv',
    );
    expect(again.updated.map((p) => p.email)).toEqual(['anna@new.ru']);
    expect(again.added.map((p) => p.code)).toEqual(['1234566']);
    expect(again.problems).toEqual(['строка 4: Код «123 4567»: не сходится контрольная цифра.']);
  });

  it('prints slips per class with the secret the script computes from the same key', async () => {
    const register = fresh();
    importClassList(register, parseClassListCsv(Buffer.from(LIST)), 'list.csv');
    expect([...peopleByClass(register.data.people).keys()]).toEqual(['7А', '8Б']);
    const out = mkdtempSync(join(tmpdir(), 'slips-'));
    const files = writeCodeSlips(register, out, ['7а'], 'never').docx;
    expect(files.map((f) => f.slice(out.length + 1))).toEqual(['Коды участников — 7А.docx']);
    const text = await docxText(files[0]);
    const anna = register.data.people[0];
    const secret = secretFor(anna.code, register.data.codeKey, nodeHmac);
    expect(text).toContain(
      `Иванова Анна Петровна, 7А\nКод участника: ${anna.code.slice(0, 3)} ${anna.code.slice(3)}\nСекрет: ${secret}`,
    );
    expect(text).toContain('Цой Алина, 7А');
    expect(text).not.toContain('Петров Пётр');
  });

  it('uses a person only with a paper consent and stops at the withdrawal; erasure keeps the code and dates', () => {
    let now = new Date('2026-09-01T10:00:00');
    const register = fresh(() => now);
    importClassList(register, parseClassListCsv(Buffer.from(LIST)), 'list.csv');
    const anna = register.data.people[0];
    expect(consentedLookup(register)(anna.code)).toBeUndefined();
    recordConsent(register, anna.code, { kind: 'processing', signedBy: 'parent', signedOn: '2026-09-01' });
    expect(consentedLookup(register)(anna.code)?.lastName).toBe('Иванова');
    withdrawConsent(register, anna.code, '2026-10-01');
    expect(anna.eraseBy).toBe('2026-10-31');
    expect(consentedLookup(register)(anna.code)).toBeUndefined();
    expect(erasuresDue(register, '2026-10-30')).toEqual([]);
    now = new Date('2026-10-31T10:00:00');
    expect(erasuresDue(register, register.today()).map((p) => p.code)).toEqual([anna.code]);
    erasePerson(register, anna.code, register.today());
    expect(anna).toMatchObject({
      code: anna.code,
      lastName: 'данные удалены',
      firstName: '',
      email: '',
      parentEmail: '',
      erasedOn: '2026-10-31',
      withdrawnOn: '2026-10-01',
    });
    expect(() =>
      recordConsent(register, anna.code, { kind: 'processing', signedBy: 'self', signedOn: '2026-11-01' }),
    ).toThrow(/удалены 31\.10\.2026/);
    expect(register.data.journal.filter((j) => j.code === anna.code).map((j) => j.action)).toEqual([
      'согласие получено',
      'согласие отозвано',
      'данные удалены',
    ]);
  });

  it('exports what the register holds about one person (ст. 14), and nobody else', () => {
    const register = fresh();
    importClassList(register, parseClassListCsv(Buffer.from(LIST)), 'list.csv');
    const [anna, tsoi] = register.data.people;
    recordConsent(register, anna.code, { kind: 'processing', signedBy: 'parent', signedOn: '2026-09-01' });
    register.data.sent.push({ key: 'k1', state: 'sent', at: '2026-09-02T10:00:00.000Z', code: anna.code });
    register.data.sent.push({ key: 'k2', state: 'sent', at: '2026-09-02T10:00:00.000Z', code: tsoi.code });
    const text = plainText(subjectExport(register, anna.code));
    expect(text).toContain('Фамилия: Иванова');
    expect(text).toContain('E-mail родителя: mama@mail.ru');
    expect(text).toContain('согласие на обработку ПД: подписано 01.09.2026 (законным представителем)');
    expect(text).toContain('письмо k1');
    expect(text).not.toContain('k2');
    expect(text).not.toContain('Цой');
  });
});
