// Attack: 50 questionnaires with other people's addresses made ~100 letters at once before any
// consent, burning a consumer account's whole daily quota. Now letters to addresses nobody has
// confirmed go at most one a day per address and a limited number a day in all; the rest wait in
// «Почта», visible to the curator with the day they will go.
import { UNVERIFIED_DAILY_LIMIT } from '../../src/core/mail/outbox';
import { menteeAnswers, setUpWorkspace, submit, table } from '../intake/workspace';

const SURNAMES = [
  'Алексеев',
  'Борисов',
  'Васильев',
  'Григорьев',
  'Дмитриев',
  'Егоров',
  'Жуков',
  'Зуев',
  'Ильин',
  'Козлов',
];
const NAMES = ['Антон', 'Борис', 'Виктор', 'Глеб', 'Денис'];

describe('attack «50 strangers’ questionnaires burn the daily mail quota»', () => {
  it('sends at most the daily limit of letters to unconfirmed addresses and queues the rest, visibly', async () => {
    const ws = await setUpWorkspace({ mailQuota: 100 });
    for (let i = 0; i < 50; i++) {
      submit(
        ws,
        'mentee',
        menteeAnswers({
          email: `victim${i}@example.ru`,
          lastName: SURNAMES[i % 10],
          firstName: NAMES[Math.floor(i / 10)],
          parentName: 'Посторонняя Ирина',
          parentEmail: `victim.parent${i}@example.ru`,
        }),
      );
    }
    // The form's trigger queues the letters; the delivery run a minute later sends them.
    ws.advanceClock('2m');
    const mail = table(ws, 'Почта');
    expect(mail).toHaveLength(100);
    const sent = mail.filter((r) => r.Состояние === 'отправлено');
    expect(sent).toHaveLength(UNVERIFIED_DAILY_LIMIT);
    const waiting = mail.filter((r) => r.Состояние === 'в очереди');
    expect(waiting).toHaveLength(100 - UNVERIFIED_DAILY_LIMIT);
    expect(waiting.every((r) => String(r.Ошибка).startsWith('Отложено до '))).toBe(true);
    expect(ws.ctx.remainingQuota('email')).toBe(100 - UNVERIFIED_DAILY_LIMIT);
  }, 300_000);

  it('gives one address one letter a day before consent; the others follow on later days', async () => {
    const ws = await setUpWorkspace({ mailQuota: 100 });
    for (let i = 0; i < 3; i++)
      submit(
        ws,
        'mentee',
        menteeAnswers({
          email: `child${i}@example.ru`,
          lastName: SURNAMES[i],
          parentEmail: 'same.parent@example.ru',
        }),
      );
    ws.advanceClock('2m');
    const toParent = () => table(ws, 'Почта').filter((r) => r.Кому === 'same.parent@example.ru');
    expect(toParent().map((r) => r.Состояние)).toEqual(['отправлено', 'в очереди', 'в очереди']);
    ws.advanceClock('1d');
    expect(toParent().filter((r) => r.Состояние === 'отправлено')).toHaveLength(2);
    ws.advanceClock('1d');
    expect(toParent().filter((r) => r.Состояние === 'отправлено')).toHaveLength(3);
  }, 300_000);
});
