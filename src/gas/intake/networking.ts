// «Встречи-знакомства» in the workbook: the post-meeting questionnaires follow the meetings. When the
// curator ticks «Проведена» (or corrects who came) an installable on-edit trigger refills the choice
// lists with the people of the meeting held last, and says so on the meeting's row.
import type { ChoiceLists } from '../../../forms/definition';
import { idFromLabel } from '../../core/intake/choices';
import { lastHeldMeeting, NETWORKING } from '../../core/intake/networking';
import { withScriptLock } from '../lock';
import { readSheet, SheetTable, spreadsheet } from '../sheetTable';

/** The participant ids the questionnaires may offer; undefined before any meeting is held (everyone). */
export function meetingPeople(): ReadonlySet<string> | undefined {
  return lastHeldMeeting(readSheet(spreadsheet(), NETWORKING))?.people;
}

const WATCHED = [NETWORKING.columns.people.header, NETWORKING.columns.held.header];

/** Did the edit of «Встречи-знакомства» touch «Участники» or «Проведена»? */
function touchesMeetings(range: GoogleAppsScript.Spreadsheet.Range): boolean {
  const sheet = range.getSheet();
  if (range.getLastRow() < 2) return false;
  const width = sheet.getLastColumn();
  if (width < 1) return false;
  const header = sheet.getRange(1, 1, 1, width).getDisplayValues()[0];
  for (let c = range.getColumn(); c <= range.getLastColumn(); c++)
    if (WATCHED.includes(String(header[c - 1] ?? '').trim())) return true;
  return false;
}

/**
 * After the lists were refilled: «обновлены 12.10.2026: наставников 4, наставляемых 9» on the row of
 * the meeting they come from, with the ids of people who came but cannot be offered (no consent,
 * withdrawn, or in no base).
 */
export function noteListsOnMeeting(lists: ChoiceLists): void {
  // A workbook set up before this sheet existed gets it from the next setup, not from a submission.
  const sheet = spreadsheet().getSheetByName(NETWORKING.name);
  if (!sheet) return;
  const table = new SheetTable(sheet, NETWORKING);
  const meeting = lastHeldMeeting(table.read());
  if (!meeting) return;
  const offered = new Set([...lists.mentors, ...lists.mentees].map(idFromLabel));
  const missing = [...meeting.people].filter((id) => !offered.has(id));
  const day = Utilities.formatDate(new Date(), Session.getScriptTimeZone(), 'dd.MM.yyyy');
  const note =
    `обновлены ${day}: наставников ${lists.mentors.length}, наставляемых ${lists.mentees.length}` +
    (missing.length ? `; не предложены (нет согласия или нет в базах): ${missing.join(', ')}` : '');
  const row = table.read().find((r) => r.rowNumber === meeting.rowNumber);
  if (row?.values.lists !== note) table.write([{ rowNumber: meeting.rowNumber, values: { lists: note } }]);
}

/** An edit of «Встречи-знакомства»: only an edit of who came or «Проведена» refills the lists. */
export function whenMeetingsEdited(e: GoogleAppsScript.Events.SheetsOnEdit, refresh: () => unknown): void {
  if (!touchesMeetings(e.range)) return;
  withScriptLock(refresh);
}
