// Work the daily trigger does after meetings are planned, added by other modules (monitoring). One
// trigger for all of it, not one per module: every execution pays the script's start-up, and their
// time counts against the daily trigger runtime quota.
export interface DailyDay {
  /** Monday to Friday and not a holiday in Настройки. */
  workday: boolean;
}

export interface DailyJob {
  /** Russian, for Журнал when the job fails. */
  name: string;
  run: (day: DailyDay) => void;
}

export const DAILY_JOBS: DailyJob[] = [];
