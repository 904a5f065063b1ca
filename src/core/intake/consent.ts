// Consent to processing personal data, per participant. Who signs (152-ФЗ ст. 9; seed 004,
// Приложение 2): the participant from 14, a parent or guardian under 14 (a parent may also sign for
// a minor over 14). The latest response decides: a withdrawal stops processing.
import { DECISION_CHOICES, SIGNER_CHOICES } from '../../../forms/consent';
import {
  type ConsentSigner,
  type ConsentState,
  consentSigner,
  isMinor,
  type Participant,
  ROLE_LABELS,
  ROLES,
  type Role,
} from '../model';
import { type Issue, type ParsedAnswers, textOf } from './answers';
import { sameName } from './identity';
import { checkPersonName } from './names';

export type ConsentKind = 'processing' | 'dissemination';
export const CONSENT_KIND_LABELS: Record<ConsentKind, string> = {
  processing: 'обработка',
  dissemination: 'распространение',
};

export interface ConsentRecord {
  kind: ConsentKind;
  decision: 'give' | 'withdraw';
  signer: ConsentSigner;
  signerName: string;
  participantName: string;
  participantEmail: string;
  role: Role;
  at: Date;
  responseId: string;
  /** The curator accepted a parent's signature that does not match the parent the questionnaire names. */
  curatorChecked?: boolean;
}

/** Participants without valid consent are visible in the bases but never matched, mailed or put in documents. */
export const hasValidConsent = (p: Pick<Participant, 'consent' | 'erased'>): boolean =>
  p.consent === 'received' && !p.erased;

export function readConsentAnswers(
  kind: ConsentKind,
  a: ParsedAnswers,
  at: Date,
  responseId: string,
): { record?: ConsentRecord; errors: Issue[] } {
  const errors: Issue[] = [];
  const signerName = checkPersonName('ФИО того, кто даёт согласие', textOf(a, 'signerName'), errors);
  const participantName = checkPersonName('ФИО участника', textOf(a, 'participantName'), errors);
  const signer: ConsentSigner = textOf(a, 'signer') === SIGNER_CHOICES.parent ? 'parent' : 'self';
  const role = ROLES.find((r) => ROLE_LABELS[r] === textOf(a, 'participantRole'));
  if (errors.length || !role) return { errors };
  return {
    record: {
      kind,
      decision: textOf(a, 'decision') === DECISION_CHOICES.withdraw ? 'withdraw' : 'give',
      signer,
      signerName,
      participantName,
      participantEmail: textOf(a, 'participantEmail'),
      role,
      at,
      responseId,
    },
    errors,
  };
}

export interface ConsentStatus {
  state: ConsentState;
  /** Who must sign for this participant. */
  signer: ConsentSigner;
  /** Why a received form does not count, in Russian; '' when all is well or nothing was received. */
  problem: string;
}

const latestFor = (
  p: Pick<Participant, 'email' | 'role'>,
  kind: ConsentKind,
  records: readonly ConsentRecord[],
): ConsentRecord | undefined =>
  records
    .filter((r) => r.kind === kind && r.role === p.role && r.participantEmail === p.email)
    .reduce<ConsentRecord | undefined>((last, r) => (!last || r.at >= last.at ? r : last), undefined);

export function consentStatus(
  p: Pick<Participant, 'email' | 'role' | 'category' | 'age'> & { parentName?: string },
  records: readonly ConsentRecord[],
): ConsentStatus {
  const signer = consentSigner(p);
  const last = latestFor(p, 'processing', records);
  if (!last) return { state: 'missing', signer, problem: '' };
  if (last.decision === 'withdraw') return { state: 'withdrawn', signer, problem: '' };
  if (signer === 'parent' && last.signer === 'self') {
    return {
      state: 'missing',
      signer,
      problem:
        'Участнику нет 14 лет: согласие должен дать родитель (законный представитель), а не сам участник.',
    };
  }
  if (!isMinor(p) && last.signer === 'parent') {
    return {
      state: 'missing',
      signer,
      problem: 'Совершеннолетний участник даёт согласие сам, а не через родителя.',
    };
  }
  if (last.signer === 'parent' && !last.curatorChecked && !sameName(last.signerName, p.parentName ?? '')) {
    return {
      state: 'missing',
      signer,
      problem: p.parentName
        ? `Согласие подписал(а) «${last.signerName}», а в анкете родитель — «${p.parentName}»: ждёт решения куратора.`
        : 'Согласие подписал родитель, а в анкете родитель не указан: ждёт решения куратора.',
    };
  }
  return { state: 'received', signer, problem: '' };
}

/** Publishing names and photos needs its own consent (ст. 10.1); it is optional. */
export function hasDisseminationConsent(
  p: Pick<Participant, 'email' | 'role' | 'consent' | 'erased'>,
  records: readonly ConsentRecord[],
): boolean {
  return hasValidConsent(p) && latestFor(p, 'dissemination', records)?.decision === 'give';
}
