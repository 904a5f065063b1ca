// `nastavnik local init|submit|run|clock|status DIR …`: the offline workspace from the command line.
// Every command opens the workspace, does one thing, writes the .xlsx mirrors and prints the outcome.
import { existsSync, readFileSync } from 'node:fs';
import { extname } from 'node:path';
import * as z from 'zod';
import { parseCsv } from '../local/base/csv';
import { parseCaller } from '../local/caller';
import { readForm } from '../local/forms/store';
import {
  type FormAnswers,
  LocalWorkspace,
  type RunStats,
  type Submission,
  type WorkspaceOptions,
} from '../local/index';
import { resolveIntakeForm } from './intakeSubmit';
import { programmeStatus } from './status';

export const LOCAL_USAGE = `nastavnik local — рабочее пространство без Google (таблицы .xlsx, документы .docx, письма .eml)

  nastavnik local init DIR [--clock 2026-09-01T09:00:00+03:00] [--curator EMAIL] [--google-domains D,…]
                                           новое пространство и настройка программы; --google-domains —
                                           домены адресов с аккаунтом Google (по умолчанию домен
                                           куратора и gmail.com; * — все): с остальными Диск не делится
  nastavnik local submit DIR FORM FILE     ответы из JSON-массива или CSV (ключи — вопросы формы)
  nastavnik local run DIR FUNCTION [--as anonymous|EMAIL] [JSON-аргументы…]
                                           запуск функции или пункта меню от имени куратора
                                           (--as anonymous — посетитель веб-приложения без входа в Google,
                                            --as EMAIL — другой пользователь)
  nastavnik local clock DIR --advance 7d   перевести часы (7d, 12h, 30m), сработают триггеры
  nastavnik local status DIR [--json]      сводка: наставники, наставляемые, пары, документы, письма
  nastavnik local serve DIR                боковые панели в браузере

  У любой команды: --latency ФАЙЛ (таблица задержек Google, JSON; по умолчанию
  src/local/latency/default.json), --account consumer|workspace (квоты: обычный аккаунт — по
  умолчанию — или Google Workspace).
`;

/** `options`: what --latency and --account asked for, for every workspace the subcommand opens. */
type Subcommand = (dir: string, args: string[], options: WorkspaceOptions) => Promise<number>;

/** Takes --latency FILE and --account KIND out of the arguments: they apply to every subcommand. */
export function workspaceArgs(
  args: readonly string[],
): { args: string[]; options: WorkspaceOptions } | { error: string } {
  const rest: string[] = [];
  const options: WorkspaceOptions = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const next = args[i + 1];
    if (arg === '--latency') {
      if (!next) return { error: 'после --latency нужен файл таблицы задержек (JSON)' };
      options.latency = next;
      i++;
    } else if (arg === '--account') {
      if (next !== 'consumer' && next !== 'workspace')
        return { error: 'после --account нужно consumer или workspace' };
      options.account = next;
      i++;
    } else rest.push(arg);
  }
  return { args: rest, options };
}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

