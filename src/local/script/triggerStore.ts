// Installable triggers as the workspace keeps them (triggers.json), and when a time-driven one fires
// next. Firing them is the workspace runtime's job (LocalWorkspace).
import type { ServiceContext } from '../context';
import { zoneOffsetMinutes } from '../spreadsheet/model';

export type TriggerEvent = 'CLOCK' | 'ON_FORM_SUBMIT' | 'ON_OPEN' | 'ON_EDIT' | 'ON_CHANGE';
export type TriggerSourceName = 'CLOCK' | 'SPREADSHEETS' | 'FORMS';

export interface Schedule {
  kind: 'minutes' | 'hours' | 'days' | 'weeks' | 'once';
  every: number;
  atHour?: number;
  nearMinute?: number;
  /** 1 = Monday … 7 = Sunday */
  weekDay?: number;
}

export interface TriggerRecord {
  uid: string;
  handler: string;
  event: TriggerEvent;
  source: TriggerSourceName;
  sourceId: string | null;
  schedule?: Schedule;
  /** Next firing (ms) of a time-driven trigger. */
  nextMs?: number;
  createdMs: number;
}

export const TOO_MANY_TRIGGERS =
  'This script has too many triggers. Triggers must be deleted from the script before more can be added.';
export const MAX_TRIGGERS = 20;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A copy: callers may sort or change it. */
export function readTriggers(ctx: ServiceContext): TriggerRecord[] {
  return ctx.readShared<TriggerRecord[]>(ctx.path('triggers.json'), []).map((t) => ({ ...t }));
}

export function changeTriggers<T>(ctx: ServiceContext, edit: (list: TriggerRecord[]) => T): T {
  return ctx.underStoreLock(() => {
    const list = readTriggers(ctx);
    const result = edit(list);
    ctx.writeShared(ctx.path('triggers.json'), list);
    return result;
  });
}

/** The first firing strictly after `afterMs` (daily and weekly ones at the set hour, minute `nearMinute` or 0). */
export function nextFiring(schedule: Schedule, afterMs: number, timeZone: string): number {
  switch (schedule.kind) {
    case 'once':
      return afterMs;
    case 'minutes':
      return afterMs + schedule.every * 60_000;
    case 'hours':
      return afterMs + schedule.every * HOUR;
    case 'days':
    case 'weeks': {
      const offset = zoneOffsetMinutes(timeZone, afterMs) * 60_000;
      const local = new Date(afterMs + offset);
      const hour = schedule.atHour ?? local.getUTCHours();
      let candidate =
        Date.UTC(
          local.getUTCFullYear(),
          local.getUTCMonth(),
          local.getUTCDate(),
          hour,
          schedule.nearMinute ?? 0,
        ) - offset;
      if (schedule.kind === 'weeks') {
        const want = (schedule.weekDay ?? 1) % 7;
        while (new Date(candidate + offset).getUTCDay() !== want || candidate <= afterMs) candidate += DAY;
        return candidate + (schedule.every - 1) * 7 * DAY;
      }
      while (candidate <= afterMs) candidate += DAY;
      return candidate + (schedule.every - 1) * DAY;
    }
  }
}
