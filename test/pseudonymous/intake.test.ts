// The pseudonymous mode's intake on the pure core: forms that ask for no name or address, codes that
// count only with their secret, bases that hold the register's placeholders instead of people.
import { createHmac } from 'node:crypto';
import { SIGNER_CHOICES } from '../../forms/consent';
import { FORM_IDS } from '../../forms/definition';
import { FORMS } from '../../forms/index';
import { IDENTITY_KEYS, intakeForm } from '../../forms/pseudonymous';
import { BASES, recordToParticipant } from '../../src/core/intake/baseRow';
import { attendeeIds } from '../../src/core/intake/networking';
import { type IntakeContext, processSubmission, type Submission } from '../../src/core/intake/process';
import { readIntakeSettings } from '../../src/core/intake/settings';
import { ROLE_LABELS } from '../../src/core/model';
import { codeFromBody, type HmacSha256, secretFor } from '../../src/core/pseudonymous/participantCode';
import { applyPatch } from '../../src/core/schema';
import { declineName, fullNameText } from '../../src/core/templates/declension';
import { emptyIntakeContext } from '../intake/intakeContext';

const signedHmac: HmacSha256 = (key, message) =>
  [...createHmac('sha256', key).update(message).digest()].map((b) => (b > 127 ? b - 256 : b));
const KEY = 'ключ-школы-для-проверки-секретов';
const settings = readIntakeSettings(new Map([['Режим данных', 'псевдонимы']])).values;
const now = new Date('2026-10-01T09:00:00Z');
const code = codeFromBody(314159);
const secret = secretFor(code, KEY, signedHmac);

const context = (): IntakeContext => emptyIntakeContext(settings, now, { key: KEY, hmac: signedHmac });

let seq = 0;
const sub = (formId: Submission['formId'], answers: Record<string, string | string[]>): Submission => ({
  formId,
  responseId: `p${++seq}`,
  submittedAt: now,
  answers,
});

const mentee = (over: Record<string, string | string[]> = {}) => ({
  code: `${code.slice(0, 3)} ${code.slice(3)}`,
  secret,
  category: 'ученик',
  schoolClass: '7Б',
  age: '13',
  topics: ['подготовка к олимпиаде'],
  forms: ['ученик – ученик'],
  ...over,
});

function apply(ctx: IntakeContext, o: ReturnType<typeof processSubmission>): void {
  if (!o.base) return;
  const role = o.base.role;
  const rows = [...ctx.bases[role]];
  const { rowNumber, values } = o.base.write;
  const i = rows.findIndex((r) => r.rowNumber === rowNumber);
  const record = applyPatch(BASES[role], values, i >= 0 ? rows[i].record : undefined);
  const row = {
    rowNumber: rowNumber ?? rows.length + 2,
    record,
    read: recordToParticipant(role, record, settings.mentoringForms),
  };
  if (i >= 0) rows[i] = row;
  else rows.push(row);
  ctx.bases = { ...ctx.bases, [role]: rows };
}

describe('forms of the pseudonymous mode', () => {
  it('ask for the code and the secret first and for no name, address or phone', () => {
    for (const id of FORM_IDS) {
      const def = intakeForm(id, true);
      expect(def.items.slice(0, 2).map((i) => i.key)).toEqual(['code', 'secret']);
      expect(def.items.filter((i) => IDENTITY_KEYS.has(i.key))).toEqual([]);
      expect(def.items.some((i) => i.type === 'email')).toBe(false);
      // Everything else the ordinary form asks (what the matcher needs) is still asked.
      const rest = FORMS[id].items.filter((i) => !IDENTITY_KEYS.has(i.key)).map((i) => i.key);
      expect(def.items.slice(2).map((i) => i.key)).toEqual(rest);
    }
    expect(intakeForm('mentee', false)).toBe(FORMS.mentee);
  });
});

