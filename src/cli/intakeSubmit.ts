// Answers keyed by the stable item keys of forms/*.ts → the workspace's Google Form, by the item ids
// setup recorded. Used by `nastavnik local submit DIR mentee FILE`, the demo and the tests.
import * as z from 'zod';
import { FORM_IDS, type FormId } from '../../forms/definition';
import { FORMS } from '../../forms/index';
import type { LocalWorkspace } from '../local';

export type KeyedAnswers = Record<string, string | string[]>;

const RegistrySchema = z.record(
  z.string(),
  z.object({ id: z.string(), url: z.string(), items: z.record(z.string(), z.string()) }),
);
const ReplySchema = z.object({
  result: z.string(),
  responseId: z.string(),
  participantId: z.string(),
  reasons: z.array(z.string()),
});
export type IntakeReply = z.infer<typeof ReplySchema>;

/** The forms setup recorded in the workspace: questionnaire key → Google Form id, link, item ids. */
export function intakeFormIds(
  ws: LocalWorkspace,
): Record<string, { id: string; url: string; items: Record<string, string> }> {
  return RegistrySchema.parse(ws.run('intakeForms'));
}

/**
 * FORM given as a questionnaire key (mentee, mentor, consent, …) → the Google Form id and a translation
 * of answers keyed by item keys to item ids (unknown keys pass through, so item ids and titles keep
 * working). undefined when FORM is not a questionnaire key.
 */
export function resolveIntakeForm(
  ws: LocalWorkspace,
  form: string,
): { formId: string; translate: (answers: KeyedAnswers) => KeyedAnswers } | undefined {
  if (!(FORM_IDS as readonly string[]).includes(form)) return undefined;
  const record = intakeFormIds(ws)[form];
  if (!record) return undefined;
  return {
    formId: record.id,
    translate: (answers) =>
      Object.fromEntries(Object.entries(answers).map(([k, v]) => [record.items[k] ?? k, v])),
  };
}

/** Submits one response as a respondent would: fires the form's trigger; returns the handler's reply. */
export function submitKeyed(ws: LocalWorkspace, formId: FormId, answers: KeyedAnswers): IntakeReply {
  const form = resolveIntakeForm(ws, formId);
  if (!form)
    throw new Error(`Анкета «${FORMS[formId].title}» ещё не создана: выполните «Настроить программу».`);
  const { responseId, results } = ws.submit(form.formId, form.translate(answers));
  const reply = ReplySchema.safeParse(results[0]);
  return reply.success
    ? reply.data
    : { result: 'не обработан (нет обработчика)', responseId, participantId: '', reasons: [] };
}
