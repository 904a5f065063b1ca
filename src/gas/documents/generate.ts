// «Сформировать документы» and its continuation trigger. Each run: schedule the next run first (a
// hard kill still resumes), reserve order numbers under the lock, then make the pending documents one
// by one under a time budget. Each document is marked «создаётся» under its key before it is made and
// «готов» after (that row goes out with the next document's «создаётся», one lock and one write per
// document, and the last with the run's end), so a crash at any point leaves at most a copy that the
// next run trashes and makes again: every document exists exactly once, and the order numbers have
// no gaps. A document gets a bounded number of runs, so one that never fits in a run cannot fill the
// trash with copies.

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
import { DOCUMENT_SETTINGS, type DocumentSettings, type WithoutGoogle } from '../../core/documents/settings';
import type { DOCUMENTS } from '../../core/documents/sheets';
import { DOCUMENT_LETTER_KIND, documentLetter } from '../../core/mail/documentLetters';
import { MAIL, mailKey } from '../../core/mail/outbox';
import { SCHEDULE_SETTINGS } from '../../core/meetings/settings';
import { hasPlaceholders } from '../../core/pseudonymous/namePlaceholders';
import type { RowPatch } from '../../core/schema';
import { blockedMessage, readSettings, type SettingIssue } from '../../core/settings';
import { TemplateError } from '../../core/templates/fill';
import { academicYear, type CalendarDate, parseIsoDay } from '../../core/templates/russianDate';
import { withScriptLock } from '../lock';
import { appendJournal } from '../mail/journal';
import { enqueue, type OutgoingMail } from '../mail/outbox';
import { loadWorld, openPairs, readPairRows } from '../matching/pairs';
import { MENU_TITLE } from '../menu';
import { readSettingCells } from '../settingsSheet';
import { ensureSheet } from '../sheetTable';
import type { BodyShapes } from './docsPort';
import { childFolder, rootFolder, shareFolder, templateFile, templateTitle } from './drive';
import { fillCopy } from './fillCopy';
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

export const CONTINUE_HANDLER = 'continueDocumentGeneration';
const CONTINUE_AFTER_MS = 60_000;
const QUOTA_PAUSE_MS = 12 * 3_600_000;
const isQuotaError = (e: unknown): boolean =>
  e instanceof Error && /too many times for one day/i.test(e.message);
/** Apps Script ends the run; nothing after it may pretend the document failed on its own. */
const isExecutionLimit = (e: unknown): boolean =>
  e instanceof Error && /Exceeded maximum execution time/i.test(e.message);
/** Runs that may start one document before it is marked «ошибка» and left for the curator. */
export const MAX_DOCUMENT_TRIES = 3;
const PROGRESS_PROPERTY = 'nastavnik.documents.progress';
const PROGRESS_EVERY_MS = 20_000;

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

/**
 * «Документы» as this run knows it: read once, then each record is written under the lock without
 * reading the sheet again. Only when the sheet has grown behind our back (another run wrote) is it
 * read afresh, so two runs never write a document's row twice.
 */
class DocumentLedger {
  private readonly table = openDocuments();

  rows(): DocumentRow[] {
    return readDocumentRows(this.table.read());
  }

  /**
   * Writes the documents' rows in one go under the lock; each entry's `letters` are queued under the
   * same lock, keyed by the document, so a re-made document never sends its PDF twice.
   */
  record(entries: readonly LedgerEntry[]): void {
    if (entries.length === 0) return;
    withScriptLock(() => {
      const letters = entries.flatMap((e) => e.letters ?? []);
      if (letters.length > 0) {
        ensureSheet(MAIL, undefined, ['attachment']);
        enqueue(letters);
      }
      const table = this.table;
      if (table.sheet.getLastRow() !== table.cells('key').length + 1) table.load();
      const updates: Array<{ rowNumber: number; values: RowPatch<typeof DOCUMENTS> }> = [];
      const appends: RowPatch<typeof DOCUMENTS>[] = [];
      const appended = new Map<string, RowPatch<typeof DOCUMENTS>>();
      for (const { job, values } of entries) {
        const record: RowPatch<typeof DOCUMENTS> = {
          key: job.key,
          type: DOCUMENT_TYPE_LABELS[job.type],
          title: job.title,
          pairId: job.pairId,
          participantId: job.participantId,
          order: job.orderNumber,
          ...values,
        };
        const [row] = table.recordsWhere('key', (key) => key === job.key);
        const earlier = appended.get(job.key);
        if (row) updates.push({ rowNumber: row.rowNumber, values: record });
        else if (earlier) Object.assign(earlier, record);
        else {
          appended.set(job.key, record);
          appends.push(record);
        }
      }
      table.write(updates, appends);
      const madeOrders = entries.filter(
        (e) => e.job.type === 'order' && e.values.status === DOCUMENT_STATES.ready,
      );
      if (madeOrders.length > 0) {
        const orders = openOrders();
        const rows = orders.read();
        orders.write(
          madeOrders.flatMap(({ job, values }) => {
            const orderRow = rows.find((r) => r.values.key === job.key);
            return orderRow
              ? [
                  {
                    rowNumber: orderRow.rowNumber,
                    values: { status: ORDER_STATES.made, document: String(values.url) },
                  },
                ]
              : [];
          }),
        );
      }
    });
  }
}

