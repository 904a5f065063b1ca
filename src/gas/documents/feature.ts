// Documents: their settings, the registry sheets with the folders and template Docs, and the order
// and agreements queued when pairs are approved.
import { DOCUMENT_SETTINGS } from '../../core/documents/settings';
import { DOCUMENTS, ORDERS } from '../../core/documents/sheets';
import type { Feature } from '../feature';
import { ensureSheet } from '../sheetTable';
import { ensureTemplates } from './drive';
import { queueDocumentsAfterApproval, resumeBlockedDocuments } from './generate';

export const DOCUMENTS_FEATURE: Feature = {
  name: 'Документы',
  settings: [DOCUMENT_SETTINGS],
  setup: [
    {
      name: 'Документы',
      run: () => {
        ensureSheet(ORDERS);
        ensureSheet(DOCUMENTS, undefined, ['pdfFileId']);
        const created = ensureTemplates();
        return created > 0
          ? `Документы: создано шаблонов — ${created} (папка «Наставничество — документы / Шаблоны»)`
          : undefined;
      },
    },
  ],
  afterApproval: [() => queueDocumentsAfterApproval()],
  daily: [{ name: 'Документы: продолжение после исправления настроек', run: () => resumeBlockedDocuments() }],
  edits: [],
  webRoutes: {},
};
