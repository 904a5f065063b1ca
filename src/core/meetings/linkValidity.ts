// How long the links in meeting letters work. A link is a bearer token: whoever holds the letter can
// use it, so it works only while it is needed and only for what it names.
import { addDays, formatRussianDate, type LocalDate } from './calendar';
import type { Meeting } from './meetingRow';

/** A meeting can be marked held by link from its day until this many days after it. */
export const HELD_LINK_DAYS = 30;
/** Opt-out and move links stop this many days after the programme ends. */
export const AFTER_PROGRAMME_DAYS = 30;

/** Why the «встреча проведена» link cannot mark this meeting today; undefined when it can. */
export function heldLinkProblem(
  m: Pick<Meeting, 'held'> & { date?: LocalDate },
  today: LocalDate,
): string | undefined {
  if (m.held) return 'Встреча уже отмечена проведённой.';
  if (!m.date) return 'Дата встречи в плане не читается: отметьте встречу через куратора.';
  if (m.date > today)
    return `Встреча назначена на ${formatRussianDate(m.date)}: отметить её можно в этот день или позже.`;
  if (addDays(m.date, HELD_LINK_DAYS) < today)
    return `Срок ссылки истёк (${HELD_LINK_DAYS} дней после встречи): нет доступа. Отметку ставит куратор.`;
  return undefined;
}

/** Why the «перенести» link no longer works; undefined while it does. */
export function moveLinkProblem(
  m: Pick<Meeting, 'held'>,
  today: LocalDate,
  programmeEnd: LocalDate,
): string | undefined {
  if (m.held) return 'Встреча уже проведена: переносить нечего.';
  if (today > programmeEnd) return 'Программа закончилась: срок ссылки истёк, нет доступа.';
  return undefined;
}

/** Whether an opt-out link still works: until a month after the programme ends. */
export const optOutLinkOpen = (today: LocalDate, programmeEnd: LocalDate): boolean =>
  today <= addDays(programmeEnd, AFTER_PROGRAMME_DAYS);
