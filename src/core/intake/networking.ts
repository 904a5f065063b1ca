// «Встречи-знакомства» (the networking meetings of future mentors and mentees): the curator lists
// each meeting, who came, and ticks «Проведена». The post-meeting questionnaires then offer only the
// people of the meeting held last, so nobody ranks someone they have not met.

import { isYes } from '../meetings/meetingRow';
import { codeProblem, normaliseCode } from '../pseudonymous/participantCode';
import { cellColumn, dateColumn, defineSheet, type RowOf, textColumn } from '../schema';
import { SHEETS } from '../sheets';
import { idFromLabel } from './choices';

export const NETWORKING = defineSheet(SHEETS.networking, {
  title: textColumn('Название', { freeText: true }),
  date: dateColumn('Дата'),
  /**
   * IDs of the participants who came (НС-0001, НЯ-0003 …, or in the pseudonymous mode codes as on the
   * slips, «123 4567»), as the curator types or pastes them.
   */
  people: textColumn('Участники', { freeText: true }),
  held: cellColumn('Проведена'),
  /** Written by the programme: when the questionnaires' lists were set from this meeting, or why not. */
  lists: textColumn('Списки в анкетах'),
});

export interface HeldMeeting {
  rowNumber: number;
  title: string;
  /** Participant ids of the people who came. */
  people: ReadonlySet<string>;
}

const ID = /[А-ЯЁA-Z]{2}-\d{4}/g;
/** A participant code, printed «123 4567» or typed without the space; its check digit must hold. */
const CODE = /(?<!\d)\d{3}[ \u00a0]?\d{4}(?!\d)/g;

/** The ids in «Участники»: separated by commas, spaces or lines; a pasted choice label also works. */
export function attendeeIds(text: string): string[] {
  const fromLabels = text
    .split(/[\n;]/)
    .map((part) => idFromLabel(part.trim()))
    .filter((id): id is string => Boolean(id));
  const codes = (text.match(CODE) ?? []).map(normaliseCode).filter((code) => !codeProblem(code));
  return [...new Set([...(text.toUpperCase().match(ID) ?? []), ...codes, ...fromLabels])];
}

/**
 * The meeting held last (latest date; among equal dates, the lower row): its people are the ones the
 * questionnaires offer. Undefined when no meeting is marked held yet.
 */
export function lastHeldMeeting(
  rows: ReadonlyArray<{ rowNumber: number; values: RowOf<typeof NETWORKING> }>,
): HeldMeeting | undefined {
  const held = rows.filter((r) => isYes(r.values.held));
  if (!held.length) return undefined;
  const time = (r: (typeof held)[number]) => r.values.date?.getTime() ?? Number.NEGATIVE_INFINITY;
  const last = held.reduce((a, b) => (time(b) >= time(a) ? b : a));
  return {
    rowNumber: last.rowNumber,
    title: last.values.title,
    people: new Set(attendeeIds(last.values.people)),
  };
}
