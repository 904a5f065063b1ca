// «Сформировать документы» and its continuation trigger. Each run: schedule the next run first (a
// hard kill still resumes), reserve order numbers under the lock, then make the pending documents one
// by one under a time budget. Each document is marked «создаётся» under its key before it is made and
// «готов» after, so a crash at any point leaves at most a copy that the next run trashes and makes
// again: every document exists exactly once, and the order numbers have no gaps.
import {
  DOCUMENT_FOLDERS,
  DOCUMENT_TYPE_LABELS,
  type DocumentJob,
  type DocumentWorld,
  type OrderReservation,
  orderKey,
  PROGRAMME_ORDERS,
  pairsWithoutOrder,
  pendingJobs,
  programmeOrderKey,
} from '../../core/documents/plan';
import { DOCUMENT_SETTINGS, type DocumentSettings } from '../../core/documents/settings';
import type { DOCUMENTS } from '../../core/documents/sheets';
import { SCHEDULE_SETTINGS } from '../../core/meetings/settings';
import type { RowPatch } from '../../core/schema';
import { blockedMessage, readSettings, type SettingIssue } from '../../core/settings';
import { fillTemplate, TemplateError } from '../../core/templates/fill';
import { academicYear, type CalendarDate, parseIsoDay } from '../../core/templates/russianDate';
import { withScriptLock } from '../lock';
import { appendJournal } from '../mail/journal';
import { loadWorld, openPairs, readPairRows } from '../matching/pairs';
import { MENU_TITLE } from '../menu';
import { readSettingCells } from '../settingsSheet';
import { GasDocumentPort } from './docsPort';
import { childFolder, rootFolder, shareFolder, templateFile, templateTitle } from './drive';
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
  /** Settings that documents cannot be made without (the school, the director, the addresses). */
  blocking: SettingIssue[];
}

const BLOCKED_PROPERTY = 'nastavnik.documents.blocked';

