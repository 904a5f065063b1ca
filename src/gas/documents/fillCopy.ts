// Fills a document's copy from its data: the copy is a snapshot of the curator's template, so an
// edit of the template during a run never reaches a document half-way. Structure (conditions, lists,
// table rows) is edited through DocumentApp; placeholders that read the same everywhere go in one
// Docs API batch after the save.
import type { TemplateRecord } from '../../core/templates';
import { fillTemplate } from '../../core/templates/fill';
import { GasDocumentPort } from './docsPort';
import { applyDocsBatch, canBatchDocs } from './tableRows';

export function fillCopy(documentId: string, data: TemplateRecord, templateName: string): void {
  const doc = DocumentApp.openById(documentId);
  const port = new GasDocumentPort(doc.getBody(), canBatchDocs());
  fillTemplate(port, data, templateName);
  doc.saveAndClose();
  applyDocsBatch(documentId, port.rowLayouts, port.replacements);
}
