// Durations as people write them for `advanceClock` and `nastavnik local clock --advance`.
/** '7d', '12h', '30m', '45s', '1d12h' or milliseconds. */
export function parseDuration(duration: number | string): number {
  if (typeof duration === 'number') return duration;
  const units: Record<string, number> = { w: 604_800_000, d: 86_400_000, h: 3_600_000, m: 60_000, s: 1000 };
  let total = 0;
  let matched = '';
  for (const m of duration.trim().matchAll(/(\d+(?:\.\d+)?)\s*([wdhms])/g)) {
    total += Number(m[1]) * units[m[2]];
    matched += m[0];
  }
  if (!matched || matched.replace(/\s/g, '') !== duration.replace(/\s/g, ''))
    throw new Error(`Не понимаю длительность «${duration}»: пишите, например, 7d, 12h, 30m.`);
  return total;
}
