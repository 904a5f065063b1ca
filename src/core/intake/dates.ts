// Russian date text for messages. Moscow has no daylight saving since 2014: UTC+3 all year.
const MOSCOW_OFFSET_MS = 3 * 60 * 60 * 1000;

export function ruDate(d: Date): string {
  const m = new Date(d.getTime() + MOSCOW_OFFSET_MS);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(m.getUTCDate())}.${two(m.getUTCMonth() + 1)}.${m.getUTCFullYear()}`;
}
