// `nastavnik screenshots [--out docs/screenshots]`: pictures for the README, made from a small school
// in a temporary workspace (a December with one day of letters): sheets of the workbook as the .xlsx
// mirror holds them (widths, wrapping, highlighted problems, the tabs in order) and a meeting page
// as a phone shows it, and the first-run wizard's dialog. Needs Chromium (CHROMIUM_PATH, or /usr/bin/chromium).
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { chromium } from 'playwright-core';
import { CURATOR, schoolBeforeDecember } from '../../bench/schools/december';
import { schoolSettingsFor } from '../../bench/schools/schoolSettings';
import { serveWorkspace } from '../local/html/serve';
import { setSettings } from './demo/curator';

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const ROWS = 16;

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10).split('-').reverse().join('.');
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('');
  return String(v);
}

/** One sheet as Sheets draws it: column widths, wrapping, problems in red, the tab bar below. */
function sheetHtml(book: ExcelJS.Workbook, name: string): string {
  const ws = book.getWorksheet(name);
  if (!ws) return '';
  const headers = (ws.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(cellText);
  const columns = headers
    .map((h, i) => ({ h, i: i + 1, col: ws.getColumn(i + 1) }))
    .filter((c) => !c.col.hidden && c.h !== '');
  const row = (r: number, tag: 'th' | 'td') =>
    `<tr><td class="n">${r}</td>${columns
      .map(({ h, i, col }) => {
        const text = cellText(ws.getCell(r, i).value);
        const alert = tag === 'td' && /^(Проблема|Ошибка)$/.test(h) && text !== '';
        const wrap = col.alignment?.wrapText ? 'normal' : 'nowrap';
        return `<${tag} style="width:${Math.round((col.width ?? 14) * 7)}px;white-space:${wrap}${alert ? ';background:#F8D7DA' : ''}">${escapeText(text)}</${tag}>`;
      })
      .join('')}</tr>`;
  const body = Array.from({ length: Math.min(ROWS, ws.rowCount - 1) }, (_, k) => row(k + 2, 'td')).join('');
  const tabs = book.worksheets
    .filter((w) => w.state !== 'hidden')
    .map((w) => `<span class="${w.name === name ? 'on' : ''}">${escapeText(w.name)}</span>`)
    .join('');
  return `<!doctype html><html lang="ru"><head><meta charset="utf-8"><style>
    body{margin:0;font:13px Arial,sans-serif}
    .grid{height:740px;overflow:hidden} table{border-collapse:collapse;table-layout:fixed}
    td,th{border:1px solid #e0e0e0;padding:3px 5px;overflow:hidden;text-overflow:ellipsis;vertical-align:top;text-align:left}
    th{background:#f8f9fa;font-weight:bold} td.n{width:28px;background:#f8f9fa;color:#666;text-align:center}
    .tabs{position:fixed;bottom:0;left:0;right:0;height:36px;background:#f1f3f4;white-space:nowrap;overflow:hidden;border-top:1px solid #ccc}
    .tabs span{display:inline-block;padding:9px 12px;color:#444} .tabs span.on{background:#fff;color:#1a73e8;font-weight:bold}
  </style></head><body><div class="grid"><table>${row(1, 'th')}${body}</table></div><div class="tabs">${tabs}</div></body></html>`;
}

export async function screenshotsCommand(args: string[]): Promise<number> {
  const i = args.indexOf('--out');
  const out = resolve(i >= 0 ? String(args[i + 1]) : join('docs', 'screenshots'));
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    process.stderr.write(`Нет Chromium по пути ${executablePath}: задайте CHROMIUM_PATH.\n`);
    return 1;
  }
  mkdirSync(out, { recursive: true });
  const { dir, ws } = await schoolBeforeDecember(3);
  // The curator has filled the school's settings but the director's name: «Проблема» shows it.
  const settings = schoolSettingsFor(CURATOR);
  delete settings['Документы: ФИО руководителя'];
  await setSettings(dir, settings);
  ws.advanceClock('1d');
  await ws.save();
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(ws.workbookPath());
  const browser = await chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 780 } });
    for (const [name, file] of [
      ['Начало', 'workbook-start.png'],
      ['Настройки', 'workbook-settings.png'],
      ['Встречи', 'workbook-meetings.png'],
    ]) {
      await page.setContent(sheetHtml(book, name));
      await page.screenshot({ path: join(out, file) });
      process.stdout.write(`${join(out, file)}\n`);
    }
    const meetings = book.getWorksheet('Встречи');
    if (!meetings) throw new Error('В таблице нет листа «Встречи».');
    const tokenColumn = (meetings.getRow(1).values as ExcelJS.CellValue[]).map(cellText).indexOf('Токен');
    const token = cellText(meetings.getCell(2, tokenColumn).value);
    const served = await serveWorkspace(dir, 0);
    try {
      const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
      await phone.goto(`${served.url}exec?a=held&t=${token}`);
      await phone.screenshot({ path: join(out, 'meeting-page-phone.png') });
      process.stdout.write(`${join(out, 'meeting-page-phone.png')}\n`);
      // The first-run wizard as its dialog shows it, the director's name still to be typed.
      const dialog = await browser.newPage({ viewport: { width: 560, height: 640 } });
      await dialog.goto(`${served.url}open?fn=openSetupWizard`);
      await dialog.locator('[data-field]').first().waitFor();
      await dialog.screenshot({ path: join(out, 'setup-wizard.png'), fullPage: true });
      process.stdout.write(`${join(out, 'setup-wizard.png')}\n`);
    } finally {
      await served.close();
    }
  } finally {
    await browser.close();
  }
  return 0;
}
