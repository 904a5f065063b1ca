// Stage «Формирование баз наставляемых и наставников»: the school's questionnaires and consents arrive
// through the real Google Form path (the fakes' submit fires the trigger setup installed), messy input
// included, in the order and on the days people sent them.
import { BASES } from '../../core/intake/baseRow';
import { columnIndex } from '../../core/schema';
import { resolveIntakeForm } from '../intakeSubmit';
import { schoolSubmissions } from './demoSubmissions';
import type { DemoStage } from './stages';

const RESULT_WORDS: Record<string, string> = {
  accepted: 'приняты',
  updated: 'обновлены',
  rejected: 'отклонены',
};

export const basesStage: DemoStage = {
  title: 'Формирование баз наставляемых и наставников',
  async run({ ws, school, progress, advanceTo, pseudonymous }) {
    const submissions = schoolSubmissions(school);
    const forms = new Map<string, ReturnType<typeof resolveIntakeForm>>();
    const results = new Map<string, number>();
    const reasons = new Map<string, number>();
    submissions.forEach((s, i) => {
      advanceTo(s.submittedAt);
      if (!forms.has(s.formId)) forms.set(s.formId, resolveIntakeForm(ws, s.formId));
      const form = forms.get(s.formId);
      if (!form) throw new Error(`Анкета ${s.formId} не создана настройкой.`);
      // The code forms collect no address: nothing but the answers reaches Google.
      const { results: replies } = pseudonymous
        ? ws.submit(form.formId, form.translate(pseudonymous.answers(s)))
        : ws.submit(form.formId, form.translate(s.answers), { respondentEmail: s.respondentEmail });
      const reply = replies[0] as { result?: string; reasons?: string[] } | undefined;
      const result = reply?.result ?? 'не обработан';
      results.set(result, (results.get(result) ?? 0) + 1);
      if (result === 'rejected') {
        for (const r of reply?.reasons ?? []) {
          const reason = r.replace(/«[^»]*»/g, '«…»');
          reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
        }
      }
      if (i % 25 === 24) progress(`анкеты: ${i + 1} из ${submissions.length}`);
    });
    // Setup created the bases with these headers in this order.
    const count = (sheet: string, role: 'mentee' | 'mentor') => {
      const rows = ws.sheetRows(sheet);
      const consent = columnIndex(BASES[role], 'consent');
      return { total: rows.length, consent: rows.filter((r) => r[consent] === 'получено').length };
    };
    const status = ws.status();
    const mentees = count('Наставляемые', 'mentee');
    const mentors = count('Наставники', 'mentor');
    return [
      `Пришло ответов через формы: ${submissions.length}`,
      ...['accepted', 'updated', 'rejected'].map((k) => `  ${RESULT_WORDS[k]}: ${results.get(k) ?? 0}`),
      ...(reasons.size ? ['Причины отказа (видны в «Приём анкет» и Журнале):'] : []),
      ...[...reasons]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 8)
        .map(([r, n]) => `  ${n} × ${r}`),
      `В базах: наставляемых ${mentees.total} (с согласием ${mentees.consent}), наставников ${mentors.total} (с согласием ${mentors.consent})`,
      `Писем участникам и родителям: ${status.emails}`,
      ...(pseudonymous ? await pseudonymous.daily() : []),
    ];
  },
};
