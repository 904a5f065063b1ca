// Documents (issue 6): settings, the setup step (registry sheets, folders, template Docs), the hook
// on «Утвердить пары» and the entry points exported by src/gas/index.ts.
import { DOCUMENT_SETTINGS } from '../../core/documents/settings';
import { DOCUMENTS, ORDERS } from '../../core/documents/sheets';
import { AFTER_APPROVAL } from '../pairsApproval';
import { registerSettings } from '../settingsSheet';
import { SETUP_STEPS } from '../setup';
import { ensureSheet } from '../sheetTable';
import { ensureTemplates } from './drive';
import {
  continueDocumentGeneration,
  createProgrammeOrders,
  generateDocumentsForApprovedPairs,
  queueDocumentsAfterApproval,
} from './generate';

registerSettings(DOCUMENT_SETTINGS);
AFTER_APPROVAL.push(() => queueDocumentsAfterApproval());

SETUP_STEPS.push({
  name: 'Документы',
  run: () => {
    ensureSheet(ORDERS);
    ensureSheet(DOCUMENTS);
    const created = ensureTemplates();
    return created > 0
      ? `Документы: создано шаблонов — ${created} (папка «Наставничество — документы / Шаблоны»)`
      : undefined;
  },
});

export { continueDocumentGeneration, createProgrammeOrders, generateDocumentsForApprovedPairs };
