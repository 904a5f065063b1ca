// Intake rules a curator would notice, on the pure core (no workbook).
import { FORMS } from '../../forms/index';
import { BASES, recordToParticipant } from '../../src/core/intake/baseRow';
import { consentStatus, hasValidConsent } from '../../src/core/intake/consent';
import { sameName } from '../../src/core/intake/identity';
import { type IntakeContext, processSubmission, type Submission } from '../../src/core/intake/process';
import { parseClass } from '../../src/core/intake/schoolClass';
import { readIntakeSettings } from '../../src/core/intake/settings';
import { titleCaseName } from '../../src/core/intake/text';
import { applyPatch } from '../../src/core/schema';
import { emptyIntakeContext } from './intakeContext';

const settings = readIntakeSettings(new Map()).values;
const now = new Date('2026-10-01T09:00:00Z');

const emptyContext = (): IntakeContext => emptyIntakeContext(settings, now);

const goodMentee = (over: Record<string, string | string[]> = {}): Record<string, string | string[]> => ({
  email: ' Petya.Ivanov@Example.RU ',
  lastName: 'иванов',
  firstName: 'пётр',
  middleName: '',
  category: 'ученик',
  schoolClass: '7 б',
  age: '13',
  topics: ['подготовка к олимпиаде'],
  forms: ['ученик – ученик'],
  parentName: 'Иванова Мария Петровна',
  parentEmail: 'mama@example.ru',
  ...over,
});

let seq = 0;
const sub = (formId: Submission['formId'], answers: Record<string, string | string[]>): Submission => ({
  formId,
  responseId: `r${++seq}`,
  submittedAt: now,
  answers,
});

/** Applies an outcome's base write to an in-memory base, as the gas adapter does to the sheet. */
function apply(ctx: IntakeContext, o: ReturnType<typeof processSubmission>): void {
  if (!o.base) return;
  const rows = [...ctx.bases[o.base.role]];
  const { rowNumber, values } = o.base.write;
  const role = o.base.role;
  if (rowNumber === undefined) {
    const rn = rows.length + 2;
    const record = applyPatch(BASES[role], values);
    rows.push({
      rowNumber: rn,
      record,
      read: recordToParticipant(role, record, settings.mentoringForms),
    });
  } else {
    const i = rows.findIndex((r) => r.rowNumber === rowNumber);
    const record = applyPatch(BASES[role], values, rows[i].record);
    rows[i] = { rowNumber, record, read: recordToParticipant(role, record, settings.mentoringForms) };
  }
  ctx.bases = { ...ctx.bases, [role]: rows };
}

describe('normalisation', () => {
  it('reads «7Б», «7 б», «7-Б» as one class', () => {
    for (const t of ['7Б', '7 б', '7-Б', '7 «Б»', '7б класс'])
      expect(parseClass(t)).toEqual({ grade: 7, letter: 'Б' });
    expect(parseClass('7B')).toBeUndefined();
  });
  it('title-cases double names', () => {
    expect(titleCaseName('  иВАНОВ-петров ')).toBe('Иванов-Петров');
  });
});

