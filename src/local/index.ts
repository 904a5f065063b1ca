// The offline workspace: runs the built Apps Script bundle (dist/Code.js, unmodified) in a Node vm
// context whose globals are file-backed fakes of Google's services. Each run() is one Apps Script
// execution: fresh globals over the same compiled script, state persisted at the end.

import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';
import {
  type Caller,
  type ExecutionOrigin,
  type FaultOptions,
  type RunStats,
  ServiceContext,
  type WorkspaceMeta,
  type WorkspaceOptions,
} from './context';
import { parseDuration } from './duration';
import { ExecutionContexts } from './executionContexts';
import { EXECUTION_LIMIT_MESSAGE } from './failures';
import { type FormAnswers, resolveAnswers } from './forms/answers';
import { FakeForm } from './forms/form';
import { FakeFormResponse } from './forms/formResponse';
import { type FormModel, parsePrefilledUrl, responseRow } from './forms/model';
import { readForm, recordResponse } from './forms/store';
import { jsonFileIds, readJson, writeJson } from './jsonFiles';
import { CALL_ENTRY, messageOf } from './realm';
import { SERVICES } from './registry';
import { changeTriggers, nextFiring, readTriggers, type TriggerRecord } from './script/triggerStore';
import { cellAt, interpretInput, lastRow, parseA1, zoneOffsetMinutes } from './spreadsheet/model';
import { spreadsheetOf } from './spreadsheet/spreadsheetApp';
import { SpreadsheetStore } from './spreadsheet/store';
import { scriptAlertReplies, scriptPromptReplies } from './spreadsheet/ui';
import { editedByHand, readXlsx, writeXlsx } from './spreadsheet/xlsx';

export type {
  AccountKind,
  Caller,
  ExecutionOrigin,
  FaultOptions,
  RunStats,
  UiEvent,
  WorkspaceMeta,
  WorkspaceOptions,
} from './context';
export { ServiceContext } from './context';
export { parseDuration } from './duration';
export {
  EXECUTION_LIMIT_MESSAGE,
  EXECUTION_LIMIT_MS,
  QUOTA_MESSAGES,
  SIMPLE_TRIGGER_LIMIT_MS,
  serviceFailure,
} from './failures';
export type { FormAnswers } from './forms/answers';
export { busiestTriggerDay, googleMsOf, triggerMinutesByDay } from './googleTime';
export { isDate } from './jsonDates';
export { readJson, writeJson } from './jsonFiles';
export { type LatencyOption, LatencyTable, type LatencyTableInput } from './latency/table';
export type { Implements, ServiceDefinition } from './services';

export const BOUND_WORKBOOK_NAME = 'Наставничество';
export const SCRIPT_TIME_ZONE = 'Europe/Moscow';
const DEFAULT_CURATOR = 'curator@school.local';

export interface Submission {
  responseId: string;
  /** One per form-submit trigger fired, in order. */
  runs: RunStats[];
  /** What each trigger handler returned. */
  results: unknown[];
}

export interface WorkspaceStatus {
  /** Letters in the outbox (.eml files). */
  emails: number;
  now: string;
  triggers: number;
  workbook: string;
  outbox: string;
}

export interface Execution {
  value: unknown;
  stats: RunStats;
}

export class LocalWorkspace {
  private static compiled = new Map<string, Script>();
  readonly ctx: ServiceContext;
  lastRun: RunStats | undefined;
  /** Every execution of this object, oldest first (runs fired by the clock and by submissions too). */
  readonly runs: RunStats[] = [];
  private readonly contexts: ExecutionContexts;
  private readonly source: string;
  private readonly declared = new Map<string, boolean>();
  /** Inside advanceClock: runs fired one after another leave their outputs to be settled at the end. */
  private firing = 0;

  private constructor(
    readonly dir: string,
    meta: WorkspaceMeta,
    readonly options: WorkspaceOptions,
  ) {
    this.ctx = new ServiceContext(dir, meta, { ...options });
    this.source = options.code ?? readFileSync(options.codePath ?? defaultCodePath(), 'utf8');
    this.contexts = new ExecutionContexts(LocalWorkspace.compile(options, this.source), () =>
      this.ctx.nowMs(),
    );
  }

