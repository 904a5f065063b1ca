// Every kind of document printed the way a school prints it: LibreOffice (headless) turns the .docx
// into PDF and poppler's pdftotext reads the PDF back. The school, its director and its people were
// chosen for this test only (a gymnasium with a long full name, a director typed in capitals, a girl
// without a patronymic whose gender comes from the «Пол» column), so nothing here is tuned to the
// templates' own examples. Debian's packages come from scripts/ensure-libreoffice.sh.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import JSZip from 'jszip';
import { mentorRecord, pairRecord, studentRecord } from '../../bench/schools/documents';
import { LocalWorkspace } from '../../src/local';
import { CURATOR, driveItems, seedScript } from './school';

const SOFFICE = '/usr/bin/soffice';
const PDFTOTEXT = '/usr/bin/pdftotext';

const ORG =
  'Муниципальное автономное общеобразовательное учреждение «Гимназия № 8 имени Н. А. Некрасова» г. Ярославля';
const ORG_GENITIVE =
  'Муниципального автономного общеобразовательного учреждения «Гимназия № 8 имени Н. А. Некрасова» г. Ярославля';
const ORG_DATIVE =
  'Муниципальному автономному общеобразовательному учреждению «Гимназия № 8 имени Н. А. Некрасова» г. Ярославля';
const ORG_PREPOSITIONAL =
  'Муниципальном автономном общеобразовательном учреждении «Гимназия № 8 имени Н. А. Некрасова» г. Ярославля';

/** Gymnasium staff: consent not yet given, addresses of the school's domain. */
const GIM8_ADULT = { consent: 'нет', domain: 'gim8.test' };

const SETTINGS: Record<string, string> = {
  'Документы: наименование организации': ORG,
  'Документы: населённый пункт': 'г. Ярославль',
  'Документы: ФИО руководителя': 'ЛЕБЕДЕВА ИРИНА ВАЛЕНТИНОВНА',
  'Документы: ФИО куратора': 'Григорьев Тимур Маратович',
  'Документы: адрес организации': '150000, г. Ярославль, ул. Свободы, д. 8',
  'Документы: ИНН организации': '7604012345',
  'Документы: ОГРН организации': '1027600681234',
  'Документы: сайт и сообщества школы': 'https://gim8.yar.ru; https://vk.com/gim8yar',
  'Почта: адрес куратора': CURATOR,
  'Отчёты: название школы': 'Гимназия № 8',
};

async function gymnasium() {
  const dir = mkdtempSync(join(tmpdir(), 'nastavnik-lo-'));
  const clockStart = new Date('2026-10-14T09:00:00Z');
  const ws = await LocalWorkspace.create(dir, { clockStart, curatorEmail: CURATOR });
  ws.init();
  const seed = await seedScript(dir);
  seed.run('appendRecords', 'Наставники', [
    mentorRecord('M1', 'Абрамян', 'Карине', 'Ашотовна', 'учитель (английский язык)', GIM8_ADULT),
  ]);
  seed.run('appendRecords', 'Наставляемые', [
    studentRecord('E1', 'Цой', 'Алина', '', '8А', 15, 'Цой Марина Олеговна', {
      domain: 'gim8.test',
      gender: 'женский',
    }),
    studentRecord('E2', 'Соловьёв', 'Илья', 'Андреевич', '6Б', 12, 'Соловьёва Дарья Игоревна', {
      domain: 'gim8.test',
      gender: '',
    }),
  ]);
  seed.run('appendRecords', 'Пары', [
    pairRecord('G1', 'M1', 'E1', 'утверждена', '14.10.2026'),
    pairRecord('G2', 'M1', 'E2', 'утверждена', '14.10.2026'),
  ]);
  for (const [name, value] of Object.entries(SETTINGS))
    seed.run('setWhere', 'Настройки', 'Параметр', name, 'Значение', value);
  await seed.save();
  return { dir, ws: await LocalWorkspace.open(dir, { curatorEmail: CURATOR }) };
}

