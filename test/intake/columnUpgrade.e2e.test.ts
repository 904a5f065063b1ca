// A school deployed before the bases had «Пол» and «Склонение» and «Документы» had «Попыток»: its
// sheets hold data without those columns. Setup of the new version adds them, keeps every value,
// says so in Журнал, and the year goes on; a column the curator deleted still stops setup.

import { SHEETS } from '../../src/core/sheets';
import { LocalWorkspace } from '../../src/local';
import {
  menteeAnswers,
  mentorAnswers,
  ownConsentAnswers,
  type Row,
  setUpWorkspace,
  submit,
  table,
} from './workspace';

/** The curator's script: deletes columns by header, as an older version's layout would lack them. */
const DROP_COLUMNS = `
function dropColumns(name, headers) {
  var sheet = SpreadsheetApp.getActive().getSheetByName(name);
  var header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
  for (var c = header.length - 1; c >= 0; c--) {
    if (headers.indexOf(String(header[c])) >= 0) sheet.deleteColumns(c + 1, 1);
  }
  SpreadsheetApp.flush();
}
`;

async function dropColumns(ws: LocalWorkspace, name: string, headers: string[]): Promise<void> {
  const curator = await LocalWorkspace.open(ws.dir, { code: DROP_COLUMNS });
  curator.run('dropColumns', name, headers);
  await curator.save();
}

const headerOf = (ws: LocalWorkspace, name: string): string[] => Object.keys(table(ws, name)[0] ?? {});
const without = (rows: Row[], headers: readonly string[]): Row[] =>
  rows.map((r) => Object.fromEntries(Object.entries(r).filter(([h]) => !headers.includes(h))));

const NEW_BASE_COLUMNS = ['Пол', 'Склонение'];

describe('a workbook laid out before the newer required columns', () => {
  let ws: LocalWorkspace;
  const before: Record<string, Row[]> = {};

  beforeAll(async () => {
    ws = await setUpWorkspace();
    const mentor = submit(ws, 'mentor', mentorAnswers());
    const mentee = submit(
      ws,
      'mentee',
      menteeAnswers({ schoolClass: '9А', age: '15', forms: ['учитель – ученик'] }),
    );
    expect([mentor.result, mentee.result]).toEqual(['accepted', 'accepted']);
    for (const [name, email, role] of [
      ['Смирнова Ольга Викторовна', 'o.smirnova@school.ru', 'наставник'],
      ['Иванов Пётр', 'petya.ivanov@example.ru', 'наставляемый'],
    ])
      submit(ws, 'consent', ownConsentAnswers(name, email, role));
    ws.run('proposePairs');
    ws.replyToAlerts('YES');
    ws.run('approvePairs');
    ws.replyToAlerts('YES');
    ws.run('generateDocumentsForApprovedPairs');
    expect(table(ws, SHEETS.documents).length).toBeGreaterThan(0);

    await dropColumns(ws, SHEETS.mentors, NEW_BASE_COLUMNS);
    await dropColumns(ws, SHEETS.mentees, NEW_BASE_COLUMNS);
    await dropColumns(ws, SHEETS.documents, ['Попыток']);
    for (const sheet of [SHEETS.mentors, SHEETS.mentees, SHEETS.documents]) before[sheet] = table(ws, sheet);
    expect(headerOf(ws, SHEETS.mentors)).not.toContain('Пол');
    expect(headerOf(ws, SHEETS.documents)).not.toContain('Попыток');
  }, 120_000);

  it('gets the columns from setup, with every value kept and a line in Журнал', () => {
    ws.run('setupProgramme');
    for (const sheet of [SHEETS.mentors, SHEETS.mentees])
      expect(headerOf(ws, sheet)).toEqual(expect.arrayContaining(NEW_BASE_COLUMNS));
    expect(headerOf(ws, SHEETS.documents)).toContain('Попыток');
    expect(without(table(ws, SHEETS.mentors), NEW_BASE_COLUMNS)).toEqual(before[SHEETS.mentors]);
    expect(without(table(ws, SHEETS.mentees), NEW_BASE_COLUMNS)).toEqual(before[SHEETS.mentees]);
    expect(without(table(ws, SHEETS.documents), ['Попыток'])).toEqual(before[SHEETS.documents]);
    const upgrades = table(ws, SHEETS.journal)
      .filter((r) => r.Событие === 'Обновление листа')
      .map((r) => String(r.Подробности));
    expect(upgrades).toEqual(
      expect.arrayContaining([
        expect.stringContaining(`«${SHEETS.mentors}» добавлены столбцы «Пол», «Склонение»`),
        expect.stringContaining(`«${SHEETS.mentees}» добавлены столбцы «Пол», «Склонение»`),
        expect.stringContaining(`«${SHEETS.documents}» добавлены столбцы «Попыток»`),
      ]),
    );
    expect(upgrades).toHaveLength(3);
    // A second setup has nothing to add.
    ws.run('setupProgramme');
    expect(table(ws, SHEETS.journal).filter((r) => r.Событие === 'Обновление листа')).toHaveLength(3);
  });

  it('goes on with the year: a new questionnaire fills «Пол», documents are made again on request', () => {
    const next = submit(
      ws,
      'mentee',
      menteeAnswers({
        email: 'masha@example.ru',
        lastName: 'Орлова',
        firstName: 'Мария',
        gender: 'женский',
        schoolClass: '9А',
        age: '15',
        forms: ['учитель – ученик'],
      }),
    );
    expect(next.result).toBe('accepted');
    const row = table(ws, SHEETS.mentees).find((r) => r.ID === next.participantId);
    expect(row?.Пол).toBe('женский');
    ws.replyToAlerts('YES');
    expect(ws.run('generateDocumentsForApprovedPairs')).toMatchObject({ problems: [] });
  });

  it('still stops on an ordinary column the curator deleted, naming it in Russian', async () => {
    await dropColumns(ws, SHEETS.mentees, ['Фамилия']);
    expect(() => ws.run('setupProgramme')).toThrow(
      /В листе «Наставляемые» нет столбца «Фамилия»: его заголовок переименовали или столбец удалили/,
    );
  });
});
