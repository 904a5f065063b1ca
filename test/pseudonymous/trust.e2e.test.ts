// The trust attacks (test/access) replayed in the pseudonymous mode: a code typed without its secret
// does nothing, strangers cannot make the script write letters or rows, the key stays out of reach.
import { createHmac } from 'node:crypto';
import { setSettings } from '../../src/cli/demo/curator';
import { codeFromBody, type HmacSha256, secretFor } from '../../src/core/pseudonymous/participantCode';
import type { LocalWorkspace } from '../../src/local';
import { formulas, setUpWorkspace, submit, table } from '../intake/workspace';

const KEY = 'trust-replay-register-key-0123456789';
const hmac: HmacSha256 = (key, message) => [...createHmac('sha256', key).update(message).digest()];
const WITHDRAW = 'Отзываю ранее данное согласие';
const ACKNOWLEDGEMENT =
  'Подтверждаю, что ознакомлен(а) с положениями Федерального закона от 27.07.2006 № 152-ФЗ «О персональных данных», права и обязанности в области защиты персональных данных мне разъяснены';

const child = codeFromBody(123456);
const secret = secretFor(child, KEY, hmac);
const wrong = (s: string) => String((Number(s) + 1) % 10_000).padStart(4, '0');

const menteeForm = (over: Record<string, string | string[]> = {}) => ({
  code: child,
  secret,
  category: 'ученик',
  schoolClass: '6В',
  age: '12',
  topics: ['подготовка к олимпиаде'],
  forms: ['ученик – ученик'],
  ...over,
});
const consentForm = (over: Record<string, string | string[]> = {}) => ({
  code: child,
  secret,
  signer: 'Я — родитель (законный представитель) участника',
  participantRole: 'наставляемый',
  decision: 'Даю согласие',
  acknowledgement: ACKNOWLEDGEMENT,
  ...over,
});

describe('trust attacks under codes', () => {
  let ws: LocalWorkspace;
  beforeAll(async () => {
    ws = await setUpWorkspace({ mailQuota: 100 });
    await setSettings(ws.dir, { 'Режим данных': 'псевдонимы' });
    ws.run('setupProgramme');
    ws.replyToPrompts(KEY);
    ws.run('enterRegisterKey');
    expect(submit(ws, 'mentee', menteeForm()).result).toBe('accepted');
    expect(submit(ws, 'consent', consentForm()).result).toBe('accepted');
  }, 300_000);

  it('«any global as an anonymous visitor»: the key and the move to codes are refused', () => {
    for (const name of ['enterRegisterKey', 'setupProgramme', 'exportParticipantData', 'withdrawConsent'])
      expect(() => ws.runAs('anonymous', name)).toThrow(/нет доступа/);
  });

  it('«50 strangers’ questionnaires»: codes without their secrets write no row and no letter', () => {
    const letters = table(ws, 'Почта').length;
    const rows = table(ws, 'Наставляемые').length;
    for (let i = 0; i < 50; i++) {
      const code = codeFromBody(200_000 + i * 7919);
      const reply = submit(ws, 'mentee', menteeForm({ code, secret: wrong(secretFor(code, KEY, hmac)) }));
      expect(reply.result).toBe('rejected');
    }
    expect(table(ws, 'Наставляемые')).toHaveLength(rows);
    expect(table(ws, 'Почта')).toHaveLength(letters);
    expect(ws.status().emails).toBe(0);
  }, 300_000);

  it('«someone else withdraws a child’s consent»: without the secret nothing; with it, it waits for the link', () => {
    const forged = submit(ws, 'consent', consentForm({ secret: wrong(secret), decision: WITHDRAW }));
    expect(forged.result).toBe('rejected');
    const row = () => table(ws, 'Наставляемые').find((r) => String(r.ID) === child);
    expect(row()?.Согласие).toBe('получено');
    const genuine = submit(ws, 'consent', consentForm({ decision: WITHDRAW }));
    expect(genuine.result).toBe('pending');
    expect(row()?.Согласие).toBe('получено');
    const waiting = table(ws, 'Почта').filter((r) => r.Участник === child && r.Состояние === 'ждёт реестра');
    expect(waiting.map((r) => r.Кому)).toContain(`[[${child}|parentEmail]]`);
  });

  it('«a questionnaire with another’s code»: the known row keeps its answers', () => {
    const reply = submit(ws, 'mentee', menteeForm({ secret: wrong(secret), topics: ['профориентация'] }));
    expect(reply.result).toBe('rejected');
    expect(table(ws, 'Наставляемые').find((r) => String(r.ID) === child)?.Запрос).toBe(
      'подготовка к олимпиаде',
    );
  });

  it('«formula in an answer»: stored as the text typed', () => {
    const note = '=HYPERLINK("http://example.com";"приз")';
    expect(submit(ws, 'mentee', menteeForm({ note })).result).toBe('updated');
    expect(table(ws, 'Наставляемые').find((r) => String(r.ID) === child)?.Комментарий).toBe(note);
    expect(Object.values(formulas(ws, 'Наставляемые'))).toEqual([]);
  });
});
