// The daily run of the pair's year: plans for newly approved groups, reminders, nudges, escalations,
// survey invitations and the weekly digest go into «Почта», then the outbox sends what the quota
// allows. Re-running it the same day adds nothing: every letter has its key in the send log.

import { digestText } from '../../core/mail/digest';
import {
  lettersOfEndedPairs,
  MAIL_STATES,
  mailKey,
  remindersAfterTheirMeeting,
} from '../../core/mail/outbox';
import { type RenderedMail, renderJoined, renderMail } from '../../core/mail/render';
import { LINE_KINDS, MAIL_KIND_LABELS, NON_ESSENTIAL } from '../../core/mail/templates';
import {
  formatLongRussianDate,
  formatRussianDate,
  isWeekend,
  type LocalDate,
  monthKey,
} from '../../core/meetings/calendar';
import {
  answeredKey,
  approvalDuties,
  type Duty,
  digestPeriod,
  dutiesOn,
  entryInvitation,
  isMailDay,
  overdueMeetings,
  type Person,
} from '../../core/meetings/duties';
import { buildGroups } from '../../core/meetings/groups';
import type { Meeting, MeetingRules } from '../../core/meetings/meetingRow';
import { calendarWaitLine } from '../../core/meetings/nextYear';
import type { CellValue } from '../../core/table';
import { documentsBlockedReason } from '../documents/generate';
import type { DailyJob } from '../feature';
import { withScriptLock } from '../lock';
import { appendJournal, localToday } from '../mail/journal';
import {
  cancelQueued,
  DAILY_DELIVERY_BUDGET_MS,
  type DeliveryReport,
  deliverDue,
  enqueue,
  type OutgoingMail,
  outboxTable,
  readOutboxLog,
} from '../mail/outbox';
import { readFormsCatalogue } from '../mentoringForms';
import { pendingCalendarYear } from '../monitoring/nextYearCalendar';
import { checkSettings, issueLines } from '../settingsCheck';
import { readSettingCells } from '../settingsSheet';
import { spreadsheet } from '../sheetTable';
import { refreshWorkbookLook } from '../workbookLook';
import { syncDeadlineCalendar } from './deadlineCalendar';
import { type BasePerson, readApprovedLinks, readBase } from './people';
import { readMeetings, syncMeetings } from './plans';
import { readSurveys, type SurveyLinks, type SurveyRead, surveyLinks } from './surveys';
import { loadYearSettings, webAppUrl, type YearSettings } from './yearSettings';

export interface DailyReport {
  today: LocalDate;
  plansCreated: number;
  enqueued: number;
  delivery?: DeliveryReport;
  problems: string[];
}

function curatorAddress(settings: YearSettings): string {
  return settings.schedule.curatorEmail || Session.getEffectiveUser().getEmail();
}

/** A duty's letter values with its links, and the opt-out token of a letter one may switch off. */
function prepared(duty: Duty, url: string, links: SurveyLinks) {
  const nonEssential = NON_ESSENTIAL.includes(duty.kind);
  const token = nonEssential ? Utilities.getUuid() : '';
  const values = { ...duty.values };
  if (duty.meetingToken !== undefined) {
    values.markLink = url
      ? `${url}?a=held&t=${duty.meetingToken}`
      : 'отметьте встречу в листе «Встречи» (столбец «Проведена») или сообщите куратору';
    values.moveLink = url
      ? `${url}?a=move&t=${duty.meetingToken}`
      : 'исправьте дату в листе «Встречи» или сообщите куратору';
  }
  if (duty.survey) values.formLink = links(duty.survey, { email: duty.to, id: duty.participantId });
  const optOutUrl = nonEssential && url ? `${url}?a=optout&t=${token}` : undefined;
  return { nonEssential, token, values, optOutUrl };
}

