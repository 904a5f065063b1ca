// Documents live in Drive (mime type of a Google Doc); each is saved as <name>.docx and <name>.txt in
// its Drive folder, with the body model in drive/.documents/<id>.json, the source of truth when it
// is opened again. As in Apps Script, changes are saved by saveAndClose() or at the end of the
// execution; copies and exports see the last saved state.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ServiceContext, StateParticipant } from '../context';
import { DOCX_MIME, LocalBlob } from '../drive/blob';
import { DOCUMENT_MIME, type DriveItem, type DriveStore, driveStore } from '../drive/driveStore';
import { jsonExists, readJson, writeJson } from '../jsonFiles';
import { Body } from './containers';
import { docxBytes, plainText } from './docx';
import type { DocHost } from './element';
import { type DocumentFile, documentFileSchema } from './model';
import { pdfBytes } from './pdf';

export const DOCUMENT_MISSING =
  "Document is missing (perhaps it was deleted, or you don't have read access?)";
export const CLOSED = 'Document is closed, its contents cannot be updated.';

/** A document opened in this execution: its live body and whether it has unsaved changes. */
export class OpenDocument implements DocHost {
  readonly body: Body;
  dirty = false;
  closed = false;

  constructor(
    readonly ctx: ServiceContext,
    readonly docId: string,
  ) {
    this.body = new Body(this);
  }

  changed(): void {
    if (this.closed) throw this.ctx.error(CLOSED);
    this.dirty = true;
  }
}

export class DocumentStore implements StateParticipant {
  private readonly open = new Map<string, OpenDocument>();
  /** Documents saved in this execution whose .docx and .txt are not written yet. */
  private readonly mirrors = new Map<string, { item: DriveItem; file: DocumentFile }>();

  constructor(
    private readonly ctx: ServiceContext,
    private readonly drive: DriveStore,
  ) {
    drive.kinds.set(DOCUMENT_MIME, {
      copy: (from, to) => this.writeFiles(to, { id: to.id, name: to.name, body: this.saved(from).body }),
      blob: (item) => {
        const saved = this.saved(item);
        return new LocalBlob(
          this.ctx,
          pdfBytes(saved.name, saved.body),
          'application/pdf',
          `${item.name}.pdf`,
          {
            'application/pdf': () => pdfBytes(saved.name, saved.body),
            [DOCX_MIME]: () => docxBytes(saved.name, saved.body),
            'text/plain': () => Buffer.from(plainText(saved.body), 'utf8'),
          },
        );
      },
      moved: (item) => {
        const doc = this.open.get(item.id);
        if (doc) doc.dirty = true;
      },
    });
  }

  reload(): void {
    for (const [id, doc] of this.open) if (!doc.dirty) this.open.delete(id);
  }

  persist(): void {
    for (const doc of this.open.values()) if (doc.dirty) this.save(doc);
    for (const { item, file } of this.mirrors.values()) this.writeMirrors(item, file);
    this.mirrors.clear();
    // Saving touches Drive items (last updated), and Drive may have persisted before us.
    this.drive.persist();
  }

  modelPath(id: string): string {
    return this.ctx.path('drive', '.documents', `${id}.json`);
  }

  create(name: string): OpenDocument {
    this.ctx.consumeQuota('document');
    const item = this.drive.add({ name, mimeType: DOCUMENT_MIME, parentId: this.drive.rootId });
    const doc = this.host(item.id);
    doc.body.loadNodes([{ kind: 'PARAGRAPH', runs: [] }]);
    doc.dirty = true;
    this.save(doc);
    return doc;
  }

  get(id: string): OpenDocument {
    const open = this.open.get(id);
    if (open && !open.closed) return open;
    const item = this.drive.find(id);
    if (!item || item.mimeType !== DOCUMENT_MIME || !jsonExists(this.modelPath(id)))
      throw this.ctx.error(DOCUMENT_MISSING);
    const doc = this.host(id);
    doc.body.loadNodes(this.saved(item).body);
    doc.dirty = false;
    return doc;
  }

  saved(item: DriveItem): DocumentFile {
    const raw = readJson<unknown>(this.modelPath(item.id), undefined);
    if (raw === undefined) throw this.ctx.error(DOCUMENT_MISSING);
    return documentFileSchema.parse(raw);
  }

  save(doc: OpenDocument): void {
    const item = this.drive.find(doc.docId);
    if (!item) return;
    this.writeFiles(item, { id: item.id, name: item.name, body: doc.body.toNodes() });
    this.drive.touch(item);
    doc.dirty = false;
  }

  close(doc: OpenDocument): void {
    this.save(doc);
    doc.closed = true;
    this.open.delete(doc.docId);
  }

  /**
   * The model is written at once (copies and exports read it); the .docx and .txt a person opens are
   * written when the execution persists, once per document however often it was saved meanwhile.
   */
  private writeFiles(item: DriveItem, file: DocumentFile): void {
    writeJson(this.modelPath(item.id), file);
    if (this.ctx.inExecution) this.mirrors.set(item.id, { item, file });
    else this.writeMirrors(item, file);
  }

  private writeMirrors(item: DriveItem, file: DocumentFile): void {
    const base = this.drive.absolute(item);
    mkdirSync(dirname(base), { recursive: true });
    writeFileSync(`${base}.docx`, docxBytes(file.name, file.body));
    writeFileSync(`${base}.txt`, plainText(file.body));
  }

  private host(id: string): OpenDocument {
    const doc = new OpenDocument(this.ctx, id);
    this.open.set(id, doc);
    return doc;
  }
}

export function documentStore(ctx: ServiceContext): DocumentStore {
  return ctx.store('documents', () => new DocumentStore(ctx, driveStore(ctx)));
}
