// DocumentApp: creating and opening documents, and its enums.
import type { ServiceContext } from '../context';
import { idFromUrl } from '../drive/urls';
import { FakeDocument } from './document';
import { DOCUMENT_MISSING, type DocumentStore, documentStore, type OpenDocument } from './documentStore';
import { ELEMENT_TYPES } from './element';
import { ALIGNMENTS, GLYPHS, HEADINGS } from './model';

const enumOf = <T extends string>(names: readonly T[]) =>
  Object.freeze(Object.fromEntries(names.map((n) => [n, n])) as Record<T, T>);

export class FakeDocumentApp {
  readonly ElementType = enumOf(ELEMENT_TYPES);
  readonly ParagraphHeading = enumOf(HEADINGS);
  readonly HorizontalAlignment = enumOf(ALIGNMENTS);
  readonly GlyphType = enumOf(GLYPHS);
  private readonly store: DocumentStore;

  constructor(private readonly ctx: ServiceContext) {
    this.store = documentStore(ctx);
  }

  create(name: string): FakeDocument {
    this.ctx.count('DocumentApp', 'create');
    return this.wrap(this.store.create(String(name)));
  }
  openById(id: string): FakeDocument {
    this.ctx.count('DocumentApp', 'openById', id);
    return this.wrap(this.store.get(String(id)));
  }
  openByUrl(url: string): FakeDocument {
    this.ctx.count('DocumentApp', 'openByUrl');
    const id = idFromUrl(String(url));
    if (!id) throw this.ctx.error(DOCUMENT_MISSING);
    return this.wrap(this.store.get(id));
  }

  private wrap(doc: OpenDocument): FakeDocument {
    return new FakeDocument(this.ctx, this.store, doc);
  }
}
