// Identity before change, replayed as the attacks were: a Google Form does not prove who typed an
// address into it, so a response that would erase a record or change whose it is waits for the
// address already on file (a one-time link) or the curator.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LocalWorkspace } from '../../src/local';
import {
  confirmByLink,
  consentAnswers,
  menteeAnswers,
  setUpWorkspace,
  submit,
  table,
  visitLink,
  waitingToken,
} from '../intake/workspace';

const MENTEES = 'Наставляемые';
const PENDING = 'Ожидают подтверждения';
const WITHDRAW = 'Отзываю ранее данное согласие';

/** Recipients and texts of every letter written to the outbox so far. */
function letters(ws: LocalWorkspace): Array<{ to: string; text: string }> {
  const dir = join(ws.dir, 'outbox');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.eml'))
    .map((f) => {
      const raw = readFileSync(join(dir, f), 'utf8');
      return { to: /^To: (.*)$/m.exec(raw)?.[1] ?? '', text: raw };
    });
}

/** Recipients other than the curator (who gets the weekly digest). */
const toParticipants = (sent: Array<{ to: string }>) =>
  sent.map((l) => l.to).filter((to) => to !== 'curator@school.local');

/** Addresses asked to confirm a change («Почта»). */
function asked(ws: LocalWorkspace): string[] {
  return table(ws, 'Почта')
    .filter((r) => r.Вид === 'подтверждение изменения')
    .map((r) => String(r.Кому));
}

async function pupilWithConsent(): Promise<LocalWorkspace> {
  const ws = await setUpWorkspace({ mailQuota: 1000 });
  submit(ws, 'mentee', menteeAnswers({ age: '12' }));
  submit(ws, 'consent', consentAnswers());
  expect(table(ws, MENTEES)[0]).toMatchObject({ ID: 'НЯ-0001', Согласие: 'получено' });
  // The confirmations of these two go by the delivery run a minute later.
  ws.advanceClock('2m');
  return ws;
}

describe('attack «anyone who knows a pupil’s e-mail erases that pupil»', () => {
  it('a withdrawal signed by anyone waits; the record and its consent stay; the parent on file is asked', async () => {
    const ws = await pupilWithConsent();
    const before = letters(ws).length;
    const reply = submit(
      ws,
      'consent',
      consentAnswers({
        decision: WITHDRAW,
        signer: 'Я — участник программы (совершеннолетний или старше 14 лет)',
        signerName: 'Кто Угодно',
      }),
    );
    expect(reply.result).toBe('pending');
    expect(table(ws, MENTEES)[0]).toMatchObject({
      Фамилия: 'Иванов',
      Согласие: 'получено',
      Статус: 'принята',
    });
    const [waiting] = table(ws, PENDING);
    expect(waiting).toMatchObject({
      Участник: 'НЯ-0001',
      'Что меняется': 'отзыв согласия',
      Состояние: 'ждёт',
    });
    expect(asked(ws)).toEqual(['mama.ivanova@example.ru']);
    // The parent had a letter today already: this one goes with the next morning's run.
    ws.advanceClock('1d');
    expect(toParticipants(letters(ws).slice(before))).toEqual(['mama.ivanova@example.ru']);
    // A made-up token and a bare visit do nothing.
    expect(visitLink(ws, { a: 'confirm', t: '0123456789abcdef0123', confirm: '1' })).toMatch(/нет доступа/);
    expect(visitLink(ws, { a: 'confirm', t: waitingToken(ws) })).toContain('Подтверждаю');
    expect(table(ws, MENTEES)[0]).toMatchObject({ Фамилия: 'Иванов', Согласие: 'получено' });
  });

  it('the link works once and not after it expires', async () => {
    const ws = await pupilWithConsent();
    submit(ws, 'consent', consentAnswers({ decision: WITHDRAW }));
    const t = waitingToken(ws);
    ws.advanceClock('8d');
    expect(visitLink(ws, { a: 'confirm', t, confirm: '1' })).toContain('Срок ссылки истёк');
    expect(table(ws, MENTEES)[0]).toMatchObject({ Фамилия: 'Иванов' });

    submit(ws, 'consent', consentAnswers({ decision: WITHDRAW }));
    const again = waitingToken(ws);
    expect(visitLink(ws, { a: 'confirm', t: again, confirm: '1' })).toContain('Изменение подтверждено');
    expect(table(ws, MENTEES)[0]).toMatchObject({ Статус: 'данные удалены', Согласие: 'отозвано' });
    expect(visitLink(ws, { a: 'confirm', t: again, confirm: '1' })).toContain('уже рассмотрен');
  });
});

