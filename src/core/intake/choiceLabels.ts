// A curator may reword a choice in the Google Form («ученик» → «Ученик / ученица»). Answers then carry
// the form's label; this maps it back to the definition's choice: by the same text, by the text with
// case, ё and dashes evened out, by the curator's mapping in Настройки, and else by the place the label holds among the choices the two
// lists do not share (the rename case). What cannot be mapped stays unknown and is reported.
import { labelKey } from './text';

export function canonicalChoice(
  value: string,
  defined: readonly string[],
  shown: readonly string[] | undefined,
  aliases: Readonly<Record<string, string>> = {},
): string | undefined {
  if (defined.includes(value)) return value;
  const key = labelKey(value);
  const same = defined.find((d) => labelKey(d) === key);
  if (same !== undefined) return same;
  // The curator's own mapping in Настройки («новая подпись = прежняя подпись»).
  const alias = aliases[key];
  const mapped = alias === undefined ? undefined : defined.find((d) => labelKey(d) === labelKey(alias));
  if (mapped !== undefined) return mapped;
  if (!shown?.includes(value)) return undefined;
  const definedKeys = new Set(defined.map(labelKey));
  const shownKeys = new Set(shown.map(labelKey));
  const onlyShown = shown.filter((s) => !definedKeys.has(labelKey(s)));
  const onlyDefined = defined.filter((d) => !shownKeys.has(labelKey(d)));
  if (onlyShown.length !== onlyDefined.length) return undefined;
  return onlyDefined[onlyShown.indexOf(value)];
}

/** What the curator reads when a label in the form matches nothing in the programme's list. */
export const unknownChoiceHint = (title: string, label: string): string =>
  `В вопросе «${title}» выбран вариант «${label}», которого нет в списке программы: ` +
  'верните в Google Форме прежнюю подпись варианта, выполните «Обновить анкеты» или запишите ' +
  'соответствие в «Настройки» → «Анкеты: другие подписи вариантов».';
