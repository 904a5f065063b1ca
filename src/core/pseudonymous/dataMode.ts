// The school's data mode. «обычный»: the forms ask for names and addresses and Google holds them.
// «псевдонимы»: Google holds only participant codes; names and addresses live in the school's
// register on a computer in Russia (152-ФЗ ч. 5 ст. 18), which fills them into documents and letters.
import {
  CODE_PROBLEM_TEXT,
  codeProblem,
  type HmacSha256,
  normaliseCode,
  secretMatches,
} from './participantCode';

export const DATA_MODES = ['ordinary', 'pseudonymous'] as const;
export type DataMode = (typeof DATA_MODES)[number];
export const DATA_MODE_LABELS: Record<DataMode, string> = { ordinary: 'обычный', pseudonymous: 'псевдонимы' };

/** «Режим данных: псевдонимы» — the line the workbook, the menu and the digest show. */
export const dataModeLine = (mode: DataMode): string => `Режим данных: ${DATA_MODE_LABELS[mode]}`;

/** The script property that keeps the school's key; never a sheet, where an editor could read it. */
export const REGISTER_KEY_PROPERTY = 'REGISTER_KEY';

/** What intake needs to check a typed code: the school's key and Apps Script's HMAC. */
export interface CodeCheck {
  key: string;
  hmac: HmacSha256;
}

/** A base's ID that is a participant code: the row belongs to the pseudonymous mode. */
export function isParticipantCode(id: string): boolean {
  return /^\d{7}$/.test(id) && codeProblem(id) === undefined;
}

export const KEY_MISSING =
  'Ключ реестра не введён: куратору — меню «Наставничество → Ввести ключ реестра» (ключ выдаёт программа реестра школы). Ответ сохранён в листе ответов; после ввода ключа участник отправляет анкету ещё раз.';

/**
 * The code a participant typed, checked: the digits must be a code the school could have issued and
 * the secret the one printed beside it. Russian text on failure; a code without its secret is refused.
 */
export function checkTypedCode(
  typedCode: string,
  typedSecret: string,
  check: CodeCheck | undefined,
): { code: string } | { problem: string } {
  const problem = codeProblem(typedCode);
  if (problem) return { problem: CODE_PROBLEM_TEXT[problem] };
  if (!check) return { problem: KEY_MISSING };
  const code = normaliseCode(typedCode);
  if (!typedSecret.trim())
    return { problem: 'Не указано секретное число с листка: без него код не принимается.' };
  if (!secretMatches(code, typedSecret, check.key, check.hmac))
    return {
      problem:
        'Секретное число не подходит к коду участника: проверьте обе записи по листку. Если листок потерян, обратитесь к куратору.',
    };
  return { code };
}
