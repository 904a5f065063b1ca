// The meeting plans individual plans are made from: the planner's rules from Настройки and, when
// «Встречи» already holds a group's plan, its dates as the curator left them.
import type { MeetingPlans, PlannedDate } from '../../core/documents/planActivities';
import { MEETINGS, parseMeetingRow } from '../../core/meetings/meetingRow';
import type { PlanRules } from '../../core/meetings/plan';
import type { SCHEDULE_SETTINGS } from '../../core/meetings/settings';
import type { SettingValues } from '../../core/settings';
import { readSheet } from '../sheetTable';

export function readMeetingPlans(schedule: SettingValues<typeof SCHEDULE_SETTINGS>): MeetingPlans {
  const rules: PlanRules = {
    holidays: schedule.holidays,
    programmeEnd: schedule.programmeEnd,
    firstMeetingAfterDays: schedule.firstMeetingAfterDays,
    startStepDays: schedule.startStepDays,
    intervalDays: schedule.intervalDays,
  };
  const byPlan = new Map<string, PlannedDate[]>();
  // readSheet: making documents never creates «Встречи».
  for (const row of readSheet(SpreadsheetApp.getActive(), MEETINGS)) {
    const meeting = parseMeetingRow(row, rules);
    if (!meeting?.date) continue;
    byPlan.set(meeting.planId, [
      ...(byPlan.get(meeting.planId) ?? []),
      { kind: meeting.kind, date: meeting.date },
    ]);
  }
  return { rules, byPlan };
}
