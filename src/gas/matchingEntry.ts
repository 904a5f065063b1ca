// Entry points of matching (exported from src/gas/index.ts) and its registrations.
import { MATCHING_SETTINGS } from '../core/matching/compatibility';
import { PAIRS, UNMATCHED } from '../core/matching/pairRow';
import { withScriptLock } from './lock';
import { appendJournal } from './mail/journal';
import { MENU_TITLE } from './menu';
import { runMatching } from './pairs';
import { approveAll } from './pairsApproval';
import { changePairState, type ReviewData, reviewData, reviewSidebar } from './pairsReview';
import { registerSettings } from './settingsSheet';
import { SETUP_STEPS } from './setup';
import { ensureSheet } from './sheetTable';

registerSettings(MATCHING_SETTINGS);

SETUP_STEPS.push({
  name: 'Пары',
  run: () => {
    ensureSheet(PAIRS);
    ensureSheet(UNMATCHED);
    return undefined;
  },
});

function matchOnce(): string {
  const { result, world } = runMatching(new Date());
  const s = result.summary;
  const text = `Предложено пар: ${s.matched}; без пары: ${s.unmatched}; средний балл: ${s.meanScore}.`;
  appendJournal('Подбор пар', Session.getEffectiveUser().getEmail(), text);
  return [text, ...world.settingProblems].join('\n');
}

/** Menu «Подобрать пары». */
export function proposePairs(): void {
  const text = withScriptLock(matchOnce);
  SpreadsheetApp.getActive().toast(text, MENU_TITLE);
}

/** Menu «Утвердить пары». */
export function approvePairs(): void {
  const report = withScriptLock(() => {
    const r = approveAll(new Date());
    appendJournal(
      'Пары утверждены',
      Session.getEffectiveUser().getEmail(),
      `утверждено: ${r.approved}; с проблемой: ${r.flagged}${r.hookProblems.length ? `; ${r.hookProblems.join('; ')}` : ''}`,
    );
    return r;
  });
  const lines = [`Утверждено пар: ${report.approved}.`];
  if (report.flagged > 0)
    lines.push(`Не утверждено из-за проблем: ${report.flagged} — см. столбец «Проблема».`);
  lines.push(...report.hookProblems);
  SpreadsheetApp.getActive().toast(lines.join('\n'), MENU_TITLE);
}

/** Menu «Проверить пары»: the review sidebar. */
export function openPairsReview(): void {
  SpreadsheetApp.getUi().showSidebar(reviewSidebar());
}

/** Sidebar: the current content of Пары and Без пары. */
export function pairsReviewData(): ReviewData {
  return reviewData();
}

/** Sidebar: lock, reject or return a pair to «предложена». */
export function setPairState(pairId: unknown, state: unknown): void {
  withScriptLock(() => changePairState(pairId, state));
}

/** Sidebar: «Подобрать заново». */
export function rerunMatching(): string {
  return withScriptLock(matchOnce);
}
