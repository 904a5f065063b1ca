// What a feature of the programme brings to the shared parts of the script. Each feature declares one
// Feature value in its folder (intake/feature.ts, …); src/gas/features.ts lists them, and that list's
// order is the order of everything below: settings in «Настройки», setup steps, approval hooks,
// daily jobs, sheet edits. Nothing plugs in by being imported.
import type { Meeting, MeetingRules } from '../core/meetings/meetingRow';
import type { SettingDefs } from '../core/settings';
import type { CellValue } from '../core/table';
import type { SurveyRead } from './meetings/surveys';
import type { YearSettings } from './meetings/yearSettings';

/** One step of «Настроить программу»: idempotent, run under the script lock. */
export interface SetupStep {
  name: string;
  /** Returns a Russian line for the curator when it did something worth saying. */
  run: () => string | undefined;
}

/**
 * Runs after «Утвердить пары» has written Пары, under the same lock, with the ids of the pairs this
 * run approved. A hook that throws does not undo the approval: its message is shown to the curator.
 */
export type ApprovalHook = (pairIds: string[]) => void;

export interface DailyDay {
  /** Monday to Friday and not a holiday in Настройки. */
  workday: boolean;
  /** Настройки as name → cell, read on the first call and shared by the run's jobs. */
  settingCells: () => Map<string, CellValue>;
  /** The pair's year settings as the run read them before its plan. */
  yearSettings: () => YearSettings;
  /**
   * «Встречи» read with these rules, as the run's plan left the sheet: the plan's own reading when
   * the rules are the plan's, so the run parses the sheet once (no daily job writes it).
   */
  meetings: (rules: MeetingRules) => readonly Meeting[];
  /** «Опросы» as the run's plan read it (no daily job writes it). */
  surveys: () => readonly SurveyRead[];
}

/** Work of the daily trigger, after the meetings and letters of the day. */
export interface DailyJob {
  /** Russian, for Журнал when the job fails. */
  name: string;
  run: (day: DailyDay) => void;
}

/**
 * What an edit of one of the feature's sheets does. One installable on-edit trigger serves the whole
 * workbook (src/gas/workbookEdit.ts) and passes each edit to the handlers of the edited sheet.
 */
export interface SheetEdit {
  sheet: string;
  run: (e: GoogleAppsScript.Events.SheetsOnEdit) => void;
}

export type WebParameters = Readonly<Record<string, string>>;
/** A page of the web app behind «?a=<route name>&…»; `body` is HTML the route has already escaped. */
export type WebRoute = (params: WebParameters) => { title: string; body: string };

export interface Feature {
  /** Russian, as the curator knows this part of the programme. */
  name: string;
  /** Setting sections, in the order they appear in «Настройки». */
  settings: readonly SettingDefs[];
  setup: readonly SetupStep[];
  afterApproval: readonly ApprovalHook[];
  daily: readonly DailyJob[];
  edits: readonly SheetEdit[];
  /** Route name (the «a» parameter of a link) → page. */
  webRoutes: Readonly<Record<string, WebRoute>>;
}