  /** A new workspace with an empty bound workbook. Throws if DIR already holds one. */
  static async create(dir: string, options: WorkspaceOptions = {}): Promise<LocalWorkspace> {
    if (existsSync(join(dir, 'workspace.json')))
      throw new Error(`В папке ${dir} уже есть рабочее пространство.`);
    mkdirSync(dir, { recursive: true });
    // Wherever it is made (even inside a checkout), git and the linter leave the workspace alone.
    writeFileSync(join(dir, '.gitignore'), '*\n');
    const probe = new ServiceContext(
      dir,
      { version: 1, scriptId: '', boundSpreadsheetId: '', curatorEmail: '', timeZone: SCRIPT_TIME_ZONE },
      options,
    );
    const meta: WorkspaceMeta = {
      version: 1,
      scriptId: probe.newId(57),
      boundSpreadsheetId: probe.newId(),
      curatorEmail: options.curatorEmail ?? DEFAULT_CURATOR,
      timeZone: SCRIPT_TIME_ZONE,
      ...(options.googleAccountDomains ? { googleAccountDomains: options.googleAccountDomains } : {}),
    };
    writeJson(join(dir, 'workspace.json'), meta);
    const start = options.clockStart ?? new Date();
    writeJson(join(dir, 'clock.json'), { now: start.toISOString() });
    for (const sub of ['outbox', 'spreadsheets', 'forms', 'state'])
      mkdirSync(join(dir, sub), { recursive: true });
    const ws = new LocalWorkspace(dir, meta, options);
    SpreadsheetStore.of(ws.ctx).create(BOUND_WORKBOOK_NAME, meta.timeZone, meta.boundSpreadsheetId);
    await ws.save();
    return ws;
  }

  /** An existing workspace; a workbook .xlsx edited by hand since we wrote it is imported first. */
  static async open(dir: string, options: WorkspaceOptions = {}): Promise<LocalWorkspace> {
    const meta = readJson<WorkspaceMeta | null>(join(dir, 'workspace.json'), null);
    if (!meta)
      throw new Error(
        `В папке ${dir} нет рабочего пространства: создайте его командой «nastavnik local init ${dir}».`,
      );
    const ws = new LocalWorkspace(dir, meta, { curatorEmail: meta.curatorEmail, ...options });
    await ws.importEditedWorkbooks();
    return ws;
  }

  /** The curator's answers to the next alerts, in order («YES», «NO», «OK», «CANCEL»). */
  replyToAlerts(...replies: string[]): void {
    scriptAlertReplies(this.ctx.meta, replies);
  }

  /** What the curator types into the next prompts, in order; null presses «Отмена». */
  replyToPrompts(...replies: Array<string | null>): void {
    scriptPromptReplies(this.ctx.meta, replies);
  }

  /** What `nastavnik local init` does after create: the real setup entry point. */
  init(): unknown {
    return this.run('setupProgramme');
  }

  private static compile(options: WorkspaceOptions, source: string): Script {
    const path = options.codePath ?? defaultCodePath();
    const inline = options.code !== undefined;
    const key = inline ? `code:${source}` : `path:${path}:${source.length}:${source.slice(-200)}`;
    let script = LocalWorkspace.compiled.get(key);
    if (!script) {
      script = new Script(source, { filename: inline ? 'script.js' : 'Code.js' });
      LocalWorkspace.compiled.set(key, script);
    }
    return script;
  }

  get boundSpreadsheetId(): string {
    return this.ctx.meta.boundSpreadsheetId;
  }

  now(): Date {
    this.ctx.reloadClock();
    return this.ctx.now();
  }

  setFaults(faults: FaultOptions | undefined): void {
    this.ctx.setFaults(faults);
  }

  /** One execution of a top-level function; throws an Error with the script's message if it fails. */
  run(functionName: string, ...args: unknown[]): unknown {
    const { value, stats } = this.execute(functionName, () => args);
    if (!stats.ok) throw new Error(stats.error);
    return value;
  }

