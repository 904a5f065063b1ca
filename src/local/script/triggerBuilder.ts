// TriggerBuilder: ScriptApp.newTrigger(handler), then the kind of trigger.
import type { ServiceContext } from '../context';
import type { Implements } from '../services';
import { ClockTriggerBuilder } from './clockTriggerBuilder';
import { idOf, SourceTriggerBuilder } from './sourceTriggerBuilder';

export class TriggerBuilder
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
