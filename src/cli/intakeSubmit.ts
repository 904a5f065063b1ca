// `nastavnik local submit DIR FORM FILE`: answers keyed by the stable item keys of forms/*.ts (a JSON
// object or array, or a CSV whose header row holds the keys) go to the workspace's Google Form by the
// item ids setup recorded; each response prints as accepted / updated / rejected with the reason.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { FORM_IDS, type FormId } from '../../forms/definition';
import { FORMS } from '../../forms/index';
import type { LocalWorkspace } from '../local';

export type KeyedAnswers = Record<string, string | string[]>;

const KeyedAnswersSchema = z.record(z.string(), z.union([z.string(), z.number(), z.array(z.string())]));
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

/** RFC 4180 CSV: quoted fields may hold commas, quotes («""») and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((c) => c.trim() !== ''));
}

/** Multiple-choice answers in a CSV cell are separated by «;». */
function fromCsv(formId: FormId, text: string): KeyedAnswers[] {
  const [header, ...rows] = parseCsv(text.replace(/^\uFEFF/, ''));
  const multiple = new Set(FORMS[formId].items.filter((i) => i.type === 'multiple').map((i) => i.key));
  return rows.map((cells) => {
    const answers: KeyedAnswers = {};
    header.forEach((key, j) => {
      const v = cells[j] ?? '';
      answers[key.trim()] = multiple.has(key.trim())
        ? v
            .split(';')
            .map((s) => s.trim())
            .filter(Boolean)
        : v;
    });
    return answers;
  });
}

export function readAnswerFile(formId: FormId, path: string): KeyedAnswers[] {
  const text = readFileSync(path, 'utf8');
  if (!path.toLowerCase().endsWith('.json')) return fromCsv(formId, text);
  const json: unknown = JSON.parse(text);
  const list = z.array(KeyedAnswersSchema).parse(Array.isArray(json) ? json : [json]);
  return list.map((r) =>
    Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'number' ? String(v) : v])),
  );
}

export function intakeFormIds(
  ws: LocalWorkspace,
): Record<string, { id: string; url: string; items: Record<string, string> }> {
  return RegistrySchema.parse(ws.run('intakeForms'));
}

export function asFormId(form: string, ws: LocalWorkspace): FormId {
  if ((FORM_IDS as readonly string[]).includes(form)) return form as FormId;
  const registry = intakeFormIds(ws);
  const found = FORM_IDS.find((f) => registry[f]?.id === form);
  if (!found) throw new Error(`Нет такой анкеты: «${form}». Есть: ${FORM_IDS.join(', ')}.`);
  return found;
}

/**
 * For `local submit`: FORM given as a questionnaire key (mentee, mentor, consent, …) → the Google Form
 * id and a translation of answers keyed by item keys to item ids (unknown keys pass through, so item
 * ids and titles keep working). undefined when FORM is not a questionnaire key.
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
  const record = intakeFormIds(ws)[formId];
  if (!record)
    throw new Error(`Анкета «${FORMS[formId].title}» ещё не создана: выполните «Настроить программу».`);
  const byItem: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(answers)) {
    const itemId = record.items[key];
    if (itemId) byItem[itemId] = value;
  }
  const { responseId, results } = ws.submit(record.id, byItem);
  const reply = ReplySchema.safeParse(results[0]);
  return reply.success
    ? reply.data
    : { result: 'не обработан (нет обработчика)', responseId, participantId: '', reasons: [] };
}

const RESULT_WORDS: Record<string, string> = {
  accepted: 'принят',
  updated: 'обновлён',
  rejected: 'отклонён',
  duplicate: 'повтор (уже обработан)',
  blank: 'пустой',
};

export function describeReply(n: number, r: IntakeReply): string {
  const who = r.participantId ? ` ${r.participantId}` : '';
  const why = r.reasons.length ? `: ${r.reasons.join(' ')}` : '';
  return `${n}. ${RESULT_WORDS[r.result] ?? r.result}${who}${why}`;
}

export function submitFile(ws: LocalWorkspace, form: string, path: string): string[] {
  const formId = asFormId(form, ws);
  return readAnswerFile(formId, path).map((answers, i) =>
    describeReply(i + 1, submitKeyed(ws, formId, answers)),
  );
}
