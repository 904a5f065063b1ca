// Intake: the questionnaires and consents, the two bases and the intake log.
import { BASES } from '../../core/intake/baseRow';
import { CONSENTS } from '../../core/intake/consentRow';
import { INTAKE_LOG } from '../../core/intake/journal';
import { NETWORKING } from '../../core/intake/networking';
import { PENDING } from '../../core/intake/pendingRow';
import { INTAKE_SETTINGS } from '../../core/intake/settings';
import type { Feature } from '../feature';
import { setupFormsCatalogue } from '../mentoringForms';
import { migrateToCodes } from '../pseudonymous/migrate';
import { ensureSheet } from '../sheetTable';
import { whenMeetingsEdited } from './networking';
import { CONFIRM_ROUTE } from './pendingChanges';
import { applyCuratorDecisions, confirmPage } from './pendingConfirm';
import { refreshListsInForms, setupIntakeForms } from './setupForms';

export const INTAKE_FEATURE: Feature = {
  name: 'Анкеты и базы',
  settings: [INTAKE_SETTINGS],
  setup: [
    {
      name: 'Анкеты и базы',
      run: () => {
        ensureSheet(BASES.mentee);
        ensureSheet(BASES.mentor);
        ensureSheet(CONSENTS, undefined, ['curatorChecked']);
        ensureSheet(INTAKE_LOG);
        ensureSheet(PENDING);
        ensureSheet(NETWORKING);
        const catalogue = setupFormsCatalogue();
        // Before the forms: their choice lists must be filled from bases that hold codes.
        const moved = migrateToCodes();
        const forms = setupIntakeForms();
        return [catalogue, moved, forms].filter(Boolean).join('. ') || undefined;
      },
    },
  ],
  afterApproval: [],
  daily: [{ name: 'Решения куратора по изменениям анкет', run: () => applyCuratorDecisions() }],
  // A meeting-acquaintance marked held refills the post-meeting questionnaires' lists.
  edits: [{ sheet: NETWORKING.name, run: (e) => whenMeetingsEdited(e, refreshListsInForms) }],
  webRoutes: { [CONFIRM_ROUTE]: confirmPage },
};
