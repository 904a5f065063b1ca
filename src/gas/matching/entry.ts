// Entry points of matching (exported from src/gas/index.ts).
import { isDistrictPairId } from '../../core/matching/districtProposal';
import { confirmed, explain } from '../confirm';
import { approvalHooks } from '../features';
import { withScriptLock } from '../lock';
import { appendJournal } from '../mail/journal';
import { MENU_TITLE } from '../menu';
import { approveAll } from './approval';
import { loadWorld, openPairs, readPairRows, runMatching } from './pairs';
import { changePairState, type ReviewData, reviewData, reviewSidebar } from './review';

function matchOnce(): string {
  const { result, idle, world } = runMatching(new Date());
  const s = result.summary;
  const text = `Предложено пар: ${s.matched}; без пары: ${s.unmatched}; наставников со свободными местами: ${idle.length}; средний балл: ${s.meanScore}.`;
  appendJournal('Подбор пар', Session.getEffectiveUser().getEmail(), text);
  return [text, ...world.settingProblems].join('\n');
}

/** Menu «Подобрать пары». */
export function proposePairs(): void {
  const text = withScriptLock(matchOnce);
  SpreadsheetApp.getActive().toast(text, MENU_TITLE);
}

/**
 * Menu «Утвердить пары», and the same button of the review sidebar: asks first, then approves; the
 * sidebar shows the answer too.
 */
export function approvePairs(): string {
  if (!approvalConfirmed()) return 'Пары не утверждены.';
  const report = withScriptLock(() => {
    const r = approveAll(new Date(), approvalHooks());
    appendJournal(
      'Пары утверждены',
      Session.getEffectiveUser().getEmail(),
      `утверждено: ${r.approved}; с проблемой: ${r.flagged}${r.hookProblems.length ? `; ${r.hookProblems.join('; ')}` : ''}`,
    );
    return r;
  });
  const lines = [`Утверждено пар: ${report.approved}.`];
  if (report.fromBank > 0)
    lines.push(
      `Наставников из районного банка внесено в «Наставники»: ${report.fromBank}. Их пары утвердятся, когда наставник даст согласие на обработку данных (письмо отправлено).`,
    );
  if (report.flagged > 0)
    lines.push(`Не утверждено из-за проблем: ${report.flagged} — см. столбец «Проблема».`);
  lines.push(...report.hookProblems);
  SpreadsheetApp.getActive().toast(lines.join('\n'), MENU_TITLE);
  return lines.join('\n');
}

/**
 * Before «Утвердить пары»: what to do first when there is nothing to approve, else what approval will
 * do and to how many pairs, confirmed by the curator.
 */
function approvalConfirmed(): boolean {
  const { forms } = loadWorld();
  const pairs = readPairRows(openPairs(), forms).flatMap((r) => (r.pair ? [r.pair] : []));
  const waiting = pairs.filter((p) => p.state === 'proposed' || p.state === 'locked');
  if (waiting.length === 0) {
    explain(
      'Утверждать нечего',
      pairs.length === 0
        ? 'В листе «Пары» ещё нет пар. Сначала выполните «Подбор пар» → «Подобрать пары», затем проверьте их («Проверить пары»).'
        : 'Все пары в листе «Пары» уже утверждены, отклонены или завершены. Новые пары появятся после «Подобрать пары».',
    );
    return false;
  }
  const locked = waiting.filter((p) => p.state === 'locked').length;
  const fromBank = waiting.filter((p) => p.state === 'proposed' && isDistrictPairId(p.id)).length;
  return confirmed(
    'Утвердить пары?',
    `Будет утверждено пар: ${waiting.length} (закреплённых вами: ${locked}). Для них появится план встреч, ` +
      'будет зарезервирован номер приказа и начнут создаваться соглашения и планы, участникам уйдут письма «Пара утверждена».' +
      (fromBank > 0
        ? ` Из них предложений районного банка: ${fromBank} — их наставники сначала будут внесены в «Наставники» и получат просьбу о согласии, а пары утвердятся после согласия.`
        : '') +
      ' Продолжить?',
  );
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
