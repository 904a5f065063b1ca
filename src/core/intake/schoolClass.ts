// A student's class as typed: «7Б», «7 б», «7-Б», «7 «Б»», «7Б класс».
import type { SchoolClass } from '../model';

const CLASS_TEXT = /^(\d{1,2})\s*[-–—]?\s*["«]?\s*([а-яёА-ЯЁ])\s*["»]?\s*(?:класс|кл\.?)?$/i;

export function parseClass(text: string): SchoolClass | undefined {
  const m = CLASS_TEXT.exec(text.trim());
  if (!m) return undefined;
  return { grade: Number(m[1]), letter: m[2].toUpperCase() };
}

export interface SchoolClassRules {
  grades: { min: number; max: number };
  letters: readonly string[];
}

export function classExists(c: SchoolClass, rules: SchoolClassRules): boolean {
  return c.grade >= rules.grades.min && c.grade <= rules.grades.max && rules.letters.includes(c.letter);
}
