// Stage «Оформление документов»: after «Утвердить пары» the order number is reserved and documents
// are made in runs under a time budget, continued by a trigger; here the curator also presses
// «Сформировать документы» once. The summary says what was made and where it lies in Drive.
import { toastLines } from './curator';
import type { DemoStage } from './stages';

/** Sheets turns «01.10.2026» into a date cell at midnight of its zone; show the calendar day again. */
function dayText(cell: unknown): string {
  if (Object.prototype.toString.call(cell) !== '[object Date]') return String(cell);
  const d = new Date((cell as Date).getTime() + 43_200_000);
  return `${String(d.getUTCDate()).padStart(2, '0')}.${String(d.getUTCMonth() + 1).padStart(2, '0')}.${d.getUTCFullYear()}`;
}

export const documentsStage: DemoStage = {
  title: 'Оформление документов: приказ, соглашения, планы, согласия',
  async run({ ws, dir, pseudonymous }) {
    ws.run('generateDocumentsForApprovedPairs');
    const rows = ws.sheetRows('Документы');
    const byType = new Map<string, number>();
    for (const r of rows.filter((row) => row.includes('готов')))
      byType.set(String(r[1]), (byType.get(String(r[1])) ?? 0) + 1);
    const orders = ws.sheetRows('Приказы').map((r) => `  приказ № ${r[2]} от ${dayText(r[3])}: ${r[6]}`);
    const toast = toastLines(ws.lastRun?.ui).map((l) => `  ${l}`);
    return [
      'Лист «Приказы»:',
      ...orders,
      'Создано документов (лист «Документы»):',
      ...[...byType].map(([type, n]) => `  ${type}: ${n}`),
      ...toast,
      `Файлы .docx: ${dir}/drive/Наставничество — документы/ (по учебному году и типу; шаблоны — в «Шаблоны»)`,
      ...(pseudonymous
        ? [
            '  в режиме псевдонимов документы Google — с кодами вместо имён; с именами их печатает реестр:',
            ...(await pseudonymous.daily()).map((l) => `  ${l}`),
            `  ${pseudonymous.dir}/документы/`,
          ]
        : []),
    ];
  },
};
