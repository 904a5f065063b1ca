// Russian numerals agree with the noun in three forms: 1 встреча, 2 встречи, 5 встреч (and 21, 22, 25).

/** The form for n: one (1, 21, 101), few (2–4, 22–24), many (0, 5–20, 25–30, 11–14). */
export function plural(n: number, one: string, few: string, many: string): string {
  const d10 = Math.abs(n) % 10;
  const d100 = Math.abs(n) % 100;
  if (d10 === 1 && d100 !== 11) return one;
  if (d10 >= 2 && d10 <= 4 && (d100 < 12 || d100 > 14)) return few;
  return many;
}

/** «3 встречи». */
export const counted = (n: number, one: string, few: string, many: string): string =>
  `${n} ${plural(n, one, few, many)}`;
