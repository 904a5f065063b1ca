// Trigger: one installed trigger, and installing one (Google's limit of 20 a script).
import type { ServiceContext } from '../context';
import type { Implements } from '../services';
import { changeTriggers, MAX_TRIGGERS, TOO_MANY_TRIGGERS, type TriggerRecord } from './triggerStore';

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

export function install(ctx: ServiceContext, record: Omit<TriggerRecord, 'uid' | 'createdMs'>): FakeTrigger {
  ctx.count('ScriptApp', 'TriggerBuilder.create');
  const full: TriggerRecord = { ...record, uid: randomDigits(18), createdMs: ctx.nowMs() };
  changeTriggers(ctx, (list) => {
    if (list.length >= MAX_TRIGGERS) throw ctx.error(TOO_MANY_TRIGGERS);
    list.push(full);
  });
  return new FakeTrigger(full);
}