/** A row of «Документы» to write, with the letters that go with it. */
interface LedgerEntry {
  job: DocumentJob;
  values: RowPatch<typeof DOCUMENTS>;
  letters?: readonly OutgoingMail[];
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

interface Refusal {
  email: string;
  reason: string;
}

/**
 * Grants the viewers in one call per file; Drive refuses the whole call when one address has no
 * Google account, and then each viewer is granted separately, so one refusal costs neither the
 * document nor the other viewers. A refused address is never asked again (`refusedBefore`, which
 * learns each new refusal): it gets the document another way (addresseesWithoutGoogle). An address
 * at a domain Drive has refused before is asked on its own, so the others still go in one call.
 */
function share(
  files: GoogleAppsScript.Drive.File[],
  addressees: readonly string[],
  refusedBefore: Map<string, string>,
): { granted: string[]; refused: Refusal[] } {
  // A register placeholder is nobody's address on Google: the register hands those documents out.
  const viewers = addressees.filter((v) => !hasPlaceholders(v));
  if (viewers.length === 0) return { granted: [], refused: [] };
  const known = (email: string) => refusedBefore.get(email.trim().toLowerCase());
  const granted: string[] = [];
  const refused: Refusal[] = viewers.flatMap((email) => {
    const reason = known(email);
    return reason === undefined ? [] : [{ email, reason }];
  });
  const asked = viewers.filter((email) => known(email) === undefined);
  const refusedDomains = new Set([...refusedBefore.keys()].map(domainOf));
  const suspects = asked.filter((email) => refusedDomains.has(domainOf(email)));
  const likely = asked.filter((email) => !suspects.includes(email));
  const grantOne = (viewer: string) => {
    try {
      for (const file of files) file.addViewer(viewer);
      granted.push(viewer);
    } catch (e) {
      if (isExecutionLimit(e)) throw e;
      const reason = e instanceof Error ? e.message : String(e);
      refused.push({ email: viewer, reason });
      refusedBefore.set(viewer.trim().toLowerCase(), reason);
    }
  };
  if (likely.length > 0) {
    try {
      for (const file of files) file.addViewers([...likely]);
      granted.push(...likely);
    } catch (e) {
      if (isExecutionLimit(e)) throw e;
      for (const viewer of likely) grantOne(viewer);
    }
  }
  for (const viewer of suspects) grantOne(viewer);
  return { granted, refused };
}

const domainOf = (email: string): string => email.trim().toLowerCase().split('@').pop() ?? '';

/** Addresses Drive refused for documents already made, as «Документы» notes them (refusalNote). */
function refusalsNoted(rows: readonly DocumentRow[]): Map<string, string> {
  const refused = new Map<string, string>();
  for (const row of rows) {
    if (!row.problem.startsWith(REFUSAL_PREFIX)) continue;
    for (const m of row.problem.matchAll(/([^\s;:()]+@[^\s;()]+) \(([^)]*)\)/g))
      refused.set(m[1].toLowerCase(), m[2]);
  }
  return refused;
}

/** Whose address each is (a parent's is their child's), so erasure and the export find the letters. */
function addressOwners(people: DocumentWorld['people']): Map<string, string> {
  const owners = new Map<string, string>();
  for (const p of people.values())
    for (const email of [p.email, p.parentEmail])
      if (email && !owners.has(email.trim().toLowerCase())) owners.set(email.trim().toLowerCase(), p.id);
  return owners;
}

/**
 * The letter that carries a document's PDF to an addressee Drive would not share it with: `fileId` is
 * the PDF kept beside the document, or the document itself, exported when the letter goes.
 */
function pdfLetter(job: DocumentJob, email: string, fileId: string, participantId: string): OutgoingMail {
  return {
    key: mailKey(email, 'document', job.key),
    to: email,
    kind: DOCUMENT_LETTER_KIND,
    ...documentLetter(email, 1),
    participantId,
    attachment: fileId,
  };
}

const REFUSAL_PREFIX = 'Google не открыл доступ: ';