function loadContext(): Context {
  const cells = readSettingCells();
  const read = readSettings(DOCUMENT_SETTINGS, cells);
  const settings = read.values;
  const scheduleRead = readSettings(SCHEDULE_SETTINGS, cells);
  const schedule = scheduleRead.values;
  // Every problem of the document settings blocks: an order must not be signed by a default.
  const blocking = [...read.issues, ...scheduleRead.issues.filter((i) => i.key === 'curatorEmail')];
  const matching = loadWorld();
  const pairs = readPairRows(openPairs(), matching.forms).flatMap((r) => (r.pair ? [r.pair] : []));
  const day = today();
  return {
    settings,
    blocking,
    curatorEmail: schedule.curatorEmail || Session.getEffectiveUser().getEmail(),
    world: {
      pairs,
      people: matching.people,
      forms: matching.forms,
      settings,
      programmeEnd: parseIsoDay(schedule.programmeEnd),
      year: academicYear(day),
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
  return reserveOrder(
    table,
    rows,
    orderKey(ids),
    ids,
    today(),
    ctx.settings.orderFormat,
    ctx.settings.orderFirstNumber,
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

function recordRow(job: DocumentJob, values: RowPatch<typeof DOCUMENTS>): void {
  withScriptLock(() => {
    const table = openDocuments();
    const row = readDocumentRows(table.read()).find((r) => r.key === job.key);
    const record: RowPatch<typeof DOCUMENTS> = {
      key: job.key,
      type: DOCUMENT_TYPE_LABELS[job.type],
      title: job.title,
      pairId: job.pairId,
      participantId: job.participantId,
      order: job.orderNumber,
      ...values,
    };
    if (row) table.write([{ rowNumber: row.rowNumber, values: record }]);
    else table.write([], [record]);
    if (job.type === 'order' && values.status === DOCUMENT_STATES.ready) {
      const orders = openOrders();
      const orderRow = orders.read().find((r) => r.values.key === job.key);
      if (orderRow)
        orders.write([
          {
            rowNumber: orderRow.rowNumber,
            values: { status: ORDER_STATES.made, document: String(values.url) },
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
  recordRow(job, { status: DOCUMENT_STATES.creating, problem: '' });
  const copy = templateFile(job.templateKey).makeCopy(job.title, folder);
  try {
    const doc = DocumentApp.openById(copy.getId());
    fillTemplate(new GasDocumentPort(doc.getBody()), job.data, templateTitle(job.templateKey));
    doc.saveAndClose();
  } catch (e) {
    copy.setTrashed(true);
    throw e;
  }
  const files = [copy];
  if (settings.pdfCopy)
    files.push(folder.createFile(copy.getAs('application/pdf')).setName(`${job.title}.pdf`));
  for (const viewer of job.viewers) for (const file of files) file.addViewer(viewer);
  recordRow(job, {
    url: copy.getUrl(),
    status: DOCUMENT_STATES.ready,
    viewers: job.viewers.join(', '),
    createdAt: Utilities.formatDate(new Date(), Session.getScriptTimeZone(), 'dd.MM.yyyy HH:mm'),
    fileId: copy.getId(),
  });
}

export interface GenerationReport {
  made: number;
  remaining: number;
  problems: string[];
  order?: string;
  /** Stopped before any work because of Настройки. */
  blocked?: boolean;
}

function setProgress(text: string): void {
  PropertiesService.getScriptProperties().setProperty(PROGRESS_PROPERTY, text);
}

/**
 * A bad or missing setting stops the generation instead of failing on every document: the timer is
 * removed, the reason is recorded once in Журнал and kept for the digest; the daily run resumes the
 * generation once the settings are fixed (resumeBlockedDocuments).
 */
function stopForSettings(issues: readonly SettingIssue[]): GenerationReport {
  stopContinuation();
  const text = blockedMessage('Создание документов', issues);
  const props = PropertiesService.getScriptProperties();
  if (props.getProperty(BLOCKED_PROPERTY) !== text) {
    props.setProperty(BLOCKED_PROPERTY, text);
    appendJournal('Документы: остановлено из-за настроек', 'скрипт', text);
  }
  setProgress(text);
  SpreadsheetApp.getActive().toast(text, MENU_TITLE);
  return { made: 0, remaining: 0, problems: [text], blocked: true };
}

/** Why documents wait, if they do; for the curator's digest. */
export function documentsBlockedReason(): string | undefined {
  return PropertiesService.getScriptProperties().getProperty(BLOCKED_PROPERTY) ?? undefined;
}

/** Daily: documents stopped by a setting start again once the settings are fixed. */
export function resumeBlockedDocuments(): void {
  if (!documentsBlockedReason()) return;
  if (loadContext().blocking.length > 0) return;
  PropertiesService.getScriptProperties().deleteProperty(BLOCKED_PROPERTY);
  scheduleContinuation();
}

/** One run: reserve, then make documents until the budget is spent. */
export function runDocumentGeneration(): GenerationReport {
  const started = Date.now();
  const ctx = loadContext();
  if (ctx.blocking.length > 0) return stopForSettings(ctx.blocking);
  PropertiesService.getScriptProperties().deleteProperty(BLOCKED_PROPERTY);
  scheduleContinuation();
  const documentRows = readDocumentRows(openDocuments().read());
  const order = withScriptLock(() => {
    markMadeOrders(documentRows);
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
      recordRow(job, { status: DOCUMENT_STATES.templateError, problem: broken });
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
      recordRow(job, { status: DOCUMENT_STATES.templateError, problem: e.message });
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
export function createProgrammeOrders(): GenerationReport | undefined {
  const ctx = loadContext();
  if (ctx.blocking.length > 0) return stopForSettings(ctx.blocking);
  if (
    !generationConfirmed(
      ctx,
      'Будут зарезервированы номера приказов о внедрении модели и о кураторе на этот учебный год (если их ещё нет). ',
    )
  )
    return undefined;
  withScriptLock(() => {
    const table = openOrders();
    for (const o of PROGRAMME_ORDERS) {
      const rows = table.read();
      const key = programmeOrderKey(o.prefix, ctx.world.year);
      reserveOrder(
        table,
        rows,
        key,
        [],
        today(),
        ctx.settings.orderFormat,
        ctx.settings.orderFirstNumber,
        o.title,
      );
    }
  });
  return runDocumentGeneration();
}

/** Documents still to make, for the question before the menu's generation. */
function pendingCount(ctx: Context): number {
  const rows = readDocumentRows(openDocuments().read());
  const done = new Set(rows.filter((r) => r.status === DOCUMENT_STATES.ready).map((r) => r.key));
  return pendingJobs(ctx.world, readOrders(openOrders().read()), done).length;
}

function generationConfirmed(ctx: Context, extra: string): boolean {
  const ui = SpreadsheetApp.getUi();
  const n = pendingCount(ctx);
  const text =
    `${extra}Будет создано документов: ${n} (по шаблонам в папке «Наставничество — документы / Шаблоны»); ` +
    'каждому участнику откроется доступ только к его документам. Продолжить?';
  return ui.alert('Сформировать документы?', text, ui.ButtonSet.YES_NO) === ui.Button.YES;
}

/** Menu «Сформировать документы». */
export function generateDocumentsForApprovedPairs(): GenerationReport | undefined {
  const ctx = loadContext();
  if (ctx.blocking.length === 0 && !generationConfirmed(ctx, '')) return undefined;
  return runDocumentGeneration();
}

/** Continuation trigger. */
export function continueDocumentGeneration(): GenerationReport {
  return runDocumentGeneration();
}

/** After «Утвердить пары» (already under the script lock): reserve the number and start by timer. */
export function queueDocumentsAfterApproval(): void {
  const ctx = loadContext();
  if (ctx.blocking.length > 0) {
    stopForSettings(ctx.blocking);
    return;
  }
  reserveOrderForNewPairs(ctx);
  scheduleContinuation();
}