describe('questionnaire intake', () => {
  it('accepts a good mentee, normalised, and asks the parent for consent', () => {
    const ctx = emptyContext();
    const o = processSubmission(sub('mentee', goodMentee()), ctx);
    expect(o.reasons).toEqual([]);
    expect(o.result).toBe('accepted');
    const v = o.base?.write.values ?? {};
    expect(v.email).toBe('petya.ivanov@example.ru');
    expect(v.lastName).toBe('Иванов');
    expect(v.schoolClass).toBe('7Б');
    expect(v.consent).toBe('нет');
    expect(v.signer).toBe('родитель');
    expect(o.mail.map((m) => m.to).sort()).toEqual(['mama@example.ru', 'petya.ivanov@example.ru']);
    expect(o.mail[1].body).toContain('https://forms/consent');
  });

  it('updates on resubmission instead of adding a row', () => {
    const ctx = emptyContext();
    apply(ctx, processSubmission(sub('mentee', goodMentee()), ctx));
    const o = processSubmission(
      sub('mentee', goodMentee({ schoolClass: '8Б', email: 'petya.ivanov@example.ru' })),
      ctx,
    );
    expect(o.result).toBe('updated');
    expect(o.base?.write.rowNumber).toBe(2);
    expect(o.journal[0].details).toContain('Класс');
    expect(o.mail).toEqual([]);
  });

  it('keeps the optional «Пол» answer, and the curator’s corrections when it is left blank later', () => {
    const ctx = emptyContext();
    const first = processSubmission(sub('mentee', goodMentee({ gender: 'мужской' })), ctx);
    expect(first.base?.write.values.gender).toBe('мужской');
    apply(ctx, first);
    // The curator corrects the columns by hand; a later resubmission without the answer keeps them.
    const row = ctx.bases.mentee[0];
    const record = { ...row.record, gender: 'ж', nameForms: 'Р: Иванова Пети' };
    ctx.bases = {
      ...ctx.bases,
      mentee: [{ ...row, record, read: recordToParticipant('mentee', record, settings.mentoringForms) }],
    };
    const again = processSubmission(sub('mentee', goodMentee({ schoolClass: '8Б' })), ctx);
    expect(again.base?.write.values.gender).toBe('женский');
    expect(again.base?.write.values.nameForms).toBe('Р: Иванова Пети');
    expect(processSubmission(sub('mentee', goodMentee()), emptyContext()).base?.write.values.gender).toBe('');
  });

  it.each([
    [{ email: 'not-an-email' }, 'записан с ошибкой'],
    [{ lastName: '' }, 'Не заполнен обязательный вопрос «Фамилия»'],
    [{ age: '8' }, 'не младше 10 лет'],
    [{ age: '25' }, 'ученику не больше 18 лет'],
    [{ schoolClass: '7Я' }, 'в школе нет'],
    [{ schoolClass: '12А' }, 'в школе нет'],
    [{ forms: ['учитель – учитель'] }, 'не подходит категории «ученик»'],
    [{ note: 'а'.repeat(10_000) }, 'слишком длинный: 10000'],
    [{ firstName: 'Пётр😀' }, 'эмодзи'],
    [{ lastName: 'Ивaнов' }, 'латинские буквы a'],
    [{ parentEmail: '' }, 'почту родителя'],
  ])('rejects %j with a Russian reason', (over, reason) => {
    const o = processSubmission(sub('mentee', goodMentee(over)), emptyContext());
    expect(o.result).toBe('rejected');
    expect(o.base).toBeUndefined();
    expect(o.reasons.join(' ')).toContain(reason);
    expect(o.journal[0].ref).toContain(o.log.responseId);
  });

  it('rejects answers of an unexpected shape instead of crashing', () => {
    const odd = JSON.parse('{"email": 42, "lastName": {"x": 1}}');
    const o = processSubmission(
      { formId: 'mentee', responseId: 'odd', submittedAt: now, answers: odd },
      emptyContext(),
    );
    expect(o.result).toBe('rejected');
    expect(o.reasons[0]).toContain('не читается');
  });

  it('keeps formula-looking free text as an answer (the sheet layer stores it as text)', () => {
    const o = processSubmission(
      sub('mentee', goodMentee({ note: '=HYPERLINK("http://x")' })),
      emptyContext(),
    );
    expect(o.result).toBe('accepted');
    expect(o.base?.write.values.note).toBe('=HYPERLINK("http://x")');
  });

  it('refuses the same person as mentor and mentee of one form', () => {
    const ctx = emptyContext();
    apply(ctx, processSubmission(sub('mentee', goodMentee({ age: '15', schoolClass: '9А' })), ctx));
    const mentor = {
      ...goodMentee({ age: '15', schoolClass: '9А' }),
      capacity: '1',
      forms: ['ученик – ученик'],
    };
    const o = processSubmission(sub('mentor', mentor), ctx);
    expect(o.result).toBe('rejected');
    expect(o.reasons[0]).toContain('нельзя быть и наставником, и наставляемым');
  });
});

