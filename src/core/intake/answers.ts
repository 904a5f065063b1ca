// Answers of one response, keyed by the stable item keys of forms/*.ts, checked item by item
// against the definition: required, length, choices, numbers, e-mails, emoji.
import * as z from 'zod/mini';
import {
  type ChoiceLists,
  type FormDefinition,
  type FormItem,
  resolveChoices,
  textLimit,
} from '../../../forms/definition';
import { walkPages } from '../../../forms/sections';
import { lazySchema } from '../lazySchema';
import { canonicalChoice, unknownChoiceHint } from './choiceLabels';
import { collapseSpaces, hasEmoji, isEmail, normaliseEmail } from './text';

export const rawAnswerSchema = lazySchema(() =>
  z.union([z.string(), z.array(z.string()), z.array(z.array(z.string()))]),
);
export const rawAnswersSchema = lazySchema(() => z.record(z.string(), rawAnswerSchema()));
export type RawAnswer = z.infer<ReturnType<typeof rawAnswerSchema>>;
export type RawAnswers = z.infer<ReturnType<typeof rawAnswersSchema>>;

export type Answer = string | number | string[];
export type ParsedAnswers = Record<string, Answer>;

export interface Issue {
  /** Item key the problem is about, if any. */
  key?: string;
  message: string;
}

export interface ParseResult {
  answers: ParsedAnswers;
  errors: Issue[];
  /** Problems that leave the response usable: shown on the participant's row, not a rejection. */
  warnings: Issue[];
}

/** The choices each question showed when answered, by item key (read from the live form). */
export type ShownChoices = Record<string, readonly string[]>;

const flat = (raw: RawAnswer | undefined): string[] => {
  if (raw === undefined) return [];
  if (typeof raw === 'string') return [raw];
  return raw.flatMap((x) => (typeof x === 'string' ? [x] : x));
};

const quote = (s: string): string => (s.length > 60 ? `«${s.slice(0, 57)}…»` : `«${s}»`);

interface Found {
  errors: Issue[];
  warnings: Issue[];
  shown?: readonly string[];
  aliases?: Readonly<Record<string, string>>;
}

function parseItem(
  item: FormItem,
  raw: RawAnswer | undefined,
  lists: ChoiceLists,
  found: Found,
): Answer | undefined {
  const { errors } = found;
  const fail = (message: string): undefined => {
    errors.push({ key: item.key, message });
    return undefined;
  };
  const values = flat(raw)
    .map((v) => (item.type === 'long' ? v.trim() : collapseSpaces(v)))
    .filter((v) => v !== '');
  if (values.length === 0) {
    return item.required ? fail(`Не заполнен обязательный вопрос «${item.title}».`) : undefined;
  }
  const limit = textLimit(item);
  const tooLong = values.find((v) => v.length > limit);
  if (tooLong) {
    return fail(
      `Ответ на вопрос «${item.title}» слишком длинный: ${tooLong.length} символов, можно не больше ${limit}.`,
    );
  }
  if (item.type !== 'long' && values.some(hasEmoji)) {
    return fail(`В ответе на вопрос «${item.title}» есть эмодзи; напишите, пожалуйста, только текстом.`);
  }
  switch (item.type) {
    case 'email': {
      const email = normaliseEmail(values[0]);
      return isEmail(email)
        ? email
        : fail(`В вопросе «${item.title}» адрес почты ${quote(values[0])} записан с ошибкой.`);
    }
    case 'single':
    case 'multiple': {
      const choices = resolveChoices(item, lists);
      if (item.type === 'single' && values.length > 1)
        return fail(`В вопросе «${item.title}» нужен один ответ.`);
      const known: string[] = [];
      const unknown: string[] = [];
      for (const v of values) {
        const canonical = canonicalChoice(v, choices, found.shown, found.aliases);
        if (canonical === undefined) unknown.push(v);
        else known.push(canonical);
      }
      if (unknown.length && !found.shown)
        return fail(`В вопросе «${item.title}» выбран вариант ${quote(unknown[0])}, которого нет в списке.`);
      if (known.length === 0 && item.required) return fail(unknownChoiceHint(item.title, unknown[0]));
      for (const v of unknown)
        found.warnings.push({ key: item.key, message: unknownChoiceHint(item.title, v) });
      if (known.length === 0) return undefined;
      return item.type === 'single' ? known[0] : known;
    }
    case 'scale': {
      const n = Number(values[0]);
      const s = item.scale;
      if (!s || !Number.isInteger(n) || n < s.min || n > s.max) {
        return fail(`В вопросе «${item.title}» нужна оценка от ${s?.min} до ${s?.max}.`);
      }
      return n;
    }
    case 'grid': {
      const choices = item.choices ?? [];
      const unknown = values.find((v) => !choices.includes(v));
      return unknown === undefined
        ? values
        : fail(`В вопросе «${item.title}» выбран вариант ${quote(unknown)}, которого нет в списке.`);
    }
    case 'date': {
      const v = values[0];
      const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
      const ru = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(v);
      if (iso) return v;
      if (ru) return `${ru[3]}-${ru[2].padStart(2, '0')}-${ru[1].padStart(2, '0')}`;
      return fail(`В вопросе «${item.title}» нужна дата, например 25.11.2026.`);
    }
    default: {
      const v = values[0];
      const range = item.validation?.integer;
      if (!range) return v;
      const n = /^\d{1,3}$/.test(v) ? Number(v) : Number.NaN;
      if (!Number.isInteger(n) || n < range.min || n > range.max) {
        return fail(
          `В вопросе «${item.title}» нужно целое число от ${range.min} до ${range.max}, а указано ${quote(v)}.`,
        );
      }
      return n;
    }
  }
}

/**
 * Checks every item of the pages visited; answers to questions not in the definition (added by a curator) are ignored.
 * With the choices the live form showed, a reworded choice is mapped back to the definition's, and
 * an unknown one is dropped with a warning instead of rejecting the response (unless nothing is left
 * of a required answer).
 */
export function parseAnswers(
  def: FormDefinition,
  raw: RawAnswers,
  lists: ChoiceLists,
  shown?: ShownChoices,
  aliases?: Readonly<Record<string, string>>,
): ParseResult {
  const answers: ParsedAnswers = {};
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  // Only the pages the respondent went through are read: a question of another category's section
  // was never shown, so it is neither required nor taken from the response.
  walkPages(def, (item) => {
    const value = parseItem(item, raw[item.key], lists, {
      errors,
      warnings,
      shown: shown?.[item.key],
      aliases,
    });
    if (value !== undefined) answers[item.key] = value;
    return value;
  });
  return { answers, errors, warnings };
}

/** A double-fired or empty trigger event carries no answer at all. */
export const isBlankResponse = (raw: RawAnswers): boolean =>
  Object.values(raw).every((v) => flat(v).every((s) => s.trim() === ''));

export const textOf = (a: ParsedAnswers, key: string): string => {
  const v = a[key];
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
};
export const listOf = (a: ParsedAnswers, key: string): string[] => {
  const v = a[key];
  return Array.isArray(v) ? v : typeof v === 'string' ? [v] : [];
};
export const numberOf = (a: ParsedAnswers, key: string): number | undefined => {
  const v = a[key];
  return typeof v === 'number' ? v : undefined;
};
