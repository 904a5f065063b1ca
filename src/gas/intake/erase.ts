// Withdrawal of consent: processing stops and personal data goes from every sheet intake and mail
// write (152-ФЗ ст. 21). The row keeps its id, so Пары and reports show «данные удалены» in its place.
import { ERASED_LABEL, erasedRecord } from '../../core/intake/baseRow';
import type { ConsentRecord } from '../../core/intake/consent';
import { CONSENT_HEADERS, consentToRecord, erasedConsentRows } from '../../core/intake/consentRow';
import { ruDate } from '../../core/intake/dates';
import { INTAKE_LOG_HEADERS } from '../../core/intake/journal';
import { type Erasure, PREFERENCE_HEADERS } from '../../core/intake/process';
import { MAIL_HEADERS, MAIL_STATES } from '../../core/mail/outbox';
import {
  PAIR_SHEET_COLUMNS,
  PAIRS_HEADERS,
  UNMATCHED_COLUMNS,
  UNMATCHED_HEADERS,
  UNMATCHED_SHEET,
} from '../../core/matching/pairRow';
import { PAIR_STATE_LABELS } from '../../core/model';
import { MEETING_HEADERS } from '../../core/schedule/meetings';
import { SHEETS } from '../../core/sheets';
import { SURVEY_HEADERS } from '../../core/surveys';
import { cellText, type TableRecord } from '../../core/table';
import { appendRows } from '../appendRows';
import { JOURNAL_HEADERS } from '../setup';
import { SheetTable } from '../sheetTable';
import type { IntakeTables } from './context';
import { eraseDocumentsOf } from './eraseDocuments';
import { erasePending } from './pendingChanges';
import { refreshListsInForms } from './setupForms';

type Update = { rowNumber: number; values: TableRecord };

const P_STATE = PAIR_SHEET_COLUMNS.state;
function endedState(state: string): TableRecord {
  const L = PAIR_STATE_LABELS;
  if (state === L.approved) return { [P_STATE]: L.ended_early };
  if (state === L.proposed || state === L.locked) return { [P_STATE]: L.rejected };
  return {};
}

function scrub(
  name: string,
  headers: readonly string[],
  match: (r: TableRecord) => boolean,
  values: (r: TableRecord) => TableRecord,
): number {
  if (!SpreadsheetApp.getActive().getSheetByName(name)) return 0;
  const table = SheetTable.open(name, headers);
  const updates: Update[] = table
    .read()
    .filter((r) => match(r.values))
    .map((r) => ({ rowNumber: r.rowNumber, values: values(r.values) }));
  table.write(updates);
  return updates.length;
}

/**
 * «Встречи»: the person's name goes from every row of their plans, notes go (they may name them),
 * and a row whose mentor or only mentee is erased loses its link token, so an old letter's link
 * does nothing.
 */
function scrubMeetings(participantId: string): void {
  scrub(
    SHEETS.meetings,
    MEETING_HEADERS,
    (r) =>
      cellText(r['Код наставника']) === participantId ||
      idList(r['Коды наставляемых']).includes(participantId),
    (r) => {
      const menteeIds = idList(r['Коды наставляемых']);
      const names = cellText(r.Наставляемые).split(', ');
      const mentorGone = cellText(r['Код наставника']) === participantId;
      const remaining = menteeIds.filter((id) => id !== participantId);
      return {
        ...(mentorGone ? { Наставник: ERASED_LABEL } : {}),
        Наставляемые: menteeIds
          .map((id, i) => (id === participantId ? ERASED_LABEL : (names[i] ?? '')))
          .join(', '),
        Заметка: '',
        ...(mentorGone || remaining.length === 0 ? { Токен: '' } : {}),
      };
    },
  );
}

