// Utilities.formatDate: Java's SimpleDateFormat patterns in a given time zone.
import { zoneOffsetMinutes } from '../spreadsheet/model';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Java SimpleDateFormat subset that Utilities.formatDate understands (English names, like Apps Script). */
export function formatDate(date: Date, timeZone: string, pattern: string): string {
  const offset = zoneOffsetMinutes(timeZone, date.getTime());
  const t = new Date(date.getTime() + offset * 60_000);
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  const fields: Record<string, (n: number) => string> = {
    y: (n) => (n === 2 ? pad(t.getUTCFullYear() % 100, 2) : pad(t.getUTCFullYear(), n)),
    M: (n) =>
      n >= 4
        ? MONTHS[t.getUTCMonth()]
        : n === 3
          ? MONTHS[t.getUTCMonth()].slice(0, 3)
          : pad(t.getUTCMonth() + 1, n),
    d: (n) => pad(t.getUTCDate(), n),
    H: (n) => pad(t.getUTCHours(), n),
    h: (n) => pad(t.getUTCHours() % 12 || 12, n),
    m: (n) => pad(t.getUTCMinutes(), n),
    s: (n) => pad(t.getUTCSeconds(), n),
    S: (n) => pad(t.getUTCMilliseconds(), 3).slice(0, Math.max(n, 3)),
    a: () => (t.getUTCHours() < 12 ? 'AM' : 'PM'),
    E: (n) => (n >= 4 ? DAYS[t.getUTCDay()] : DAYS[t.getUTCDay()].slice(0, 3)),
    u: () => String(t.getUTCDay() || 7),
    Z: () => `${sign}${pad(Math.floor(abs / 60), 2)}${pad(abs % 60, 2)}`,
    X: (n) =>
      offset === 0
        ? 'Z'
        : n >= 3
          ? `${sign}${pad(Math.floor(abs / 60), 2)}:${pad(abs % 60, 2)}`
          : `${sign}${pad(Math.floor(abs / 60), 2)}`,
    z: () => (timeZone === 'Europe/Moscow' ? 'MSK' : timeZone),
  };
  let out = '';
  for (let i = 0; i < pattern.length; ) {
    const ch = pattern[i];
    if (ch === "'") {
      const end = pattern.indexOf("'", i + 1);
      const literal = end < 0 ? pattern.slice(i + 1) : pattern.slice(i + 1, end);
      out += literal === '' ? "'" : literal;
      i = end < 0 ? pattern.length : end + 1;
      continue;
    }
    let n = 1;
    while (pattern[i + n] === ch) n++;
    const field = fields[ch];
    out += field ? field(n) : ch.repeat(n);
    i += n;
  }
  return out;
}
