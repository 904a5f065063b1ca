// «Сформировать документы» and its continuation trigger. Each run: schedule the next run first (a
// hard kill still resumes), reserve order numbers under the lock, then make the pending documents one
// by one under a time budget. Each document is marked «создаётся» under its key before it is made and
// «готов» after, so a crash at any point leaves at most a copy that the next run trashes and makes
// again: every document exists exactly once, and the order numbers have no gaps.

import { numberingOf } from '../../core/documents/orderNumbers';
import {
  DOCUMENT_FOLDERS,
  DOCUMENT_TYPE_LABELS,
  type DocumentJob,
  type DocumentWorld,
  type OrderReservation,
  orderKey,
  PLANS_ORDER_TITLE,
  PROGRAMME_ORDERS,
  pairsWithoutOrder,
  pendingJobs,
  planApprovalsDue,
  programmeOrderKey,
} from '../../core/documents/plan';
import { DOCUMENT_SETTINGS, type DocumentSettings } from '../../core/documents/settings';
import { SCHEDULE_SETTINGS } from '../../core/schedule/settings';
import { readSettings } from '../../core/settings';
import type { TableRecord } from '../../core/table';
import { fillTemplate, TemplateError } from '../../core/templates/fill';
import { academicYear, type CalendarDate, parseIsoDay } from '../../core/templates/russianDate';
import { withScriptLock } from '../lock';
import { MENU_TITLE } from '../menu';
import { loadWorld, openPairs, readPairRows } from '../pairs';
import { readSettingCells } from '../settingsSheet';
import { GasDocumentPort } from './docsPort';
import { childFolder, rootFolder, shareFolder, templateFile, templateTitle } from './drive';
import { readMeetingPlans } from './meetingPlans';
import {
  DOCUMENT_STATES,
  type DocumentRow,
  markMadeOrders,
  ORDER_STATES,
  openDocuments,
  openOrders,
  readDocumentRows,
  readOrders,
  reserveOrder,
} from './registry';
import { applyTableRows } from './tableRows';

export const CONTINUE_HANDLER = 'continueDocumentGeneration';
const CONTINUE_AFTER_MS = 60_000;
const QUOTA_PAUSE_MS = 12 * 3_600_000;
const isQuotaError = (e: unknown): boolean =>
  e instanceof Error && /too many times for one day/i.test(e.message);
const PROGRESS_PROPERTY = 'nastavnik.documents.progress';

function today(): CalendarDate {
  return parseIsoDay(Utilities.formatDate(new Date(), Session.getScriptTimeZone(), 'yyyy-MM-dd'));
}

interface Context {
  world: DocumentWorld;
  settings: DocumentSettings;
  curatorEmail: string;
}

function loadContext(): Context {
  const cells = readSettingCells();
  const settings = readSettings(DOCUMENT_SETTINGS, cells).values;
  const schedule = readSettings(SCHEDULE_SETTINGS, cells).values;
  const matching = loadWorld();
  const pairs = readPairRows(openPairs(), matching.forms).flatMap((r) => (r.pair ? [r.pair] : []));
  const day = today();
  return {
    settings,
    curatorEmail: schedule.curatorEmail || Session.getEffectiveUser().getEmail(),
    world: {
      pairs,
      people: matching.people,
      forms: matching.forms,
      settings,
      programmeEnd: parseIsoDay(schedule.programmeEnd),
      year: academicYear(day),
      meetings: readMeetingPlans(schedule),
    },
  };
}

/** Reserves one order number for approved pairs that no order covers. Call under the script lock. */
export function reserveOrderForNewPairs(ctx: Context = loadContext()): OrderReservation | undefined {
  const table = openOrders();
  const rows = table.read();
  const fresh = pairsWithoutOrder(ctx.world.pairs, readOrders(rows));
  if (fresh.length === 0) return undefined;
  const ids = fresh.map((p) => p.id);
  return reserveOrder(table, rows, orderKey(ids), ids, today(), numberingOf(ctx.settings));
}

/** Reserves an order approving the plans of each pairs order whose plans are made and due. Under the lock. */
function reservePlanApprovals(ctx: Context, documents: readonly DocumentRow[]): void {
  const table = openOrders();
  const rows = table.read();
  const ready = new Set(documents.filter((d) => d.status === DOCUMENT_STATES.ready).map((d) => d.key));
  for (const due of planApprovalsDue(ctx.world, readOrders(rows), ready, today()))
    reserveOrder(
      table,
      table.read(),
      due.key,
      due.pairIds,
      today(),
      numberingOf(ctx.settings),
      PLANS_ORDER_TITLE,
    );
}

