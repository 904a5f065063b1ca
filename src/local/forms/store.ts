// Forms on disk: read shared, changed under the store lock; a response is stored, then written to
// the destination sheet. Submitting as a respondent (which fires triggers) is LocalWorkspace.submit.
import type { ServiceContext } from '../context';
import { writeToDestination } from './destination';
import type { FormModel, ResponseModel } from './model';

export function formFile(ctx: ServiceContext, id: string): string {
  return ctx.path('forms', `${id}.json`);
}

/** The form as last written; shared between readers, so never modified outside changeForm. */
export function readForm(ctx: ServiceContext, id: string): FormModel | null {
  return ctx.readShared<FormModel | null>(formFile(ctx, id), null);
}

/** What an edit returns when it found the form already as asked: the file is not written again. */
export const UNCHANGED = Symbol('unchanged');

export function changeForm<T>(ctx: ServiceContext, id: string, edit: (form: FormModel) => T): T {
  return ctx.underStoreLock(() => {
    const form = readForm(ctx, id);
    if (!form)
      throw ctx.error(
        `No item with the given ID could be found, or you do not have permission to access it.`,
      );
    let result: T;
    try {
      result = edit(form);
    } catch (e) {
      ctx.forgetShared(formFile(ctx, id));
      throw e;
    }
    if (result !== UNCHANGED) ctx.writeShared(formFile(ctx, id), form);
    return result;
  });
}

export function recordResponse(
  ctx: ServiceContext,
  formId: string,
  answers: ResponseModel['answers'],
  email: string,
  byScript: boolean,
): ResponseModel {
  const response: ResponseModel = {
    id: `2_ABaOnu${ctx.newId(40).slice(1)}`,
    timestampMs: ctx.nowMs(),
    email,
    answers,
    bySript: byScript,
  };
  const form = changeForm(ctx, formId, (f) => {
    f.responses.push(response);
    return f;
  });
  const written = writeToDestination(ctx, form, response);
  return { ...response, destinationRow: written?.row };
}
