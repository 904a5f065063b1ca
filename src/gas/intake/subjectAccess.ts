// Menu «Сведения об участнике (ст. 14)»: the selected row of Наставники / Наставляемые, and every
// other row that names the person, shown to the curator in a dialog and logged in Журнал.

import { BASES } from '../../core/intake/baseRow';
import { JOURNAL } from '../../core/intake/journal';
import { rowsAbout, type SheetExtract, subjectAccessReport } from '../../core/intake/subjectAccess';
import { ROLES } from '../../core/model';
import { SHEETS } from '../../core/sheets';
import { cellText, type TableRecord } from '../../core/table';
import { appendRows } from '../appendRows';
import { MENU_TITLE } from '../menu';
import { readByHeader } from '../sheetTable';
import { BASE_SHEETS } from './bases';
import { selectedParticipant } from './selection';

const OTHER_SHEETS = [
  SHEETS.consents,
  SHEETS.preferences,
  SHEETS.pairs,
  SHEETS.meetings,
  SHEETS.documents,
  SHEETS.mail,
];

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
  const email = cellText(base.row[BASES[base.role].columns.email.header]);
  const extracts: SheetExtract[] = [
    { sheet: BASE_SHEETS[base.role], rows: [base.row] },
    ...OTHER_SHEETS.map((sheet) => ({ sheet, rows: rowsAbout(records(sheet), target, email) })),
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