  /** One execution started by someone other than the curator: a web visitor (`'anonymous'`) or a given address. */
  runAs(caller: Caller, functionName: string, ...args: unknown[]): unknown {
    const { value, stats } = this.execute(functionName, () => args, { as: caller });
    if (!stats.ok) throw new Error(stats.error);
    return value;
  }

  /**
   * One execution that never throws: the outcome is in `stats` (used for trigger firings). With
   * `trace: false` it leaves no trace: not in `runs`, the clock not moved (what `inspect` does).
   * `origin`: who started it — a person or tool ('manual', default), an installable trigger
   * (counts against the day's trigger runtime), a simple trigger (30 s limit).
   */
  execute(
    functionName: string,
    args: () => unknown[] = () => [],
    options: { trace?: boolean; origin?: ExecutionOrigin; as?: Caller } = {},
  ): Execution {
    const traced = options.trace ?? true;
    let lease = this.contexts.take();
    this.ctx.beginExecution(functionName, lease.realm, options.origin);
    this.ctx.caller = options.as ?? 'curator';
    let value: unknown;
    let error: string | undefined;
    let stack: string | undefined;
    try {
      this.ctx.refuseStartOverQuota();
      // No timeout while the bundle defines its functions: each timeout costs a watchdog thread.
      lease = this.contexts.evaluate(lease, () => {
        this.ctx.realm = lease.realm;
        const globals: Record<string, unknown> = {};
        for (const service of SERVICES) Object.assign(globals, service.globals(this.ctx));
        return globals;
      });
      const context = lease.context;
      if (typeof (context as Record<string, unknown>)[functionName] !== 'function')
        throw new Error(`Script function not found: ${functionName}`);
      (context as Record<string, unknown>).__localFunction = functionName;
      (context as Record<string, unknown>).__localArgs = args();
      value = CALL_ENTRY.runInContext(context, {
        timeout: Math.max(1, Math.ceil(this.ctx.executionLimit)),
      });
    } catch (e) {
      error = messageOf(e);
      stack =
        e && typeof e === 'object' && 'stack' in e ? String((e as { stack: unknown }).stack) : undefined;
    }
    const stats = this.ctx.endExecution({ ok: error === undefined, error }, traced);
    this.contexts.release(lease, error !== EXECUTION_LIMIT_MESSAGE);
    if (stack) stats.stack = stack;
    if (!traced) return { value: error === undefined ? value : undefined, stats };
    this.lastRun = stats;
    this.runs.push(stats);
    if (this.firing === 0) this.ctx.settleOutputs();
    return { value: error === undefined ? value : undefined, stats };
  }

  /**
   * What a function of the script answers, asked by a tool rather than a person: it runs like
   * `run` but leaves no trace (not in `runs`, the clock not moved). For reading, not for changes.
   */
  inspect(functionName: string, ...args: unknown[]): unknown {
    const { value, stats } = this.execute(functionName, () => args, { trace: false });
    if (!stats.ok) throw new Error(stats.error);
    return value;
  }

  // ---- triggers and the clock ---------------------------------------------------------------------
  triggers(): TriggerRecord[] {
    return readTriggers(this.ctx);
  }

  /**
   * Moves the clock forward, firing every time-driven trigger that falls due, in time order, each as
   * its own execution (a handler may add or delete triggers; the list is re-read after each run).
   */
  advanceClock(duration: number | string): RunStats[] {
    this.ctx.reloadClock();
    const target = this.ctx.nowMs() + parseDuration(duration);
    const fired: RunStats[] = [];
    this.firing++;
    try {
      this.fireUntil(target, fired);
    } finally {
      this.firing--;
    }
    this.ctx.setClock(target);
    if (this.firing === 0) this.ctx.settleOutputs();
    return fired;
  }