/** What «Документы» says about the addressees Drive refused, per the setting. */
function refusalNote(refused: readonly Refusal[], mode: WithoutGoogle): string {
  if (refused.length === 0) return '';
  const who = refused.map((r) => `${r.email} (${r.reason})`).join('; ');
  return mode === 'pdf'
    ? `${REFUSAL_PREFIX}${who}. Документ в PDF отправлен по почте (лист «Почта»).`
    : `${REFUSAL_PREFIX}${who}. Распечатайте документ и передайте его на бумаге.`;
}

/**
 * Makes one document and answers its «готов» row, which the caller writes together with the next
 * document's «создаётся» row (one lock and one write per document). `carry` — rows still to write —
 * goes out with this document's «создаётся» row, before its copy exists.
 */
function makeDocument(
  run: RunContext,
  job: DocumentJob,
  folder: GoogleAppsScript.Drive.Folder,
  previous: DocumentRow | undefined,
  attempt: number,
  carry: readonly LedgerEntry[],
): LedgerEntry {
  const { ledger, settings, keep, owners, templates } = run;
  if (previous) trashLeftovers(folder, [job.title, `${job.title}.pdf`], keep);
  ledger.record([
    ...carry,
    { job, values: { status: DOCUMENT_STATES.creating, problem: '', attempts: attempt } },
  ]);
  const copy = templates.of(job.templateKey).makeCopy(job.title, folder);
  const copyId = copy.getId();
  const files = [copy];
  // Ids are asked once: each getId is a Drive call.
  let pdfId = '';
  let access: { granted: string[]; refused: Refusal[] };
  const letters: OutgoingMail[] = [];
  try {
    fillCopy(copyId, job.data, templateTitle(job.templateKey), templates.shapes);
    if (settings.pdfCopy) {
      // Named as a blob: no second call to rename the file.
      const pdf = folder.createFile(copy.getAs('application/pdf').setName(`${job.title}.pdf`));
      files.push(pdf);
      pdfId = pdf.getId();
    }
    access = share(files, job.viewers, run.refused);
    // Without a PDF kept in Drive the letter carries the document itself, exported to PDF when the
    // letter is sent (deliverDue): a conversion and a file fewer for every document nobody mails.
    if (access.refused.length > 0 && settings.withoutGoogle === 'pdf')
      for (const r of access.refused)
        letters.push(
          pdfLetter(job, r.email, pdfId || copyId, owners.get(r.email.trim().toLowerCase()) ?? ''),
        );
  } catch (e) {
    // No half-made copy stays behind; past the time limit nothing runs, and the next run trashes it.
    if (!isExecutionLimit(e)) for (const file of files) file.setTrashed(true);
    throw e;
  }
  return {
    job,
    values: {
      url: documentUrl(copyId),
      status: DOCUMENT_STATES.ready,
      viewers: access.granted.join(', '),
      problem: refusalNote(access.refused, settings.withoutGoogle),
      createdAt: Utilities.formatDate(new Date(), Session.getScriptTimeZone(), 'dd.MM.yyyy HH:mm'),
      fileId: copyId,
      pdfFileId: pdfId,
    },
    letters,
  };
}

/**
 * A Google Doc's address from its id, in the form Google documents (Docs API, «Document ID»): the
 * same document File.getUrl names, without a Drive request for it.
 */
const documentUrl = (id: string): string => `https://docs.google.com/document/d/${id}/edit`;

/** What every document of a run shares. */
interface RunContext {
  ledger: DocumentLedger;
  settings: DocumentSettings;
  /** Files of documents already made: never trashed as leftovers. */
  keep: Set<string>;
  /** Whose address each is (addressOwners). */
  owners: ReadonlyMap<string, string>;
  templates: TemplateFiles;
  /** Addresses Drive refused, by lower-case address, with Google's reason: never asked again. */
  refused: Map<string, string>;
}

