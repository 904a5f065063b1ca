// Header rows that repeat on every page and rows that never break across pages: DocumentApp has no
// call for either, the Docs API has (pinTableHeaderRows, updateTableRowStyle.preventOverflow). They
// are applied to the saved document, after the template is filled; without the advanced service
// (appsscript.json enables it) the tables keep what the template itself set in Google Docs.

export interface TableRows {
  /** Which table of the body, counting from 0. */
  tableIndex: number;
  headerRows: number;
  keepRows: boolean;
}

interface Location {
  tableStartLocation: { index: number };
}
type RowRequest =
  | { pinTableHeaderRows: Location & { pinnedHeaderRowsCount: number } }
  | { updateTableRowStyle: Location & { tableRowStyle: { preventOverflow: boolean }; fields: string } };

/** The two calls we need, typed here: the shipped typings of the Docs service predate these requests. */
interface DocsRowsApi {
  get(documentId: string): { body?: { content?: Array<{ startIndex?: number; table?: object }> } };
  batchUpdate(resource: { requests: RowRequest[] }, documentId: string): object;
}

export function applyTableRows(documentId: string, layouts: readonly TableRows[]): void {
  if (layouts.length === 0 || typeof Docs === 'undefined' || !Docs?.Documents) return;
  const api = Docs.Documents as unknown as DocsRowsApi;
  const starts = (api.get(documentId).body?.content ?? [])
    .filter((c) => c.table)
    .map((c) => c.startIndex ?? 0);
  const requests: RowRequest[] = [];
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
  if (requests.length > 0) api.batchUpdate({ requests }, documentId);
}
