// The post-meeting questionnaires follow the meetings-acquaintance: once the curator ticks
// «Проведена», they offer the people who came, nobody without consent, and they follow every later
// change of consent and every later meeting by themselves.
import { intakeFormIds } from '../../src/cli/intakeSubmit';
import type { LocalWorkspace } from '../../src/local';
import { readForm } from '../../src/local/forms/store';
import {
  confirmByLink,
  consentAnswers,
  menteeAnswers,
  mentorAnswers,
  setUpWorkspace,
  submit,
  table,
} from './workspace';

const SELF = 'Я — участник программы (совершеннолетний или старше 14 лет)';
const SHEET = 'Встречи-знакомства';
const SMIRNOVA = 'Смирнова Ольга, учитель математики (НС-0001)';
const ORLOV = 'Орлов Денис, учитель физики (НС-0002)';
const IVANOV = 'Иванов Пётр, 7Б (НЯ-0001)';
const PETROVA = 'Петрова Анна, 8А (НЯ-0002)';

const mentorConsent = (name: string, email: string, decision?: string) =>
  consentAnswers({
    signer: SELF,
    signerName: name,
    participantName: name,
    participantEmail: email,
    participantRole: 'наставник',
    ...(decision ? { decision } : {}),
  });

describe('lists of the post-meeting questionnaires', () => {
  let ws: LocalWorkspace;
  const firstChoice = (form: 'preferencesMentee' | 'preferencesMentor') =>
    readForm(ws.ctx, intakeFormIds(ws)[form].id)?.items.find((i) => i.title.startsWith('Первый выбор'))
      ?.choices ?? [];

  beforeAll(async () => {
    ws = await setUpWorkspace();
    submit(ws, 'mentor', mentorAnswers());
    submit(ws, 'consent', mentorConsent('Смирнова Ольга Викторовна', 'o.smirnova@school.ru'));
    submit(
      ws,
      'mentor',
      mentorAnswers({
        email: 'd.orlov@school.ru',
        lastName: 'Орлов',
        firstName: 'Денис',
        middleName: 'Сергеевич',
        position: 'учитель физики',
        subjects: ['физика'],
      }),
    );
    submit(ws, 'consent', mentorConsent('Орлов Денис Сергеевич', 'd.orlov@school.ru'));
    submit(ws, 'mentee', menteeAnswers());
    submit(ws, 'consent', consentAnswers());
    submit(
      ws,
      'mentee',
      menteeAnswers({
        email: 'anya.petrova@example.ru',
        lastName: 'Петрова',
        firstName: 'Анна',
        schoolClass: '8А',
        age: '14',
        parentName: 'Петрова Елена Ивановна',
        parentEmail: 'petrova.mama@example.ru',
      }),
    );
  }, 120_000);

  it('offer every consented participant before any meeting is held', () => {
    expect(firstChoice('preferencesMentee')).toEqual([SMIRNOVA, ORLOV]);
    expect(firstChoice('preferencesMentor')).toEqual([IVANOV]);
  });

  it('offer only the people who came, once the meeting is marked held, and say so on its row', () => {
    ws.edit(SHEET, 'A2', 'Знакомство 7–8 классов');
    ws.edit(SHEET, 'B2', '01.10.2026');
    ws.edit(SHEET, 'C2', 'НС-0001, НЯ-0001, НЯ-0002');
    // Who came is not enough: the lists change when the meeting is held.
    expect(firstChoice('preferencesMentee')).toEqual([SMIRNOVA, ORLOV]);
    ws.edit(SHEET, 'D2', 'TRUE');
    expect(firstChoice('preferencesMentee')).toEqual([SMIRNOVA]);
    expect(firstChoice('preferencesMentor')).toEqual([IVANOV]);
    const row = table(ws, SHEET)[0];
    expect(String(row['Списки в анкетах'])).toMatch(
      /^обновлены \d\d\.\d\d\.2026: наставников 1, наставляемых 1/,
    );
    // Анна came but has no consent yet: she is named, so the curator knows why she is missing.
    expect(String(row['Списки в анкетах'])).toContain(
      'не предложены (нет согласия или нет в базах): НЯ-0002',
    );
  });

  it('add a participant of the meeting when their consent arrives', () => {
    submit(
      ws,
      'consent',
      consentAnswers({
        signerName: 'Петрова Елена Ивановна',
        participantName: 'Петрова Анна',
        participantEmail: 'anya.petrova@example.ru',
      }),
    );
    expect(firstChoice('preferencesMentor')).toEqual([IVANOV, PETROVA]);
  });

  it('drop a participant who withdraws consent', () => {
    const withdrawal = mentorConsent(
      'Смирнова Ольга Викторовна',
      'o.smirnova@school.ru',
      'Отзываю ранее данное согласие',
    );
    expect(submit(ws, 'consent', withdrawal).result).toBe('pending');
    expect(confirmByLink(ws)).toContain('Изменение подтверждено');
    expect(firstChoice('preferencesMentee').some((c) => c.includes('НС-0001'))).toBe(false);
    expect(firstChoice('preferencesMentee')).toEqual(['Список пока пуст']);
  });

  it('follow the next meeting once it is held', () => {
    ws.edit(SHEET, 'A3', 'Знакомство с учителями физики');
    ws.edit(SHEET, 'B3', '08.10.2026');
    ws.edit(SHEET, 'C3', 'НС-0002\nНЯ-0001');
    ws.edit(SHEET, 'D3', 'TRUE');
    expect(firstChoice('preferencesMentee')).toEqual([ORLOV]);
    expect(firstChoice('preferencesMentor')).toEqual([IVANOV]);
  });

  it('show a participant the meetings they came to, without who else came', () => {
    const text = String(ws.run('exportParticipantData', 'НЯ-0002'));
    expect(text).toContain('Знакомство 7–8 классов');
    expect(text).not.toContain('Знакомство с учителями физики');
    expect(text).not.toContain('НС-0001');
  });
});
