// Stage «Формирование наставнических пар/групп»: the curator runs «Подобрать пары» (the real bundle),
// looks at who stayed without a pair and why, then «Утвердить пары».
import { UNMATCHED, UNMATCHED_SHEET } from '../../core/matching/pairRow';
import { columnIndex } from '../../core/schema';
import { toastLines } from './curator';
import type { DemoStage } from './stages';

export const matchingStage: DemoStage = {
  title: 'Формирование наставнических пар и групп',
  run({ ws }) {
    ws.run('proposePairs');
    const proposed = toastLines(ws.lastRun?.ui);
    const reasonColumn = columnIndex(UNMATCHED, 'reason');
    const roleColumn = columnIndex(UNMATCHED, 'role');
    const reasons = new Map<string, number>();
    for (const row of ws.sheetRows(UNMATCHED_SHEET)) {
      // «все подходящие наставники заняты (подходят: 3)», «занято 1 из 3 мест; …» count as one reason.
      const reason = String(row[reasonColumn] ?? '')
        .replace(/^занято \d+ из \d+ мест; /, 'свободные места: ')
        .replace(/\s*\(.*\)/, '');
      const key = `${String(row[roleColumn] ?? '')}: ${reason}`;
      reasons.set(key, (reasons.get(key) ?? 0) + 1);
    }
    ws.run('approvePairs');
    const approved = toastLines(ws.lastRun?.ui);
    return [
      '«Подобрать пары» (точный оптимум: больше всего пар, затем наибольшая сумма баллов):',
      ...proposed.map((l) => `  ${l}`),
      ...(reasons.size > 0 ? ['Без пары, по причинам (лист «Без пары»):'] : []),
      ...[...reasons].sort((a, b) => b[1] - a[1]).map(([reason, n]) => `  ${reason}: ${n}`),
      '«Утвердить пары»:',
      ...approved.map((l) => `  ${l}`),
    ];
  },
};