  private fireUntil(target: number, fired: RunStats[]): void {
    for (;;) {
      const due = this.triggers()
        .filter((t) => t.event === 'CLOCK' && t.nextMs !== undefined && t.nextMs <= target)
        .sort((a, b) => (a.nextMs ?? 0) - (b.nextMs ?? 0))[0];
      if (!due || due.nextMs === undefined) break;
      const at = due.nextMs;
      changeTriggers(this.ctx, (list) => {
        const i = list.findIndex((t) => t.uid === due.uid);
        if (i < 0) return;
        const schedule = list[i].schedule;
        if (!schedule || schedule.kind === 'once') list.splice(i, 1);
        else
          list[i] = {
            ...list[i],
            nextMs: nextFiring(schedule, Math.max(at, this.ctx.nowMs()), this.ctx.timeZone),
          };
      });
      this.ctx.setClock(at);
      const { stats } = this.execute(due.handler, () => [this.clockEvent(due, at)], { origin: 'trigger' });
      fired.push(stats);
    }
  }

  private clockEvent(trigger: TriggerRecord, at: number): Record<string, unknown> {
    const d = this.ctx.date(at);
    return {
      authMode: 'FULL',
      triggerUid: trigger.uid,
      'day-of-month': d.getUTCDate(),
      'day-of-week': d.getUTCDay() || 7,
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
      month: d.getUTCMonth() + 1,
      second: d.getUTCSeconds(),
      timezone: 'UTC',
      year: d.getUTCFullYear(),
    };
  }

  // ---- form submissions -------------------------------------------------------------------------
  /**
   * A respondent submits the form: the answers (keyed by item id or item title) are checked as the
   * Google Forms page would (required items, choices), stored, written to the destination sheet, and
   * every installed form-submit trigger of the form or of its destination spreadsheet fires, each as
   * its own execution. Throws (in Russian) when the page would not have let the response through.
   */
  submit(formId: string, answers: FormAnswers, options: { respondentEmail?: string } = {}): Submission {
    const form = readForm(this.ctx, formId);
    if (!form) throw new Error(`Нет формы ${formId}.`);
    if (!form.acceptingResponses) throw new Error(`Форма «${form.title}» больше не принимает ответы.`);
    const resolved = resolveAnswers(form, answers);
    const response = recordResponse(this.ctx, formId, resolved, options.respondentEmail ?? '', false);
    const triggers = this.triggers().filter(
      (t) =>
        t.event === 'ON_FORM_SUBMIT' &&
        ((t.source === 'FORMS' && t.sourceId === formId) ||
          (t.source === 'SPREADSHEETS' && form.destination !== null && t.sourceId === form.destination.id)),
    );
    const runs: RunStats[] = [];
    const results: unknown[] = [];
    for (const trigger of triggers) {
      const event = () => [
        trigger.source === 'FORMS'
          ? {
              authMode: 'FULL',
              triggerUid: trigger.uid,
              response: new FakeFormResponse(this.ctx, formId, response.id),
              source: new FakeForm(this.ctx, formId),
            }
          : this.sheetSubmitEvent(formId, response.id, response.destinationRow, trigger.uid),
      ];
      const { value, stats } = this.execute(trigger.handler, event, { origin: 'trigger' });
      runs.push(stats);
      results.push(value);
    }
    return { responseId: response.id, runs, results };
  }

  /**
   * A respondent opens a prefilled link («viewform?usp=pp_url&entry.N=…») and submits: the link's
   * answers are on the page already, `answers` (by item id or title) are what the respondent adds or
   * changes.
   */
  submitPrefilled(url: string, answers: FormAnswers, options: { respondentEmail?: string } = {}): Submission {
    const link = parsePrefilledUrl(url);
    if (!link) throw new Error(`Не ссылка на форму: ${url}`);
    const form = readForm(this.ctx, link.formId);
    if (!form) throw new Error(`Нет формы ${link.formId}.`);
    const merged: FormAnswers = {};
    for (const item of form.items) {
      const given = [String(item.id), item.title].find((k) => k in answers);
      const prefilled = link.answers.get(item.id);
      if (given !== undefined) merged[item.title] = answers[given];
      else if (prefilled) merged[item.title] = prefilled.length === 1 ? prefilled[0] : prefilled;
    }
    return this.submit(link.formId, merged, options);
  }

