// What a letter can say: each field's key in code and the Russian name curators type in a template
// as {{имя}}. A name is declared here once; renaming it is a one-line change (and old templates then
// fall back to the default with a message in Настройки).
export const LETTER_FIELDS = {
  name: 'имя',
  meeting: 'встреча',
  date: 'дата',
  mentees: 'наставляемые',
  mentor: 'наставник',
  withMentees: 'с_наставляемыми',
  withMentor: 'с_наставником',
  pair: 'пара',
  place: 'время_место',
  missed: 'пропущено',
  month: 'месяц',
  markLink: 'ссылка_отметить',
  moveLink: 'ссылка_перенести',
  formLink: 'ссылка_анкета',
  survey: 'анкета',
  schoolYear: 'учебный_год',
  week: 'неделя',
  summary: 'сводка',
} as const;
export type LetterField = keyof typeof LETTER_FIELDS;

/** The words on the button that an HTML letter shows instead of a link, by the name in a template. */
export const BUTTON_LABELS: Readonly<Record<string, string>> = {
  [LETTER_FIELDS.markLink]: 'Отметить встречу проведённой',
  [LETTER_FIELDS.moveLink]: 'Перенести встречу',
  [LETTER_FIELDS.formLink]: 'Заполнить анкету',
};
export type LetterValues = Partial<Record<LetterField, string>>;

/** The values by the names a template uses. */
export function valuesByName(values: LetterValues): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, value] of Object.entries(values) as Array<[LetterField, string | undefined]>)
    if (value !== undefined) out[LETTER_FIELDS[field]] = value;
  return out;
}
