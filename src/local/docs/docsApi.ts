// The Docs advanced service (`Docs.Documents`), as far as the script uses it: get() tells where each
// body element starts, batchUpdate() pins header rows and keeps rows whole. A block's «index» here is
// its position in the body, which is all the script does with it: find a table and pass it back.
import type { ServiceContext } from '../context';
import type { ServiceDefinition } from '../services';
import { Table } from './containers';
import { documentStore } from './documentStore';

interface TableLocation {
  tableStartLocation?: { index?: number };
}
interface RowRequest {
  pinTableHeaderRows?: TableLocation & { pinnedHeaderRowsCount?: number };
  updateTableRowStyle?: TableLocation & { tableRowStyle?: { preventOverflow?: boolean }; fields?: string };
}

class FakeDocuments {
  constructor(private readonly ctx: ServiceContext) {}

  get(documentId: string): {
    documentId: string;
    body: { content: Array<{ startIndex: number; table?: object; paragraph?: object }> };
  } {
    this.ctx.count('Docs', 'Documents.get', documentId);
    const doc = documentStore(this.ctx).get(String(documentId));
    return {
      documentId,
      body: {
        content: doc.body.children.map((child, startIndex) =>
          child instanceof Table
            ? { startIndex, table: { rows: child.children.length } }
            : { startIndex, paragraph: {} },
        ),
      },
    };
  }

  batchUpdate(
    resource: { requests?: RowRequest[] },
    documentId: string,
  ): { documentId: string; replies: object[] } {
    this.ctx.count('Docs', 'Documents.batchUpdate', documentId);
    const store = documentStore(this.ctx);
    const doc = store.get(String(documentId));
    const tableAt = (location: TableLocation): Table => {
      const child = doc.body.children[location.tableStartLocation?.index ?? -1];
      if (!(child instanceof Table))
        throw this.ctx.error('Invalid requests: no table starts at tableStartLocation.');
      return child;
    };
    for (const request of resource.requests ?? []) {
      if (request.pinTableHeaderRows) {
        tableAt(request.pinTableHeaderRows).layout.headerRows =
          request.pinTableHeaderRows.pinnedHeaderRowsCount ?? 0;
      } else if (request.updateTableRowStyle) {
        const keep = request.updateTableRowStyle.tableRowStyle?.preventOverflow;
        tableAt(request.updateTableRowStyle).layout.keepRows = !!keep;
      } else
        throw this.ctx.error('Invalid requests: this request is not supported by the offline workspace.');
    }
    store.close(doc);
    return { documentId, replies: (resource.requests ?? []).map(() => ({})) };
  }
}

export const docsApiService: ServiceDefinition = {
  name: 'Docs',
  globals: (ctx) => ({ Docs: { Documents: new FakeDocuments(ctx) } }),
};
