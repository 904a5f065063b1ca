// The data a template is filled from. Names and dates are tagged so that filters can decline a name
// or format a date; everything else is plain text, numbers, flags, lists and records.
import { fullNameText, type GrammaticalCase, type PersonName } from './declension';
import { type CalendarDate, formatLongDate } from './russianDate';

export interface NameValue {
  $name: PersonName;
}
export interface DateValue {
  $date: CalendarDate;
}
/** A name whose six forms are known in advance: the organisation, with the curator's overrides. */
export interface CasesValue {
  $cases: Record<GrammaticalCase, string>;
}
export interface TemplateRecord {
  [key: string]: TemplateValue | undefined;
}
export type TemplateValue =
  | string
  | number
  | boolean
  | NameValue
  | DateValue
  | CasesValue
  | TemplateValue[]
  | TemplateRecord;

export const nameValue = (name: PersonName): NameValue => ({ $name: name });
export const dateValue = (date: CalendarDate): DateValue => ({ $date: date });
export const casesValue = (cases: Record<GrammaticalCase, string>): CasesValue => ({ $cases: cases });

export const isName = (v: TemplateValue): v is NameValue =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && '$name' in v;
export const isDate = (v: TemplateValue): v is DateValue =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && '$date' in v;
export const isCases = (v: TemplateValue): v is CasesValue =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && '$cases' in v;
export const isRecord = (v: TemplateValue): v is TemplateRecord =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !isName(v) && !isDate(v) && !isCases(v);

/** Whether a condition holds: empty text, zero, an empty list and «нет» are false. */
export function truthy(v: TemplateValue): boolean {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'string') return v.trim() !== '';
  if (Array.isArray(v)) return v.length > 0;
  return true;
}

/** Text for a placeholder; undefined for a list or record, which cannot stand in a sentence. */
export function renderValue(v: TemplateValue): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'да' : 'нет';
  if (isName(v)) return fullNameText(v.$name);
  if (isDate(v)) return formatLongDate(v.$date);
  if (isCases(v)) return v.$cases.nominative;
  return undefined;
}
