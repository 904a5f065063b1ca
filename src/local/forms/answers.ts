// A respondent's answers as the Google Forms page takes them: keyed by item id or title, checked
// (required items, choices, scales) before anything is stored.
import type { Answer, FormModel } from './model';

/** Answers keyed by item id or item title; checkbox and grid items take arrays. */
export type FormAnswers = Record<string, string | string[]>;

interface RecordedValidation {
  calls?: Array<{ method: string; args: unknown[] }>;
}

/**
 * The checks of a text item's validation the Forms page makes before sending: a number range and a
 * pattern (length and e-mail checks are left to the script). The help text is what Google shows.
 */
function validationProblem(validation: unknown, value: string): string | undefined {
  const calls = (validation as RecordedValidation | null)?.calls ?? [];
  const help = String(calls.find((c) => c.method === 'setHelpText')?.args[0] ?? 'ответ не подходит');
  for (const { method, args } of calls) {
    if (method === 'requireNumberBetween') {
      const n = Number(value.replace(',', '.'));
      if (!Number.isFinite(n) || n < Number(args[0]) || n > Number(args[1])) return help;
    }
    if (method === 'requireTextMatchesPattern' && !new RegExp(String(args[0])).test(value)) return help;
  }
  return undefined;
}

/** Item ids or titles → stored answers; refuses what the Google Forms page would refuse. */
export function resolveAnswers(
  form: FormModel,
  answers: FormAnswers,
): Array<{ itemId: number; value: Answer }> {
  const known = new Set(form.items.flatMap((i) => [String(i.id), i.title]));
  const unknown = Object.keys(answers).filter((k) => !known.has(k));
  if (unknown.length > 0)
    throw new Error(`В форме «${form.title}» нет вопросов: ${unknown.map((k) => `«${k}»`).join(', ')}.`);
  const out: Array<{ itemId: number; value: Answer }> = [];
  for (const item of form.items) {
    if (item.type === 'SECTION_HEADER' || item.type === 'PAGE_BREAK') continue;
    const key = [String(item.id), item.title].find((k) => k in answers);
    const raw = key === undefined ? undefined : answers[key];
    const values =
      raw === undefined
        ? []
        : (Array.isArray(raw) ? raw : [raw]).map((v) => String(v).trim()).filter((v) => v !== '');
    if (values.length === 0) {
      if (item.required) throw new Error(`Не заполнен обязательный вопрос «${item.title}».`);
      continue;
    }
    if (['MULTIPLE_CHOICE', 'LIST', 'CHECKBOX'].includes(item.type) && !item.hasOther) {
      const wrong = values.find((v) => !item.choices.includes(v));
      if (wrong !== undefined) throw new Error(`В вопросе «${item.title}» нет варианта «${wrong}».`);
    }
    const refused = validationProblem(item.validation, values[0]);
    if (refused !== undefined) throw new Error(`В вопросе «${item.title}»: ${refused}`);
    if (item.type === 'SCALE') {
      const n = Number(values[0]);
      if (!Number.isInteger(n) || n < item.bounds[0] || n > item.bounds[1])
        throw new Error(`В вопросе «${item.title}» нужно число от ${item.bounds[0]} до ${item.bounds[1]}.`);
    }
    const value: Answer =
      item.type === 'CHECKBOX'
        ? values
        : item.type === 'GRID' || item.type === 'CHECKBOX_GRID'
          ? item.rows.map((_, i) => values[i] ?? '')
          : values.join(', ');
    out.push({ itemId: item.id, value });
  }
  return out;
}
