// FormApp: creating and opening forms.
import type { ServiceContext } from '../context';
import { FORM_MIME, registerDriveFile } from '../drive/driveStore';
import type { Implements } from '../services';
import { FakeForm, ITEM_KINDS } from './form';
import { validationBuilder } from './item';
import type { FormModel } from './model';
import { formFile, readForm } from './store';

function formIdFromUrl(url: string): string {
  return /\/forms\/d\/(?:e\/)?([A-Za-z0-9_-]+)/.exec(url)?.[1] ?? '';
}

export class FakeFormApp
  implements Implements<GoogleAppsScript.Forms.FormApp, 'create' | 'openById' | 'openByUrl'>
{
  readonly DestinationType = { SPREADSHEET: 'SPREADSHEET' };
  readonly ItemType = Object.fromEntries(Object.values(ITEM_KINDS).map((t) => [t, t]));
  readonly Alignment = { LEFT: 'LEFT', CENTER: 'CENTER', RIGHT: 'RIGHT' };
  readonly PageNavigationType = {
    CONTINUE: 'CONTINUE',
    GO_TO_PAGE: 'GO_TO_PAGE',
    RESTART: 'RESTART',
    SUBMIT: 'SUBMIT',
  };

  constructor(private readonly ctx: ServiceContext) {}

  create(title: string): FakeForm {
    this.ctx.count('FormApp', 'create');
    const id = this.ctx.newId();
    const form: FormModel = {
      id,
      title,
      description: '',
      confirmationMessage: '',
      collectEmail: false,
      acceptingResponses: true,
      destination: null,
      items: [],
      responses: [],
    };
    this.ctx.underStoreLock(() => this.ctx.writeShared(formFile(this.ctx, id), form));
    registerDriveFile(this.ctx, { id, name: title, mimeType: FORM_MIME, path: formFile(this.ctx, id) });
    return new FakeForm(this.ctx, id);
  }

  openById(id: string): FakeForm {
    this.ctx.count('FormApp', 'openById', id);
    if (!readForm(this.ctx, id))
      throw this.ctx.error(
        'No item with the given ID could be found, or you do not have permission to access it.',
      );
    return new FakeForm(this.ctx, id);
  }

  openByUrl(url: string): FakeForm {
    this.ctx.count('FormApp', 'openByUrl');
    return this.openById(formIdFromUrl(url));
  }

  getActiveForm(): null {
    return null;
  }

  createTextValidation(): object {
    return validationBuilder('text');
  }
  createParagraphTextValidation(): object {
    return validationBuilder('paragraph');
  }
  createCheckboxValidation(): object {
    return validationBuilder('checkbox');
  }
  createGridValidation(): object {
    return validationBuilder('grid');
  }
}
