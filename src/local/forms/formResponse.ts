// FormResponse: a stored response, or one the script builds and submits.
import type { ServiceContext } from '../context';
import type { Implements } from '../services';
import { FakeItem } from './item';
import { FakeItemResponse } from './itemResponse';
import { entryIdOf, formUrls, type ResponseModel } from './model';
import { readForm, recordResponse } from './store';

export class FakeFormResponse
  implements
    Implements<
      GoogleAppsScript.Forms.FormResponse,
      | 'getId'
      | 'getTimestamp'
      | 'getRespondentEmail'
      | 'getItemResponses'
      | 'getEditResponseUrl'
      | 'getResponseForItem'
      | 'toPrefilledUrl'
    >
{
  private draft: FakeItemResponse[] = [];

  constructor(
    private readonly ctx: ServiceContext,
    private readonly formId: string,
    private readonly responseId: string | null,
  ) {}

  private model(): ResponseModel | undefined {
    return this.responseId
      ? readForm(this.ctx, this.formId)?.responses.find((r) => r.id === this.responseId)
      : undefined;
  }

  getId(): string {
    return this.responseId ?? '';
  }

  getTimestamp(): Date {
    return this.ctx.date(this.model()?.timestampMs ?? this.ctx.nowMs());
  }

  getRespondentEmail(): string {
    return this.model()?.email ?? '';
  }

  getItemResponses(): FakeItemResponse[] {
    this.ctx.count('FormApp', 'FormResponse.getItemResponses');
    const m = this.model();
    if (!m) return [...this.draft];
    // Answers to items deleted since are not returned, as Google does (the responses sheet keeps them).
    const live = new Set(readForm(this.ctx, this.formId)?.items.map((i) => i.id));
    return m.answers
      .filter((a) => live.has(a.itemId))
      .map((a) => new FakeItemResponse(new FakeItem(this.ctx, this.formId, a.itemId), a.value));
  }

  getResponseForItem(item: GoogleAppsScript.Forms.Item): FakeItemResponse | null {
    return this.getItemResponses().find((r) => r.itemId === item.getId()) ?? null;
  }

  getEditResponseUrl(): string {
    return `https://docs.google.com/forms/d/e/${this.formId}/viewform?edit2=${this.responseId ?? ''}`;
  }

  withItemResponse(response: FakeItemResponse): FakeFormResponse {
    this.draft.push(response);
    return this;
  }

  /**
   * The form's address with the draft's answers in it, as Google builds it: «viewform?usp=pp_url» and
   * one «entry.N=value» per answer, N being the item's entry id (not its item id).
   */
  toPrefilledUrl(): string {
    this.ctx.count('FormApp', 'FormResponse.toPrefilledUrl');
    const params = this.draft.flatMap((d) => {
      const value = d.getResponse();
      return (Array.isArray(value) ? value : [value]).map(
        (v) => `entry.${entryIdOf(d.itemId)}=${encodeURIComponent(String(v))}`,
      );
    });
    return `${formUrls(this.formId).published}?${['usp=pp_url', ...params].join('&')}`;
  }

  /** Script-made responses are recorded and reach the destination sheet but fire no trigger (as in Google). */
  submit(): FakeFormResponse {
    this.ctx.count('FormApp', 'FormResponse.submit');
    const response = recordResponse(
      this.ctx,
      this.formId,
      this.draft.map((d) => ({ itemId: d.itemId, value: d.getResponse() })),
      this.ctx.meta.curatorEmail,
      true,
    );
    return new FakeFormResponse(this.ctx, this.formId, response.id);
  }
}
