// «Выбор после встречи»: one row per participant with their ranked choices after the first meeting.
import { PREFERENCE_RANKS } from '../../../forms/preferences';
import { type Column, cellColumn, defineSheet, type RowPatch, textColumn } from '../schema';
import { SHEETS } from '../sheets';
import type { CellValue } from '../table';

export type ChoiceKey = `choice${number}`;
/** choice1, choice2, …: the keys of the ranked choices, best first. */
export const CHOICE_KEYS: readonly ChoiceKey[] = Array.from(
  { length: PREFERENCE_RANKS },
  (_, i): ChoiceKey => `choice${i + 1}`,
);
const choices = Object.fromEntries(CHOICE_KEYS.map((k, i) => [k, textColumn(`Выбор ${i + 1}`)])) as Record<
  ChoiceKey,
  Column<string>
>;

type PreferenceColumns = Record<ChoiceKey, Column<string>> & {
  participantId: Column<string>;
  role: Column<string>;
  comment: Column<string>;
  updatedAt: Column<CellValue>;
  responseId: Column<string>;
};

export const PREFERENCES = defineSheet<PreferenceColumns>(SHEETS.preferences, {
  participantId: textColumn('ID участника'),
  role: textColumn('Роль'),
  ...choices,
  comment: textColumn('Комментарий', { freeText: true }),
  updatedAt: cellColumn('Обновлено'),
  responseId: textColumn('Ответ'),
});
export const PREFERENCE_HEADERS = PREFERENCES.headers;
export type PreferencePatch = RowPatch<typeof PREFERENCES>;
