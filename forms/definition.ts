// A questionnaire as data. The same definition builds the Google Form (src/gas/intake/formBuilder)
// and parses its responses (src/core/intake/responseSchema), so the two cannot drift apart.
// Keys are stable forever: curators may reword titles in Google Forms, but answers are mapped by the
// item ids recorded at creation, and each item id maps back to one of these keys.

export type ItemType =
  | 'short'
  | 'long'
  | 'single'
  | 'multiple'
  | 'scale'
  | 'date'
  | 'email'
  | 'grid'
  /** A page break: the items after it, up to the next page, form one section of the form. */
  | 'page';

/** Where a respondent goes after a page: another page (its key) or straight to sending. */
export type PageTarget = string;
export const SUBMIT_PAGE: PageTarget = 'submit';

/** Choices that are not fixed in code: filled at setup (and on refresh) from Настройки or the bases. */
export type ChoiceSource = 'mentoringForms' | 'mentors' | 'mentees';

export interface ItemValidation {
  /** Longest accepted answer in characters (text items). */
  maxLength?: number;
  /** Whole number between min and max (short items asking for a number). */
  integer?: { min: number; max: number };
  /** A regular expression (Google's RE2) the answer must match, and what the page says when it does not. */
  pattern?: { regex: string; help: string };
}

export interface FormItem {
  key: string;
  title: string;
  help: string;
  type: ItemType;
  required: boolean;
  choices?: readonly string[];
  choicesFrom?: ChoiceSource;
  /** Grid rows (each row takes one of `choices`). */
  rows?: readonly string[];
  /** Scale bounds and end labels. */
  scale?: { min: number; max: number; minLabel: string; maxLabel: string };
  validation?: ItemValidation;
  /**
   * A single-choice item that sends the respondent on: choice value → key of the page to go to next
   * (choices not listed continue to the following page). Only one such item per page.
   */
  branches?: Readonly<Record<string, PageTarget>>;
  /** A page item: where to go when this page is done (default: the page that follows it). */
  next?: PageTarget;
}

export const FORM_IDS = [
  'mentee',
  'mentor',
  'consent',
  'dissemination',
  'preferencesMentee',
  'preferencesMentor',
] as const;
export type FormId = (typeof FORM_IDS)[number];
/** Surveys of the pair's year (H6): built like the questionnaires, but not part of intake. */
export const SURVEY_FORM_IDS = ['feedback', 'satisfaction', 'impact_entry', 'impact_exit'] as const;
export type SurveyFormId = (typeof SURVEY_FORM_IDS)[number];

export interface FormDefinition {
  id: FormId | SurveyFormId;
  title: string;
  description: string;
  confirmation: string;
  items: readonly FormItem[];
}

/** Default limit for free text; a longer answer is rejected, never cut. */
export const LONG_TEXT_LIMIT = 2000;
export const SHORT_TEXT_LIMIT = 200;

export function textLimit(item: FormItem): number {
  return item.validation?.maxLength ?? (item.type === 'long' ? LONG_TEXT_LIMIT : SHORT_TEXT_LIMIT);
}

/** Choices with the dynamic lists filled in: what the Google Form shows and what intake accepts. */
export type ChoiceLists = Record<ChoiceSource, readonly string[]>;

/** A page break item as data: title and help are what the section header shows. */
export function page(key: string, title: string, help = '', next?: PageTarget): FormItem {
  return { key, title, help, type: 'page', required: false, ...(next ? { next } : {}) };
}

export function resolveChoices(item: FormItem, lists: ChoiceLists): readonly string[] {
  if (item.choicesFrom) return lists[item.choicesFrom];
  return item.choices ?? [];
}
