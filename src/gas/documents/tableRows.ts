// One Docs API batch per document for what DocumentApp cannot do or does call by call: header rows
// that repeat on every page and rows that never break across pages (pinTableHeaderRows,
// updateTableRowStyle.preventOverflow), and placeholders replaced document-wide (replaceAllText). It
// is sent to the saved document, after the template is filled; without the advanced service
// (appsscript.json enables it) the tables keep what the template itself set in Google Docs and the
// placeholders are filled in place.

export interface TableRows {
  /** Which table of the body, counting from 0. */
  tableIndex: number;
  headerRows: number;
  keepRows: boolean;
}

interface Location {
  tableStartLocation: { index: number };
}
type DocsRequest =
  | { pinTableHeaderRows: Location & { pinnedHeaderRowsCount: number } }
  | { updateTableRowStyle: Location & { tableRowStyle: { preventOverflow: boolean }; fields: string } }
  | { replaceAllText: { containsText: { text: string; matchCase: boolean }; replaceText: string } };

/** The two calls we need, typed here: the shipped typings of the Docs service predate these requests. */
interface DocsApi {
  get(documentId: string): { body?: { content?: Array<{ startIndex?: number; table?: object }> } };
  batchUpdate(resource: { requests: DocsRequest[] }, documentId: string): object;
}

function docsApi(): DocsApi | undefined {
  if (typeof Docs === 'undefined' || !Docs?.Documents) return undefined;
  return Docs.Documents as unknown as DocsApi;
}

/** Whether the Docs advanced service is there to replace placeholders document-wide. */
export const canBatchDocs = (): boolean => docsApi() !== undefined;

/** The layouts' requests: where the tables start is asked once, only when a table needs one. */
function tableRequests(api: DocsApi, documentId: string, layouts: readonly TableRows[]): DocsRequest[] {
  if (layouts.length === 0) return [];
  const starts = (api.get(documentId).body?.content ?? [])
    .filter((c) => c.table)
    .map((c) => c.startIndex ?? 0);
  const requests: DocsRequest[] = [];
  for (const layout of layouts) {
    const index = starts[layout.tableIndex];
    if (index === undefined) continue;
    const tableStartLocation = { index };
    if (layout.headerRows > 0)
      requests.push({ pinTableHeaderRows: { tableStartLocation, pinnedHeaderRowsCount: layout.headerRows } });
    if (layout.keepRows)
      requests.push({
        updateTableRowStyle: {
          tableStartLocation,
          tableRowStyle: { preventOverflow: true },
          fields: 'preventOverflow',
        },
      });
  }
  return requests;
}

/**
 * Sends the document's batch: the table layouts first (their start indices are read before any text
 * changes), then each placeholder's replacement, matched literally and case-sensitively.
 */
export function applyDocsBatch(
  documentId: string,
  layouts: readonly TableRows[],
  replacements: ReadonlyMap<string, string>,
): void {
  const api = docsApi();
  if (!api) return;
  const requests = tableRequests(api, documentId, layouts);
  for (const [text, replaceText] of replacements)
    requests.push({ replaceAllText: { containsText: { text, matchCase: true }, replaceText } });
  if (requests.length > 0) api.batchUpdate({ requests }, documentId);
}