function print(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** Modelled Google time of a run, as the curator would wait for it on Google. */
function googleTime(stats: RunStats): string {
  return `у Google ${(stats.googleMs / 1000).toFixed(1).replace('.', ',')} с`;
}

/** Toasts, alerts and logs of a run, as the curator would have seen them. */
function describeRun(stats: RunStats): string[] {
  const lines: string[] = [];
  for (const ui of stats.ui) {
    if (ui.kind === 'toast' || ui.kind === 'alert')
      lines.push(`  ${ui.title ? `${ui.title}: ` : ''}${ui.text ?? ''}`);
    if (ui.kind === 'sidebar' || ui.kind === 'dialog')
      lines.push(`  [${ui.kind === 'sidebar' ? 'боковая панель' : 'окно'}] ${ui.title ?? ''}`);
  }
  for (const log of stats.logs) lines.push(`  журнал выполнения: ${log}`);
  if (!stats.ok) lines.push(`  ОШИБКА: ${stats.error}`);
  return lines;
}

const init: Subcommand = async (dir, args, options) => {
  const clock = option(args, '--clock');
  const ws = await LocalWorkspace.create(dir, {
    ...options,
    clockStart: clock ? new Date(clock) : undefined,
    curatorEmail: option(args, '--curator'),
    googleAccountDomains: option(args, '--google-domains')
      ?.split(',')
      .map((d) => d.trim())
      .filter(Boolean),
  });
  const { stats } = ws.execute('setupProgramme');
  await ws.save();
  print(`Рабочее пространство: ${dir}`);
  for (const line of describeRun(stats)) print(line);
  print(`Таблица: ${ws.workbookPath()}`);
  return stats.ok ? 0 : 1;
};

/** Visible text of a page the function returned (the web app's doGet returns one). */
function pageText(value: unknown): string | undefined {
  if (!value || typeof value !== 'object' || !('getContent' in value)) return undefined;
  const getContent = (value as { getContent: unknown }).getContent;
  if (typeof getContent !== 'function') return undefined;
  return String(getContent.call(value))
    .replace(/<(script|style|title)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const run: Subcommand = async (dir, args, options) => {
  const asAt = args.indexOf('--as');
  const caller = asAt >= 0 ? parseCaller(args[asAt + 1] ?? '') : undefined;
  const [functionName, ...rest] = asAt >= 0 ? [...args.slice(0, asAt), ...args.slice(asAt + 2)] : args;
  if (!functionName) {
    process.stderr.write(LOCAL_USAGE);
    return 2;
  }
  const ws = await LocalWorkspace.open(dir, options);
  const parsed = rest.map((a) => {
    try {
      return JSON.parse(a) as unknown;
    } catch {
      return a;
    }
  });
  const { value, stats } = ws.execute(functionName, () => parsed, { as: caller });
  await ws.save();
  for (const line of describeRun(stats)) print(line);
  print(`  ${googleTime(stats)} (модель), обращений к сервисам ${stats.totalCalls}`);
  const text = pageText(value);
  if (text !== undefined) print(`  [страница] ${text}`);
  else if (value !== undefined) print(JSON.stringify(value, null, 2));
  return stats.ok ? 0 : 1;
};

const clock: Subcommand = async (dir, args, options) => {
  const advance = option(args, '--advance');
  const ws = await LocalWorkspace.open(dir, options);
  if (!advance) {
    print(ws.now().toISOString());
    return 0;
  }
  const fired = ws.advanceClock(advance);
  await ws.save();
  for (const stats of fired) {
    print(`${stats.ok ? '✓' : '✗'} ${stats.functionName} (${googleTime(stats)})`);
    for (const line of describeRun(stats)) print(line);
  }
  print(`Сработало триггеров: ${fired.length}. Сейчас: ${ws.now().toISOString()}`);
  return fired.every((s) => s.ok) ? 0 : 1;
};

const status: Subcommand = async (dir, args, options) => {
  const ws = await LocalWorkspace.open(dir, options);
  const s = programmeStatus(ws);
  if (args.includes('--json')) {
    print(JSON.stringify(s));
    return 0;
  }
  print(`Учебный год: ${s.year}`);
  print(`Наставников: ${s.mentors}, наставляемых: ${s.mentees}, пар: ${s.pairs}`);
  for (const a of s.archive) {
    const answers = Object.values(a.surveys).reduce((n, v) => n + v, 0);
    print(
      `Архив ${a.year}: пар завершено ${a.pairs.completed ?? 0}, досрочно ${a.pairs.ended_early ?? 0}; встреч проведено ${a.meetings.held} из ${a.meetings.planned}; ответов на опросы ${answers}`,
    );
  }
  print(`Документов: ${s.documents}, писем: ${s.emails}, ошибок в журнале: ${s.errors}`);
  print(
    `Проблем в настройках: ${s.settingProblems}${s.settingProblems > 0 ? ' — см. столбец «Проблема» в листе «Настройки»' : ''}`,
  );
  print(`Триггеров: ${s.triggers}. Часы: ${s.now}`);
  print(`Таблица: ${s.workbook}`);
  print(`Письма: ${s.outbox}`);
  return 0;
};

const answerRecords = z.array(
  z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.array(z.string()), z.null()])),
);

/** JSON array of objects, or CSV whose header row holds the keys; checkbox answers in CSV are split on ';'. */
export function readAnswers(file: string): FormAnswers[] {
  const text = readFileSync(file, 'utf8');
  if (extname(file).toLowerCase() === '.csv') {
    const [headers, ...rows] = parseCsv(text);
    return rows
      .filter((r) => r.some((c) => c.trim() !== ''))
      .map((r) => {
        const answers: FormAnswers = {};
        headers.forEach((h, i) => {
          const cell = (r[i] ?? '').trim();
          if (cell !== '')
            answers[h.trim()] = cell.includes(';') ? cell.split(';').map((p) => p.trim()) : cell;
        });
        return answers;
      });
  }
  const parsed = answerRecords.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`Файл ${file}: нужен JSON-массив объектов «вопрос → ответ».`);
  return parsed.data.map((record) => {
    const answers: FormAnswers = {};
    for (const [k, v] of Object.entries(record)) {
      if (v === null) continue;
      answers[k] = Array.isArray(v) ? v : String(v);
    }
    return answers;
  });
}

