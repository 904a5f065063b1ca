// Entry points of meetings, mail and surveys (exported from src/gas/index.ts).
import { dailyJobs } from '../features';
import { type DailyReport, runDailyTrigger } from './daily';

export { deliverMail } from '../mail/outbox';
export { createMeetingPlans } from './daily';
export { onSurveySubmit } from './surveys';

/** Daily time trigger, installed by «Настроить программу». */
export function dailyRun(): DailyReport {
  return runDailyTrigger(dailyJobs());
}