function mailOf(
  duty: Duty,
  { nonEssential, token }: ReturnType<typeof prepared>,
  rendered: RenderedMail,
  optedOut: ReadonlySet<string>,
): OutgoingMail {
  return {
    key: mailKey(duty.to, duty.kind, duty.period),
    to: duty.to,
    kind: MAIL_KIND_LABELS[duty.kind],
    subject: rendered.subject,
    text: rendered.text,
    html: rendered.html,
    participantId: duty.participantId,
    urgent: !nonEssential,
    token,
    optedOut: nonEssential && optedOut.has(duty.participantId),
  };
}

function toMail(
  duty: Duty,
  settings: YearSettings,
  url: string,
  optedOut: ReadonlySet<string>,
  links: SurveyLinks,
): OutgoingMail {
  const letter = prepared(duty, url, links);
  const signature = LINE_KINDS.includes(duty.kind) ? [] : settings.sender.signature;
  const rendered = renderMail(settings.templates[duty.kind], letter.values, letter.optOutUrl, signature);
  return mailOf(duty, letter, rendered, optedOut);
}

/**
 * «Пара утверждена» with the entry diagnostics invitation due the same day inside it: one letter
 * instead of two to the same person. The invitation keeps its row, key and opt-out token in «Почта»,
 * recorded «в общем письме»: the daily run does not send it again, and its reminder follows as usual.
 */
function approvalWithInvitation(
  approval: Duty,
  invitation: Duty,
  settings: YearSettings,
  url: string,
  links: SurveyLinks,
): OutgoingMail[] {
  const none = new Set<string>();
  const first = prepared(approval, url, links);
  const second = prepared(invitation, url, links);
  const joined = renderJoined(
    { template: settings.templates[approval.kind], fields: first.values },
    { template: settings.templates[invitation.kind], fields: second.values },
    second.optOutUrl,
    settings.sender.signature,
  );
  const own = renderMail(settings.templates[invitation.kind], second.values);
  return [mailOf(approval, first, joined, none), { ...mailOf(invitation, second, own, none), merged: true }];
}

/**
 * The curator's escalations of the day become one letter (none on the digest's day: the digest lists
 * the overdue meetings). Each escalation keeps its own row in the log, marked as told, so that it is
 * told once; the letter itself is keyed by the day.
 */
function curatorLines(
  mails: OutgoingMail[],
  today: LocalDate,
  settings: YearSettings,
  curator: string,
  digestDue: boolean,
): OutgoingMail[] {
  const lines: OutgoingMail[] = [];
  for (let i = mails.length - 1; i >= 0; i--) {
    if (mails[i].kind !== MAIL_KIND_LABELS.escalation) continue;
    lines.unshift({ ...mails[i], merged: true });
    mails.splice(i, 1);
  }
  if (lines.length === 0) return [];
  const out = [...lines];
  if (!digestDue) {
    const summary = lines.map((l) => `• ${l.text.trim()}`).join('\n');
    const rendered = renderMail(
      settings.templates.urgent,
      { date: formatLongRussianDate(today), summary },
      undefined,
      settings.sender.signature,
    );
    out.push({
      key: mailKey(curator, 'urgent', today),
      to: curator,
      kind: MAIL_KIND_LABELS.urgent,
      ...rendered,
      urgent: true,
    });
  }
  return out;
}

/** Who has answered which survey (and, for feedback, which month's), from «Опросы». */
function answeredSurveys(surveys: readonly SurveyRead[]): Set<string> {
  const out = new Set<string>();
  for (const { answer: a } of surveys)
    out.add(answeredKey(a.respondentId, a.kind, monthKey(localToday(a.date))));
  return out;
}

