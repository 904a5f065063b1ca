// ScriptApp: installable triggers stored in the workspace (triggers.json), the schedule of
// time-driven ones, and the web-app URL. Firing them is the workspace runtime's job (index.ts).
import type { ServiceContext } from './context';
import { readJson } from './jsonFiles';
import type { Implements, ServiceDefinition } from './services';
import { zoneOffsetMinutes } from './spreadsheet/model';

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
const MAX_TRIGGERS = 20;
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

export class FakeTrigger
  implements
    Implements<
      GoogleAppsScript.Script.Trigger,
      'getUniqueId' | 'getHandlerFunction' | 'getEventType' | 'getTriggerSource' | 'getTriggerSourceId'
    >
{
  constructor(readonly record: TriggerRecord) {}

  getUniqueId(): string {
    return this.record.uid;
  }

  getHandlerFunction(): string {
    return this.record.handler;
  }

  getEventType(): GoogleAppsScript.Script.EventType {
    return this.record.event as unknown as GoogleAppsScript.Script.EventType;
  }

  getTriggerSource(): GoogleAppsScript.Script.TriggerSource {
    return this.record.source as unknown as GoogleAppsScript.Script.TriggerSource;
  }

  /** Apps Script returns null for clock triggers although the typings say string. */
  getTriggerSourceId(): string {
    return this.record.sourceId as string;
  }
}

function randomDigits(n: number): string {
  let out = String(1 + Math.floor(Math.random() * 9));
  while (out.length < n) out += String(Math.floor(Math.random() * 10));
  return out;
}

function install(ctx: ServiceContext, record: Omit<TriggerRecord, 'uid' | 'createdMs'>): FakeTrigger {
  ctx.count('ScriptApp', 'TriggerBuilder.create');
  const full: TriggerRecord = { ...record, uid: randomDigits(18), createdMs: ctx.nowMs() };
  changeTriggers(ctx, (list) => {
    if (list.length >= MAX_TRIGGERS) throw ctx.error(TOO_MANY_TRIGGERS);
    list.push(full);
  });
  return new FakeTrigger(full);
}

const EVERY_MINUTES = [1, 5, 10, 15, 30];
const EVERY_HOURS = [1, 2, 4, 6, 8, 12];

class ClockTriggerBuilder
  implements
    Implements<
      GoogleAppsScript.Script.ClockTriggerBuilder,
      | 'everyMinutes'
      | 'everyHours'
      | 'everyDays'
      | 'everyWeeks'
      | 'atHour'
      | 'nearMinute'
      | 'onWeekDay'
      | 'after'
      | 'at'
      | 'inTimezone'
      | 'create'
    >
{
  private schedule: Schedule | undefined;
  private atMs: number | undefined;
  private timeZone: string;

  constructor(
    private readonly ctx: ServiceContext,
    private readonly handler: string,
  ) {
    this.timeZone = ctx.timeZone;
  }

  everyMinutes(n: number): ClockTriggerBuilder {
    if (!EVERY_MINUTES.includes(n))
      throw this.ctx.error('Invalid argument: minutes. Use 1, 5, 10, 15 or 30.');
    this.schedule = { kind: 'minutes', every: n };
    return this;
  }

  everyHours(n: number): ClockTriggerBuilder {
    if (!EVERY_HOURS.includes(n)) throw this.ctx.error('Invalid argument: hours. Use 1, 2, 4, 6, 8 or 12.');
    this.schedule = { kind: 'hours', every: n };
    return this;
  }

  everyDays(n: number): ClockTriggerBuilder {
    this.schedule = { kind: 'days', every: n };
    return this;
  }

  everyWeeks(n: number): ClockTriggerBuilder {
    this.schedule = { kind: 'weeks', every: n, weekDay: this.schedule?.weekDay };
    return this;
  }

  atHour(hour: number): ClockTriggerBuilder {
    if (!this.schedule) this.schedule = { kind: 'days', every: 1 };
    this.schedule.atHour = hour;
    return this;
  }

  nearMinute(minute: number): ClockTriggerBuilder {
    if (this.schedule) this.schedule.nearMinute = minute;
    return this;
  }

  onWeekDay(day: GoogleAppsScript.Base.Weekday): ClockTriggerBuilder {
    const days = ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'];
    const index = days.indexOf(String(day));
    this.schedule = {
      ...(this.schedule ?? { kind: 'weeks', every: 1 }),
      kind: 'weeks',
      weekDay: index === 0 ? 7 : index,
    };
    return this;
  }

  after(durationMilliseconds: number): ClockTriggerBuilder {
    this.atMs = this.ctx.nowMs() + Math.max(0, durationMilliseconds);
    this.schedule = { kind: 'once', every: 0 };
    return this;
  }

  at(date: GoogleAppsScript.Base.Date): ClockTriggerBuilder {
    this.atMs = date.getTime();
    this.schedule = { kind: 'once', every: 0 };
    return this;
  }

  inTimezone(timezone: string): ClockTriggerBuilder {
    this.timeZone = timezone;
    return this;
  }

  create(): FakeTrigger {
    const schedule = this.schedule;
    if (!schedule)
      throw this.ctx.error(
        'Missing time-based trigger schedule (everyMinutes, everyHours, everyDays, after or at).',
      );
    const nextMs =
      schedule.kind === 'once'
        ? (this.atMs ?? this.ctx.nowMs())
        : nextFiring(schedule, this.ctx.nowMs(), this.timeZone);
    return install(this.ctx, {
      handler: this.handler,
      event: 'CLOCK',
      source: 'CLOCK',
      sourceId: null,
      schedule,
      nextMs,
    });
  }
}

