// Attack: withdrawal left the person in «Встречи», «Документы», shared Drive documents and the
// post-meeting forms' choice lists, and the ст. 14 export missed Журнал, «Приём анкет» and raw
// responses while showing other children's names and live meeting tokens.

import { SEED_SCRIPT } from '../../bench/schools/seedScript';
import { intakeFormIds } from '../../src/cli/intakeSubmit';
import { LocalWorkspace } from '../../src/local';
import { readForm } from '../../src/local/forms/store';
import { SpreadsheetStore } from '../../src/local/spreadsheet/store';
import { driveItems } from '../documents/school';
import {
  confirmByLink,
  consentAnswers,
  menteeAnswers,
  mentorAnswers,
  setUpWorkspace,
  submit,
  table,
} from '../intake/workspace';

const SELF = 'Я — участник программы (совершеннолетний или старше 14 лет)';

/** Every cell of every sheet the programme writes (raw form responses are the curator's to delete). */
function programmeSheets(ws: LocalWorkspace): string {
  const store = SpreadsheetStore.of(ws.ctx);
  store.reload();
  const sheets = store.model(ws.boundSpreadsheetId)?.sheets ?? [];
  return JSON.stringify(
    sheets.filter((s) => !/^Ответы( на форму| —)/.test(s.name)).map((s) => [s.name, s.values]),
  );
}

async function schoolWithGroup(): Promise<LocalWorkspace> {
  const ws = await setUpWorkspace({ mailQuota: 1000 });
  submit(ws, 'mentor', mentorAnswers({ capacity: '2', forms: ['учитель – ученик'] }));
  submit(
    ws,
    'consent',
    consentAnswers({
      signer: SELF,
      signerName: 'Смирнова Ольга Викторовна',
      participantName: 'Смирнова Ольга Викторовна',
      participantEmail: 'o.smirnova@school.ru',
      participantRole: 'наставник',
    }),
  );
  submit(ws, 'mentee', menteeAnswers({ forms: ['учитель – ученик'] }));
  submit(ws, 'consent', consentAnswers());
  submit(
    ws,
    'mentee',
    menteeAnswers({
      email: 'pavel.petrov@example.ru',
      lastName: 'Петров',
      firstName: 'Павел',
      age: '15',
      forms: ['учитель – ученик'],
      parentName: 'Петрова Анна',
      parentEmail: 'anna.petrova@example.ru',
    }),
  );
  submit(
    ws,
    'consent',
    consentAnswers({
      signer: SELF,
      signerName: 'Петров Павел',
      participantName: 'Петров Павел',
      participantEmail: 'pavel.petrov@example.ru',
    }),
  );
  ws.run('refreshQuestionnaireLists');
  ws.run('proposePairs');
  ws.run('approvePairs');
  ws.replyToAlerts('YES');
  ws.run('generateDocumentsForApprovedPairs');
  return ws;
}

describe('attack «withdrawal leaves the person behind; the ст. 14 export shows too much and too little»', () => {
  it('the export holds Журнал, «Приём анкет» and raw responses, and no other child’s name or link token', async () => {
    const ws = await schoolWithGroup();
    const text = String(ws.run('exportParticipantData', 'НЯ-0001'));
    expect(text).toContain('Журнал:');
    expect(text).toContain('Приём анкет:');
    expect(text).toMatch(/Ответы — [^\n]*:/);
    expect(text).toContain('petya.ivanov@example.ru');
    expect(text).toContain('Иванова Мария Петровна');
    expect(text).not.toMatch(/Петров Павел|Петров П\.|pavel\.petrov|anna\.petrova/);
    const tokens = table(ws, 'Встречи')
      .map((m) => String(m.Токен))
      .filter(Boolean);
    expect(tokens.length).toBeGreaterThan(0);
    for (const t of tokens) expect(text).not.toContain(t);
  }, 300_000);

  it('a confirmed withdrawal removes the child from every sheet, trashes and unshares their documents, and leaves the form lists', async () => {
    const ws = await schoolWithGroup();
    const mine = () =>
      driveItems(ws.dir).filter((i) => /Иванов П\. П\./.test(i.name) || i.name.includes('Иванов'));
    const before = mine();
    expect(before.length).toBeGreaterThan(0);
    expect(before.some((i) => i.viewers.length + i.editors.length > 0)).toBe(true);
    const choices = () =>
      readForm(ws.ctx, intakeFormIds(ws).preferencesMentor.id)?.items.flatMap((i) => i.choices) ?? [];
    expect(choices().join(' ')).toContain('Иванов');

    // A feedback answer of the child, as the survey trigger records it.
    const seed = await LocalWorkspace.open(ws.dir, { code: SEED_SCRIPT });
    seed.run('appendRecords', 'Опросы', [
      {
        Вид: 'обратная связь',
        Роль: 'наставляемый',
        'Код участника': 'НЯ-0001',
        Пара: 'НС-0001/НЯ-0001',
        Оценки: 'польза: 9',
      },
    ]);
    await seed.save();

    submit(ws, 'consent', consentAnswers({ decision: 'Отзываю ранее данное согласие' }));
    expect(confirmByLink(ws)).toContain('Изменение подтверждено');
    const [survey] = table(ws, 'Опросы');
    expect(survey).toMatchObject({ 'Код участника': 'данные удалены', Пара: '', Оценки: 'польза: 9' });

    const everything = programmeSheets(ws);
    expect(everything).not.toContain('petya.ivanov@example.ru');
    expect(everything).not.toContain('mama.ivanova@example.ru');
    expect(everything).not.toMatch(/Иванов Пётр|Иванов П\. П\.|Иванова Мария/);
    for (const m of table(ws, 'Встречи')) expect(String(m.Наставляемые)).not.toContain('Иванов');
    const docs = table(ws, 'Документы').filter((d) => String(d.Статус) === 'удалён (отзыв согласия)');
    expect(docs.length).toBeGreaterThan(0);
    for (const d of docs) expect(d['Кто видит']).toBe('');
    const after = driveItems(ws.dir).filter((i) => before.some((b) => b.id === i.id));
    for (const f of after) {
      expect(f.trashed).toBe(true);
      expect([...f.viewers, ...f.editors]).toEqual([]);
    }
    expect(choices().join(' ')).not.toContain('Иванов');
    const journal = table(ws, 'Журнал').find((r) => r.Событие === 'Документы участника удалены');
    expect(String(journal?.Подробности)).toMatch(/окончательно до \d\d\.\d\d\.\d{4}/);
    // «Сформировать документы» afterwards makes nothing new for the erased child.
    const count = driveItems(ws.dir).length;
    ws.replyToAlerts('YES');
    ws.run('generateDocumentsForApprovedPairs');
    const made = driveItems(ws.dir).slice(count);
    expect(made.filter((i) => i.name.includes('Иванов') || i.name.includes('данные удалены'))).toEqual([]);
    expect(programmeSheets(ws)).not.toMatch(/Иванов Пётр|Иванов П\. П\./);
  }, 300_000);
});