/** Reads people and approved pairs and adds the missing meeting plans. Call under the script lock. */
export function syncPlans(today: LocalDate, settings: YearSettings) {
  const s = settings.schedule;
  const mentees = readBase('mentee').people;
  const everyone: BasePerson[] = [...readBase('mentor').people, ...mentees].filter((p) => !p.erased);
  const people = new Map<string, Person>(everyone.map((p) => [p.id, p]));
  const links = readApprovedLinks(today);
  const { groups, problems } = buildGroups(links, people, s.programmeEnd, today);
  const rules = {
    holidays: s.holidays,
    programmeEnd: s.programmeEnd,
    firstMeetingAfterDays: s.firstMeetingAfterDays,
    startStepDays: s.startStepDays,
    intervalDays: s.intervalDays,
  };
  // A pair approved after the programme's end waits for the next year's calendar: on the old dates
  // its plan would be empty.
  const plannable = groups.filter((g) => g.startsOn <= s.programmeEnd);
  const { meetings, created } = syncMeetings(plannable, rules, today, () => readFormsCatalogue().forms);
  const planned = new Set(meetings.map((m) => m.planId));
  const unplanned = groups.filter((g) => g.startsOn > s.programmeEnd && !planned.has(g.planId)).length;
  return { mentees, everyone, links, groups, meetings, created, problems, unplanned, rules };
}

interface SettingsState {
  problems: string[];
  stoppedWork: string[];
}

/** The day's plan and letters, and «Встречи» as the plan left it (with the rules it was read by). */
interface DayPlan {
  report: Omit<DailyReport, 'delivery'>;
  meetings: readonly Meeting[];
  rules: MeetingRules;
  surveys: readonly SurveyRead[];
}

