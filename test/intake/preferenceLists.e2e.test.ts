// The post-meeting questionnaires list whoever may be chosen now: a consent given or withdrawn
// changes the lists at once, without «Обновить списки в анкетах».
import { intakeFormIds } from '../../src/cli/intakeSubmit';
import { readForm } from '../../src/local/forms/store';
import { confirmByLink, consentAnswers, mentorAnswers, setUpWorkspace, submit } from './workspace';

const SELF = 'Я — участник программы (совершеннолетний или старше 14 лет)';
const mentorConsent = (decision?: string) =>
  consentAnswers({
    signer: SELF,
    signerName: 'Смирнова Ольга Викторовна',
    participantName: 'Смирнова Ольга Викторовна',
    participantEmail: 'o.smirnova@school.ru',
    participantRole: 'наставник',
    ...(decision ? { decision } : {}),
  });

it('a mentor appears in the mentees’ choice list on consent and leaves it on withdrawal', async () => {
  const ws = await setUpWorkspace();
  const choices = () =>
    readForm(ws.ctx, intakeFormIds(ws).preferencesMentee.id)?.items.find((i) =>
      i.title.startsWith('Первый выбор'),
    )?.choices ?? [];
  submit(ws, 'mentor', mentorAnswers());
  expect(choices()).not.toContain('Смирнова Ольга, учитель математики (НС-0001)');
  submit(ws, 'consent', mentorConsent());
  expect(choices()).toEqual(['Смирнова Ольга, учитель математики (НС-0001)']);
  // A withdrawal through the form waits for the address on file to confirm it.
  expect(submit(ws, 'consent', mentorConsent('Отзываю ранее данное согласие')).result).toBe('pending');
  expect(choices()).toEqual(['Смирнова Ольга, учитель математики (НС-0001)']);
  expect(confirmByLink(ws)).toContain('Изменение подтверждено');
  expect(choices().some((c) => c.includes('НС-0001'))).toBe(false);
});
