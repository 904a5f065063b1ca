// «Формы наставничества»: the school's catalogue of forms of mentoring, one row per form, edited by
// the curator. Setup fills it with the methodology's five model forms; a school renames them, changes
// their rules or adds its own («работодатель – студент», «молодой специалист – ученик»). Настройки's
// «Формы наставничества» then chooses which of them the school offers this year.

import { labelKey } from './intake/text';
import {
  CATEGORIES,
  CATEGORY_LABELS,
  type Category,
  DEFAULT_FORMS,
  type MentoringForm,
  type Participant,
} from './model';
import { defineSheet, type RowOf, textColumn } from './schema';

export const FORMS_CATALOGUE = defineSheet('Формы наставничества', {
  label: textColumn('Форма'),
  mentors: textColumn('Кто может быть наставником'),
  mentees: textColumn('Кто может быть наставляемым'),
  menteeAge: textColumn('Возраст наставляемого'),
  menteeGrade: textColumn('Класс наставляемого'),
  higherClass: textColumn('Наставник в более старшем классе'),
  groupSize: textColumn('Наставляемых у одного наставника, не больше'),
  intervalDays: textColumn('Встречи раз в (дней)'),
  problem: textColumn('Проблема'),
});
export type CatalogueRow = RowOf<typeof FORMS_CATALOGUE>;

const categoriesText = (list: readonly Category[]) => list.map((c) => CATEGORY_LABELS[c]).join(', ');
const rangeText = (r: { min?: number; max?: number }) =>
  r.min !== undefined && r.max !== undefined
    ? `${r.min}–${r.max}`
    : r.min !== undefined
      ? `от ${r.min}`
      : r.max !== undefined
        ? `до ${r.max}`
        : '';

/** A form as the curator sees it in the sheet. */
export function formToRow(f: MentoringForm): Omit<CatalogueRow, 'problem'> {
  return {
    label: f.label,
    mentors: categoriesText(f.mentorCategories),
    mentees: categoriesText(f.menteeCategories),
    menteeAge: rangeText(f.menteeAge),
    menteeGrade: rangeText(f.menteeGrade),
    higherClass: f.mentorInHigherClass ? 'да' : 'нет',
    groupSize: f.groupSize === undefined ? '' : String(f.groupSize),
    intervalDays: f.intervalDays === undefined ? '' : String(f.intervalDays),
  };
}

export const DEFAULT_CATALOGUE_ROWS = (): Omit<CatalogueRow, 'problem'>[] => DEFAULT_FORMS.map(formToRow);

function parseCategories(text: string, side: string): Category[] | string {
  const words = text
    .split(/[,;\n]/)
    .map((w) => w.trim())
    .filter(Boolean);
  if (!words.length) return `не указано, ${side}`;
  const out: Category[] = [];
  for (const w of words) {
    const c = CATEGORIES.find((x) => labelKey(CATEGORY_LABELS[x]) === labelKey(w));
    if (!c) return `неизвестная категория «${w}» (${side}); можно: ${categoriesText(CATEGORIES)}`;
    if (!out.includes(c)) out.push(c);
  }
  return out;
}

/** «10–18», «от 14», «до 9», «14» or empty (no limit). */
function parseRange(text: string, what: string, lo: number, hi: number) {
  const t = text.trim().toLowerCase();
  if (!t) return {};
  const n = (s: string) => Number(s);
  const between = /^(?:с|от)?\s*(\d{1,3})\s*(?:[-–—]|до|по)\s*(\d{1,3})$/.exec(t);
  const from = /^(?:с|от)\s*(\d{1,3})$/.exec(t);
  const upTo = /^(?:до|по)\s*(\d{1,3})$/.exec(t);
  const one = /^(\d{1,3})$/.exec(t);
  const r = between
    ? { min: n(between[1]), max: n(between[2]) }
    : from
      ? { min: n(from[1]) }
      : upTo
        ? { max: n(upTo[1]) }
        : one
          ? { min: n(one[1]), max: n(one[1]) }
          : undefined;
  const ok = (v?: number) => v === undefined || (v >= lo && v <= hi);
  if (!r || !ok(r.min) || !ok(r.max) || (r.min !== undefined && r.max !== undefined && r.min > r.max))
    return `${what} «${text}» не понятен: напишите, например, «${lo}–${hi}», «от ${lo}» или оставьте пустым`;
  return r;
}

