// What the Google side decided, read from the workbook's values: settings, the forms of mentoring,
// the bases (codes only in this mode), pairs, orders and meeting plans — the same sheet readers the
// script uses, fed with values from a WorkbookReader instead of SpreadsheetApp.

import type { DocumentWorld, OrderReservation } from '../core/documents/plan';
import type { MeetingPlans, PlannedDate } from '../core/documents/planActivities';
import { DOCUMENT_SETTINGS } from '../core/documents/settings';
import { ORDERS } from '../core/documents/sheets';
import { BASES, recordToParticipant } from '../core/intake/baseRow';
import { readIntakeSettings } from '../core/intake/settings';
import { PAIRS, recordToPair } from '../core/matching/pairRow';
import { MEETINGS, parseMeetingRow } from '../core/meetings/meetingRow';
import type { PlanRules } from '../core/meetings/plan';
import { SCHEDULE_SETTINGS } from '../core/meetings/settings';
import { FORMS_CATALOGUE, readCatalogue } from '../core/mentoringForms';
import type { Participant } from '../core/model';
import { readRows } from '../core/schema';
import { readSettings, SETTINGS, type SettingIssue, settingCells } from '../core/settings';
import type { CellValue } from '../core/table';
import { academicYear, parseIsoDay } from '../core/templates/russianDate';
import { readOrders } from '../gas/documents/registry';
import type { WorkbookReader } from './workbookReader';

export const WORLD_SHEETS = [
  SETTINGS.name,
  FORMS_CATALOGUE.name,
  BASES.mentor.name,
  BASES.mentee.name,
  PAIRS.name,
  ORDERS.name,
  MEETINGS.name,
] as const;

export interface WorkbookWorld {
  world: DocumentWorld;
  orders: OrderReservation[];
  /** Settings the documents cannot be made without. */
  blocking: SettingIssue[];
}

export async function readWorkbookWorld(reader: WorkbookReader, today: string): Promise<WorkbookWorld> {
  const sheets = await reader.readSheets(WORLD_SHEETS);
  const values = (name: string): CellValue[][] => sheets.get(name) ?? [];
  const cells = settingCells(readRows(SETTINGS, values(SETTINGS.name)));
  const documents = readSettings(DOCUMENT_SETTINGS, cells);
  const schedule = readSettings(SCHEDULE_SETTINGS, cells);
  const catalogue = readCatalogue(readRows(FORMS_CATALOGUE, values(FORMS_CATALOGUE.name)));
  const forms = readIntakeSettings(cells, catalogue.forms).values.mentoringForms;
  const people = new Map<string, Participant>();
  for (const role of ['mentor', 'mentee'] as const)
    for (const row of readRows(BASES[role], values(BASES[role].name))) {
      const participant = recordToParticipant(role, row.values, forms).participant;
      if (participant) people.set(participant.id, participant);
    }
  const pairs = readRows(PAIRS, values(PAIRS.name)).flatMap((r) => {
    const pair = recordToPair(r.values, forms).pair;
    return pair ? [pair] : [];
  });
  const rules: PlanRules = {
    holidays: schedule.values.holidays,
    programmeEnd: schedule.values.programmeEnd,
    firstMeetingAfterDays: schedule.values.firstMeetingAfterDays,
    startStepDays: schedule.values.startStepDays,
    intervalDays: schedule.values.intervalDays,
  };
  const byPlan = new Map<string, PlannedDate[]>();
  for (const row of readRows(MEETINGS, values(MEETINGS.name))) {
    const meeting = parseMeetingRow(row, rules);
    if (!meeting?.date) continue;
    byPlan.set(meeting.planId, [
      ...(byPlan.get(meeting.planId) ?? []),
      { kind: meeting.kind, date: meeting.date },
    ]);
  }
  const meetings: MeetingPlans = { rules, byPlan };
  return {
    world: {
      pairs,
      people,
      forms,
      settings: documents.values,
      programmeEnd: parseIsoDay(schedule.values.programmeEnd),
      year: academicYear(parseIsoDay(today)),
      meetings,
    },
    orders: readOrders(readRows(ORDERS, values(ORDERS.name))),
    blocking: documents.issues,
  };
}