  /** Ids of every form in the workspace. */
  formIds(): string[] {
    return jsonFileIds(join(this.dir, 'forms'));
  }

  /** Same as submit: the name the issue uses. */
  fireFormSubmit(
    formId: string,
    answers: FormAnswers,
    options: { respondentEmail?: string } = {},
  ): Submission {
    return this.submit(formId, answers, options);
  }

  private sheetSubmitEvent(
    formId: string,
    responseId: string,
    rowNumber: number | undefined,
    triggerUid: string,
  ): Record<string, unknown> {
    const form = readForm(this.ctx, formId) as FormModel;
    const response = form.responses.find((r) => r.id === responseId);
    const dest = form.destination;
    if (!response || !dest) return { authMode: 'FULL', triggerUid, values: [], namedValues: {} };
    const { headers, texts } = responseRow(form, response, this.ctx.timeZone);
    const book = spreadsheetOf(this.ctx, dest.id);
    const sheet =
      (dest.sheetId !== undefined ? book.getSheetById(dest.sheetId) : null) ??
      book.getSheetByName(dest.sheetName);
    const namedValues: Record<string, string[]> = {};
    headers.forEach((h, i) => {
      namedValues[h] = [texts[i]];
    });
    return {
      authMode: 'FULL',
      triggerUid,
      values: texts,
      namedValues,
      range: sheet && rowNumber ? sheet.getRange(rowNumber, 1, 1, headers.length) : null,
    };
  }

  // ---- the curator at the workbook ------------------------------------------------------------------
  /**
   * The curator opens the bound workbook: the simple `onOpen(e)` (if the script has one) and every
   * installable on-open trigger run, each as its own execution.
   */
  openWorkbook(): RunStats[] {
    const id = this.boundSpreadsheetId;
    const runs: RunStats[] = [];
    const event = (authMode: string, triggerUid?: string) => () => [
      {
        authMode,
        triggerUid,
        source: spreadsheetOf(this.ctx, id),
        user: { getEmail: () => this.ctx.meta.curatorEmail },
      },
    ];
    if (this.hasFunction('onOpen'))
      runs.push(this.execute('onOpen', event('LIMITED'), { origin: 'simple' }).stats);
    for (const t of this.triggers().filter((t) => t.event === 'ON_OPEN' && t.sourceId === id))
      runs.push(this.execute(t.handler, event('FULL', t.uid), { origin: 'trigger' }).stats);
    return runs;
  }

  /**
   * The curator types a value into a cell of the bound workbook (read as Sheets reads typed input),
   * then the simple `onEdit(e)` and installable on-edit triggers run with Google's event object.
   */
  edit(sheetName: string, a1Notation: string, typed: string): RunStats[] {
    const id = this.boundSpreadsheetId;
    const store = SpreadsheetStore.of(this.ctx);
    let oldValue: unknown;
    let box: { row: number; column: number } | undefined;
    this.ctx.underStoreLock(() => {
      store.reload();
      const sheet = store.model(id)?.sheets.find((s) => s.name === sheetName);
      if (!sheet) throw new Error(`Нет листа «${sheetName}».`);
      const parsed = parseA1(a1Notation, lastRow(sheet), sheet.maxRows, sheet.maxColumns);
      if (!parsed) throw new Error(`Не понимаю адрес ячейки «${a1Notation}».`);
      box = parsed;
      oldValue = cellAt(sheet, parsed.row - 1, parsed.column - 1);
      const timeZone = store.model(id)?.timeZone ?? this.ctx.timeZone;
      const cell = interpretInput(typed, sheet.formats[`${parsed.row - 1}:${parsed.column - 1}`], (at) =>
        zoneOffsetMinutes(timeZone, at),
      );
      store.apply(id, {
        op: 'setCells',
        sheetId: sheet.sheetId,
        row: parsed.row - 1,
        column: parsed.column - 1,
        values: [[cell.value]],
        formulas: [[cell.formula]],
      });
      store.persist();
    });
    const at = box as { row: number; column: number };
    const event = (authMode: string, triggerUid?: string) => () => {
      const book = spreadsheetOf(this.ctx, id);
      return [
        {
          authMode,
          triggerUid,
          source: book,
          range: book.getSheetByName(sheetName)?.getRange(at.row, at.column),
          value: typed,
          oldValue: oldValue === '' ? undefined : oldValue,
          user: { getEmail: () => this.ctx.meta.curatorEmail },
        },
      ];
    };
    const runs: RunStats[] = [];
    if (this.hasFunction('onEdit'))
      runs.push(this.execute('onEdit', event('LIMITED'), { origin: 'simple' }).stats);
    for (const t of this.triggers().filter((t) => t.event === 'ON_EDIT' && t.sourceId === id))
      runs.push(this.execute(t.handler, event('FULL', t.uid), { origin: 'trigger' }).stats);
    return runs;
  }