/** The curator's template files, looked up once per run, and the bodies of their copies as read. */
class TemplateFiles {
  private readonly files = new Map<string, GoogleAppsScript.Drive.File>();
  readonly shapes: BodyShapes = new Map();
  of(key: DocumentJob['templateKey']): GoogleAppsScript.Drive.File {
    let file = this.files.get(key);
    if (!file) {
      file = templateFile(key);
      this.files.set(key, file);
    }
    return file;
  }
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

/**
 * One run: reserve, then make documents until the budget is spent. A document gets at most
 * MAX_DOCUMENT_TRIES runs (a run killed inside it counts); then it is «ошибка» with the reason until
 * the curator asks again from the menu (`fromMenu`). An error of one document marks it and the batch
 * goes on.
 */
export function runDocumentGeneration(fromMenu = false): GenerationReport {
  const started = Date.now();
  const ctx = loadContext();
  if (ctx.blocking.length > 0) return stopForSettings(ctx.blocking);
  PropertiesService.getScriptProperties().deleteProperty(BLOCKED_PROPERTY);
  scheduleContinuation();
  const ledger = new DocumentLedger();
  const documentRows = ledger.rows();
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
  const owners = addressOwners(ctx.world.people);
  const brokenTemplates = new Map<string, string>();
  const run: RunContext = {
    ledger,
    settings: ctx.settings,
    keep,
    owners,
    templates: new TemplateFiles(),
    refused: refusalsNoted(documentRows),
  };
  const problems: string[] = [];
  const budget = ctx.settings.runSeconds * 1000;
  let made = 0;
  let skipped = 0;
  // Rows not yet written: each goes out with the next write, and whatever is left, before the run ends.
  let carry: LedgerEntry[] = [];
  const record = (entry: LedgerEntry) => {
    ledger.record([...carry, entry]);
    carry = [];
  };
  let progressAt = 0;
  for (const job of jobs) {
    if (Date.now() - started > budget) break;
    const broken = brokenTemplates.get(job.templateKey);
    if (broken) {
      carry.push({ job, values: { status: DOCUMENT_STATES.templateError, problem: broken } });
      skipped++;
      continue;
    }
    const previous = byKey.get(job.key);
    const tried = fromMenu ? 0 : (previous?.attempts ?? 0);
    if (tried >= MAX_DOCUMENT_TRIES) {
      if (previous?.status !== DOCUMENT_STATES.failed) {
        trashLeftovers(folders.of(job), [job.title, `${job.title}.pdf`], keep);
        record({
          job,
          values: {
            status: DOCUMENT_STATES.failed,
            problem: `Не создан за ${MAX_DOCUMENT_TRIES} попытки: ${previous?.problem || 'запуск обрывается, не успев закончить документ (лимит 6 минут)'}. Исправьте причину и выберите «Сформировать документы».`,
          },
        });
      }
      skipped++;
      continue;
    }
    try {
      // Should it fail before writing, `carry` is still written with the failure (a row written
      // twice is the same row).
      carry = [makeDocument(run, job, folders.of(job), previous, tried + 1, carry)];
      made++;
    } catch (e) {
      if (isExecutionLimit(e)) throw e;
      if (isQuotaError(e)) {
        ledger.record(carry);
        // Google's daily document quota is spent: carry on tomorrow instead of failing every minute.
        for (const t of triggers()) ScriptApp.deleteTrigger(t);
        ScriptApp.newTrigger(CONTINUE_HANDLER).timeBased().after(QUOTA_PAUSE_MS).create();
        const text = `Документы: создано ${made}; дневной лимит Google на создание документов исчерпан, продолжу через 12 часов.`;
        setProgress(text);
        SpreadsheetApp.getActive().toast(text, MENU_TITLE);
        return { made, remaining: jobs.length - made - skipped, problems, order: order?.number };
      }
      if (e instanceof TemplateError) {
        brokenTemplates.set(job.templateKey, e.message);
        problems.push(e.message);
        record({ job, values: { status: DOCUMENT_STATES.templateError, problem: e.message } });
        skipped++;
      } else {
        // Drive or Docs refused this one document: it is marked, retried by the next runs up to the
        // limit, and the batch goes on.
        const message = e instanceof Error ? e.message : String(e);
        record({
          job,
          values: {
            status: DOCUMENT_STATES.failed,
            problem: `Ошибка Google: ${message}`,
            attempts: tried + 1,
          },
        });
        if (tried + 1 >= MAX_DOCUMENT_TRIES) {
          problems.push(`${job.title}: ${message}`);
          skipped++;
        }
      }
    }
    // Progress is a property write: kept every 20 seconds or so, not after every document.
    if (Date.now() - progressAt > PROGRESS_EVERY_MS) {
      progressAt = Date.now();
      setProgress(`Документы: готово ${made + done.size} из ${jobs.length + done.size}`);
    }
  }
  ledger.record(carry);
  const remaining = jobs.length - made - skipped;
  // Template errors and exhausted documents wait for the curator; the rest goes on by timer.
  if (remaining === 0) stopContinuation();
  const text =
    remaining > 0
      ? `Документы: создано ${made}, осталось ${remaining} — продолжу автоматически через минуту.`
      : `Документы: создано ${made}${problems.length ? `; ошибки: ${problems.join(' ')}` : ''}.`;
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
      reserveOrder(table, rows, key, [], today(), numberingOf(ctx.settings), o.title);
    }
  });
  return runDocumentGeneration(true);
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

/** Menu «Сформировать документы»: the curator asks again, so documents marked «ошибка» get new tries. */
export function generateDocumentsForApprovedPairs(): GenerationReport | undefined {
  const ctx = loadContext();
  if (ctx.blocking.length === 0 && !generationConfirmed(ctx, '')) return undefined;
  return runDocumentGeneration(true);
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
