// «Утвердить пары». Features that act on approval (the order and agreements, the meeting plan)
// declare a hook in their Feature; the caller passes them in the order of the feature list. Hooks
// run under the same script lock, after Пары is written, with the ids of the pairs approved by this run.
import { approveValidPairs } from '../../core/matching/approvePairs';
import type { ApprovalHook } from '../feature';
import { takeDistrictMentors } from './districtMentors';
import { loadWorld, openPairs, readPairRows, writePairs } from './pairs';

export interface ApprovalReport {
  approved: number;
  flagged: number;
  /** Russian messages of hooks that failed; the approval itself stands. */
  hookProblems: string[];
  /** District bank mentors taken into the base by this run, each asked for consent. */
  fromBank: number;
}

/** Approves every proposed and locked pair that passes the hard rules. Call under the lock. */
export function approveAll(now: Date, hooks: readonly ApprovalHook[]): ApprovalReport {
  let world = loadWorld();
  const table = openPairs();
  const bank = takeDistrictMentors(readPairRows(table, world.forms), world, now);
  // The mentors just taken from the district bank are read back with the base.
  if (bank.taken > 0) world = loadWorld();
  const rows = bank.rows;
  const pairs = rows.flatMap((r) => (r.pair ? [r.pair] : []));
  const result = approveValidPairs(pairs, world.mentors, world.mentees, world.forms, world.settings, now);
  let k = 0;
  const next = rows.map((r) => (r.pair ? result.pairs[k++] : undefined));
  writePairs(table, rows, next, [], world);
  const hookProblems: string[] = [];
  if (result.approvedIds.length > 0) {
    SpreadsheetApp.flush();
    for (const hook of hooks) {
      try {
        hook(result.approvedIds);
      } catch (e) {
        hookProblems.push(e instanceof Error ? e.message : String(e));
      }
    }
  }
  return { approved: result.approvedIds.length, flagged: result.flagged, hookProblems, fromBank: bank.taken };
}
