// Согласия: every consent response is one row, kept as the register of consents and withdrawals.
// After a withdrawal the rows of that person keep only dates, kinds and decisions.
import { ROLE_LABELS, ROLES } from '../model';
import { type CellValue, cellText, type TableRecord } from '../table';
import { ERASED_LABEL, SIGNER_LABELS } from './baseRow';
import { CONSENT_KIND_LABELS, type ConsentKind, type ConsentRecord } from './consent';

export const CONSENT_HEADERS = [
  'Когда',
  'Вид согласия',
  'Решение',
  'Кто подписал',
  'ФИО подписавшего',
  'ФИО участника',
  'E-mail участника',
  'Роль',
  'ID участника',
  'Ответ',
  'Проверил куратор',
] as const;
const [WHEN, KIND, DECISION, SIGNER, SIGNER_NAME, NAME, EMAIL, ROLE, ID, RESPONSE, CHECKED] = CONSENT_HEADERS;
const CHECKED_MARK = 'да';

const DECISIONS = { give: 'дано', withdraw: 'отозвано' } as const;

export function consentToRecord(r: ConsentRecord & { participantId: string }): TableRecord {
  return {
    [WHEN]: r.at,
    [KIND]: CONSENT_KIND_LABELS[r.kind],
    [DECISION]: DECISIONS[r.decision],
    [SIGNER]: SIGNER_LABELS[r.signer],
    [SIGNER_NAME]: r.signerName,
    [NAME]: r.participantName,
    [EMAIL]: r.participantEmail,
    [ROLE]: ROLE_LABELS[r.role],
    [ID]: r.participantId,
    [RESPONSE]: r.responseId,
    [CHECKED]: r.curatorChecked ? CHECKED_MARK : '',
  };
}

const find = <T extends string>(labels: Record<T, string>, v: CellValue | undefined): T | undefined =>
  (Object.keys(labels) as T[]).find((k) => labels[k] === cellText(v));

export function recordToConsent(r: TableRecord): ConsentRecord | undefined {
  const kind = find<ConsentKind>(CONSENT_KIND_LABELS, r[KIND]);
  const decision = find(DECISIONS, r[DECISION]);
  const signer = find(SIGNER_LABELS, r[SIGNER]);
  const role = ROLES.find((x) => ROLE_LABELS[x] === cellText(r[ROLE]));
  const at = r[WHEN];
  if (!kind || !decision || !signer || !role || !(at instanceof Date)) return undefined;
  return {
    kind,
    decision,
    signer,
    role,
    at,
    signerName: cellText(r[SIGNER_NAME]),
    participantName: cellText(r[NAME]),
    participantEmail: cellText(r[EMAIL]).toLowerCase(),
    responseId: cellText(r[RESPONSE]),
    curatorChecked: cellText(r[CHECKED]) === CHECKED_MARK,
  };
}

/** Updates for the consent rows of a participant whose new address was confirmed. */
export function movedConsentRows(
  rows: readonly { rowNumber: number; values: TableRecord }[],
  move: { role: (typeof ROLES)[number]; from: string; to: string },
): { rowNumber: number; values: TableRecord }[] {
  return rows
    .filter(
      (r) =>
        cellText(r.values[EMAIL]).toLowerCase() === move.from &&
        cellText(r.values[ROLE]) === ROLE_LABELS[move.role],
    )
    .map((r) => ({ rowNumber: r.rowNumber, values: { [EMAIL]: move.to } }));
}

/** Updates for the consent rows of an erased participant: names and e-mail go, the facts stay. */
export function erasedConsentRows(
  rows: readonly { rowNumber: number; values: TableRecord }[],
  email: string,
  role: (typeof ROLES)[number],
  participantId: string,
): { rowNumber: number; values: TableRecord }[] {
  return rows
    .filter(
      (r) =>
        (cellText(r.values[EMAIL]).toLowerCase() === email &&
          cellText(r.values[ROLE]) === ROLE_LABELS[role]) ||
        (participantId !== '' && cellText(r.values[ID]) === participantId),
    )
    .map((r) => ({
      rowNumber: r.rowNumber,
      values: { [SIGNER_NAME]: ERASED_LABEL, [NAME]: ERASED_LABEL, [EMAIL]: '', [ID]: participantId },
    }));
}
