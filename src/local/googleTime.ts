// Figures of Google time over many executions: what the daily trigger-runtime quota sees.
import type { RunStats } from './context';

/** Minutes of trigger runtime by quota day (UTC date of each trigger execution's start). */
export function triggerMinutesByDay(runs: readonly RunStats[]): Map<string, number> {
  const days = new Map<string, number>();
  for (const run of runs) {
    if (run.origin !== 'trigger') continue;
    const day = new Date(run.startedMs).toISOString().slice(0, 10);
    days.set(day, (days.get(day) ?? 0) + run.googleMs / 60_000);
  }
  return days;
}

/** The day with the most trigger runtime, or undefined when no trigger ran. */
export function busiestTriggerDay(runs: readonly RunStats[]): { day: string; minutes: number } | undefined {
  let best: { day: string; minutes: number } | undefined;
  for (const [day, minutes] of triggerMinutesByDay(runs))
    if (!best || minutes > best.minutes) best = { day, minutes };
  return best;
}

/** Total modelled Google time of executions, ms. */
export function googleMsOf(runs: readonly RunStats[]): number {
  return runs.reduce((sum, r) => sum + r.googleMs, 0);
}
