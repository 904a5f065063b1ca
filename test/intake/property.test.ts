// No response, however odd, crashes intake or goes missing: every one ends as exactly one line of
// «Приём анкет», and the raw response sheet keeps every response Google Forms recorded.
import fc from 'fast-check';
import type { FormId, FormItem } from '../../forms/definition';
import { FORMS } from '../../forms/index';
import { intakeFormIds, submitKeyed } from '../../src/cli/intakeSubmit';
import { type IntakeContext, processSubmission } from '../../src/core/intake/process';
import { readIntakeSettings } from '../../src/core/intake/settings';
import { DEFAULT_FORMS } from '../../src/core/model';
import type { LocalWorkspace } from '../../src/local';
import { changeForm } from '../../src/local/forms/store';
import { rawResponses, setUpWorkspace, table } from './workspace';

const nasty = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.constantFrom(
    '=1+1',
    '+7 900 000-00-00',
    '-',
    '@x',
    '  Иванoв ',
    '7-Б',
    '😀',
    'ё',
    '0',
    '999',
    'a@b.ru',
    '',
  ),
  fc.string({ minLength: 2001, maxLength: 10_000 }),
);

function answerFor(item: FormItem): fc.Arbitrary<string | string[]> {
  const lists = { mentoringForms: DEFAULT_FORMS.map((f) => f.label), mentors: [], mentees: [] };
  const choices = item.choicesFrom ? lists[item.choicesFrom] : (item.choices ?? []);
  if (item.type === 'multiple') return fc.subarray([...choices]);
  if (item.type === 'single') return choices.length ? fc.constantFrom(...choices) : fc.constant('');
  return nasty;
}

const FORM_KEYS: FormId[] = ['mentee', 'mentor', 'consent', 'dissemination'];
const response = fc.constantFrom(...FORM_KEYS).chain((formId) =>
  fc
    .record(Object.fromEntries(FORMS[formId].items.map((item) => [item.key, answerFor(item)])))
    .map((answers) => ({
      formId,
      answers,
    })),
);

describe('intake under generated input', () => {
  it('never throws in the core, whatever the raw answers', () => {
    const settings = readIntakeSettings(new Map()).values;
    const ctx: IntakeContext = {
      settings,
      bases: { mentor: [], mentee: [] },
      consents: [],
      preferences: [],
      consentUrl: '',
      now: new Date(),
    };
    const anyAnswer = fc.oneof(nasty, fc.array(nasty, { maxLength: 4 }), fc.array(fc.array(fc.string())));
    fc.assert(
      fc.property(
        fc.constantFrom<FormId>(...FORM_KEYS, 'preferencesMentee', 'preferencesMentor'),
        fc.dictionary(
          fc.constantFrom('email', 'age', 'forms', 'category', 'lastName', 'x', 'decision'),
          anyAnswer,
        ),
        (formId, answers) => {
          const o = processSubmission({ formId, responseId: 'r', submittedAt: new Date(), answers }, ctx);
          expect(['accepted', 'updated', 'rejected']).toContain(o.result);
          expect(o.log.responseId).toBe('r');
        },
      ),
      { numRuns: 500 },
    );
  });

  describe('through the workspace', () => {
    let ws: LocalWorkspace;
    beforeAll(async () => {
      ws = await setUpWorkspace({ mailQuota: 10_000 });
      // Curators may untick «Обязательный вопрос»: generated responses may then leave anything blank.
      const registry = intakeFormIds(ws);
      for (const formId of FORM_KEYS) {
        changeForm(ws.ctx, registry[formId].id, (form) => {
          for (const item of form.items) {
            item.required = false;
            item.validation = null;
          }
        });
      }
    });

    it('processes every response exactly once and keeps every raw row', () => {
      let submitted = 0;
      fc.assert(
        fc.property(response, ({ formId, answers }) => {
          const reply = submitKeyed(ws, formId, answers);
          submitted++;
          expect(ws.lastRun?.ok).toBe(true);
          expect(['accepted', 'updated', 'rejected']).toContain(reply.result);
          const logged = table(ws, 'Приём анкет').filter((r) => r.Ответ === reply.responseId);
          expect(logged).toHaveLength(1);
        }),
        { numRuns: 60 },
      );
      expect(rawResponses(ws)).toBe(submitted);
    });
  });
});
