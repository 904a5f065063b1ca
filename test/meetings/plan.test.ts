import { isSchoolDay, isWeekend, parseDayRanges } from '../../src/core/meetings/calendar';
import { type ActiveGroup, answeredKey, dutiesOn, type Person } from '../../src/core/meetings/duties';
import { buildGroups } from '../../src/core/meetings/groups';
import { MEETINGS, parseMeetingRow } from '../../src/core/meetings/meetingRow';
import { planId, planMeetings } from '../../src/core/meetings/plan';
import { DEFAULT_HOLIDAYS } from '../../src/core/meetings/settings';
import { applyPatch, type RowPatch } from '../../src/core/schema';

const holidays = parseDayRanges(DEFAULT_HOLIDAYS).ranges;
const rules = {
  holidays,
  programmeEnd: '2027-06-10',
  firstMeetingAfterDays: 7,
  startStepDays: 7,
  intervalDays: 14,
};

describe('meeting plan', () => {
  const plan = planMeetings('2026-10-15', rules);

  it('starts with знакомство, пробная встреча, планирование and ends with the final meeting', () => {
    expect(plan.slice(0, 3).map((m) => m.kind)).toEqual(['intro', 'trial', 'planning']);
    expect(plan[plan.length - 1]).toEqual({ kind: 'final', date: '2027-06-10' });
    expect(plan.filter((m) => m.kind === 'regular').length).toBeGreaterThan(8);
  });

  it('puts every meeting on a school day, never in the holidays, in order', () => {
    for (const m of plan) expect(isSchoolDay(m.date, holidays)).toBe(true);
    const dates = plan.map((m) => m.date);
    expect([...dates].sort()).toEqual(dates);
    expect(new Set(dates).size).toBe(dates.length);
  });

  it('moves the first meeting past the autumn holidays', () => {
    // 15.10 + 7 days = 22.10 (Thursday); +7 = 29.10 is in the holidays → 05.11.
    expect(plan[0].date).toBe('2026-10-22');
    expect(plan[1].date).toBe('2026-11-05');
  });

  it('keeps the cadence of regular meetings', () => {
    const regular = plan.filter((m) => m.kind === 'regular').map((m) => Date.parse(m.date));
    const gaps = regular.slice(1).map((t, i) => (t - regular[i]) / 86_400_000);
    expect(gaps.filter((g) => g === 14).length).toBeGreaterThan(gaps.length / 2);
    for (const g of gaps) expect(g).toBeGreaterThanOrEqual(14);
  });

  it('goes on with the cadence from the first meeting after the winter break', () => {
    const after = plan.filter((m) => m.kind === 'regular' && m.date > '2027-01-10').map((m) => m.date);
    expect(after[0]).toBe('2027-01-11');
    expect(after[1]).toBe('2027-01-25');
  });

  it('plans the final meeting on the last school day before the end when the end is a weekend', () => {
    const p = planMeetings('2026-10-15', { ...rules, programmeEnd: '2027-06-06' });
    expect(p[p.length - 1].date).toBe('2027-06-04');
    expect(isWeekend(p[p.length - 1].date)).toBe(false);
  });

  it('gives a late pair only what fits before the end', () => {
    // 01.06 знакомство, 08.06 пробная; планирование (15.06) would come after the end on 10.06.
    const p = planMeetings('2027-05-25', rules);
    expect(p.map((m) => m.kind)).toEqual(['intro', 'trial', 'final']);
  });

  it('names a plan by mentor, form and school year', () => {
    expect(planId('M1', 'teacher-student', '2026-10-15')).toBe('M1/teacher-student/2026-27');
    expect(planId('M1', 'teacher-student', '2027-02-01')).toBe('M1/teacher-student/2026-27');
  });
});

