// A school adds its own form of mentoring, «работодатель – студент», through the workbook: a row in
// «Формы наставничества» and the form's name in Настройки. One pair of it goes the whole way:
// questionnaires, matching, approval, documents, meetings at the form's own interval, monitoring.

import { intakeFormIds } from '../../src/cli/intakeSubmit';
import { PAIRS_HEADERS } from '../../src/core/matching/pairRow';
import { SHEETS } from '../../src/core/sheets';
import type { LocalWorkspace } from '../../src/local';
import { readForm } from '../../src/local/forms/store';
import { menteeAnswers, mentorAnswers, ownConsentAnswers, setUpWorkspace, submit, table } from './workspace';

const FORM = 'работодатель – студент';

function typeRow(ws: LocalWorkspace, sheet: string, row: number, cells: string[]): void {
  cells.forEach((text, k) => {
    if (text) ws.edit(sheet, `${String.fromCharCode(65 + k)}${row}`, text);
  });
}

describe('a sixth form of mentoring configured by the curator', () => {
  let ws: LocalWorkspace;
  beforeAll(async () => {
    ws = await setUpWorkspace();
    const catalogue = table(ws, 'Формы наставничества');
    expect(catalogue.map((r) => r.Форма)).toEqual([
      'ученик – ученик',
      'учитель – учитель',
      'учитель – ученик',
      'студент – ученик',
      'работодатель – ученик',
    ]);
    typeRow(ws, 'Формы наставничества', catalogue.length + 2, [
      FORM,
      'представитель работодателя, молодой специалист',
      'студент',
      'от 16',
      '',
      'нет',
      '3',
      '28',
    ]);
    const settings = table(ws, SHEETS.settings);
    const at = settings.findIndex((r) => r.Параметр === 'Формы наставничества') + 2;
    ws.edit(SHEETS.settings, `B${at}`, `${String(settings[at - 2].Значение)}; ${FORM}`);
    ws.run('setupProgramme');
  }, 60_000);

  it('offers the new form in both questionnaires', () => {
    for (const key of ['mentee', 'mentor'] as const) {
      const record = intakeFormIds(ws)[key];
      const item = readForm(ws.ctx, record.id)?.items.find((i) => String(i.id) === record.items.forms);
      expect(item?.choices).toContain(FORM);
    }
  });

  it('carries one pair through intake, matching, documents, meetings and monitoring', () => {
    const mentor = submit(
      ws,
      'mentor',
      mentorAnswers({
        email: 'engineer@zavod.ru',
        lastName: 'Кузнецов',
        firstName: 'Андрей',
        middleName: 'Ильич',
        category: 'представитель работодателя',
        age: '45',
        position: 'главный инженер, АО «Завод»',
        experienceYears: '',
        subjects: [],
        topics: ['профориентация'],
        forms: [FORM],
        capacity: '2',
      }),
    );
    expect(mentor).toMatchObject({ result: 'accepted' });
    const mentee = submit(
      ws,
      'mentee',
      menteeAnswers({
        email: 'student@college.ru',
        lastName: 'Орлова',
        firstName: 'Дарья',
        category: 'студент',
        schoolClass: '',
        age: '19',
        topics: ['профориентация'],
        forms: [FORM],
        parentName: '',
        parentEmail: '',
      }),
    );
    expect(mentee).toMatchObject({ result: 'accepted' });
    for (const [name, email, role] of [
      ['Кузнецов Андрей Ильич', 'engineer@zavod.ru', 'наставник'],
      ['Орлова Дарья', 'student@college.ru', 'наставляемый'],
    ]) {
      const reply = submit(ws, 'consent', ownConsentAnswers(name, email, role));
      expect(reply).toMatchObject({ result: 'accepted' });
    }

    ws.run('proposePairs');
    ws.run('approvePairs');
    const pairs = table(ws, SHEETS.pairs);
    expect(pairs.map((p) => [p['Код наставника'], p['Код наставляемого'], p.Форма, p.Состояние])).toEqual([
      [mentor.participantId, mentee.participantId, FORM, 'утверждена'],
    ]);
    expect(Object.keys(pairs[0])).toEqual(expect.arrayContaining([...PAIRS_HEADERS]));

    ws.replyToAlerts('YES');
    ws.run('generateDocumentsForApprovedPairs');
    const documents = table(ws, SHEETS.documents);
    expect(documents.some((d) => JSON.stringify(d).includes('Орлова'))).toBe(true);

    ws.run('createMeetingPlans');
    const meetings = table(ws, SHEETS.meetings).filter((m) => m.Форма === FORM);
    expect(meetings.length).toBeGreaterThan(3);
    const regular = meetings
      .filter((m) => m.Вид === 'регулярная встреча')
      .map((m) => (m.Дата as Date).getTime());
    // The form meets every 28 days on average, not every 14 as the school's setting says (holidays shift some).
    const gaps = regular.slice(1).map((t, k) => Math.round((t - regular[k]) / 86_400_000));
    expect(regular.length).toBeGreaterThan(4);
    const mean = gaps.reduce((a, b) => a + b, 0) / gaps.length;
    expect(mean).toBeGreaterThan(24);
    expect(mean).toBeLessThan(32);

    ws.run('refreshMonitoring');
    const monitoring = table(ws, SHEETS.monitoring);
    const row = monitoring.find((r) => JSON.stringify(r).includes(`Форма «${FORM}»: наставники`));
    expect(row).toBeDefined();
    expect(JSON.stringify(row)).toMatch(/"1"|:1[,}]/);
  });
});
