// The offline workspace: runs the built Apps Script bundle (dist/Code.js, unmodified) in a Node vm
// context whose globals are file-backed fakes of Google's services. Each run() is one Apps Script
// execution: fresh globals over the same compiled script, state persisted at the end.
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type Context, createContext, Script } from 'node:vm';
import {
  type Caller,
  EXECUTION_LIMIT_MESSAGE,
  type FaultOptions,
  jsonFileIds,
  type Realm,
  type RunStats,
  readJson,
  ServiceContext,
  type WorkspaceMeta,
  type WorkspaceOptions,
  writeJson,
} from './context';
import {
  type Answer,
  FakeForm,
  FakeFormResponse,
  type FormModel,
  readForm,
  recordResponse,
  responseRow,
} from './forms';
import { SERVICES } from './registry';
import { spreadsheetOf } from './spreadsheet/fakes';
import { cellAt, interpretInput, lastRow, parseA1, zoneOffsetMinutes } from './spreadsheet/model';
import { SpreadsheetStore } from './spreadsheet/store';
import { editedByHand, readXlsx, writeXlsx } from './spreadsheet/xlsx';
import { changeTriggers, nextFiring, readTriggers, type TriggerRecord } from './triggers';

export type { Caller, FaultOptions, RunStats, UiEvent, WorkspaceMeta, WorkspaceOptions } from './context';
export {
  EXECUTION_LIMIT_MESSAGE,
  isDate,
  readJson,
  ServiceContext,
  serviceFailure,
  writeJson,
} from './context';
export type { Implements, ServiceDefinition } from './services';

export const BOUND_WORKBOOK_NAME = 'Наставничество';
export const SCRIPT_TIME_ZONE = 'Europe/Moscow';
const DEFAULT_CURATOR = 'curator@school.local';

/** Answers keyed by item id or item title; checkbox and grid items take arrays. */
export type FormAnswers = Record<string, string | string[]>;

export interface Submission {
  responseId: string;
  /** One per form-submit trigger fired, in order. */
  runs: RunStats[];
  /** What each trigger handler returned. */
  results: unknown[];
}

export interface WorkspaceStatus {
  mentors: number;
  mentees: number;
  pairs: number;
  documents: number;
  emails: number;
  errors: number;
  now: string;
  triggers: number;
  workbook: string;
  outbox: string;
}

/** '7d', '12h', '30m', '45s', '1d12h' or milliseconds. */
export function parseDuration(duration: number | string): number {
  if (typeof duration === 'number') return duration;
  const units: Record<string, number> = { w: 604_800_000, d: 86_400_000, h: 3_600_000, m: 60_000, s: 1000 };
  let total = 0;
  let matched = '';
  for (const m of duration.trim().matchAll(/(\d+(?:\.\d+)?)\s*([wdhms])/g)) {
    total += Number(m[1]) * units[m[2]];
    matched += m[0];
  }
  if (!matched || matched.replace(/\s/g, '') !== duration.replace(/\s/g, ''))
    throw new Error(`Не понимаю длительность «${duration}»: пишите, например, 7d, 12h, 30m.`);
  return total;
}

// Installed inside each fresh context: `new Date()` and `Date.now()` answer the workspace clock. The
// common shapes construct the real Date directly: dates are made by the thousand in an execution
// (every date cell read), and a generic Reflect.construct per date was the largest single cost of a
// daily run.
const CLOCK_PRELUDE = `(function (now) {
  var RealDate = globalThis.Date;
  function Date(a, b, c, d, e, f, g) {
    if (!new.target) return new RealDate(now()).toString();
    if (new.target !== Date) {
      var args = Array.prototype.slice.call(arguments);
      return Reflect.construct(RealDate, args.length ? args : [now()], new.target);
    }
    switch (arguments.length) {
      case 0: return new RealDate(now());
      case 1: return new RealDate(a);
      case 2: return new RealDate(a, b);
      case 3: return new RealDate(a, b, c);
      case 4: return new RealDate(a, b, c, d);
      case 5: return new RealDate(a, b, c, d, e);
      case 6: return new RealDate(a, b, c, d, e, f);
      default: return new RealDate(a, b, c, d, e, f, g);
    }
  }
  Date.prototype = RealDate.prototype;
  Object.defineProperty(RealDate.prototype, 'constructor', { value: Date, writable: true, configurable: true });
  Date.now = function () { return now(); };
  Date.parse = RealDate.parse;
  Date.UTC = RealDate.UTC;
  globalThis.Date = Date;
})`;