function plan(
  today: LocalDate,
  settings: YearSettings,
  state: SettingsState = { problems: [], stoppedWork: [] },
): DayPlan {
  const s = settings.schedule;
  const { mentees, everyone, links, groups, meetings, created, problems, unplanned, rules } = syncPlans(
    today,
    settings,
  );
  if (unplanned > 0)
    state.stoppedWork.push(calendarWaitLine(s.programmeEnd, unplanned, pendingCalendarYear()));
  const dutyRules = {
    holidays: s.holidays,
    reminderDays: s.reminderDays,
    overdueAfterDays: s.overdueAfterDays,
    feedbackMonths: s.feedbackMonths,
    feedbackDay: s.feedbackDay,
    digestWeekday: s.digestWeekday,
    parentReminders: s.parentReminders,
    place: s.place,
    programmeEnd: s.programmeEnd,
    exitSurveyDays: s.exitSurveyDays,
    surveyReminderDays: s.surveyReminderDays,
  };
  const curator = curatorAddress(settings);
  // One read of the log serves the plan, the cancellations and the new letters (it is the largest sheet).
  const outbox = outboxTable();
  const log = readOutboxLog(outbox);
  const known = log.keys;
  const surveys = readSurveys(spreadsheet());
  const duties = dutiesOn(
    today,
    groups,
    meetings,
    dutyRules,
    answeredSurveys(surveys),
    (d) => !known.has(mailKey(d.kind === 'escalation' ? curator : d.to, d.kind, d.period)),
  ).map((d) => (d.kind === 'escalation' ? { ...d, to: curator } : d));
  const mailRows = log.unsettled;
  const members = new Set(
    groups
      .filter((g) => today <= g.endsOn)
      .flatMap((g) => [g.mentor, ...g.mentees].map((p) => `${g.planId}\u0000${p.id}`)),
  );
  cancelQueued(
    lettersOfEndedPairs(mailRows, members).map((r) => r.rowNumber),
    'пара завершена или участник вышел из неё — письмо больше не нужно',
    outbox,
  );
  const stale = remindersAfterTheirMeeting(mailRows, today);
  cancelQueued(
    stale.map((r) => r.rowNumber),
    'встреча уже прошла — напоминание не отправлено',
    outbox,
  );
  if (stale.length > 0)
    appendJournal(
      'Напоминания о прошедших встречах не отправлены',
      'ежедневный запуск',
      `Писем: ${stale.length} — ждали квоты дольше, чем до дня встречи.`,
    );
  // A reminder about a survey follows its invitation, never goes with it: the invitation must be sent
  // (in the pseudonymous mode, handed to the register).
  const waiting = new Set(mailRows.map((r) => r.key));
  const invitationSent = (d: Duty) => {
    if (d.kind !== 'survey_reminder' || !d.survey) return true;
    const key = mailKey(d.to, d.survey, d.period.slice(d.survey.length + 1));
    return known.has(key) && !waiting.has(key);
  };
  const fresh = duties.filter((d) => !known.has(mailKey(d.to, d.kind, d.period)) && invitationSent(d));
  const url = webAppUrl(settings);
  const optedOut = new Set(everyone.filter((p) => p.optOut).map((p) => p.id));
  const formLinks = surveyLinks({
    feedback: s.feedbackFormUrl,
    satisfaction: s.satisfactionFormUrl,
    impact_entry: s.impactEntryFormUrl,
    impact_exit: s.impactExitFormUrl,
  });
  const mails = fresh.map((d) => toMail(d, settings, url, optedOut, formLinks));

  const tasks = syncDeadlineCalendar(today, settings);
  const week = digestPeriod(today, dutyRules);
  const digestDue = week !== undefined && !known.has(mailKey(curator, 'digest', week));
  mails.push(...curatorLines(mails, today, settings, curator, digestDue));
  if (week && digestDue) {
    const activePlans = new Set(groups.filter((g) => today <= g.endsOn).map((g) => g.planId));
    // In the pseudonymous mode the digest names people by code, so Google can send it to the curator.
    const pseudonymous = settings.dataMode === 'pseudonymous';
    const nameOf = (p: { id: string; name: string }) => (pseudonymous ? p.id : p.name);
    const mentorName = new Map(groups.map((g) => [g.planId, nameOf(g.mentor)]));
    // The digest itself takes one letter of today's quota.
    const queued = mailRows.filter((r) => r.state === MAIL_STATES.queued).length + mails.length + 1;
    const matched = new Set(links.map((l) => l.menteeId));
    const text = digestText({
      today,
      overdue: overdueMeetings(
        meetings.filter((m) => activePlans.has(m.planId)),
        today,
        s.overdueAfterDays,
      ).map((m) => ({ mentor: mentorName.get(m.planId) ?? m.mentorId, kind: m.kind, date: m.date! })),
      unmatchedMentees: mentees.filter((p) => !p.erased && !matched.has(p.id)).map(nameOf),
      missingConsents: everyone.filter((p) => !p.consentReceived).map(nameOf),
      deadlines: [
        ...s.deadlines.map((d) => ({ title: 'Мониторинг', ...d })),
        ...s.statisticsDeadlines.map((d) => ({ title: 'Статистический отчёт о числе участников', ...d })),
      ],
      tasks,
      horizonDays: s.deadlineHorizonDays,
      waitingForQuota: Math.max(0, queued - MailApp.getRemainingDailyQuota()),
      unconfirmed: mailRows.filter((r) => r.state === MAIL_STATES.unconfirmed).length,
      failed: mailRows.filter((r) => r.state === MAIL_STATES.failed).length,
      optedOut: optedOut.size,
      rowProblems: meetings.filter((m) => m.problem).length,
      settingProblems: state.problems,
      stoppedWork: state.stoppedWork,
      dataMode: settings.dataMode,
      awaitingRegister: log.awaitingRegister,
    });
    const rendered = renderMail(
      settings.templates.digest,
      { week: formatRussianDate(week), summary: text },
      undefined,
      settings.sender.signature,
    );
    mails.push({
      key: mailKey(curator, 'digest', week),
      to: curator,
      kind: MAIL_KIND_LABELS.digest,
      ...rendered,
      urgent: true,
    });
  }
  const enqueued = enqueue(mails, outbox, known);
  // Settings problems go to «Проблема» in Настройки and to the digest, not to Журнал every day.
  return {
    report: { today, plansCreated: created, enqueued, problems },
    meetings,
    rules: { holidays: rules.holidays, programmeEnd: rules.programmeEnd },
    surveys,
  };
}

