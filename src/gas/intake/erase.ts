// Withdrawal of consent: processing stops and personal data goes from every sheet intake and mail
// write (152-ФЗ ст. 21). The row keeps its id, so Пары and reports show «данные удалены» in its place.
import { ERASED_LABEL, erasedRecord } from '../../core/intake/baseRow';
import type { ConsentRecord } from '../../core/intake/consent';
import { CONSENTS, consentToRecord, erasedConsentRows } from '../../core/intake/consentRow';
import { JOURNAL } from '../../core/intake/journal';
import { CHOICE_KEYS, PREFERENCES } from '../../core/intake/preferenceRow';
import type { Erasure } from '../../core/intake/process';
import { MAIL, MAIL_STATES } from '../../core/mail/outbox';
import { PAIRS, UNMATCHED } from '../../core/matching/pairRow';
import type { RowOf, RowPatch, SheetSchema } from '../../core/schema';
import { type CellValue, cellText } from '../../core/table';
import { SheetTable } from '../sheetTable';
import type { IntakeTables } from './context';

function scrub<S extends SheetSchema>(
  schema: S,
  match: (r: RowOf<S>) => boolean,
  values: (r: RowOf<S>) => RowPatch<S>,
): number {
  if (!SpreadsheetApp.getActive().getSheetByName(schema.name)) return 0;
  const table = SheetTable.open(schema);
  const updates = table
    .read()
    .filter((r) => match(r.values))
    .map((r) => ({ rowNumber: r.rowNumber, values: values(r.values) }));
  table.write(updates);
  return updates.length;
}

export function eraseParticipant(
  e: Erasure,
  withdrawal: ConsentRecord & { participantId: string },
  tables: IntakeTables,
  now: Date,
): void {
  const base = tables.bases[e.role];
  if (base && e.rowNumber !== undefined)
    base.write([{ rowNumber: e.rowNumber, values: erasedRecord(e.role, now) }]);

  const consents = tables.consents ?? SheetTable.open(CONSENTS);
  const consentRows = consents.read();
  consents.write(erasedConsentRows(consentRows, e.email, e.role, e.participantId), [
    {
      ...consentToRecord(withdrawal),
      signerName: ERASED_LABEL,
      participantName: ERASED_LABEL,
      participantEmail: '',
    },
  ]);

  const mine = (id: CellValue | undefined, email?: CellValue) =>
    (e.participantId !== '' && cellText(id) === e.participantId) ||
    (email !== undefined && cellText(email).toLowerCase() === e.email);
  if (e.participantId) {
    const cleared: RowPatch<typeof PREFERENCES> = { comment: '' };
    for (const k of CHOICE_KEYS) cleared[k] = '';
    scrub(
      PREFERENCES,
      (r) => mine(r.participantId),
      () => cleared,
    );
  }
  // The key ends with the recipient's address; a letter still queued must never go out.
  scrub(
    MAIL,
    (r) => mine(r.participantId, r.to),
    (r) => ({
      key: r.key.replace(/[^|]*@[^|]*$/, ERASED_LABEL),
      to: '',
      text: '',
      html: '',
      ...(r.state === MAIL_STATES.queued ? { state: MAIL_STATES.failed, error: ERASED_LABEL } : {}),
    }),
  );
  if (e.participantId) {
    scrub(
      PAIRS,
      (r) => mine(r.mentorId) || mine(r.menteeId),
      (r) => ({
        [mine(r.mentorId) ? 'mentor' : 'mentee']: ERASED_LABEL,
        explanation: '',
        problem: `Участник ${e.participantId} отозвал согласие: данные удалены.`,
      }),
    );
    scrub(
      UNMATCHED,
      (r) => mine(r.participantId),
      () => ({ participant: ERASED_LABEL, detail: '', reason: ERASED_LABEL }),
    );
  }
  scrub(
    JOURNAL,
    (r) => mine(r.who, r.who),
    (r) => ({ who: e.participantId || ERASED_LABEL, details: r.details.replace(/«[^»]*»/g, '«…»') }),
  );
}
