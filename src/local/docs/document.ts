// Document: one open document's body, name, URL, viewers and editors, export and saving.
import type { ServiceContext } from '../context';
import type { LocalBlob } from '../drive/blob';
import { DriveFile } from '../drive/driveFile';
import { type DriveItem, driveStore } from '../drive/driveStore';
import { urlOf } from '../drive/urls';
import type { Implements } from '../services';
import type { Body } from './containers';
import { CLOSED, DOCUMENT_MISSING, type DocumentStore, type OpenDocument } from './documentStore';

type DocumentMembers = 'getId' | 'getName' | 'getUrl' | 'saveAndClose';

export class FakeDocument implements Implements<GoogleAppsScript.Document.Document, DocumentMembers> {
  constructor(
    private readonly ctx: ServiceContext,
    private readonly store: DocumentStore,
    private readonly doc: OpenDocument,
  ) {}

  private call(method: string): DriveItem {
    this.ctx.count('DocumentApp', `Document.${method}`, this.doc.docId);
    const item = driveStore(this.ctx).find(this.doc.docId);
    if (!item) throw this.ctx.error(DOCUMENT_MISSING);
    return item;
  }

  getId(): string {
    this.call('getId');
    return this.doc.docId;
  }
  getName(): string {
    return this.call('getName').name;
  }
  setName(name: string): FakeDocument {
    this.call('setName');
    new DriveFile(this.ctx, driveStore(this.ctx), this.doc.docId).setName(name);
    this.doc.dirty = true;
    return this;
  }
  getUrl(): string {
    return urlOf(this.call('getUrl'));
  }
  getBody(): Body {
    this.call('getBody');
    if (this.doc.closed) throw this.ctx.error(CLOSED);
    return this.doc.body;
  }
  saveAndClose(): void {
    this.call('saveAndClose');
    this.store.close(this.doc);
  }
  /** Exports the last saved state, as Apps Script does: call saveAndClose() first. */
  getAs(contentType: string): LocalBlob {
    this.call('getAs');
    return new DriveFile(this.ctx, driveStore(this.ctx), this.doc.docId).getAs(contentType);
  }
  getBlob(): LocalBlob {
    this.call('getBlob');
    return new DriveFile(this.ctx, driveStore(this.ctx), this.doc.docId).getBlob();
  }
  addViewer(email: string): FakeDocument {
    new DriveFile(this.ctx, driveStore(this.ctx), this.doc.docId).addViewer(email);
    return this;
  }
  addEditor(email: string): FakeDocument {
    new DriveFile(this.ctx, driveStore(this.ctx), this.doc.docId).addEditor(email);
    return this;
  }
}