describe('consent', () => {
  const consent = (over: Record<string, string>) => ({
    signer: FORMS.consent.items[0].choices?.[1] ?? '',
    signerName: 'Иванова Мария Петровна',
    participantName: 'Иванов Пётр',
    participantEmail: 'petya.ivanov@example.ru',
    participantRole: 'наставляемый',
    decision: 'Даю согласие',
    acknowledgement: FORMS.consent.items[6].choices?.[0] ?? '',
    ...over,
  });

  it('counts a parent consent for a 13-year-old, not the child’s own', () => {
    const ctx = emptyContext();
    apply(ctx, processSubmission(sub('mentee', goodMentee()), ctx));
    const own = processSubmission(
      sub('consent', consent({ signer: FORMS.consent.items[0].choices?.[0] ?? '' })),
      ctx,
    );
    expect(own.base?.write.values.consent).toBe('нет');
    expect(own.reasons[0]).toContain('родитель');
    const parent = processSubmission(sub('consent', consent({})), ctx);
    expect(parent.base?.write.values.consent).toBe('получено');
  });

  it('applies a consent that came before the questionnaire', () => {
    const ctx = emptyContext();
    const c = processSubmission(sub('consent', consent({})), ctx);
    expect(c.consent).toBeDefined();
    ctx.consents = c.consent ? [c.consent] : [];
    apply(ctx, processSubmission(sub('mentee', goodMentee()), ctx));
    const p = ctx.bases.mentee[0].read.participant;
    expect(p && hasValidConsent(p)).toBe(true);
  });

  it('erases on withdrawal once the address on file confirms it, and not before', () => {
    const ctx = emptyContext();
    apply(ctx, processSubmission(sub('mentee', goodMentee()), ctx));
    const withdrawal = sub('consent', consent({ decision: 'Отзываю ранее данное согласие' }));
    const waiting = processSubmission(withdrawal, ctx);
    expect(waiting.result).toBe('pending');
    expect(waiting.erase).toBeUndefined();
    expect(waiting.base).toBeUndefined();
    expect(waiting.pending).toMatchObject({ kind: 'withdrawal', participantId: 'НЯ-0001' });
    const o = processSubmission(withdrawal, ctx, { kind: 'withdrawal', participantId: 'НЯ-0001' });
    expect(o.erase).toMatchObject({ role: 'mentee', participantId: 'НЯ-0001', rowNumber: 2 });
  });

  it('compares names as a person types them: ё/е, case, spaces, order, a missing patronymic', () => {
    expect(sameName('Иванова Мария Петровна', '  иванова   МАРИЯ петровна ')).toBe(true);
    expect(sameName('Фёдорова Алёна', 'Федорова Алена')).toBe(true);
    expect(sameName('Иванова Мария Петровна', 'Мария Петровна Иванова')).toBe(true);
    expect(sameName('Иванова Мария Петровна', 'Иванова Мария')).toBe(true);
    expect(sameName('Иванова Мария Петровна', 'Петрова Мария Петровна')).toBe(false);
    expect(sameName('Иванова Мария Петровна', 'Иванова')).toBe(false);
    expect(sameName('Иванова Мария', '')).toBe(false);
  });

  it('knows who signs', () => {
    expect(consentStatus({ email: 'a@b.ru', role: 'mentee', category: 'student', age: 15 }, []).signer).toBe(
      'self',
    );
    expect(consentStatus({ email: 'a@b.ru', role: 'mentee', category: 'student', age: 12 }, []).signer).toBe(
      'parent',
    );
  });
});
