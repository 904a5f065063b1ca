// Attack: free text was coerced by the sheet — a note «01.02.2026» became a date and printed in the
// plan as «2026-01-31T21:00:00.000Z», «TRUE» became a boolean. Now what a person typed is what the
// sheet keeps and what documents print.
import { join } from 'node:path';
import { docxText, driveItems } from '../documents/school';
import {
  consentAnswers,
  menteeAnswers,
  mentorAnswers,
  setUpWorkspace,
  submit,
  table,
} from '../intake/workspace';

/** Text Sheets would otherwise read as a date, a number, a boolean, a time, a percentage or a formula. */
const CORPUS = [
  '01.02.2026',
  'TRUE',
  'ЛОЖЬ',
  '1e5',
  '00123',
  '-5',
  '3,14',
  '=1+1',
  '+7 900 123-45-67',
  '@школа',
  '12:30',
  '50%',
  '2026-09-01',
  "'в кавычках",
];
const SURNAMES = ['Алексеев', 'Борисов', 'Васильев', 'Григорьев', 'Дмитриев', 'Егоров', 'Жуков'];
const NAMES = ['Антон', 'Борис'];

describe('attack «free text is coerced by the sheet»', () => {
  it('keeps every answer of the corpus as typed in the base, and the plan prints it as typed', async () => {
    const ws = await setUpWorkspace({ mailQuota: 1000 });
    CORPUS.forEach((note, i) => {
      const email = `pupil${i}@example.ru`;
      const lastName = SURNAMES[i % SURNAMES.length];
      const firstName = NAMES[Math.floor(i / SURNAMES.length)];
      const reply = submit(
        ws,
        'mentee',
        menteeAnswers({
          email,
          lastName,
          firstName,
          age: '15',
          note,
          forms: ['учитель – ученик'],
          parentName: 'Родителева Мария',
          parentEmail: `parent${i}@example.ru`,
        }),
      );
      expect(reply).toMatchObject({ result: 'accepted', reasons: [] });
      if (i < 3) {
        submit(
          ws,
          'consent',
          consentAnswers({
            signer: 'Я — участник программы (совершеннолетний или старше 14 лет)',
            signerName: `${lastName} ${firstName}`,
            participantName: `${lastName} ${firstName}`,
            participantEmail: email,
          }),
        );
        submit(
          ws,
          'mentor',
          mentorAnswers({ email: `teacher${i}@school.ru`, lastName: SURNAMES[i], capacity: '1' }),
        );
        submit(
          ws,
          'consent',
          consentAnswers({
            signer: 'Я — участник программы (совершеннолетний или старше 14 лет)',
            signerName: `${SURNAMES[i]} Ольга Викторовна`,
            participantName: `${SURNAMES[i]} Ольга Викторовна`,
            participantEmail: `teacher${i}@school.ru`,
            participantRole: 'наставник',
          }),
        );
      }
    });
    const notes = table(ws, 'Наставляемые').map((r) => r.Комментарий);
    expect(notes).toEqual(CORPUS);

    ws.run('proposePairs');
    ws.run('approvePairs');
    ws.replyToAlerts('YES');
    ws.run('generateDocumentsForApprovedPairs');
    const plans = driveItems(ws.dir).filter(
      (i) =>
        i.name.startsWith('Индивидуальный план') && i.mimeType === 'application/vnd.google-apps.document',
    );
    expect(plans).toHaveLength(3);
    const printed = (await Promise.all(plans.map((p) => docxText(join(ws.dir, `${p.path}.docx`))))).join(
      '\n',
    );
    for (const note of CORPUS.slice(0, 3)) expect(printed).toContain(note);
    expect(printed).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:\d\d/);
    expect(printed).not.toMatch(/\btrue\b|\bfalse\b/);

    // The ст. 14 export prints the answer as typed too.
    const export14 = String(ws.run('exportParticipantData', 'НЯ-0005'));
    expect(export14).toContain('00123');
  }, 300_000);
});