function parseCount(text: string, what: string, max: number): number | undefined | string {
  const t = text.trim();
  if (!t) return undefined;
  const v = /^\d{1,3}$/.test(t) ? Number(t) : Number.NaN;
  return Number.isInteger(v) && v >= 1 && v <= max
    ? v
    : `${what}: нужно целое число от 1 до ${max}, указано «${t}»`;
}

/** Defaults keep their ids (pairs and documents refer to them); a school's own form is known by its name. */
const idOf = (label: string): string =>
  DEFAULT_FORMS.find((f) => labelKey(f.label) === labelKey(label))?.id ?? labelKey(label);

/** One catalogue row as a form, or a Russian problem for the «Проблема» column. */
export function rowToForm(row: CatalogueRow): MentoringForm | string {
  const label = row.label.trim();
  if (!label) return 'нет названия формы';
  const mentorCategories = parseCategories(row.mentors, 'наставники');
  if (typeof mentorCategories === 'string') return mentorCategories;
  const menteeCategories = parseCategories(row.mentees, 'наставляемые');
  if (typeof menteeCategories === 'string') return menteeCategories;
  const menteeAge = parseRange(row.menteeAge, 'Возраст', 5, 100);
  if (typeof menteeAge === 'string') return menteeAge;
  const menteeGrade = parseRange(row.menteeGrade, 'Класс', 1, 11);
  if (typeof menteeGrade === 'string') return menteeGrade;
  const higher = row.higherClass.trim().toLowerCase();
  if (higher && higher !== 'да' && higher !== 'нет')
    return `«Наставник в более старшем классе»: нужно «да» или «нет», указано «${row.higherClass}»`;
  const groupSize = parseCount(row.groupSize, 'Наставляемых у одного наставника', 30);
  if (typeof groupSize === 'string') return groupSize;
  const intervalDays = parseCount(row.intervalDays, 'Встречи раз в (дней)', 120);
  if (typeof intervalDays === 'string') return intervalDays;
  return {
    id: idOf(label),
    label,
    mentorCategories,
    menteeCategories,
    mentorInHigherClass: higher === 'да',
    menteeAge,
    menteeGrade,
    groupSize,
    intervalDays,
  };
}

export interface Catalogue {
  forms: MentoringForm[];
  /** Per row (1-based sheet row) the problem to show beside it; rows with a problem are left out. */
  problems: Array<{ rowNumber: number; label: string; problem: string }>;
}

/** The catalogue from the sheet's rows; the model forms when the sheet has no readable row. */
export function readCatalogue(rows: ReadonlyArray<{ rowNumber: number; values: CatalogueRow }>): Catalogue {
  const forms: MentoringForm[] = [];
  const problems: Catalogue['problems'] = [];
  for (const { rowNumber, values } of rows) {
    if (!Object.entries(values).some(([k, v]) => k !== 'problem' && v.trim() !== '')) continue;
    const form = rowToForm(values);
    const duplicate = typeof form !== 'string' && forms.some((f) => f.id === form.id);
    if (typeof form === 'string' || duplicate) {
      problems.push({
        rowNumber,
        label: values.label,
        problem: typeof form === 'string' ? form : `форма «${values.label}» уже есть выше`,
      });
    } else forms.push(form);
  }
  return { forms: forms.length ? forms : [...DEFAULT_FORMS], problems };
}

/** The forms a school offers, from the labels in Настройки; a Russian problem for an unknown label. */
export function offeredForms(
  labels: readonly string[],
  catalogue: readonly MentoringForm[],
): MentoringForm[] | string {
  const out: MentoringForm[] = [];
  for (const label of labels) {
    const form = catalogue.find((f) => labelKey(f.label) === labelKey(label));
    if (!form)
      return `неизвестная форма «${label}»; в листе «Формы наставничества» есть: ${catalogue.map((f) => f.label).join(', ')}`;
    if (!out.includes(form)) out.push(form);
  }
  return out.length ? out : 'не выбрана ни одна форма';
}

/**
 * How many mentees a mentor may take: as offered in the questionnaire, but no more than the largest
 * group any of their forms allows (a form without a limit leaves the offer as it is).
 */
export function capacityIn(mentor: Participant, forms: readonly MentoringForm[]): number {
  const limits = mentor.forms.map((id) => forms.find((f) => f.id === id)?.groupSize);
  if (limits.length === 0 || limits.some((l) => l === undefined)) return mentor.capacity;
  return Math.min(mentor.capacity, Math.max(...(limits as number[])));
}
