// Fills a document's copy from its data: the copy is a snapshot of the curator's template, so an
// edit of the template during a run never reaches a document half-way. Structure (conditions, lists,
// table rows) is edited through DocumentApp; placeholders that read the same everywhere go in one
// Docs API batch after the save.
import type { TemplateRecord } from '../../core/templates';
import { fillTemplate } from '../../core/templates/fill';
import { type BodyShapes, GasDocumentPort } from './docsPort';
import { applyDocsBatch, canBatchDocs } from './tableRows';

/** `shapes`: the bodies of templates already read in this run (GasDocumentPort). */
export function fillCopy(
  documentId: string,
  data: TemplateRecord,
  templateName: string,
  shapes?: BodyShapes,
): void {
  const doc = DocumentApp.openById(documentId);
  const port = new GasDocumentPort(doc.getBody(), canBatchDocs(), shapes);
  fillTemplate(port, data, templateName);
  port.finish();
  doc.saveAndClose();
  applyDocsBatch(documentId, port.rowLayouts, port.replacements);
}