  /** Whether the script declares a top-level function (Apps Script sees only those). */
  hasFunction(name: string): boolean {
    // The source never changes for this object, and a regular expression over all of it costs a scan.
    let found = this.declared.get(name);
    if (found === undefined) {
      found = new RegExp(`(^|\\n)function ${name}\\s*\\(`).test(this.source);
      this.declared.set(name, found);
    }
    return found;
  }

  // ---- files -------------------------------------------------------------------------------------------
  workbookPath(id = this.boundSpreadsheetId): string {
    const path = SpreadsheetStore.of(this.ctx).xlsxPath(id);
    if (!path) throw new Error(`Нет таблицы ${id}`);
    return path;
  }

  /**
   * Writes the .xlsx mirror of every spreadsheet changed since the last save, from the newest state
   * on disk and under the store lock, so concurrent processes never leave an older mirror behind.
   */
  async save(): Promise<void> {
    const store = SpreadsheetStore.of(this.ctx);
    store.compact();
    for (const id of [...store.changed]) {
      store.changed.delete(id);
      await this.ctx.underStoreLockAsync(async () => {
        store.reload();
        const model = store.model(id);
        const path = store.xlsxPath(id);
        if (model && path) await writeXlsx(model, path);
      });
    }
  }

  /** A curator's edits to an .xlsx (newer than our last export) replace that spreadsheet's state. */
  private async importEditedWorkbooks(): Promise<void> {
    const store = SpreadsheetStore.of(this.ctx);
    for (const id of store.ids()) {
      await this.ctx.underStoreLockAsync(async () => {
        const path = store.xlsxPath(id);
        const model = store.model(id);
        if (!path || !model || !editedByHand(path)) return;
        store.replace(id, await readXlsx(model, path));
        store.changed.add(id);
      });
    }
    await this.save();
  }

  // ---- status ------------------------------------------------------------------------------------------
  /** Rows below the header of a bound-workbook sheet that hold anything. */
  sheetRows(name: string): unknown[][] {
    const model = SpreadsheetStore.of(this.ctx).model(this.boundSpreadsheetId);
    const sheet = model?.sheets.find((s) => s.name === name);
    if (!sheet) return [];
    const rows: unknown[][] = [];
    for (let r = 1; r < lastRow(sheet); r++) {
      const row = sheet.values[r] ?? [];
      if (row.some((v) => v !== '')) rows.push(row.map((_, c) => cellAt(sheet, r, c)));
    }
    return rows;
  }

  /** The workspace's own figures; what the programme keeps in its sheets, the script itself tells. */
  status(): WorkspaceStatus {
    const outbox = join(this.dir, 'outbox');
    return {
      emails: existsSync(outbox) ? readdirSync(outbox).filter((f) => f.endsWith('.eml')).length : 0,
      now: this.now().toISOString(),
      triggers: this.triggers().length,
      workbook: this.workbookPath(),
      outbox,
    };
  }
}

/** dist/Code.js of the repository this module runs from (source via jest, or bundled into build/). */
function defaultCodePath(): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'scripts', 'build.mjs')))
      return join(dir, 'dist', 'Code.js');
    if (dirname(dir) === dir) return join(__dirname, '..', '..', 'dist', 'Code.js');
  }
}