function idOf(source: unknown): string {
  if (typeof source === 'string') return source;
  const getId = (source as { getId?: () => unknown } | null)?.getId;
  return typeof getId === 'function' ? String(getId.call(source)) : String(source);
}

class SourceTriggerBuilder {
  constructor(
    private readonly ctx: ServiceContext,
    private readonly handler: string,
    private readonly source: TriggerSourceName,
    private readonly sourceId: string,
  ) {}

  private event(event: TriggerEvent) {
    return {
      create: () =>
        install(this.ctx, { handler: this.handler, event, source: this.source, sourceId: this.sourceId }),
    };
  }

  onFormSubmit() {
    return this.event('ON_FORM_SUBMIT');
  }

  onOpen() {
    return this.event('ON_OPEN');
  }

  onEdit() {
    return this.event('ON_EDIT');
  }

  onChange() {
    return this.event('ON_CHANGE');
  }
}

class TriggerBuilder
  implements Implements<GoogleAppsScript.Script.TriggerBuilder, 'timeBased' | 'forForm' | 'forSpreadsheet'>
{
  constructor(
    private readonly ctx: ServiceContext,
    private readonly handler: string,
  ) {}

  timeBased(): ClockTriggerBuilder {
    return new ClockTriggerBuilder(this.ctx, this.handler);
  }

  forForm(form: string | GoogleAppsScript.Forms.Form): SourceTriggerBuilder {
    return new SourceTriggerBuilder(this.ctx, this.handler, 'FORMS', idOf(form));
  }

  forSpreadsheet(sheet: string | GoogleAppsScript.Spreadsheet.Spreadsheet): SourceTriggerBuilder {
    return new SourceTriggerBuilder(this.ctx, this.handler, 'SPREADSHEETS', idOf(sheet));
  }
}

/** Where `nastavnik local serve` listens; the server writes serve.json when it starts. */
export function webAppUrl(ctx: ServiceContext): string {
  const served = readJson<{ url?: string }>(ctx.path('serve.json'), {});
  return served.url ?? `http://127.0.0.1:8787/macros/s/${ctx.meta.scriptId}/exec`;
}

class FakeScriptApp
  implements
    Implements<
      GoogleAppsScript.Script.ScriptApp,
      'newTrigger' | 'getProjectTriggers' | 'deleteTrigger' | 'getScriptId'
    >
{
  readonly AuthMode = { NONE: 'NONE', LIMITED: 'LIMITED', FULL: 'FULL', CUSTOM_FUNCTION: 'CUSTOM_FUNCTION' };
  readonly EventType = {
    CLOCK: 'CLOCK',
    ON_OPEN: 'ON_OPEN',
    ON_EDIT: 'ON_EDIT',
    ON_FORM_SUBMIT: 'ON_FORM_SUBMIT',
    ON_CHANGE: 'ON_CHANGE',
  };
  readonly TriggerSource = {
    CLOCK: 'CLOCK',
    SPREADSHEETS: 'SPREADSHEETS',
    FORMS: 'FORMS',
    DOCUMENTS: 'DOCUMENTS',
    CALENDAR: 'CALENDAR',
  };
  readonly WeekDay = {
    MONDAY: 'MONDAY',
    TUESDAY: 'TUESDAY',
    WEDNESDAY: 'WEDNESDAY',
    THURSDAY: 'THURSDAY',
    FRIDAY: 'FRIDAY',
    SATURDAY: 'SATURDAY',
    SUNDAY: 'SUNDAY',
  };

  constructor(private readonly ctx: ServiceContext) {}

  newTrigger(functionName: string): TriggerBuilder {
    this.ctx.count('ScriptApp', 'newTrigger');
    return new TriggerBuilder(this.ctx, functionName);
  }

  getProjectTriggers(): FakeTrigger[] {
    this.ctx.count('ScriptApp', 'getProjectTriggers');
    return readTriggers(this.ctx).map((r) => new FakeTrigger(r));
  }

  getUserTriggers(source: unknown): FakeTrigger[] {
    this.ctx.count('ScriptApp', 'getUserTriggers');
    const id = idOf(source);
    return readTriggers(this.ctx)
      .filter((r) => r.sourceId === id)
      .map((r) => new FakeTrigger(r));
  }

  deleteTrigger(trigger: GoogleAppsScript.Script.Trigger): void {
    this.ctx.count('ScriptApp', 'deleteTrigger');
    const uid = trigger.getUniqueId();
    changeTriggers(this.ctx, (list) => {
      const i = list.findIndex((r) => r.uid === uid);
      if (i >= 0) list.splice(i, 1);
    });
  }

  getScriptId(): string {
    return this.ctx.meta.scriptId;
  }

  getService() {
    return { getUrl: () => webAppUrl(this.ctx), isEnabled: () => true };
  }

  getOAuthToken(): string {
    return 'local-token';
  }
}

export const scriptService: ServiceDefinition = {
  name: 'ScriptApp',
  globals: (ctx) => ({ ScriptApp: new FakeScriptApp(ctx) }),
};
