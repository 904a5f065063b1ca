// Survey answers as the monitoring reads them. The surveys may add fields, but keep these and their
// meaning: src/core/monitoring computes satisfaction, the wish to become a mentor and the two-stage
// impact monitoring from them.
import * as z from 'zod/mini';
import { lazySchema } from '../lazySchema';
import { ROLES } from '../model';
import { cellColumn, defineSheet, type RowOf, type RowPatch, textColumn } from '../schema';
import { SHEETS } from '../sheets';

export const SURVEY_KINDS = ['feedback', 'satisfaction', 'impact_entry', 'impact_exit'] as const;
export type SurveyKind = (typeof SURVEY_KINDS)[number];
export const SURVEY_KIND_LABELS: Record<SurveyKind, string> = {
  feedback: 'обратная связь',
  satisfaction: 'удовлетворённость',
  impact_entry: 'влияние: вход',
  impact_exit: 'влияние: выход',
};

/** Yes/no item of the satisfaction survey that feeds the federal indicator. */
export const WANTS_TO_MENTOR = 'wantsToMentor';

export const surveyAnswerSchema = lazySchema(() =>
  z.object({
    role: z.enum(ROLES),
    /** The questionnaire (Google Form) the answer came from. */
    formId: z.string().check(z.minLength(1)),
    /** Participant id of the respondent. */
    respondentId: z.string().check(z.minLength(1)),
    date: z.date(),
    kind: z.enum(SURVEY_KINDS),
    /** The pair the answer is about, when the survey asks; it gives the form of mentoring. */
    pairId: z._default(z.string(), ''),
    /** Scale items by parameter id (satisfaction 1–10, impact parameters on their own scales). */
    scores: z._default(z.record(z.string(), z.number()), {}),
    /** Yes/no items by id, e.g. WANTS_TO_MENTOR. */
    flags: z._default(z.record(z.string(), z.boolean()), {}),
  }),
);
export type SurveyAnswer = z.infer<ReturnType<typeof surveyAnswerSchema>>;

/**
 * The sheet «Опросы»: one row per answer. Scales are written «параметр: число; …» and yes/no items
 * «параметр: да; …», so one sheet holds every questionnaire whatever its items.
 */
export const SURVEYS = defineSheet(SHEETS.surveys, {
  date: cellColumn('Дата'),
  formId: textColumn('Анкета'),
  kind: textColumn('Вид'),
  role: textColumn('Роль'),
  respondentId: textColumn('Код участника'),
  pairId: textColumn('Пара'),
  scores: textColumn('Оценки'),
  flags: textColumn('Да/нет'),
  /** The Google Forms response id, so that a re-delivered answer is not added twice; the survey form adds it. */
  responseId: textColumn('Ответ', { optional: true }),
  /** The free-text answers, for the curator to read; the survey form adds it. */
  comment: textColumn('Комментарий', { optional: true }),
});

/** The free-text items of a survey's answer, «вопрос: ответ» one after another. */
export function freeText(
  items: ReadonlyArray<{ key: string; type: string; title: string }>,
  answers: RawSurveyAnswers,
): string {
  return items
    .filter((i) => i.type === 'long')
    .map((i) => {
      const v = answers[i.key];
      const text = (Array.isArray(v) ? v.join(', ') : String(v ?? '')).trim();
      return text ? `${i.title}: ${text}` : '';
    })
    .filter(Boolean)
    .join(' | ');
}
export const SURVEY_HEADERS = SURVEYS.headers;

const pairsOf = (text: string): Array<[string, string]> =>
  text
    .split(';')
    .map((part) => part.split(':').map((s) => s.trim()))
    .filter((kv): kv is [string, string] => kv.length === 2 && kv[0] !== '' && kv[1] !== '');

