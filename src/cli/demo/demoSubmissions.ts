// The demo school's questionnaires as form submissions: answers keyed by the form items' keys.
import { CONSENT_FORM, DECISION_CHOICES, SIGNER_CHOICES } from '../../../forms/consent';
import type { FormId } from '../../../forms/definition';
import { FORMS } from '../../../forms/index';
import { NO, YES } from '../../../forms/mentor';
import { visitedItemKeys } from '../../../forms/sections';
import { CATEGORY_LABELS, ROLE_LABELS, STAFF_CATEGORIES } from '../../core/model';
import type { DemoSchool, RawQuestionnaire } from './schoolModel';

/** A questionnaire ready for `LocalWorkspace.submit`: answers keyed by the form items' keys (forms/*.ts). */
export interface DemoSubmission {
  formId: FormId;
  personId: string;
  submittedAt: Date;
  respondentEmail: string;
  answers: Record<string, string | string[]>;
}

const CONSENT_KEYS = new Set(CONSENT_FORM.items.map((i) => i.key));

/** What Google Forms would record: unanswered optional items are absent, not empty. */
function answered(answers: Record<string, string | string[]>): Record<string, string | string[]> {
  return Object.fromEntries(
    Object.entries(answers).filter(([, v]) => (Array.isArray(v) ? v.length > 0 : v.trim() !== '')),
  );
}

export function toFormAnswers(q: RawQuestionnaire): DemoSubmission {
  const base = { formId: q.kind, personId: q.personId, submittedAt: q.submittedAt };
  if (q.kind === 'consent' || q.kind === 'dissemination') {
    // The consent forms identify the participant by name, e-mail and role, as the form asks.
    const answers: Record<string, string | string[]> = {
      signer: SIGNER_CHOICES[q.signer],
      signerName: q.signerName,
      participantName: [q.lastName, q.firstName, q.middleName].filter(Boolean).join(' '),
      participantEmail: q.email,
      participantRole: ROLE_LABELS[q.role],
      decision: DECISION_CHOICES.give,
    };
    if (q.kind === 'consent' && CONSENT_KEYS.has('acknowledgement'))
      answers.acknowledgement = CONSENT_FORM.items.find((i) => i.key === 'acknowledgement')!.choices![0];
    const respondentEmail = q.signer === 'parent' && q.parentEmail ? q.parentEmail : q.email;
    return { ...base, respondentEmail, answers: answered(answers) };
  }
  const common: Record<string, string | string[]> = {
    email: q.email,
    lastName: q.lastName,
    firstName: q.firstName,
    middleName: q.middleName,
    gender: q.gender,
    category: CATEGORY_LABELS[q.category],
    schoolClass: q.schoolClass,
    age: q.age,
    position: q.position,
    experienceYears: q.experienceYears,
    // A teacher who asks for a mentor names the subjects they teach, in the staff section.
    [q.kind === 'mentee' && STAFF_CATEGORIES.includes(q.category) ? 'teachingSubjects' : 'subjects']:
      q.subjects,
    topics: q.topics,
    forms: q.forms,
    availability: q.availability,
    phone: q.phone,
    parentName: q.parentName,
    parentEmail: q.parentEmail,
  };
  const answers =
    q.kind === 'mentee'
      ? { ...common, note: q.note }
      : { ...common, achievements: q.note, capacity: q.capacity, longTermBank: q.longTermBank ? YES : NO };
  // The respondent goes through the sections of their category only: nothing else is on their pages.
  const shown = visitedItemKeys(FORMS[q.kind], { category: CATEGORY_LABELS[q.category] });
  const onTheirPages = Object.fromEntries(Object.entries(answers).filter(([key]) => shown.has(key)));
  return { ...base, respondentEmail: q.email, answers: answered(onTheirPages) };
}

/** Every questionnaire of the demo year in arrival order, as form submissions. */
export function schoolSubmissions(school: DemoSchool): DemoSubmission[] {
  return school.questionnaires.map(toFormAnswers);
}