describe('reading «Встречи» back', () => {
  const row = (values: RowPatch<typeof MEETINGS>) =>
    parseMeetingRow(
      {
        rowNumber: 5,
        values: applyPatch(MEETINGS, { id: 'P#1', planId: 'P', kind: 'пробная встреча', ...values }),
      },
      rules,
    );

  it('reports an unreadable or holiday date on the row and leaves it out of reminders', () => {
    expect(row({ date: '31.02.2027' })?.problem).toMatch(/не читается/);
    const holiday = row({ date: '30.10.2026' });
    expect(holiday?.problem).toMatch(/каникулы/);
    expect(holiday?.date).toBeUndefined();
  });

  it('accepts a date cell, text and a held mark', () => {
    const m = row({ date: new Date('2026-11-11T21:00:00Z'), held: 'да', note: 'обсудили план' });
    expect(m?.date).toBe('2026-11-12');
    expect(m?.held).toBe(true);
    expect(m?.kind).toBe('trial');
    expect(row({ date: '12.11.2026' })?.problem).toBe('');
  });
});

describe('duties of a day', () => {
  const person = (id: string, extra: Partial<Person> = {}): Person => ({
    id,
    name: `Имя ${id}`,
    greeting: id,
    email: `${id.toLowerCase()}@school.test`,
    parentEmail: '',
    optOut: false,
    ...extra,
  });
  const group: ActiveGroup = {
    planId: 'P',
    formId: 'f',
    mentor: person('M'),
    mentees: [person('A', { parentEmail: 'parent@home.test' }), person('B')],
    startsOn: '2026-10-01',
    endsOn: '2027-06-10',
  };
  const meeting = (n: number, date: string, held = false, kind: 'regular' | 'final' = 'regular') => ({
    rowNumber: n + 1,
    id: `P#${n}`,
    planId: 'P',
    mentorId: 'M',
    menteeIds: ['A', 'B'],
    formId: 'f',
    kind,
    date,
    held,
    note: '',
    token: `tok${n}`,
    problem: '',
  });
  const dutyRules = {
    holidays,
    reminderDays: 2,
    overdueAfterDays: 2,
    feedbackMonths: [12, 3, 6],
    feedbackDay: 1,
    digestWeekday: 1,
    parentReminders: 'до 14 лет' as const,
    place: '',
    programmeEnd: '2027-06-10',
    exitSurveyDays: 21,
    surveyReminderDays: 7,
  };

  it('reminds mentor, mentees and a minor’s parent from N days before the meeting', () => {
    const meetings = [meeting(1, '2026-11-20')];
    const aboutMeetings = (day: string) =>
      dutiesOn(day, [group], meetings, dutyRules).filter((d) => !d.survey && d.kind !== 'pair_approved');
    expect(aboutMeetings('2026-11-17')).toEqual([]);
    const due = aboutMeetings('2026-11-18');
    expect(due.map((d) => `${d.kind}:${d.to}`)).toEqual([
      'reminder_mentor:m@school.test',
      'reminder_mentee:a@school.test',
      'reminder_parent:parent@home.test',
      'reminder_mentee:b@school.test',
    ]);
    expect(due.every((d) => d.period === 'P#1@2026-11-20')).toBe(true);
  });

  it('sends nothing on a holiday, before a group starts or after it ends', () => {
    const meetings = [meeting(1, '2026-11-05')];
    expect(dutiesOn('2026-11-03', [group], meetings, dutyRules)).toEqual([]);
    expect(dutiesOn('2027-06-11', [group], [meeting(9, '2027-06-10', false, 'final')], dutyRules)).toEqual(
      [],
    );
    expect(dutiesOn('2026-09-20', [group], [meeting(1, '2026-09-21')], dutyRules)).toEqual([]);
  });

  it('nudges the mentor about a missed meeting and the curator from the second miss', () => {
    const meetings = [meeting(1, '2026-11-10'), meeting(2, '2026-11-24'), meeting(3, '2026-12-08', true)];
    const first = dutiesOn('2026-11-12', [group], meetings, dutyRules);
    expect(first.filter((d) => d.kind === 'overdue').map((d) => d.period)).toEqual(['P#1@2026-11-10']);
    expect(first.some((d) => d.kind === 'escalation')).toBe(false);
    const later = dutiesOn('2026-11-26', [group], meetings, dutyRules);
    expect(later.filter((d) => d.kind === 'escalation').map((d) => d.period)).toEqual(['P#2@2026-11-24']);
    expect(later.find((d) => d.kind === 'escalation')?.values.missed).toBe('2 встречи');
  });

  it('leaves out the meeting letters the send log already holds, and only those', () => {
    const meetings = [meeting(1, '2026-11-10'), meeting(2, '2026-11-24'), meeting(3, '2026-12-08')];
    const all = dutiesOn('2026-12-07', [group], meetings, dutyRules);
    const sent = new Set(['reminder_mentor:m@school.test:P#3@2026-12-08', 'escalation::P#2@2026-11-24']);
    const unsent = dutiesOn(
      '2026-12-07',
      [group],
      meetings,
      dutyRules,
      new Set(),
      (d) => !sent.has(`${d.kind}:${d.to}:${d.period}`),
    );
    expect(all.filter((d) => !sent.has(`${d.kind}:${d.to}:${d.period}`))).toEqual(unsent);
    expect(unsent.length).toBe(all.length - 2);
    expect(unsent.filter((d) => d.kind === 'overdue').map((d) => d.period)).toEqual([
      'P#1@2026-11-10',
      'P#2@2026-11-24',
    ]);
  });

  it('invites everyone to the feedback survey in the configured months and to satisfaction at the end', () => {
    const dec = dutiesOn('2026-12-01', [group], [], dutyRules).filter((d) => d.kind === 'feedback');
    expect(dec.map((d) => d.to)).toEqual(['m@school.test', 'a@school.test', 'b@school.test']);
    expect(dec[0].period).toBe('2026-12');
    expect(dutiesOn('2027-01-15', [group], [], dutyRules).some((d) => d.kind === 'feedback')).toBe(false);
    const end = dutiesOn('2027-06-10', [group], [meeting(9, '2027-06-10', false, 'final')], dutyRules);
    expect(end.filter((d) => d.kind === 'satisfaction')).toHaveLength(3);
  });

  it('invites to the entry diagnostics from the start and to the exit diagnostics before the end', () => {
    const kinds = (day: string) => dutiesOn(day, [group], [], dutyRules).map((d) => `${d.kind}:${d.to}`);
    expect(kinds('2026-10-01')).toEqual([
      'impact_entry:m@school.test',
      'impact_entry:a@school.test',
      'impact_entry:b@school.test',
    ]);
    expect(kinds('2027-05-19').filter((k) => k.startsWith('impact_exit'))).toEqual([]);
    expect(kinds('2027-05-20').filter((k) => k.startsWith('impact_exit'))).toEqual([
      'impact_exit:m@school.test',
      'impact_exit:a@school.test',
      'impact_exit:b@school.test',
    ]);
  });

  it('reminds once, a week after the invitation, only those who have not answered', () => {
    const answered = new Set([answeredKey('M', 'impact_entry'), answeredKey('A', 'feedback', '2026-12')]);
    const reminders = (day: string) =>
      dutiesOn(day, [group], [], dutyRules, answered)
        .filter((d) => d.kind === 'survey_reminder')
        .map((d) => `${d.to} ${d.values.survey} ${d.period}`);
    expect(reminders('2026-10-07')).toEqual([]);
    expect(reminders('2026-10-08')).toEqual([
      'a@school.test входная диагностика impact_entry:P',
      'b@school.test входная диагностика impact_entry:P',
    ]);
    expect(reminders('2026-12-08').filter((r) => r.includes('обратной'))).toEqual([
      'm@school.test анкета обратной связи feedback:2026-12',
      'b@school.test анкета обратной связи feedback:2026-12',
    ]);
  });
});

describe('groups', () => {
  const people = new Map<string, Person>(
    ['M', 'A', 'B'].map((id) => [
      id,
      { id, name: id, greeting: id, email: `${id}@s.test`, parentEmail: '', optOut: false },
    ]),
  );

  it('makes one plan per mentor and form, and drops a mentee whose pair ended', () => {
    const { groups } = buildGroups(
      [
        { pairId: '1', mentorId: 'M', menteeId: 'A', formId: 'f', approvedOn: '2026-10-10' },
        {
          pairId: '2',
          mentorId: 'M',
          menteeId: 'B',
          formId: 'f',
          approvedOn: '2026-10-12',
          endedOn: '2027-01-20',
        },
      ],
      people,
      '2027-06-10',
      '2027-02-01',
    );
    expect(groups).toHaveLength(1);
    expect(groups[0].startsOn).toBe('2026-10-10');
    expect(groups[0].mentees.map((p) => p.id)).toEqual(['A']);
    expect(groups[0].endsOn).toBe('2027-06-10');
  });
});
