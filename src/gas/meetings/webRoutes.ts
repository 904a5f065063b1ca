// Web-app pages behind the links in letters. Each asks for a confirmation first: mail scanners open
// links on their own, and a bare visit must not mark a meeting held or switch mail off.

import { MAIL_STATES } from '../../core/mail/outbox';
import { escapeHtml } from '../../core/mail/render';
import { formatRussianDate, parseLocalDate } from '../../core/meetings/calendar';
import { MEETING_KIND_LABELS } from '../../core/meetings/plan';
import type { WebParameters } from '../feature';
import { withScriptLock } from '../lock';
import { appendJournal, localToday } from '../mail/journal';
import { outboxTable } from '../mail/outbox';
import { labelledInput } from '../pageShell';
import { meetingCaption } from './meetingCaption';
import { readBase } from './people';
import { markHeld, moveMeeting } from './plans';
import { loadYearSettings, webAppUrl } from './yearSettings';

const TOKEN = /^[0-9a-f-]{16,64}$/i;
const NOTE_LIMIT = 300;

/**
 * The confirmation form. Apps Script serves the page inside a sandboxed frame, so the form is sent to
 * the web app's own address in the top window, not to the frame.
 */
function form(params: WebParameters, fields: string, button: string): string {
  const action = webAppUrl(loadYearSettings());
  return (
    `<form method="get" action="${escapeHtml(action)}" target="_top">` +
    `<input type="hidden" name="a" value="${escapeHtml(params.a ?? '')}">` +
    `<input type="hidden" name="t" value="${escapeHtml(params.t ?? '')}">` +
    `<input type="hidden" name="confirm" value="1">${fields}` +
    `<p><button type="submit">${escapeHtml(button)}</button></p></form>`
  );
}

export function heldPage(params: WebParameters): { title: string; body: string } {
  const title = 'Отметить встречу проведённой';
  const token = params.t ?? '';
  if (!TOKEN.test(token)) return { title, body: '<p>Ссылка недействительна.</p>' };
  if (params.confirm !== '1') {
    return {
      title,
      body:
        meetingCaption(token) +
        form(
          params,
          labelledInput('note', 'Коротко: что сделали на встрече', `maxlength="${NOTE_LIMIT}" required`),
          'Встреча проведена',
        ),
    };
  }
  const note = (params.note ?? '').replace(/\s+/g, ' ').trim().slice(0, NOTE_LIMIT);
  const meeting = withScriptLock(() => markHeld(token, note, localToday()));
  if (!meeting)
    return { title, body: '<p>Встреча не найдена: возможно, план изменился. Сообщите куратору.</p>' };
  appendJournal('Встреча отмечена проведённой', 'наставник по ссылке из письма', `${meeting.id}: ${note}`);
  const when = meeting.date ? ` ${formatRussianDate(meeting.date)}` : '';
  return {
    title: 'Спасибо!',
    body: `<p>${escapeHtml(MEETING_KIND_LABELS[meeting.kind])}${escapeHtml(when)} отмечена проведённой.</p>`,
  };
}

/** Switches off non-essential letters for the participant a letter was about, and their parent. */
export function optOutPage(params: WebParameters): { title: string; body: string } {
  const title = 'Отказ от рассылки';
  const token = params.t ?? '';
  if (!TOKEN.test(token)) return { title, body: '<p>Ссылка недействительна.</p>' };
  if (params.confirm !== '1') {
    return {
      title,
      body:
        '<p>Больше не присылать напоминания о встречах и приглашения в опросы? ' +
        'Письма о важных изменениях в программе приходить будут.</p>' +
        form(params, '', 'Не присылать'),
    };
  }
  const done = withScriptLock(() => {
    const mail = outboxTable();
    const rows = mail.read();
    const letter = rows.find((r) => r.values.token === token);
    const participantId = letter ? letter.values.participantId : '';
    if (!participantId) return false;
    for (const role of ['mentor', 'mentee'] as const) {
      const { table, people } = readBase(role);
      const person = people.find((p) => p.id === participantId);
      if (person) table.write([{ rowNumber: person.rowNumber, values: { optOut: 'да' } }]);
    }
    const labels = new Set(rows.filter((r) => r.values.token !== '').map((r) => r.values.kind));
    mail.write(
      rows
        .filter(
          (r) =>
            r.values.participantId === participantId &&
            r.values.state === MAIL_STATES.queued &&
            labels.has(r.values.kind),
        )
        .map((r) => ({ rowNumber: r.rowNumber, values: { state: MAIL_STATES.optedOut } })),
    );
    appendJournal('Отказ от рассылки', `участник ${participantId}`, 'по ссылке из письма');
    return true;
  });
  if (!done) return { title, body: '<p>Ссылка недействительна.</p>' };
  return { title: 'Готово', body: '<p>Больше не будем присылать напоминания и приглашения в опросы.</p>' };
}

/** The mentor proposes another day for a meeting; a holiday or a day after the programme is refused. */
export function movePage(params: WebParameters): { title: string; body: string } {
  const title = 'Перенести встречу';
  const token = params.t ?? '';
  if (!TOKEN.test(token)) return { title, body: '<p>Ссылка недействительна.</p>' };
  const ask = (note: string) => ({
    title,
    body:
      meetingCaption(token) +
      note +
      form(
        params,
        labelledInput('date', 'Новая дата (учебный день, не в каникулы)', 'type="date" required'),
        'Перенести',
      ),
  });
  if (params.confirm !== '1') return ask('');
  const to = parseLocalDate(params.date ?? '');
  if (!to) return ask('<p>Дата не читается: выберите её в календаре.</p>');
  const { schedule } = loadYearSettings();
  const today = localToday();
  const result = withScriptLock(() => moveMeeting(token, to, schedule, today));
  if (!result.meeting)
    return ask(
      `<p>Нельзя перенести на ${escapeHtml(formatRussianDate(to))}: ${escapeHtml(result.problem ?? '')}.</p>`,
    );
  appendJournal(
    'Встреча перенесена',
    'наставник по ссылке из письма',
    `${result.meeting.id}: ${formatRussianDate(to)}`,
  );
  return {
    title: 'Готово',
    body: `<p>${escapeHtml(MEETING_KIND_LABELS[result.meeting.kind])} перенесена на ${escapeHtml(formatRussianDate(to))}. Напоминание придёт заранее.</p>`,
  };
}
