// What a page behind a meeting link names first: which meeting, when, and who meets.
import { formatLongRussianDate } from '../../core/meetings/calendar';
import { MEETINGS, parseMeetingRow } from '../../core/meetings/meetingRow';
import { MEETING_KIND_LABELS } from '../../core/meetings/plan';
import { meetingBox } from '../pageShell';
import { readSheet } from '../sheetTable';

const NO_RULES = { holidays: [], programmeEnd: '9999-12-31' };

/** The meeting box for the token of a link, or '' when no meeting has it. */
export function meetingCaption(token: string): string {
  const row = readSheet(SpreadsheetApp.getActive(), MEETINGS).find(
    (r) => token !== '' && r.values.token === token,
  );
  if (!row) return '';
  const m = parseMeetingRow(row, NO_RULES);
  if (!m) return '';
  const label = MEETING_KIND_LABELS[m.kind];
  const what = `${label.charAt(0).toUpperCase()}${label.slice(1)}${m.date ? `, ${formatLongRussianDate(m.date)}` : ''}`;
  const mentees = row.values.mentees;
  const who = `Наставник: ${row.values.mentor}. ${mentees.includes(',') ? 'Наставляемые' : 'Наставляемый'}: ${mentees}.`;
  return meetingBox(what, who);
}