function triggers(): GoogleAppsScript.Script.Trigger[] {
  return ScriptApp.getProjectTriggers().filter((t) => t.getHandlerFunction() === CONTINUE_HANDLER);
}

/** Replaces any continuation trigger with a fresh one. Done before work, so a killed run resumes. */
export function scheduleContinuation(): void {
  for (const t of triggers()) ScriptApp.deleteTrigger(t);
  ScriptApp.newTrigger(CONTINUE_HANDLER).timeBased().after(CONTINUE_AFTER_MS).create();
}

function stopContinuation(): void {
  for (const t of triggers()) ScriptApp.deleteTrigger(t);
}

class Folders {
  private readonly cache = new Map<string, GoogleAppsScript.Drive.Folder>();
  constructor(
    private readonly year: string,
    private readonly share: (f: GoogleAppsScript.Drive.Folder) => void,
  ) {}
  of(job: DocumentJob): GoogleAppsScript.Drive.Folder {
    const name = DOCUMENT_FOLDERS[job.type];
    let folder = this.cache.get(name);
    if (!folder) {
      let yearFolder = this.cache.get('');
      if (!yearFolder) {
        yearFolder = childFolder(rootFolder(), `${this.year} учебный год`);
        this.share(yearFolder);
        this.cache.set('', yearFolder);
      }
      folder = childFolder(yearFolder, name);
      this.cache.set(name, folder);
    }
    return folder;
  }
}

function recordRow(job: DocumentJob, values: TableRecord): void {
  withScriptLock(() => {
    const table = openDocuments();
    const row = readDocumentRows(table.read()).find((r) => r.key === job.key);
    const record: TableRecord = {
      Ключ: job.key,
      Тип: DOCUMENT_TYPE_LABELS[job.type],
      Название: job.title,
      Пара: job.pairId,
      Участник: job.participantId,
      Приказ: job.orderNumber,
      ...values,
    };
    if (row) table.write([{ rowNumber: row.rowNumber, values: record }]);
    else table.write([], [record]);
    if (job.type === 'order' && values['Статус'] === DOCUMENT_STATES.ready) {
      const orders = openOrders();
      const orderRow = orders.read().find((r) => String(r.values['Ключ']) === job.key);
      if (orderRow)
        orders.write([
          {
            rowNumber: orderRow.rowNumber,
            values: { Статус: ORDER_STATES.made, Документ: String(values['Ссылка']) },
          },
        ]);
    }
  });
}

/** Trashes copies a crashed run left behind: same name in the folder, not the recorded file. */
function trashLeftovers(folder: GoogleAppsScript.Drive.Folder, names: string[], keep: Set<string>): void {
  for (const name of names) {
    const files = folder.getFilesByName(name);
    while (files.hasNext()) {
      const file = files.next();
      if (!keep.has(file.getId()) && !file.isTrashed()) file.setTrashed(true);
    }
  }
}

function makeDocument(
  job: DocumentJob,
  folder: GoogleAppsScript.Drive.Folder,
  settings: DocumentSettings,
  previous: DocumentRow | undefined,
  keep: Set<string>,
): void {
  if (previous) trashLeftovers(folder, [job.title, `${job.title}.pdf`], keep);
  recordRow(job, { Статус: DOCUMENT_STATES.creating, Проблема: '' });
  const copy = templateFile(job.templateKey).makeCopy(job.title, folder);
  try {
    const doc = DocumentApp.openById(copy.getId());
    const port = new GasDocumentPort(doc.getBody());
    fillTemplate(port, job.data, templateTitle(job.templateKey));
    doc.saveAndClose();
    applyTableRows(copy.getId(), port.rowLayouts);
  } catch (e) {
    copy.setTrashed(true);
    throw e;
  }
  const files = [copy];
  if (settings.pdfCopy)
    files.push(folder.createFile(copy.getAs('application/pdf')).setName(`${job.title}.pdf`));
  for (const viewer of job.viewers) for (const file of files) file.addViewer(viewer);
  recordRow(job, {
    Ссылка: copy.getUrl(),
    Статус: DOCUMENT_STATES.ready,
    'Кто видит': job.viewers.join(', '),
    Создан: Utilities.formatDate(new Date(), Session.getScriptTimeZone(), 'dd.MM.yyyy HH:mm'),
    'Id файла': copy.getId(),
  });
}

