// ScriptApp: the project's triggers, its id, the web app's URL and an OAuth token.
import type { ServiceContext } from '../context';
import { readJson } from '../jsonFiles';
import type { Implements } from '../services';
import { idOf } from './sourceTriggerBuilder';
import { FakeTrigger } from './trigger';
import { TriggerBuilder } from './triggerBuilder';
import { changeTriggers, readTriggers } from './triggerStore';

/** Where `nastavnik local serve` listens; the server writes serve.json when it starts. */
export function webAppUrl(ctx: ServiceContext): string {
  const served = readJson<{ url?: string }>(ctx.path('serve.json'), {});
  return served.url ?? `http://127.0.0.1:8787/macros/s/${ctx.meta.scriptId}/exec`;
}

export class FakeScriptApp
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
