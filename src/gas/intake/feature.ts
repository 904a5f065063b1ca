// Intake: the questionnaires and consents, the two bases and the intake log.
import { BASES } from '../../core/intake/baseRow';
import { CONSENTS } from '../../core/intake/consentRow';
import { INTAKE_LOG } from '../../core/intake/journal';
import { INTAKE_SETTINGS } from '../../core/intake/settings';
import type { Feature } from '../feature';
import { setupFormsCatalogue } from '../mentoringForms';
import { ensureSheet } from '../sheetTable';
import { setupIntakeForms } from './setupForms';

export const INTAKE_FEATURE: Feature = {
  name: 'Анкеты и базы',
  settings: [INTAKE_SETTINGS],
  setup: [
    {
      name: 'Анкеты и базы',
      run: () => {
        ensureSheet(BASES.mentee);
        ensureSheet(BASES.mentor);
        ensureSheet(CONSENTS);
        ensureSheet(INTAKE_LOG);
        const catalogue = setupFormsCatalogue();
        const forms = setupIntakeForms();
        return [catalogue, forms].filter(Boolean).join('. ') || undefined;
      },
    },
  ],
  afterApproval: [],
  daily: [],
  webRoutes: {},
};
