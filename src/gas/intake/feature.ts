// Intake: the questionnaires and consents, the two bases and the intake log.
import { BASE_HEADERS } from '../../core/intake/baseRow';
import { CONSENT_HEADERS } from '../../core/intake/consentRow';
import { INTAKE_LOG_HEADERS } from '../../core/intake/journal';
import { INTAKE_SETTINGS } from '../../core/intake/settings';
import { SHEETS } from '../../core/sheets';
import type { Feature } from '../feature';
import { ensureSheet } from '../sheetTable';
import { setupIntakeForms } from './setupForms';

export const INTAKE_FEATURE: Feature = {
  name: 'Анкеты и базы',
  settings: [INTAKE_SETTINGS],
  setup: [
    {
      name: 'Анкеты и базы',
      run: () => {
        ensureSheet(SHEETS.mentees, BASE_HEADERS.mentee);
        ensureSheet(SHEETS.mentors, BASE_HEADERS.mentor);
        ensureSheet(SHEETS.consents, CONSENT_HEADERS);
        ensureSheet(SHEETS.intake, INTAKE_LOG_HEADERS);
        return setupIntakeForms();
      },
    },
  ],
  afterApproval: [],
  daily: [],
  webRoutes: {},
};