// Compiled once per process: each execution only runs them in its fresh context.
const CLOCK_INSTALLER = new Script(CLOCK_PRELUDE, { filename: 'clock.js' });
const REALM_PROBE = new Script('({ Date: Date, Error: Error, Object: Object, Array: Array })', {
  filename: 'realm.js',
});
const CALL_ENTRY = new Script(
  'globalThis[globalThis.__localFunction].apply(globalThis, globalThis.__localArgs)',
  {
    filename: 'call.js',
  },
);

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
  private readonly script: Script;
  private readonly source: string;
  /** Inside advanceClock: runs fired one after another leave their outputs to be settled at the end. */
  private firing = 0;

  private constructor(
    readonly dir: string,
    meta: WorkspaceMeta,
    readonly options: WorkspaceOptions,
  ) {
    this.ctx = new ServiceContext(dir, meta, { ...options });
    this.source = options.code ?? readFileSync(options.codePath ?? defaultCodePath(), 'utf8');
    this.script = LocalWorkspace.compile(options, this.source);
  }

  /** A new workspace with an empty bound workbook. Throws if DIR already holds one. */
  static async create(dir: string, options: WorkspaceOptions = {}): Promise<LocalWorkspace> {
    if (existsSync(join(dir, 'workspace.json')))
      throw new Error(`В папке ${dir} уже есть рабочее пространство.`);
    mkdirSync(dir, { recursive: true });
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

  /** One execution that never throws: the outcome is in `stats` (used for trigger firings). */
  execute(functionName: string, args: () => unknown[] = () => [], options: { as?: Caller } = {}): Execution {
    const context = createContext({});
    const realm = this.prepare(context);
    this.ctx.beginExecution(functionName, realm);
    this.ctx.caller = options.as ?? 'curator';
    let value: unknown;
    let error: string | undefined;
    let stack: string | undefined;
    try {
      for (const service of SERVICES) Object.assign(context, service.globals(this.ctx));
      // No timeout while the bundle defines its functions: each timeout costs a watchdog thread.
      this.script.runInContext(context);
      if (typeof (context as Record<string, unknown>)[functionName] !== 'function')
        throw new Error(`Script function not found: ${functionName}`);
      (context as Record<string, unknown>).__localFunction = functionName;
      (context as Record<string, unknown>).__localArgs = args();
      value = CALL_ENTRY.runInContext(context, {
        timeout: Math.max(1, Math.ceil(this.ctx.executionLimitMs)),
      });
    } catch (e) {
      error = messageOf(e);
      stack =
        e && typeof e === 'object' && 'stack' in e ? String((e as { stack: unknown }).stack) : undefined;
    }
    const stats = this.ctx.endExecution({ ok: error === undefined, error });
    if (stack) stats.stack = stack;
    this.lastRun = stats;
    this.runs.push(stats);
    if (this.firing === 0) this.ctx.settleOutputs();
    return { value: error === undefined ? value : undefined, stats };
  }

  /** The realm's own constructors (its real Date: the fakes make dates with a time already set), then the clock. */
  private prepare(context: Context): Realm {
    const realm = REALM_PROBE.runInContext(context) as Realm;
    const install = CLOCK_INSTALLER.runInContext(context) as (now: () => number) => void;
    install(() => this.ctx.nowMs());
    return realm;
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
      const { stats } = this.execute(due.handler, () => [this.clockEvent(due, at)]);
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
      const { value, stats } = this.execute(trigger.handler, event);
      runs.push(stats);
      results.push(value);
    }
    return { responseId: response.id, runs, results };
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
    const sheet = spreadsheetOf(this.ctx, dest.id).getSheetByName(dest.sheetName);
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
    if (this.hasFunction('onOpen')) runs.push(this.execute('onOpen', event('LIMITED')).stats);
    for (const t of this.triggers().filter((t) => t.event === 'ON_OPEN' && t.sourceId === id))
      runs.push(this.execute(t.handler, event('FULL', t.uid)).stats);
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
    if (this.hasFunction('onEdit')) runs.push(this.execute('onEdit', event('LIMITED')).stats);
    for (const t of this.triggers().filter((t) => t.event === 'ON_EDIT' && t.sourceId === id))
      runs.push(this.execute(t.handler, event('FULL', t.uid)).stats);
    return runs;
  }

  /** Whether the script declares a top-level function (Apps Script sees only those). */
  hasFunction(name: string): boolean {
    return new RegExp(`(^|\\n)function ${name}\\s*\\(`).test(this.source);
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

  // ---- status --------------------------------------------------------------------------------------------
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

  status(): WorkspaceStatus {
    const store = SpreadsheetStore.of(this.ctx);
    store.reload();
    const model = store.model(this.boundSpreadsheetId);
    const journal = model?.sheets.find((s) => s.name === 'Журнал');
    let errors = 0;
    if (journal) {
      const event = (journal.values[0] ?? []).findIndex((h) => String(h).trim() === 'Событие');
      for (let r = 1; r < lastRow(journal); r++) {
        const text = String(cellAt(journal, r, event < 0 ? 1 : event));
        if (/ошибк|отклон/i.test(text)) errors++;
      }
    }
    const outbox = join(this.dir, 'outbox');
    return {
      mentors: this.sheetRows('Наставники').length,
      mentees: this.sheetRows('Наставляемые').length,
      pairs: this.sheetRows('Пары').length,
      documents: this.sheetRows('Документы').length,
      emails: existsSync(outbox) ? readdirSync(outbox).filter((f) => f.endsWith('.eml')).length : 0,
      errors,
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

/** Item ids or titles → stored answers; refuses what the Google Forms page would refuse. */
function resolveAnswers(form: FormModel, answers: FormAnswers): Array<{ itemId: number; value: Answer }> {
  const known = new Set(form.items.flatMap((i) => [String(i.id), i.title]));
  const unknown = Object.keys(answers).filter((k) => !known.has(k));
  if (unknown.length > 0)
    throw new Error(`В форме «${form.title}» нет вопросов: ${unknown.map((k) => `«${k}»`).join(', ')}.`);
  const out: Array<{ itemId: number; value: Answer }> = [];
  for (const item of form.items) {
    if (item.type === 'SECTION_HEADER' || item.type === 'PAGE_BREAK') continue;
    const key = [String(item.id), item.title].find((k) => k in answers);
    const raw = key === undefined ? undefined : answers[key];
    const values =
      raw === undefined
        ? []
        : (Array.isArray(raw) ? raw : [raw]).map((v) => String(v).trim()).filter((v) => v !== '');
    if (values.length === 0) {
      if (item.required) throw new Error(`Не заполнен обязательный вопрос «${item.title}».`);
      continue;
    }
    if (['MULTIPLE_CHOICE', 'LIST', 'CHECKBOX'].includes(item.type) && !item.hasOther) {
      const wrong = values.find((v) => !item.choices.includes(v));
      if (wrong !== undefined) throw new Error(`В вопросе «${item.title}» нет варианта «${wrong}».`);
    }
    if (item.type === 'SCALE') {
      const n = Number(values[0]);
      if (!Number.isInteger(n) || n < item.bounds[0] || n > item.bounds[1])
        throw new Error(`В вопросе «${item.title}» нужно число от ${item.bounds[0]} до ${item.bounds[1]}.`);
    }
    const value: Answer =
      item.type === 'CHECKBOX'
        ? values
        : item.type === 'GRID' || item.type === 'CHECKBOX_GRID'
          ? item.rows.map((_, i) => values[i] ?? '')
          : values.join(', ');
    out.push({ itemId: item.id, value });
  }
  return out;
}

function messageOf(e: unknown): string {
  if (e && typeof e === 'object' && 'message' in e) {
    const message = String((e as { message: unknown }).message);
    if (
      (e as { code?: unknown }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT' ||
      /^Script execution timed out/.test(message)
    )
      return EXECUTION_LIMIT_MESSAGE;
    return message;
  }
  return String(e);
}
