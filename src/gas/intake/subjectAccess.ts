// Menu «Сведения об участнике (ст. 14)»: the selected row of Наставники / Наставляемые, and every
// other row that names the person (raw form responses, Журнал and «Приём анкет» included), without
// other people's names or link tokens, shown to the curator in a dialog and logged in Журнал.
import { DOCUMENTS } from '../../core/documents/sheets';
import { BASES } from '../../core/intake/baseRow';
import { CONSENTS } from '../../core/intake/consentRow';
import { INTAKE_LOG, JOURNAL } from '../../core/intake/journal';
import { NETWORKING } from '../../core/intake/networking';
import { PENDING } from '../../core/intake/pendingRow';
import { PREFERENCES } from '../../core/intake/preferenceRow';
import {
  extractAbout,
  type SheetExtract,
  type SubjectSource,
  subjectAccessReport,
} from '../../core/intake/subjectAccess';
import { MAIL } from '../../core/mail/outbox';
import { PAIRS } from '../../core/matching/pairRow';
import { MEETINGS } from '../../core/meetings/meetingRow';
import { SURVEYS } from '../../core/meetings/surveys';
import { ROLES } from '../../core/model';
import type { SheetSchema } from '../../core/schema';
import { cellText, type TableRecord } from '../../core/table';
import { appendRows } from '../appendRows';
import { MENU_TITLE } from '../menu';
import { readByHeader } from '../sheetTable';
import { BASE_SHEETS } from './bases';
import { selectedParticipant } from './selection';
import { isResponseSheet } from './setupForms';

/** One source of the export: where the sheet names the person, and the columns left out of it. */
function source<S extends SheetSchema>(
  schema: S,
  by: ReadonlyArray<keyof S['columns'] & string>,
  omit: ReadonlyArray<keyof S['columns'] & string> = [],
): SubjectSource {
  const header = (k: string) => schema.columns[k].header;
  return { sheet: schema.name, by: by.map(header), omit: omit.map(header) };
}

/** Every sheet the programme writes a person into, and what of it is theirs to see. */
const SOURCES: readonly SubjectSource[] = [
  source(CONSENTS, ['participantId', 'participantEmail']),
  source(PREFERENCES, ['participantId']),
  // A meeting-acquaintance the person came to; who else came is not theirs to see.
  source(NETWORKING, ['people'], ['people', 'lists']),
  source(PAIRS, ['mentorId', 'menteeId'], ['mentor', 'mentee', 'explanation']),
  source(MEETINGS, ['mentorId', 'menteeIds'], ['mentor', 'mentees', 'menteeIds', 'token']),
  // «Проблема» may name the other addressees of a group's document.
  source(
    DOCUMENTS,
    ['participantId', 'pairId'],
    ['key', 'title', 'viewers', 'fileId', 'pdfFileId', 'problem'],
  ),
  source(MAIL, ['participantId', 'to'], ['key', 'token', 'text', 'html', 'run', 'quotaBefore', 'attachment']),
  source(SURVEYS, ['respondentId']),
  source(PENDING, ['participantId'], ['token']),
  source(INTAKE_LOG, ['participantId']),
  source(JOURNAL, ['who']),
];

/** Sheets Google Forms writes raw responses to: the person's own answers, as they sent them. */
function responseSheets(): string[] {
  return SpreadsheetApp.getActive()
    .getSheets()
    .map((sh) => sh.getName())
    .filter(isResponseSheet);
}

const records = (name: string): TableRecord[] =>
  readByHeader(SpreadsheetApp.getActive(), name).map((r) => r.values);

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** With an id (e.g. «НЯ-0001») from code; from the menu, the participant in the selected row. */
export function exportParticipantData(participantId?: string): string {
  const ui = SpreadsheetApp.getUi();
  const target =
    typeof participantId === 'string' && participantId ? participantId : selectedParticipant()?.id;
  const base = target
    ? ROLES.map((r) => ({
        role: r,
        row: records(BASE_SHEETS[r]).find((x) => cellText(x[BASES[r].columns.id.header]) === target),
      })).find((x) => x.row)
    : undefined;
  if (!target || !base?.row) {
    ui.alert(
      MENU_TITLE,
      'Выделите строку участника на листе «Наставники» или «Наставляемые».',
      ui.ButtonSet.OK,
    );
    return '';
  }
  const columns = BASES[base.role].columns;
  const email = cellText(base.row[columns.email.header]);
  const keys = [target, email];
  const P = PAIRS.columns;
  const pairs = records(PAIRS.name)
    .filter((r) => cellText(r[P.mentorId.header]) === target || cellText(r[P.menteeId.header]) === target)
    .map((r) => cellText(r[P.id.header]));
  const extracts: SheetExtract[] = [
    extractAbout({ sheet: BASE_SHEETS[base.role], by: [columns.id.header] }, [base.row], keys, target),
    ...SOURCES.map((s) =>
      extractAbout(s, records(s.sheet), s.sheet === DOCUMENTS.name ? [...keys, ...pairs] : keys, target),
    ),
    ...responseSheets().map((sheet) => {
      const rows = records(sheet);
      return extractAbout({ sheet, by: Object.keys(rows[0] ?? {}) }, rows, [email], target);
    }),
  ];
  const now = new Date();
  const text = subjectAccessReport(target, extracts, now);
  appendRows(JOURNAL, [
    { when: now, event: 'Выгрузка сведений об участнике (ст. 14 152-ФЗ)', who: target, details: '', ref: '' },
  ]);
  const html = HtmlService.createHtmlOutput(`<pre style="white-space:pre-wrap">${escapeHtml(text)}</pre>`)
    .setWidth(720)
    .setHeight(520);
  ui.showModalDialog(html, `Сведения об участнике ${target}`);
  return text;
}
