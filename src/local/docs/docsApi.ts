// The Docs advanced service (`Docs.Documents`), as far as the script uses it: get() tells where each
// body element starts, batchUpdate() pins header rows, keeps rows whole and replaces text everywhere
// (replaceAllText). A block's «index» here is its position in the body, which is all the script does
// with it: find a table and pass it back.
import type { ServiceContext } from '../context';
import type { ServiceDefinition } from '../services';
import { Table } from './containers';
import { documentStore } from './documentStore';
import { replaceInRuns } from './model';

interface TableLocation {
  tableStartLocation?: { index?: number };
}
interface Request {
  pinTableHeaderRows?: TableLocation & { pinnedHeaderRowsCount?: number };
  updateTableRowStyle?: TableLocation & { tableRowStyle?: { preventOverflow?: boolean }; fields?: string };
  replaceAllText?: { containsText?: { text?: string; matchCase?: boolean }; replaceText?: string };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

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
    resource: { requests?: Request[] },
    documentId: string,
  ): { documentId: string; replies: object[] } {
    this.ctx.count('Docs', 'Documents.batchUpdate', documentId);
    const store = documentStore(this.ctx);
    const doc = store.get(String(documentId));
    const requests = resource.requests ?? [];
    const tableAt = (location: TableLocation, i: number, kind: string): Table => {
      const child = doc.body.children[location.tableStartLocation?.index ?? -1];
      if (!(child instanceof Table))
        throw this.ctx.error(`Invalid requests[${i}].${kind}: no table starts at tableStartLocation.`);
      return child;
    };
    // Google checks every request before applying any: a batch is applied whole or not at all.
    requests.forEach((request, i) => {
      if (request.replaceAllText) {
        if (!request.replaceAllText.containsText?.text)
          throw this.ctx.error(`Invalid requests[${i}].replaceAllText: The search text must not be empty.`);
      } else if (request.pinTableHeaderRows) tableAt(request.pinTableHeaderRows, i, 'pinTableHeaderRows');
      else if (request.updateTableRowStyle) tableAt(request.updateTableRowStyle, i, 'updateTableRowStyle');
      else
        throw this.ctx.error(
          `Invalid requests[${i}]: this request is not supported by the offline workspace.`,
        );
    });
    const replies = requests.map((request, i): object => {
      if (request.replaceAllText) {
        // Google: the text is matched literally (not a pattern), case-insensitively unless matchCase;
        // the replacement is literal too ($ and \ mean themselves). Matched within each paragraph,
        // tables' cells included; the new text takes the style of the match's first character.
        const { containsText, replaceText = '' } = request.replaceAllText;
        const pattern = escapeRegExp(String(containsText?.text));
        const flags = containsText?.matchCase ? 'g' : 'gi';
        let occurrencesChanged = 0;
        for (const block of doc.body.textBlocks()) {
          const found = block.textContent().match(new RegExp(pattern, flags))?.length ?? 0;
          if (found === 0) continue;
          occurrencesChanged += found;
          block.setRuns(replaceInRuns(block.runs, pattern, String(replaceText), flags) ?? block.runs);
        }
        return { replaceAllText: { occurrencesChanged } };
      }
      if (request.pinTableHeaderRows)
        tableAt(request.pinTableHeaderRows, i, 'pinTableHeaderRows').layout.headerRows =
          request.pinTableHeaderRows.pinnedHeaderRowsCount ?? 0;
      else if (request.updateTableRowStyle)
        tableAt(request.updateTableRowStyle, i, 'updateTableRowStyle').layout.keepRows =
          !!request.updateTableRowStyle.tableRowStyle?.preventOverflow;
      return {};
    });
    store.close(doc);
    return { documentId, replies };
  }
}

export const docsApiService: ServiceDefinition = {
  name: 'Docs',
  globals: (ctx) => ({ Docs: { Documents: new FakeDocuments(ctx) } }),
};
