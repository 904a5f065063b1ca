// Withdrawal of consent: processing stops and personal data goes from every sheet intake and mail
// write (152-ФЗ ст. 21). The row keeps its id, so Пары and reports show «данные удалены» in its place.
import { ERASED_LABEL, erasedRecord } from '../../core/intake/baseRow';
import type { ConsentRecord } from '../../core/intake/consent';
import { CONSENTS, consentToRecord, erasedConsentRows } from '../../core/intake/consentRow';
import { ruDate } from '../../core/intake/dates';
import { INTAKE_LOG, JOURNAL } from '../../core/intake/journal';
import { CHOICE_KEYS, PREFERENCES } from '../../core/intake/preferenceRow';
import type { Erasure } from '../../core/intake/process';
import { MAIL, MAIL_STATES } from '../../core/mail/outbox';
import { PAIRS, UNMATCHED } from '../../core/matching/pairRow';
import { MEETINGS } from '../../core/meetings/meetingRow';
import { SURVEYS } from '../../core/meetings/surveys';
import { PAIR_STATE_LABELS } from '../../core/model';
import type { RowOf, RowPatch, SheetSchema } from '../../core/schema';
import { type CellValue, cellText } from '../../core/table';
import { appendRows } from '../appendRows';
import { SheetTable } from '../sheetTable';
import type { IntakeTables } from './context';
import { eraseDocumentsOf } from './eraseDocuments';
import { erasePending } from './pendingChanges';
import { refreshListsInForms } from './setupForms';

/** The pair ends: no documents, letters or meetings are made for it any more. */
function endedState(state: string): RowPatch<typeof PAIRS> {
  const L = PAIR_STATE_LABELS;
  if (state === L.approved) return { state: L.ended_early };
  if (state === L.proposed || state === L.locked) return { state: L.rejected };
  return {};
}

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

const idList = (v: string): string[] => v.split(/[,;\s]+/).filter(Boolean);

/**
 * «Встречи»: the person's name goes from every row of their plans, notes go (they may name them),
 * and a row whose mentor or only mentee is erased loses its link token, so an old letter's link
 * does nothing.
 */
function scrubMeetings(participantId: string): void {
  scrub(
    MEETINGS,
    (r) => r.mentorId === participantId || idList(r.menteeIds).includes(participantId),
    (r) => {
      const menteeIds = idList(r.menteeIds);
      const names = r.mentees.split(', ');
      const mentorGone = r.mentorId === participantId;
      const remaining = menteeIds.filter((id) => id !== participantId);
      return {
        ...(mentorGone ? { mentor: ERASED_LABEL } : {}),
        mentees: menteeIds
          .map((id, i) => (id === participantId ? ERASED_LABEL : (names[i] ?? '')))
          .join(', '),
        note: '',
        ...(mentorGone || remaining.length === 0 ? { token: '' } : {}),
      };
    },
  );
}

export function eraseParticipant(
  e: Erasure,
  withdrawal: ConsentRecord & { participantId: string },
  tables: IntakeTables,
  now: Date,
): void {
  erasePending(e.participantId, e.email);
  const documents = eraseDocumentsOf(e.participantId);
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
  // The key ends with the recipient's address; a letter still queued must never go out, and an
  // opt-out link of an erased person must do nothing.
  scrub(
    MAIL,
    (r) => mine(r.participantId, r.to),
    (r) => ({
      key: r.key.replace(/[^|]*@[^|]*$/, ERASED_LABEL),
      to: '',
      text: '',
      html: '',
      token: '',
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
        ...endedState(r.state),
      }),
    );
    scrubMeetings(e.participantId);
    scrub(
      UNMATCHED,
      (r) => mine(r.participantId),
      () => ({ participant: ERASED_LABEL, detail: '', reason: ERASED_LABEL }),
    );
    // Survey answers stay for the programme's figures, no longer linked to the person.
    scrub(
      SURVEYS,
      (r) => r.respondentId === e.participantId,
      () => ({ respondentId: ERASED_LABEL, pairId: '' }),
    );
    // Reasons quote what the person typed (names, addresses).
    scrub(
      INTAKE_LOG,
      (r) => r.participantId === e.participantId,
      (r) => ({ reason: r.reason.replace(/«[^»]*»/g, '«…»') }),
    );
  }
  scrub(
    JOURNAL,
    (r) => mine(r.who, r.who),
    (r) => ({ who: e.participantId || ERASED_LABEL, details: r.details.replace(/«[^»]*»/g, '«…»') }),
  );
  if (documents.trashed + documents.failed + documents.orders > 0) {
    const purge = new Date(now.getTime() + 30 * 86_400_000);
    appendRows(JOURNAL, [
      {
        when: now,
        event: 'Документы участника удалены',
        who: e.participantId,
        details:
          `В корзине Google Диска: ${documents.trashed} (доступ снят; Диск удалит их окончательно до ${ruDate(purge)}).` +
          (documents.failed
            ? ` Не удалось удалить: ${documents.failed} — см. лист «Документы», удалите вручную.`
            : '') +
          (documents.orders
            ? ` Приказов с ФИО участника: ${documents.orders} — приказы хранятся по номенклатуре дел школы, их программа не удаляет.`
            : ''),
        ref: '',
      },
    ]);
  }
  // The post-meeting forms list only participants with consent: the erased person leaves the lists.
  try {
    refreshListsInForms();
  } catch (err) {
    console.warn(`Списки в анкетах не обновлены: ${err instanceof Error ? err.message : String(err)}`);
  }
}