export function surveyRecord(a: SurveyAnswer): RowPatch<typeof SURVEYS> {
  return {
    date: a.date,
    formId: a.formId,
    kind: SURVEY_KIND_LABELS[a.kind],
    role: a.role === 'mentor' ? 'наставник' : 'наставляемый',
    respondentId: a.respondentId,
    pairId: a.pairId,
    scores: Object.entries(a.scores)
      .map(([k, v]) => `${k}: ${v}`)
      .join('; '),
    flags: Object.entries(a.flags)
      .map(([k, v]) => `${k}: ${v ? 'да' : 'нет'}`)
      .join('; '),
  };
}

/** A date cell, or text «20.05.2026» / «2026-05-20» read as that day's Moscow noon. */
function surveyDate(v: unknown): Date | undefined {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? undefined : v;
  const s = String(v ?? '').trim();
  const m = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(s) ?? /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return undefined;
  const [y, mo, d] = m[1].length === 4 ? [m[1], m[2], m[3]] : [m[3], m[2], m[1]];
  const date = new Date(`${y}-${mo}-${d}T12:00:00+03:00`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** A row of Опросы back to an answer; undefined for a row that does not read (it is skipped). */
export function parseSurveyRow(v: RowOf<typeof SURVEYS>): SurveyAnswer | undefined {
  const kind = SURVEY_KINDS.find((k) => k === v.kind || SURVEY_KIND_LABELS[k] === v.kind);
  const role = ROLES.find((r) => r === v.role || (r === 'mentor' ? 'наставник' : 'наставляемый') === v.role);
  const date = surveyDate(v.date);
  if (!kind || !role || !date || !v.respondentId) return undefined;
  const scores: Record<string, number> = {};
  for (const [k, raw] of pairsOf(v.scores)) {
    const n = Number(raw.replace(',', '.'));
    if (Number.isFinite(n)) scores[k] = n;
  }
  const flags: Record<string, boolean> = {};
  for (const [k, raw] of pairsOf(v.flags)) flags[k] = ['да', 'yes', 'true'].includes(raw.toLowerCase());
  return {
    role,
    formId: v.formId || kind,
    respondentId: v.respondentId,
    date,
    kind,
    pairId: v.pairId,
    scores,
    flags,
  };
}

export type RawSurveyAnswers = Readonly<Record<string, string | readonly string[]>>;

/**
 * An answer of the feedback or satisfaction form (forms/feedback.ts, forms/satisfaction.ts) as the
 * monitoring reads it: scale items become scores, yes/no items flags. The role is the one the
 * participant holds in the bases when known, otherwise what they ticked.
 */
export function surveyAnswerFromForm(input: {
  form: {
    id: SurveyKind;
    items: ReadonlyArray<{ key: string; type: string; choices?: readonly string[] }>;
  };
  answers: RawSurveyAnswers;
  respondentId: string;
  role?: (typeof ROLES)[number];
  pairId: string;
  date: Date;
}): { answer: SurveyAnswer; problems: string[] } {
  const problems: string[] = [];
  const one = (key: string): string => {
    const v = input.answers[key];
    return (Array.isArray(v) ? String(v[0] ?? '') : String(v ?? '')).trim();
  };
  const scores: Record<string, number> = {};
  const flags: Record<string, boolean> = {};
  for (const item of input.form.items) {
    const value = one(item.key);
    if (!value) continue;
    if (item.type === 'scale') {
      const n = Number(value);
      if (Number.isInteger(n) && n >= 1 && n <= 10) scores[item.key] = n;
      else problems.push(`оценка «${value}» в вопросе ${item.key} не от 1 до 10`);
    } else if (item.type === 'single' && item.choices?.join() === 'да,нет') {
      flags[item.key] = value === 'да';
    }
  }
  const ticked = one('role') === 'наставник' ? 'mentor' : 'mentee';
  return {
    answer: {
      role: input.role ?? ticked,
      formId: input.form.id,
      respondentId: input.respondentId,
      date: input.date,
      kind: input.form.id,
      pairId: input.pairId,
      scores,
      flags,
    },
    problems,
  };
}
