// Web-app pages behind the links in letters. Each asks for a confirmation first: mail scanners open
// links on their own, and a bare visit must not mark a meeting held or switch mail off.

import { MAIL_STATES } from '../../core/mail/outbox';
import { escapeHtml } from '../../core/mail/render';
import { formatRussianDate, parseLocalDate } from '../../core/meetings/calendar';
import { heldLinkProblem, moveLinkProblem, optOutLinkOpen } from '../../core/meetings/linkValidity';
import { MEETING_KIND_LABELS } from '../../core/meetings/plan';
import type { WebParameters } from '../feature';
import { withScriptLock } from '../lock';
import { appendJournal, localToday } from '../mail/journal';
import { outboxTable } from '../mail/outbox';
import { labelledInput } from '../pageShell';
import { webForm } from '../webApp';
import { meetingCaption } from './meetingCaption';
import { readBase } from './people';
import { markHeld, meetingByToken, moveMeeting } from './plans';
import { loadYearSettings, webAppUrl } from './yearSettings';

const TOKEN = /^[0-9a-f-]{16,64}$/i;
const REFUSED_TEXT = 'Ссылка недействительна: нет доступа.';
const REFUSED = `<p>${REFUSED_TEXT}</p>`;
const NOTE_LIMIT = 300;

function form(params: WebParameters, fields: string, button: string): string {
  return webForm(webAppUrl(loadYearSettings()), params, fields, button);
}

export function heldPage(params: WebParameters): { title: string; body: string } {
  const title = 'Отметить встречу проведённой';
  const token = params.t ?? '';
  if (!TOKEN.test(token)) return { title, body: REFUSED };
  if (params.confirm !== '1') {
    // The form only for a meeting the link can still mark: an unknown or spent token shows nothing.
    const meeting = meetingByToken(token);
    const problem = meeting ? heldLinkProblem(meeting, localToday()) : REFUSED_TEXT;
    if (problem) return { title, body: `<p>${escapeHtml(problem)}</p>` };
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
  const { meeting, problem } = withScriptLock(() => markHeld(token, note, localToday()));
  if (problem || !meeting) return { title, body: `<p>${escapeHtml(problem ?? REFUSED_TEXT)}</p>` };
  appendJournal('Встреча отмечена проведённой', 'наставник по ссылке из письма', meeting.id);
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
  if (!TOKEN.test(token)) return { title, body: REFUSED };
  if (params.confirm !== '1') {
    return {
      title,
      body:
        '<p>Больше не присылать напоминания о встречах и приглашения в опросы? ' +
        'Письма о важных изменениях в программе приходить будут.</p>' +
        form(params, '', 'Не присылать'),
    };
  }
  const { schedule } = loadYearSettings();
  if (!optOutLinkOpen(localToday(), schedule.programmeEnd))
    return {
      title,
      body: '<p>Программа закончилась, письма больше не приходят: срок ссылки истёк, нет доступа.</p>',
    };
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
  if (!done) return { title, body: REFUSED };
  return { title: 'Готово', body: '<p>Больше не будем присылать напоминания и приглашения в опросы.</p>' };
}

/** The mentor proposes another day for a meeting; a holiday or a day after the programme is refused. */
export function movePage(params: WebParameters): { title: string; body: string } {
  const title = 'Перенести встречу';
  const token = params.t ?? '';
  if (!TOKEN.test(token)) return { title, body: REFUSED };
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
  const { schedule } = loadYearSettings();
  const today = localToday();
  if (params.confirm !== '1') {
    const meeting = meetingByToken(token);
    const closed = meeting ? moveLinkProblem(meeting, today, schedule.programmeEnd) : REFUSED_TEXT;
    return closed ? { title, body: `<p>${escapeHtml(closed)}</p>` } : ask('');
  }
  const to = parseLocalDate(params.date ?? '');
  if (!to) return ask('<p>Дата не читается: выберите её в календаре.</p>');
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
