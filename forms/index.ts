// Every questionnaire the programme creates, in the order setup creates them.
import { CONSENT_FORM, DISSEMINATION_FORM } from './consent';
import type { FormDefinition, FormId } from './definition';
import { MENTEE_FORM } from './mentee';
import { MENTOR_FORM } from './mentor';
import { PREFERENCES_MENTEE_FORM, PREFERENCES_MENTOR_FORM } from './preferences';

export const FORMS: Record<FormId, FormDefinition> = {
  mentee: MENTEE_FORM,
  mentor: MENTOR_FORM,
  consent: CONSENT_FORM,
  dissemination: DISSEMINATION_FORM,
  preferencesMentee: PREFERENCES_MENTEE_FORM,
  preferencesMentor: PREFERENCES_MENTOR_FORM,
};