const sameRules = (a: MeetingRules, b: MeetingRules): boolean =>
  a.programmeEnd === b.programmeEnd && JSON.stringify(a.holidays) === JSON.stringify(b.holidays);

/**
 * The daily trigger's run: meetings and letters, then the features' daily jobs in the order given
 * (the order of the feature list).
 */
export function runDailyTrigger(jobs: readonly DailyJob[]): DailyReport {
  const settings = loadYearSettings();
  const today = localToday();
  const day = withScriptLock(() => {
    refreshWorkbookLook();
    const issues = checkSettings();
    const stopped = documentsBlockedReason();
    return plan(today, settings, { problems: issueLines(issues), stoppedWork: stopped ? [stopped] : [] });
  });
  const report = day.report;
  if (report.problems.length > 0) {
    appendJournal('План встреч и письма: замечания', 'ежедневный запуск', report.problems.join('\n'));
  }
  // Letters before the rest: a run cut short by the time limit has sent them (or left a continuation).
  const delivery = deliverDue(DAILY_DELIVERY_BUDGET_MS);
  const workday = !isWeekend(today) && isMailDay(today, settings.schedule.holidays);
  let cells: Map<string, CellValue> | undefined;
  const settingCells = () => {
    cells ??= readSettingCells();
    return cells;
  };
  for (const job of jobs) {
    try {
      job.run({
        workday,
        settingCells,
        yearSettings: () => settings,
        meetings: (rules) => (sameRules(rules, day.rules) ? day.meetings : readMeetings(rules)),
        surveys: () => day.surveys,
      });
    } catch (e) {
      // One failing job must not stop the others.
      appendJournal(`${job.name}: ошибка`, 'ежедневный запуск', e instanceof Error ? e.message : String(e));
    }
  }
  return { ...report, delivery };
}

/**
 * After «Утвердить пары» (under its lock): the plans of the new pairs, then «пара утверждена» to each
 * mentee just approved and to the mentor, with the first meeting. Sent by the next delivery.
 */
export function announceApprovedPairs(pairIds: readonly string[]): void {
  const settings = loadYearSettings();
  const today = localToday();
  const { everyone, links, groups, meetings } = syncPlans(today, settings);
  const approved = new Set(pairIds);
  const fresh = links.filter((l) => approved.has(l.pairId));
  const url = webAppUrl(settings);
  const optedOut = new Set(everyone.filter((p) => p.optOut).map((p) => p.id));
  const formLinks = surveyLinks({ impact_entry: settings.schedule.impactEntryFormUrl });
  const outbox = outboxTable();
  const known = new Set(outbox.cells('key'));
  const unsent = (d: Duty) => !known.has(mailKey(d.to, d.kind, d.period));
  const mails = groups.flatMap((g) => {
    const mentees = new Set(fresh.filter((l) => l.mentorId === g.mentor.id).map((l) => l.menteeId));
    if (!g.mentees.some((m) => mentees.has(m.id))) return [];
    return approvalDuties(g, meetings, today, { place: settings.schedule.place }, mentees).flatMap((d) => {
      const person = [g.mentor, ...g.mentees].find((p) => p.id === d.participantId);
      const invitation = person && entryInvitation(g, person);
      // The invitation is due from the group's start; one already sent or switched off stays as it is.
      const joins =
        invitation !== undefined &&
        today >= g.startsOn &&
        today <= g.endsOn &&
        !optedOut.has(d.participantId) &&
        unsent(d) &&
        unsent(invitation);
      return joins
        ? approvalWithInvitation(d, invitation, settings, url, formLinks)
        : [toMail(d, settings, url, optedOut, formLinks)];
    });
  });
  enqueue(mails, outbox);
}

/** Creates meeting plans for approved pairs without one; also run by the daily trigger. */
export function createMeetingPlans(): number {
  const settings = loadYearSettings();
  return withScriptLock(() => plan(localToday(), settings).report.plansCreated);
}
