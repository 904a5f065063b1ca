// The entry and exit diagnostics ask exactly the parameters the impact monitoring reports.
import { IMPACT_ENTRY_FORM, IMPACT_EXIT_FORM } from '../../forms/impact';
import { surveyAnswerFromForm } from '../../src/core/meetings/surveys';
import { IMPACT_PARAMETERS } from '../../src/core/monitoring/impact';

const scaleKeys = (items: ReadonlyArray<{ key: string; type: string }>) =>
  items.filter((i) => i.type === 'scale').map((i) => i.key);

it('asks every impact parameter at entry and at exit, on the same scales', () => {
  expect(scaleKeys(IMPACT_ENTRY_FORM.items)).toEqual(IMPACT_PARAMETERS.map((p) => p.id));
  expect(IMPACT_EXIT_FORM.items).toEqual(IMPACT_ENTRY_FORM.items);
});

it('turns an answer into an impact_exit row with only the parameters the respondent answered', () => {
  const { answer, problems } = surveyAnswerFromForm({
    form: IMPACT_EXIT_FORM,
    answers: { email: 'e2@school.test', role: 'наставляемый', motivation: '8', marks: '7' },
    respondentId: 'e2',
    pairId: 'p2',
    date: new Date('2026-05-18T09:00:00Z'),
  });
  expect(problems).toEqual([]);
  expect(answer).toMatchObject({ kind: 'impact_exit', role: 'mentee', scores: { motivation: 8, marks: 7 } });
});
