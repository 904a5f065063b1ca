// Согласия: every consent response is one row, kept as the register of consents and withdrawals.
// After a withdrawal the rows of that person keep only dates, kinds and decisions.
import { ROLE_LABELS, ROLES } from '../model';
import { dateColumn, defineSheet, type Row, type RowOf, type RowPatch, textColumn } from '../schema';
import { SHEETS } from '../sheets';
import { ERASED_LABEL, SIGNER_LABELS } from './baseRow';
import { CONSENT_KIND_LABELS, type ConsentKind, type ConsentRecord } from './consent';

export const CONSENTS = defineSheet(SHEETS.consents, {
  at: dateColumn('Когда'),
  kind: textColumn('Вид согласия'),
  decision: textColumn('Решение'),
  signer: textColumn('Кто подписал'),
  signerName: textColumn('ФИО подписавшего', { freeText: true }),
  participantName: textColumn('ФИО участника', { freeText: true }),
  participantEmail: textColumn('E-mail участника'),
  role: textColumn('Роль'),
  participantId: textColumn('ID участника'),
  responseId: textColumn('Ответ'),
  curatorChecked: textColumn('Проверил куратор', { optional: true }),
});
const CHECKED_MARK = 'да';
type ConsentPatch = RowPatch<typeof CONSENTS>;

const DECISIONS = { give: 'дано', withdraw: 'отозвано' } as const;

export function consentToRecord(r: ConsentRecord & { participantId: string }): ConsentPatch {
  return {
    at: r.at,
    kind: CONSENT_KIND_LABELS[r.kind],
    decision: DECISIONS[r.decision],
    signer: SIGNER_LABELS[r.signer],
    signerName: r.signerName,
    participantName: r.participantName,
    participantEmail: r.participantEmail,
    role: ROLE_LABELS[r.role],
    participantId: r.participantId,
    responseId: r.responseId,
    curatorChecked: r.curatorChecked ? CHECKED_MARK : '',
  };
}

const find = <T extends string>(labels: Record<T, string>, v: string): T | undefined =>
  (Object.keys(labels) as T[]).find((k) => labels[k] === v);

export function recordToConsent(r: RowOf<typeof CONSENTS>): ConsentRecord | undefined {
  const kind = find<ConsentKind>(CONSENT_KIND_LABELS, r.kind);
  const decision = find(DECISIONS, r.decision);
  const signer = find(SIGNER_LABELS, r.signer);
  const role = ROLES.find((x) => ROLE_LABELS[x] === r.role);
  const at = r.at;
  if (!kind || !decision || !signer || !role || !at) return undefined;
  return {
    kind,
    decision,
    signer,
    role,
    at,
    signerName: r.signerName,
    participantName: r.participantName,
    participantEmail: r.participantEmail.toLowerCase(),
    responseId: r.responseId,
    curatorChecked: r.curatorChecked === CHECKED_MARK,
  };
}

/** Updates for the consent rows of a participant whose new address was confirmed. */
export function movedConsentRows(
  rows: readonly Row<typeof CONSENTS>[],
  move: { role: (typeof ROLES)[number]; from: string; to: string },
): { rowNumber: number; values: ConsentPatch }[] {
  return rows
    .filter(
      (r) =>
        r.values.participantEmail.toLowerCase() === move.from && r.values.role === ROLE_LABELS[move.role],
    )
    .map((r) => ({ rowNumber: r.rowNumber, values: { participantEmail: move.to } }));
}

/** Updates for the consent rows of an erased participant: names and e-mail go, the facts stay. */
export function erasedConsentRows(
  rows: readonly Row<typeof CONSENTS>[],
  email: string,
  role: (typeof ROLES)[number],
  participantId: string,
): { rowNumber: number; values: ConsentPatch }[] {
  return rows
    .filter(
      (r) =>
        (r.values.participantEmail.toLowerCase() === email && r.values.role === ROLE_LABELS[role]) ||
        (participantId !== '' && r.values.participantId === participantId),
    )
    .map((r) => ({
      rowNumber: r.rowNumber,
      values: {
        signerName: ERASED_LABEL,
        participantName: ERASED_LABEL,
        participantEmail: '',
        participantId,
      },
    }));
}
