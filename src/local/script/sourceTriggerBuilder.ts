// Form and spreadsheet triggers: on submit, open, edit and change of a given form or workbook.
import type { ServiceContext } from '../context';
import { install } from './trigger';
import type { TriggerEvent, TriggerSourceName } from './triggerStore';

export function idOf(source: unknown): string {
  if (typeof source === 'string') return source;
  const getId = (source as { getId?: () => unknown } | null)?.getId;
  return typeof getId === 'function' ? String(getId.call(source)) : String(source);
}

export class SourceTriggerBuilder {
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
