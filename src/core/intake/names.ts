// Person names as typed: one alphabet, letters only, then title case.
import type { Issue } from './answers';
import { isNameLike, latinLookalikes, titleCaseName } from './text';

export function checkPersonName(field: string, raw: string, errors: Issue[]): string {
  if (!raw) return '';
  if (!isNameLike(raw)) {
    errors.push({ message: `${field} «${raw}» может содержать только буквы, пробел, дефис и апостроф.` });
    return raw;
  }
  const latin = latinLookalikes(raw);
  if (latin.length) {
    errors.push({
      message: `${field} «${raw}»: латинские буквы ${latin.join(', ')} среди русских; напишите, пожалуйста, только русскими буквами.`,
    });
  }
  return titleCaseName(raw);
}
