// Настройки that intake reads. «Формы наставничества» is the school's list of forms offered, resolved
// against the catalogue sheet of the same name; other features (matching, meetings, reports) read the
// forms through readIntakeSettings too.
import * as z from 'zod/mini';
import { lazySchema } from '../lazySchema';
import { offeredForms } from '../mentoringForms';
import { DEFAULT_FORMS, type MentoringForm } from '../model';
import { DATA_MODE_LABELS, DATA_MODES, type DataMode } from '../pseudonymous/dataMode';
import { defineSettings, readSettings, reject, type SettingValues } from '../settings';
import type { CellValue } from '../table';
import { labelKey } from './text';

// Shared by the settings below (a schema never changes once built), built on first use.
const text = lazySchema(() =>
  z.pipe(
    z.union([z.string(), z.number(), z.boolean(), z.date()], { error: 'нужен текст или число' }),
    z.transform((v) => String(v).trim()),
  ),
);
const whole = (min: number, max: number) =>
  z.coerce
    .number<CellValue>({ error: 'нужно целое число' })
    .check(z.int('нужно целое число'), z.gte(min, `не меньше ${min}`), z.lte(max, `не больше ${max}`));

export const INTAKE_SETTINGS = defineSettings({
  offeredForms: {
    name: 'Формы наставничества',
    help:
      'Формы, которые школа предлагает в этом году, через точку с запятой. Их видят участники в анкетах. ' +
      'Кто может быть наставником и наставляемым в каждой форме — в листе «Формы наставничества».',
    defaultCell: DEFAULT_FORMS.map((f) => f.label).join('; '),
    parse: () =>
      z.pipe(
        text(),
        z.transform((cell, ctx): string[] => {
          const labels = cell
            .split(/[;\n]/)
            .map((s) => s.trim())
            .filter(Boolean);
          if (!labels.length) return reject(ctx, 'не выбрана ни одна форма');
          return labels;
        }),
      ),
  },
  classLetters: {
    name: 'Буквы классов',
    help: 'Буквы параллелей, которые есть в школе, через запятую. Класс с другой буквой анкета не примет.',
    defaultCell: 'А, Б, В, Г',
    parse: () =>
      z.pipe(
        text(),
        z.transform((cell, ctx): string[] => {
          const letters = cell
            .split(/[,;\s]+/)
            .map((s) => s.toUpperCase())
            .filter(Boolean);
          if (!letters.length || letters.some((l) => !/^[А-ЯЁ]$/.test(l)))
            return reject(ctx, 'нужны русские буквы через запятую, например «А, Б, В»');
          return letters;
        }),
      ),
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
  choiceAliases: {
    name: 'Анкеты: другие подписи вариантов',
    help:
      'Если в Google Форме переименовали вариант ответа, запишите «новая подпись = прежняя подпись» ' +
      '(несколько — через точку с запятой), например «Ученик / ученица = ученик».',
    defaultCell: '',
    parse: () =>
      z.pipe(
        text(),
        z.transform((cell, ctx): Record<string, string> => {
          const aliases: Record<string, string> = {};
          for (const part of cell
            .split(/[;\n]/)
            .map((s) => s.trim())
            .filter(Boolean)) {
            const [shown, defined, extra] = part.split('=').map((s) => s.trim());
            if (!shown || !defined || extra !== undefined) {
              return reject(
                ctx,
                `«${part}»: нужно «новая подпись = прежняя подпись», например «Ученик / ученица = ученик»`,
              );
            }
            aliases[labelKey(shown)] = defined;
          }
          return aliases;
        }),
      ),
  },
  dataMode: {
    name: 'Режим данных',
    help:
      'обычный — анкеты спрашивают ФИО и почту, они хранятся в Google. псевдонимы — в Google только коды ' +
      'участников, а ФИО и адреса хранит реестр школы на её компьютере в России (152-ФЗ ч. 5 ст. 18). ' +
      'Чтобы перейти на псевдонимы, впишите «псевдонимы» и выполните «Настроить программу»: она выдаст коды, ' +
      'выгрузит ФИО и адреса для реестра и удалит их из таблицы. Обратно режим не переключается.',
    defaultCell: DATA_MODE_LABELS.ordinary,
    parse: () =>
      z.pipe(
        text(),
        z.transform((cell, ctx): DataMode => {
          const mode = DATA_MODES.find((m) => DATA_MODE_LABELS[m] === cell.toLowerCase());
          if (!mode) return reject(ctx, 'нужно «обычный» или «псевдонимы»');
          return mode;
        }),
      ),
  },
  confirmationMail: {
    name: 'Письмо новому участнику',
    help: 'да — после первой анкеты участнику (и родителю ученика) уходит письмо о дальнейших шагах.',
    defaultCell: 'да',
    parse: () =>
      z.pipe(
        text(),
        z.transform((v) => v.toLowerCase() !== 'нет'),
      ),
  },
  hideResponseSheets: {
    name: 'Листы ответов: скрыть',
    help:
      'да — листы «Ответы — …», куда Google Формы пишут ответы как есть, скрыты (показать: правый щелчок по любому ярлыку → «Показать»); ' +
      'нет — они видны в конце таблицы. Программа их не меняет и читает в любом случае.',
    defaultCell: 'нет',
    parse: () =>
      z.pipe(
        text(),
        z.transform((cell, ctx): boolean => {
          const v = cell.toLowerCase();
          if (v !== 'да' && v !== 'нет') return reject(ctx, 'нужно «да» или «нет»');
          return v === 'да';
        }),
      ),
  },
});
/** What intake reads: the offered forms resolved against the school's catalogue. */
export type IntakeSettings = Omit<SettingValues<typeof INTAKE_SETTINGS>, 'offeredForms'> & {
  mentoringForms: MentoringForm[];
};

/**
 * Настройки's cells with the catalogue of «Формы наставничества». An unknown form in Настройки is
 * reported and left out; when none is known, every form of the catalogue is offered.
 */
export function readIntakeSettings(
  cells: ReadonlyMap<string, CellValue>,
  catalogue: readonly MentoringForm[] = DEFAULT_FORMS,
): { values: IntakeSettings; problems: string[] } {
  const { values, problems } = readSettings(INTAKE_SETTINGS, cells);
  const { offeredForms: labels, ...rest } = values;
  const known: MentoringForm[] = [];
  for (const label of labels) {
    const found = offeredForms([label], catalogue);
    if (typeof found === 'string')
      problems.push(`Настройка «${INTAKE_SETTINGS.offeredForms.name}»: ${found}.`);
    else if (!known.includes(found[0])) known.push(found[0]);
  }
  return { values: { ...rest, mentoringForms: known.length ? known : [...catalogue] }, problems };
}
