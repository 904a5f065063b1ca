// Documents (issue 6): settings, the setup step (registry sheets, folders, template Docs), the hook
// on «Утвердить пары» and the entry points exported by src/gas/index.ts.
import { DOCUMENT_SETTINGS } from '../../core/documents/settings';
import { headerSheet } from '../../core/schema';
import { SHEETS } from '../../core/sheets';
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
import { DOCUMENT_HEADERS, ORDER_HEADERS } from './registry';

registerSettings(DOCUMENT_SETTINGS);
AFTER_APPROVAL.push(() => queueDocumentsAfterApproval());

SETUP_STEPS.push({
  name: 'Документы',
  run: () => {
    ensureSheet(headerSheet(SHEETS.orders, ORDER_HEADERS));
    ensureSheet(headerSheet(SHEETS.documents, DOCUMENT_HEADERS));
    const created = ensureTemplates();
    return created > 0
      ? `Документы: создано шаблонов — ${created} (папка «Наставничество — документы / Шаблоны»)`
      : undefined;
  },
});

export { continueDocumentGeneration, createProgrammeOrders, generateDocumentsForApprovedPairs };
