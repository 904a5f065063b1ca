// ClockTriggerBuilder: time-driven triggers, after a delay, at a moment, or every so many minutes,
// hours, days or weeks.
import type { ServiceContext } from '../context';
import type { Implements } from '../services';
import { type FakeTrigger, install } from './trigger';
import { nextFiring, type Schedule } from './triggerStore';

const EVERY_MINUTES = [1, 5, 10, 15, 30];
const EVERY_HOURS = [1, 2, 4, 6, 8, 12];

export class ClockTriggerBuilder
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