describe('intake under codes', () => {
  it('accepts a questionnaire with its secret: the row is the code, names and addresses are placeholders', () => {
    const ctx = context();
    const o = processSubmission(sub('mentee', mentee()), ctx);
    expect(o.reasons).toEqual([]);
    expect(o.result).toBe('accepted');
    expect(o.participantId).toBe(code);
    const v = o.base?.write.values;
    expect(v?.id).toBe(code);
    expect(v?.email).toBe(`[[${code}|email]]`);
    expect(v?.lastName).toBe(`[[${code}|fullName]]`);
    expect(v?.parentEmail).toBe(`[[${code}|parentEmail]]`);
    expect(`${v?.firstName}${v?.middleName}${v?.phone}${v?.gender}`).toBe('');
    expect(v?.schoolClass).toBe('7Б');
    expect(o.mail.map((m) => m.to)).toEqual([`[[${code}|email]]`, `[[${code}|parentEmail]]`]);
    expect(o.mail[0]?.body).toContain(`Здравствуйте, [[${code}|firstName]]!`);
    apply(ctx, o);
    const again = processSubmission(sub('mentee', mentee({ topics: ['профориентация'] })), ctx);
    expect(again.result).toBe('updated');
    expect(again.base?.write.rowNumber).toBe(2);
  });

  it('refuses a mistyped code, a wrong or missing secret and a missing key, and writes nothing', () => {
    const typo = `${code.slice(0, 6)}${(Number(code[6]) + 1) % 10}`;
    const wrongSecret = String((Number(secret) + 1) % 10_000).padStart(4, '0');
    const cases: Array<[Record<string, string | string[]>, IntakeContext, RegExp]> = [
      [mentee({ code: typo }), context(), /опечатка/],
      [mentee({ code: '12345' }), context(), /семь цифр/],
      [mentee({ secret: wrongSecret }), context(), /Секретное число не подходит/],
      [mentee({ secret: '' }), context(), /без него код не принимается/],
      [mentee(), { ...context(), codes: undefined }, /Ключ реестра не введён/],
    ];
    for (const [answers, ctx, reason] of cases) {
      const o = processSubmission(sub('mentee', answers), ctx);
      expect(o.result).toBe('rejected');
      expect(o.reasons.join(' ')).toMatch(reason);
      expect(o.base).toBeUndefined();
      expect(o.consent).toBeUndefined();
      expect(o.erase).toBeUndefined();
      expect(o.mail).toEqual([]);
    }
  });

  it('counts a consent under the code and lets a withdrawal without the secret do nothing', () => {
    const ctx = context();
    apply(ctx, processSubmission(sub('mentee', mentee()), ctx));
    const consent = {
      code,
      secret,
      signer: SIGNER_CHOICES.parent,
      participantRole: ROLE_LABELS.mentee,
      decision: 'Даю согласие',
      acknowledgement:
        'Подтверждаю, что ознакомлен(а) с положениями Федерального закона от 27.07.2006 № 152-ФЗ «О персональных данных», права и обязанности в области защиты персональных данных мне разъяснены',
    };
    const given = processSubmission(sub('consent', consent), ctx);
    expect(given.reasons).toEqual([]);
    expect(given.base?.write.values.consent).toBe('получено');
    expect(given.consent?.participantEmail).toBe(`[[${code}|email]]`);
    const forged = processSubmission(
      sub('consent', {
        ...consent,
        secret: '0000' === secret ? '0001' : '0000',
        decision: 'Отзываю ранее данное согласие',
      }),
      ctx,
    );
    expect(forged.result).toBe('rejected');
    expect(forged.erase).toBeUndefined();
    expect(forged.pending).toBeUndefined();
  });

  it('declines a placeholder name into the register placeholder of each case', () => {
    const name = { lastName: `[[${code}|fullName]]`, firstName: '', middleName: '' };
    expect(fullNameText(declineName(name, 'dative'))).toBe(`[[${code}|fullName.dative]]`);
    expect(fullNameText(declineName(name, 'nominative'))).toBe(`[[${code}|fullName]]`);
  });
});

describe('a networking meeting under codes', () => {
  it('reads who came from codes typed as on the slips, and ignores a number that is not a code', () => {
    const other = codeFromBody(271828);
    const printed = `${code.slice(0, 3)} ${code.slice(3)}`;
    const wrongCheck = `${other.slice(0, 6)}${(Number(other[6]) + 1) % 10}`;
    expect(attendeeIds(`${printed}, ${other}; ${wrongCheck}, НС-0001`).sort()).toEqual(
      [code, other, 'НС-0001'].sort(),
    );
    expect(attendeeIds(`Участник, 9Б (${other})`)).toEqual([other]);
  });
});
