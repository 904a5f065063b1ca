// The meeting plans individual plans are made from: the planner's rules from Настройки and, when
// «Встречи» already holds a group's plan, its dates as the curator left them.
import type { MeetingPlans, PlannedDate } from '../../core/documents/planActivities';
import { parseMeetingRow } from '../../core/schedule/meetings';
import type { PlanRules } from '../../core/schedule/plan';
import type { SCHEDULE_SETTINGS } from '../../core/schedule/settings';
import type { SettingValues } from '../../core/settings';
import { SHEETS } from '../../core/sheets';
import { SheetTable } from '../sheetTable';

export function readMeetingPlans(schedule: SettingValues<typeof SCHEDULE_SETTINGS>): MeetingPlans {
  const rules: PlanRules = {
    holidays: schedule.holidays,
    programmeEnd: schedule.programmeEnd,
    firstMeetingAfterDays: schedule.firstMeetingAfterDays,
    startStepDays: schedule.startStepDays,
    intervalDays: schedule.intervalDays,
  };
  const byPlan = new Map<string, PlannedDate[]>();
  // Read only when the sheet exists: making documents never creates «Встречи».
  const sheet = SpreadsheetApp.getActive().getSheetByName(SHEETS.meetings);
  if (!sheet) return { rules, byPlan };
  for (const row of new SheetTable(sheet, []).read()) {
    const meeting = parseMeetingRow(row, rules);
    if (!meeting?.date) continue;
    byPlan.set(meeting.planId, [
      ...(byPlan.get(meeting.planId) ?? []),
      { kind: meeting.kind, date: meeting.date },
    ]);
  }
  return { rules, byPlan };
}