const idList = (v: TableRecord[string]): string[] =>
  cellText(v)
    .split(/[,;\s]+/)
    .filter(Boolean);

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

  const consents = tables.consents ?? SheetTable.open(SHEETS.consents, CONSENT_HEADERS);
  const consentRows = consents.read();
  consents.write(erasedConsentRows(consentRows, e.email, e.role, e.participantId), [
    {
      ...consentToRecord(withdrawal),
      'ФИО подписавшего': ERASED_LABEL,
      'ФИО участника': ERASED_LABEL,
      'E-mail участника': '',
    },
  ]);

  const mine = (r: TableRecord, idHeader: string, emailHeader?: string) =>
    (e.participantId !== '' && cellText(r[idHeader]) === e.participantId) ||
    (emailHeader !== undefined && cellText(r[emailHeader]).toLowerCase() === e.email);
  if (e.participantId) {
    const cleared: TableRecord = {};
    for (const h of PREFERENCE_HEADERS.slice(2, -2)) cleared[h] = '';
    scrub(
      SHEETS.preferences,
      PREFERENCE_HEADERS,
      (r) => mine(r, PREFERENCE_HEADERS[0]),
      () => cleared,
    );
  }
  // The key ends with the recipient's address; a letter still queued must never go out.
  scrub(
    SHEETS.mail,
    MAIL_HEADERS,
    (r) => mine(r, 'Участник', 'Кому'),
    (r) => ({
      Ключ: cellText(r.Ключ).replace(/[^|]*@[^|]*$/, ERASED_LABEL),
      Кому: '',
      Текст: '',
      HTML: '',
      // An opt-out link of an erased person must do nothing.
      Токен: '',
      ...(cellText(r.Состояние) === MAIL_STATES.queued
        ? { Состояние: MAIL_STATES.failed, Ошибка: ERASED_LABEL }
        : {}),
    }),
  );
  if (e.participantId) {
    const P = PAIR_SHEET_COLUMNS;
    scrub(
      SHEETS.pairs,
      PAIRS_HEADERS,
      (r) => mine(r, P.mentorId) || mine(r, P.menteeId),
      (r) => ({
        [mine(r, P.mentorId) ? P.mentor : P.mentee]: ERASED_LABEL,
        [P.explanation]: '',
        [P.problem]: `Участник ${e.participantId} отозвал согласие: данные удалены.`,
        // The pair ends: no documents, letters or meetings are made for it any more.
        ...endedState(cellText(r[P.state])),
      }),
    );
    scrubMeetings(e.participantId);
    const U = UNMATCHED_COLUMNS;
    scrub(
      UNMATCHED_SHEET,
      UNMATCHED_HEADERS,
      (r) => mine(r, U.menteeId),
      () => ({ [U.mentee]: ERASED_LABEL, [U.detail]: '', [U.reason]: ERASED_LABEL }),
    );
  }
  if (e.participantId) {
    // Survey answers stay for the programme's figures, no longer linked to the person.
    scrub(
      SHEETS.surveys,
      SURVEY_HEADERS,
      (r) => cellText(r['Код участника']) === e.participantId,
      () => ({ 'Код участника': ERASED_LABEL, Пара: '' }),
    );
  }
  // Reasons quote what the person typed (names, addresses).
  scrub(
    SHEETS.intake,
    INTAKE_LOG_HEADERS,
    (r) => e.participantId !== '' && cellText(r.Участник) === e.participantId,
    (r) => ({ Причина: cellText(r.Причина).replace(/«[^»]*»/g, '«…»') }),
  );
  scrub(
    SHEETS.journal,
    JOURNAL_HEADERS,
    (r) => mine(r, 'Кто', 'Кто'),
    (r) => ({
      Кто: e.participantId || ERASED_LABEL,
      Подробности: cellText(r.Подробности).replace(/«[^»]*»/g, '«…»'),
    }),
  );
  if (documents.trashed + documents.failed + documents.orders > 0) {
    const purge = new Date(now.getTime() + 30 * 86_400_000);
    appendRows(SHEETS.journal, JOURNAL_HEADERS, [
      {
        Когда: now,
        Событие: 'Документы участника удалены',
        Кто: e.participantId,
        Подробности:
          `В корзине Google Диска: ${documents.trashed} (доступ снят; Диск удалит их окончательно до ${ruDate(purge)}).` +
          (documents.failed
            ? ` Не удалось удалить: ${documents.failed} — см. лист «Документы», удалите вручную.`
            : '') +
          (documents.orders
            ? ` Приказов с ФИО участника: ${documents.orders} — приказы хранятся по номенклатуре дел школы, их программа не удаляет.`
            : ''),
        'Ссылка на ответ': '',
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