/** The PDF's text with lines joined, as a reader sees the sentences. */
function printed(docx: string, out: string): string {
  // A profile of its own: another soffice running (another test, the user's) would refuse a second one.
  const profile = `-env:UserInstallation=file://${join(out, 'profile')}`;
  execFileSync(SOFFICE, [profile, '--headless', '--convert-to', 'pdf', '--outdir', out, docx], {
    stdio: 'ignore',
    timeout: 180_000,
  });
  const pdf = join(out, `${basename(docx, '.docx')}.pdf`);
  return execFileSync(PDFTOTEXT, ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

async function docxXml(path: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  return (await zip.file('word/document.xml')?.async('string')) ?? '';
}

/** What no document a director signs may show. */
function expectClean(name: string, text: string): void {
  const found = (pattern: RegExp) => text.match(pattern)?.[0];
  expect({ name, placeholder: found(/\{\{|\}\}/) }).toEqual({ name, placeholder: undefined });
  expect({ name, doubleStop: found(/г\.\s*\./) }).toEqual({ name, doubleStop: undefined });
  expect({ name, quotedDay: found(/«\d+»/) }).toEqual({ name, quotedDay: undefined });
  expect({
    name,
    machine: found(/\d{4}-\d{2}-\d{2}|\btrue\b|\bfalse\b|undefined|NaN|\b4[5-7]\d{3}\b/),
  }).toEqual({
    name,
    machine: undefined,
  });
  expect({ name, nested: found(/\([^()]*\([^()]*\)[^()]*\)/) }).toEqual({ name, nested: undefined });
  expect({ name, undeclined: found(/(Директору|даю|в|о наставничестве) Муниципальное/) }).toEqual({
    name,
    undeclined: undefined,
  });
  expect({ name, capitals: found(/[А-ЯЁ]{3,}[а-яё]+/) }).toEqual({ name, capitals: undefined });
}

test('every kind of document, printed through LibreOffice, reads as a director would sign it', async () => {
  if (!existsSync(SOFFICE) || !existsSync(PDFTOTEXT))
    throw new Error('LibreOffice and pdftotext are required: run scripts/ensure-libreoffice.sh');
  const { dir, ws } = await gymnasium();
  ws.run('createProgrammeOrders');
  // The curator answers «Да» to «Сформировать документы?» both times.
  ws.replyToAlerts('YES', 'YES');
  ws.run('generateDocumentsForApprovedPairs');
  // A month on, the plans are due: the order approving them, and the reports of the year.
  ws.advanceClock('30d');
  ws.run('generateDocumentsForApprovedPairs');
  ws.run('createHalfYearReport');
  ws.run('createStatisticsReport');
  ws.run('createYearEndReport');
  const docs = driveItems(dir).filter(
    (i) =>
      i.mimeType === 'application/vnd.google-apps.document' && !i.trashed && !i.name.startsWith('Шаблон'),
  );
  expect(docs.some((d) => /\.\s*$/.test(d.name))).toBe(false);
  const out = mkdtempSync(join(tmpdir(), 'nastavnik-lo-pdf-'));
  const text = (prefix: string) => {
    const doc = docs.find((d) => d.name.startsWith(prefix));
    if (!doc) throw new Error(`нет документа «${prefix}»: ${docs.map((d) => d.name).join('; ')}`);
    const t = printed(join(dir, `${doc.path}.docx`), out);
    expectClean(doc.name, t);
    return t;
  };

  // The appendix and «ознакомлены»: sized columns, a header row repeated on every page, rows kept whole.
  const orderDoc = docs.find((d) => d.name.startsWith('Приказ № 3-о'));
  const xml = await docxXml(join(dir, `${orderDoc?.path}.docx`));
  const tables = xml.split('<w:tbl>').slice(1);
  const appendix = tables[tables.length - 1];
  expect(appendix.match(/<w:tblHeader\/>/g)).toHaveLength(1);
  expect((appendix.match(/<w:cantSplit\/>/g) ?? []).length).toBe((appendix.match(/<w:tr>/g) ?? []).length);
  expect(new Set(appendix.match(/<w:gridCol w:w="\d+"\/>/g)).size).toBeGreaterThan(3);

  const order = text('Приказ № 3-о');
  expect(order).toContain('14 октября 2026 г.');
  expect(order).toContain('№ 273-ФЗ');
  expect(order).toContain('№ Р-145');
  expect(order).toContain(`Положением о наставничестве ${ORG_GENITIVE}`);
  expect(order).toContain('согласно приложению');
  expect(order).toContain('Григорьеву Тимуру Маратовичу');
  expect(order).toContain('И. В. ЛЕБЕДЕВА');
  // «С приказом ознакомлены»: the curator, the adult mentor, the parents of the two minors.
  for (const who of ['Григорьев Т. М.', 'Абрамян К. А.', 'Цой М. О.', 'Соловьёва Д. И.'])
    expect(order).toContain(who);
  // The appendix: names whole (columns wide enough), the girl without a patronymic, the group of two.
  for (const name of ['Абрамян Карине Ашотовна', 'Цой Алина', 'Соловьёв Илья Андреевич'])
    expect(order).toContain(name);
  for (const cell of [
    'ФИО наставника',
    'Должность, класс',
    'ФИО наставляемого',
    'Класс, должность',
    'учитель, английский язык',
    'до 10.06.2027',
  ])
    expect(order).toContain(cell);
  expect(order.match(/Соловьёв Илья Андреевич/g)).toHaveLength(1);

  expect(text('Приказ № 1-о')).toContain(`Внедрить в ${ORG_PREPOSITIONAL}`);
  expect(text('Приказ № 2-о')).toContain('Григорьева Тимура Маратовича');

  const agreement = text('Соглашение — К. А. Абрамян и А. Цой');
  expect(agreement).toContain(
    'Цой Марина Олеговна, родитель (законный представитель) несовершеннолетнего участника Цой Алины',
  );
  expect(agreement).toContain(`в ${ORG_PREPOSITIONAL}`);

  // One plan for the group, listing both mentees; its dates are the planner's (as in «Встречи»).
  const plan = text('Индивидуальный план группы — К. А. Абрамян');
  expect(plan).toContain('1. Цой Алина, 8А класс');
  expect(plan).toContain('2. Соловьёв Илья Андреевич, 6Б класс');
  expect(plan).toMatch(/Встреча-планирование \d\d\.\d\d\.2026/);

  // A 15-year-old signs her own consent; the parent signs for a 12-year-old.
  const own = text('Согласие на обработку ПД — А. Цой');
  expect(own).toContain(`Директору ${ORG_GENITIVE}`);
  expect(own).toContain('ЛЕБЕДЕВОЙ И. В.');
  expect(own).toContain('от Цой Алины');
  expect(own).toContain(`даю ${ORG_DATIVE} согласие`);
  expect(own).toContain('150000, г. Ярославль, ул. Свободы, д. 8');
  expect(own).toContain('удостоверяющий личность');
  expect(own).toContain('Google LLC');
  expect(own).toContain('ст. 12');
  const parents = text('Согласие родителя на обработку ПД — И. А. Соловьёв');
  expect(parents).toContain('от Соловьёвой Дарьи Игоревны');
  expect(parents).toContain('полномочия законного представителя');
  expect(parents).toContain('являясь законным представителем Соловьёва Ильи Андреевича, 6Б класс');
  const adultOwn = text('Согласие на обработку ПД — К. А. Абрамян');
  expect(adultOwn).toContain('от Абрамян Карине Ашотовны');

  const approval = text('Приказ № 4-о');
  expect(approval).toContain('Об утверждении индивидуальных планов наставнических пар (групп)');
  expect(approval).toContain('во исполнение приказа от 14 октября 2026 г. № 3-о');
  expect(approval).toContain('Цой А., Соловьёв И. А.');

  for (const report of [
    'Мониторинг программы наставничества 2026-2027, I полугодие',
    'Сведения о количестве участников программы наставничества 2026-2027',
    'Итоги учебного года по программе наставничества 2026-2027',
  ]) {
    const t = text(report);
    expect(t).toContain('УТВЕРЖДАЮ');
    expect(t).toContain('И. В. ЛЕБЕДЕВА');
    expect(t).toContain('Отчётный период: с 1 сентября 2026 г. по 13 ноября 2026 г.');
    expect(t).toContain('Куратор целевой модели наставничества _______________ Т. М. Григорьев');
    expect(t).not.toContain('30 декабря');
  }

  const dissemination = text('Согласие на распространение ПД — А. Цой');
  expect(dissemination).toContain('ИНН 7604012345');
  expect(dissemination).toContain('ОГРН 1027600681234');
  expect(dissemination).toContain('https://vk.com/gim8yar');
  expect(dissemination).toContain('ст. 10.1');
  expect(readdirSync(out).filter((f) => f.endsWith('.pdf')).length).toBeGreaterThanOrEqual(13);
});