describe('attack «anyone who knows the address takes the record over»', () => {
  it('another parent from the same address waits; the old parent is asked, the new address hears nothing', async () => {
    const ws = await pupilWithConsent();
    const before = letters(ws).length;
    const reply = submit(
      ws,
      'mentee',
      menteeAnswers({ age: '12', parentName: 'Злоумышленник Иван', parentEmail: 'evil@example.ru' }),
    );
    expect(reply.result).toBe('pending');
    expect(table(ws, MENTEES)[0]).toMatchObject({
      'E-mail родителя': 'mama.ivanova@example.ru',
      'ФИО родителя': 'Иванова Мария Петровна',
      Согласие: 'получено',
    });
    expect(asked(ws)).toEqual(['mama.ivanova@example.ru']);
    ws.advanceClock('1d');
    expect(toParticipants(letters(ws).slice(before))).toEqual(['mama.ivanova@example.ru']);
    expect(JSON.stringify(letters(ws))).not.toContain('evil@example.ru');
    expect(JSON.stringify(table(ws, 'Почта'))).not.toContain('evil@example.ru');
    expect(table(ws, PENDING)[0]).toMatchObject({ 'Что меняется': 'другой родитель' });
  });

  it('a parent change the curator confirms takes effect, and the old parent’s consent no longer counts', async () => {
    const ws = await pupilWithConsent();
    submit(
      ws,
      'mentee',
      menteeAnswers({ age: '12', parentName: 'Иванов Олег', parentEmail: 'papa@example.ru' }),
    );
    const rows = table(ws, PENDING);
    expect(rows).toHaveLength(1);
    ws.edit(PENDING, `H${2}`, 'подтвердить');
    expect(String(ws.run('applyPendingDecisions'))).toContain('Применено решений: 1');
    expect(table(ws, MENTEES)[0]).toMatchObject({
      'E-mail родителя': 'papa@example.ru',
      'ФИО родителя': 'Иванов Олег',
      Согласие: 'нет',
    });
    expect(table(ws, PENDING)[0]).toMatchObject({ Состояние: 'подтверждено', Ответы: '' });
  });

  it('a new address for a known person waits, and once confirmed moves the record and its consent', async () => {
    const ws = await pupilWithConsent();
    const reply = submit(ws, 'mentee', menteeAnswers({ age: '12', email: 'petya.new@example.ru' }));
    expect(reply.result).toBe('pending');
    expect(table(ws, MENTEES)).toHaveLength(1);
    expect(confirmByLink(ws)).toContain('Изменение подтверждено');
    const rows = table(ws, MENTEES);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ ID: 'НЯ-0001', 'E-mail': 'petya.new@example.ru', Согласие: 'получено' });
  });
});

describe('attack «a parent consent signed by an arbitrary name counts»', () => {
  it('waits for the curator unless it names the parent the questionnaire named', async () => {
    const ws = await setUpWorkspace();
    submit(ws, 'mentee', menteeAnswers({ age: '12' }));
    const reply = submit(ws, 'consent', consentAnswers({ signerName: 'Сидоров Пётр Ильич' }));
    expect(reply.result).toBe('pending');
    expect(table(ws, MENTEES)[0]).toMatchObject({ Согласие: 'нет' });
    expect(table(ws, PENDING)[0]).toMatchObject({
      'Что меняется': 'согласие подписал не тот родитель',
      Подтверждение: 'решает куратор',
      Токен: '',
    });
    // The same parent however typed: order, case, ё/е, no patronymic.
    submit(ws, 'consent', consentAnswers({ signerName: 'мария ИВАНОВА' }));
    expect(table(ws, MENTEES)[0]).toMatchObject({ Согласие: 'получено' });
  });
});
