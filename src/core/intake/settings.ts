// Настройки that intake reads. «Формы наставничества» is the school's list of forms offered; other
// features (matching, reports) read the same setting through INTAKE_SETTINGS.mentoringForms.
import * as z from 'zod';
import { DEFAULT_FORMS, type MentoringForm } from '../model';
import { defineSettings, type SettingValues } from '../settings';
import type { CellValue } from '../table';
import { labelKey } from './text';

const text = () =>
  z.union([z.string(), z.number(), z.boolean(), z.date()]).transform((v) => String(v).trim());
const whole = (min: number, max: number) =>
  z.coerce
    .number<CellValue>()
    .int('нужно целое число')
    .min(min, `не меньше ${min}`)
    .max(max, `не больше ${max}`);

/** Forms the methodology names; a school enables some of them by label in Настройки. */
export const FORM_CATALOGUE: readonly MentoringForm[] = DEFAULT_FORMS;

export function parseFormList(cell: string): MentoringForm[] | string {
  const labels = cell
    .split(/[;\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
  const forms: MentoringForm[] = [];
  for (const label of labels) {
    const form = FORM_CATALOGUE.find((f) => labelKey(f.label) === labelKey(label));
    if (!form) {
      return `неизвестная форма «${label}»; известные: ${FORM_CATALOGUE.map((f) => f.label).join(', ')}`;
    }
    if (!forms.includes(form)) forms.push(form);
  }
  return forms.length ? forms : 'не выбрана ни одна форма';
}

export const INTAKE_SETTINGS = defineSettings({
  mentoringForms: {
    name: 'Формы наставничества',
    help: 'Формы, которые предлагает школа, через точку с запятой. Их видят участники в анкетах.',
    defaultCell: DEFAULT_FORMS.map((f) => f.label).join('; '),
    parse: () =>
      text().transform((cell, ctx): MentoringForm[] => {
        const parsed = parseFormList(cell);
        if (typeof parsed === 'string') {
          ctx.addIssue({ code: 'custom', message: parsed });
          return z.NEVER;
        }
        return parsed;
      }),
  },
  classLetters: {
    name: 'Буквы классов',
    help: 'Буквы параллелей, которые есть в школе, через запятую. Класс с другой буквой анкета не примет.',
    defaultCell: 'А, Б, В, Г',
    parse: () =>
      text().transform((cell, ctx): string[] => {
        const letters = cell
          .split(/[,;\s]+/)
          .map((s) => s.toUpperCase())
          .filter(Boolean);
        if (!letters.length || letters.some((l) => !/^[А-ЯЁ]$/.test(l))) {
          ctx.addIssue({ code: 'custom', message: 'нужны русские буквы через запятую, например «А, Б, В»' });
          return z.NEVER;
        }
        return letters;
      }),
  },
  lowestGrade: {
    name: 'Младший класс школы',
    help: 'Номер младшего класса.',
    defaultCell: 1,
    parse: () => whole(1, 11),
  },
  highestGrade: {
    name: 'Старший класс школы',
    help: 'Номер старшего класса (9 для основной школы).',
    defaultCell: 11,
    parse: () => whole(1, 11),
  },
  minMenteeAge: {
    name: 'Наименьший возраст наставляемого',
    help: 'Ученики младше не принимаются анкетой наставляемого (по методологии — с 10 лет).',
    defaultCell: 10,
    parse: () => whole(5, 18),
  },
  maxStudentAge: {
    name: 'Наибольший возраст ученика',
    help: 'Кто старше, не может быть в категории «ученик».',
    defaultCell: 18,
    parse: () => whole(14, 25),
  },
  confirmationMail: {
    name: 'Письмо новому участнику',
    help: 'да — после первой анкеты участнику (и родителю ученика) уходит письмо о дальнейших шагах.',
    defaultCell: 'да',
    parse: () => text().transform((v) => v.toLowerCase() !== 'нет'),
  },
});
export type IntakeSettings = SettingValues<typeof INTAKE_SETTINGS>;