export interface GenerationReport {
  made: number;
  remaining: number;
  problems: string[];
  order?: string;
}

function setProgress(text: string): void {
  PropertiesService.getScriptProperties().setProperty(PROGRESS_PROPERTY, text);
}

/** One run: reserve, then make documents until the budget is spent. */
export function runDocumentGeneration(): GenerationReport {
  const started = Date.now();
  scheduleContinuation();
  const ctx = loadContext();
  const documentRows = readDocumentRows(openDocuments().read());
  const order = withScriptLock(() => {
    markMadeOrders(documentRows);
    reservePlanApprovals(ctx, documentRows);
    return reserveOrderForNewPairs(ctx);
  });
  const orders = readOrders(openOrders().read());
  const done = new Set(documentRows.filter((r) => r.status === DOCUMENT_STATES.ready).map((r) => r.key));
  const keep = new Set(documentRows.filter((r) => r.status === DOCUMENT_STATES.ready).map((r) => r.fileId));
  const byKey = new Map(documentRows.map((r) => [r.key, r]));
  const jobs = pendingJobs(ctx.world, orders, done);
  const folders = new Folders(ctx.world.year, (f) =>
    shareFolder(f, ctx.curatorEmail, ctx.settings.directorEmail),
  );
  const brokenTemplates = new Map<string, string>();
  const problems: string[] = [];
  const budget = ctx.settings.runSeconds * 1000;
  let made = 0;
  let skipped = 0;
  for (const job of jobs) {
    if (Date.now() - started > budget) break;
    const broken = brokenTemplates.get(job.templateKey);
    if (broken) {
      recordRow(job, { Статус: DOCUMENT_STATES.templateError, Проблема: broken });
      skipped++;
      continue;
    }
    try {
      makeDocument(job, folders.of(job), ctx.settings, byKey.get(job.key), keep);
      made++;
    } catch (e) {
      if (isQuotaError(e)) {
        // Google's daily document quota is spent: carry on tomorrow instead of failing every minute.
        for (const t of triggers()) ScriptApp.deleteTrigger(t);
        ScriptApp.newTrigger(CONTINUE_HANDLER).timeBased().after(QUOTA_PAUSE_MS).create();
        const text = `Документы: создано ${made}; дневной лимит Google на создание документов исчерпан, продолжу через 12 часов.`;
        setProgress(text);
        SpreadsheetApp.getActive().toast(text, MENU_TITLE);
        return { made, remaining: jobs.length - made - skipped, problems, order: order?.number };
      }
      if (!(e instanceof TemplateError)) throw e;
      brokenTemplates.set(job.templateKey, e.message);
      problems.push(e.message);
      recordRow(job, { Статус: DOCUMENT_STATES.templateError, Проблема: e.message });
      skipped++;
    }
    setProgress(`Документы: готово ${made + done.size} из ${jobs.length + done.size}`);
  }
  const remaining = jobs.length - made - skipped;
  // Template errors wait for the curator's fix and «Сформировать документы»; no point in retrying by timer.
  if (remaining === 0) stopContinuation();
  const text =
    remaining > 0
      ? `Документы: создано ${made}, осталось ${remaining} — продолжу автоматически через минуту.`
      : `Документы: создано ${made}${problems.length ? `; ошибки в шаблонах: ${problems.join(' ')}` : ''}.`;
  setProgress(text);
  SpreadsheetApp.getActive().toast(text, MENU_TITLE);
  return { made, remaining, problems, order: order?.number };
}

/** Menu «Приказы о внедрении модели и о кураторе»: one of each per school year, then the documents. */
export function createProgrammeOrders(): GenerationReport {
  const ctx = loadContext();
  withScriptLock(() => {
    const table = openOrders();
    for (const o of PROGRAMME_ORDERS) {
      const rows = table.read();
      const key = programmeOrderKey(o.prefix, ctx.world.year);
      reserveOrder(table, rows, key, [], today(), numberingOf(ctx.settings), o.title);
    }
  });
  return runDocumentGeneration();
}

/** Menu «Сформировать документы». */
export function generateDocumentsForApprovedPairs(): GenerationReport {
  return runDocumentGeneration();
}

/** Continuation trigger. */
export function continueDocumentGeneration(): GenerationReport {
  return runDocumentGeneration();
}

/** After «Утвердить пары» (already under the script lock): reserve the number and start by timer. */
export function queueDocumentsAfterApproval(): void {
  reserveOrderForNewPairs();
  scheduleContinuation();
}