/** A form by id or by its exact title. */
export function resolveFormId(ws: LocalWorkspace, key: string): string {
  if (readForm(ws.ctx, key)) return key;
  const byTitle = ws.formIds().filter((id) => readForm(ws.ctx, id)?.title === key);
  if (byTitle.length === 1) return byTitle[0];
  throw new Error(
    `Нет формы «${key}». Формы: ${
      ws
        .formIds()
        .map((id) => `${id} «${readForm(ws.ctx, id)?.title}»`)
        .join(', ') || 'нет'
    }.`,
  );
}

/** What a submission led to: the handler's own verdict if it returned one, else failure or the Журнал lines it added. */
export function outcomeOf(
  submission: Submission,
  journalAdded: string[],
): { accepted: boolean; text: string } {
  for (const stats of submission.runs)
    if (!stats.ok) return { accepted: false, text: `ошибка: ${stats.error}` };
  for (const result of submission.results) {
    const verdict = z
      .object({
        accepted: z.boolean().optional(),
        status: z.string().optional(),
        reason: z.string().optional(),
        message: z.string().optional(),
      })
      .safeParse(result);
    if (verdict.success && (verdict.data.accepted !== undefined || verdict.data.status)) {
      const accepted = verdict.data.accepted ?? !/^(rejected|отклон)/i.test(verdict.data.status ?? '');
      return { accepted, text: verdict.data.reason ?? verdict.data.message ?? verdict.data.status ?? '' };
    }
    if (typeof result === 'string' && result)
      return { accepted: !/^(Отклонено|Ошибка)/.test(result), text: result };
  }
  const rejection = journalAdded.find((l) => /^(Отклонено|Ошибка)/.test(l));
  if (rejection) return { accepted: false, text: rejection };
  return { accepted: true, text: journalAdded.join('; ') };
}

const submit: Subcommand = async (dir, args, options) => {
  const [formKey, file] = args;
  if (!formKey || !file || !existsSync(file)) {
    process.stderr.write(LOCAL_USAGE);
    return 2;
  }
  const ws = await LocalWorkspace.open(dir, options);
  // Questionnaire keys (mentee, mentor, consent, …) take answers keyed by the forms/*.ts item keys.
  const keyed = resolveIntakeForm(ws, formKey);
  const formId = keyed?.formId ?? resolveFormId(ws, formKey);
  const responses = readAnswers(file);
  let accepted = 0;
  for (const [i, answers] of responses.entries()) {
    const before = ws.sheetRows('Журнал').length;
    let outcome: { accepted: boolean; text: string };
    try {
      const submission = ws.submit(formId, keyed ? keyed.translate(answers) : answers);
      const added = ws
        .sheetRows('Журнал')
        .slice(before)
        .map((r) =>
          r
            .slice(1, 4)
            .filter((c) => c !== '')
            .join(' — '),
        );
      outcome = outcomeOf(submission, added);
    } catch (e) {
      outcome = { accepted: false, text: e instanceof Error ? e.message : String(e) };
    }
    if (outcome.accepted) accepted++;
    print(
      `№${i + 1}: ${outcome.accepted ? 'принят' : 'отклонён'}${outcome.text ? ` — ${outcome.text}` : ''}`,
    );
  }
  await ws.save();
  print(`Принято: ${accepted} из ${responses.length}.`);
  return accepted === responses.length ? 0 : 1;
};

const SUBCOMMANDS: Record<string, Subcommand> = { init, submit, run, clock, status };

/** Other modules (e.g. `serve`) add their subcommand here. */
export function registerLocalSubcommand(name: string, command: Subcommand): void {
  SUBCOMMANDS[name] = command;
}

export async function localCommand(args: string[]): Promise<number> {
  const parsed = workspaceArgs(args);
  if ('error' in parsed) {
    process.stderr.write(`local: ${parsed.error}\n`);
    return 2;
  }
  const [name, dir, ...rest] = parsed.args;
  const command = name ? SUBCOMMANDS[name] : undefined;
  if (!command || !dir) {
    process.stderr.write(LOCAL_USAGE);
    return name ? 2 : 0;
  }
  try {
    return await command(dir, rest, parsed.options);
  } catch (e) {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}
