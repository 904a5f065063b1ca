// JSON text of workspace state, with Dates kept as dates.
/**
 * Dates survive JSON as {"$date": ISO}. Date.prototype.toJSON of this realm answers that tag while
 * stringifying (a JSON.stringify replacer would cost a call per value: twice the time on a
 * workbook). So state written here must hold this realm's Dates: the spreadsheet model copies every
 * date it is given (interpretInput), chart options too; forms, triggers, Drive keep numbers or ISO text.
 */
export function toJsonText(value: unknown): string {
  const proto = Date.prototype as { toJSON: unknown };
  const plain = proto.toJSON;
  proto.toJSON = taggedDate;
  try {
    return JSON.stringify(value);
  } finally {
    proto.toJSON = plain;
  }
}

function taggedDate(this: Date): { $date: string } {
  return { $date: this.toISOString() };
}

/** JSON.parse, then {"$date": ISO} → Date in one walk (much cheaper than a JSON.parse reviver). */
export function parseJson(text: string): unknown {
  const value: unknown = JSON.parse(text);
  return text.includes('"$date"') ? reviveDates(value) : value;
}

function reviveDates(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item = value[i];
      if (item !== null && typeof item === 'object') value[i] = reviveDates(item);
    }
    return value;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.length === 1 && keys[0] === '$date' && typeof record.$date === 'string')
    return new Date(record.$date);
  for (const key of keys) {
    const item = record[key];
    if (item === null || typeof item !== 'object') continue;
    const revived = reviveDates(item);
    if (revived !== item)
      Object.defineProperty(record, key, {
        value: revived,
        writable: true,
        enumerable: true,
        configurable: true,
      });
  }
  return record;
}

/** Cross-realm check: dates made inside the vm context are not `instanceof Date` out here. */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}
