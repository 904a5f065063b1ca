// `nastavnik demo` (= `npm start`): builds the bundle, makes a fresh offline workspace and lives
// through the school year on generated data, stage by stage, then says where to look.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { busiestTriggerDay, googleMsOf, LocalWorkspace } from '../../local';
import { type ProgrammeStatus, programmeStatus } from '../status';
import { createPseudonymousDemo } from './pseudonymousDemo';
import { generateSchool } from './schoolData';
import { DEMO_STAGES, type DemoContext, type DemoStage } from './stages';

/** Written into the demo directory so that a rerun deletes only what the demo made. */
const MARKER = '.nastavnik-demo';

export interface DemoOptions {
  dir: string;
  seed: number;
  /** Skip `node scripts/build.mjs` (tests and benchmarks that built already). */
  build: boolean;
  /** Latency table (JSON file) of the Google-time model; default: the workspace's own. */
  latency?: string;
  /** `--mode pseudonymous`: Google holds codes only, the school's register holds the names. */
  mode?: 'pseudonymous';
}

export function parseDemoArgs(args: readonly string[], cwd: string): DemoOptions | { error: string } {
  const out: DemoOptions = { dir: resolve(cwd, 'demo-workspace'), seed: 2026, build: true };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const next = args[i + 1];
    if (arg === '--dir' && next) {
      out.dir = resolve(cwd, next);
      i++;
    } else if (arg === '--seed' && next && /^\d+$/.test(next)) {
      out.seed = Number(next);
      i++;
    } else if (arg === '--latency' && next) {
      out.latency = resolve(cwd, next);
      i++;
    } else if (arg === '--mode' && (next === 'pseudonymous' || next === 'псевдонимы')) {
      out.mode = 'pseudonymous';
      i++;
    } else if (arg === '--mode' && (next === 'ordinary' || next === 'обычный')) i++;
    else if (arg === '--no-build') out.build = false;
    else return { error: `неизвестный или неполный параметр ${arg}` };
  }
  return out;
}

/** A directory the demo may wipe: absent, empty, or made by an earlier demo run. */
export function canReplace(dir: string): boolean {
  return !existsSync(dir) || readdirSync(dir).length === 0 || existsSync(join(dir, MARKER));
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1).replace('.', ',')} с`;
/** Google time: seconds under two minutes, minutes above. */
const minutes = (ms: number) =>
  ms < 120_000 ? seconds(ms) : `${(ms / 60_000).toFixed(1).replace('.', ',')} мин`;

/** Stage title padded with dots to the timing column (`width`), as a table of contents. */
export function stageLine(index: number, total: number, title: string, ms: number, width = 52): string {
  const head = `${index}/${total} ${title} `;
  return `${head.padEnd(width, '.')}.. ${seconds(ms)}`;
}

/** The timing column sits right of the longest stage title. */
export function timingColumn(stages: readonly DemoStage[]): number {
  return Math.max(40, ...stages.map((s, i) => `${i + 1}/${stages.length} ${s.title} `.length));
}

export function summaryLines(
  status: ProgrammeStatus,
  paths: { workbook: string; documents: string; outbox: string },
  outcomes: readonly string[] = [],
  reenrolled = 0,
): string[] {
  const kinds: Array<[string, string]> = [
    ['impact_entry', 'входная диагностика'],
    ['feedback', 'обратная связь'],
    ['impact_exit', 'выходная диагностика'],
    ['satisfaction', 'удовлетворённость'],
  ];
  return [
    'Итог года:',
    `  наставников ${status.mentors}, наставляемых ${status.mentees}, пар ${status.pairs}`,
    `  документов ${status.documents}, писем ${status.emails}, ошибок в Журнале ${status.errors}, проблем в Настройках ${status.settingProblems}`,
    ...status.archive.flatMap((a) => [
      `  ${a.year}: пар завершено ${a.pairs.completed ?? 0}, досрочно ${a.pairs.ended_early ?? 0}; встреч проведено ${a.meetings.held} из ${a.meetings.planned}`,
      `    ответов на опросы: ${kinds.map(([k, label]) => `${label} ${a.surveys[k] ?? 0}`).join(', ')}`,
    ]),
    ...outcomes.map((l) => `  ${l}`),
    `  учебный год сейчас: ${status.year}${reenrolled > 0 ? `; наставников записалось снова: ${reenrolled}` : ''}`,
    'Откройте:',
    `  таблица     ${paths.workbook}`,
    `  документы   ${paths.documents}`,
    `  письма      ${paths.outbox}`,
  ];
}

/**
 * The offline Drive is a folder tree under drive/; setup makes one folder there for the programme's
 * documents. Point at it when it is the only one, else at the Drive root.
 */
export function documentsFolder(dir: string): string {
  const drive = join(dir, 'drive');
  if (!existsSync(drive)) return drive;
  const folders = readdirSync(drive, { withFileTypes: true }).filter(
    (d) => d.isDirectory() && !d.name.startsWith('.'),
  );
  return folders.length === 1 ? join(drive, folders[0].name) : drive;
}

export interface Printer {
  line: (text: string) => void;
  note: (text: string) => void;
}

function terminalPrinter(): Printer {
  const tty = process.stdout.isTTY === true;
  let noted = false;
  const clear = () => {
    if (noted) process.stdout.write('\r\x1b[2K');
    noted = false;
  };
  return {
    line: (text) => {
      clear();
      process.stdout.write(`${text}\n`);
    },
    note: (text) => {
      if (!tty) return;
      process.stdout.write(`\r\x1b[2K    ${text.slice(0, (process.stdout.columns ?? 80) - 5)}`);
      noted = true;
    },
  };
}

/** The repository this module runs from: as source under jest, or bundled into build/cli.cjs. */
function repositoryRoot(): string {
  for (let dir = __dirname; dirname(dir) !== dir; dir = dirname(dir))
    if (existsSync(join(dir, 'scripts', 'build.mjs'))) return dir;
  return process.cwd();
}

/**
 * `observe` gets the workspace once the year is over (the bench reads its runs).
 */
export async function runDemo(
  options: DemoOptions,
  stages: readonly DemoStage[] = DEMO_STAGES,
  print: Printer = terminalPrinter(),
  observe?: (ws: LocalWorkspace) => void,
): Promise<number> {
  const started = Date.now();
  const root = repositoryRoot();
  if (!canReplace(options.dir)) {
    print.line(
      `Папка ${options.dir} не пуста и создана не демо — выберите другую: nastavnik demo --dir ПАПКА`,
    );
    return 2;
  }
  if (options.build) {
    const t = Date.now();
    const built = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { encoding: 'utf8' });
    if (built.status !== 0) {
      print.line(`Сборка не удалась:\n${built.stderr || built.stdout}`);
      return 1;
    }
    print.line(`${'Сборка dist/Code.js '.padEnd(timingColumn(stages), '.')}.. ${seconds(Date.now() - t)}`);
  }

  const school = generateSchool({ seed: options.seed });
  print.line(
    `${school.shortName}, ${school.city}: учеников ${school.roster.length}; наставляемых ${school.mentees.length}, ` +
      `наставников ${school.mentors.length}; ответов на формы ${school.questionnaires.length}`,
  );
  rmSync(options.dir, { recursive: true, force: true });
  mkdirSync(options.dir, { recursive: true });
  writeFileSync(join(options.dir, MARKER), 'Папка демо nastavnik: `npm start` пересоздаёт её целиком.\n');
  const ws = await LocalWorkspace.create(options.dir, {
    clockStart: school.yearStart,
    curatorEmail: school.curator.email,
    // A school on Google Workspace for Education: 1,500 recipients and documents a day, 6 h of triggers.
    account: 'workspace',
    latency: options.latency,
  });
  const pseudonymous =
    options.mode === 'pseudonymous' ? createPseudonymousDemo(ws, school, options.dir) : undefined;
  if (pseudonymous)
    print.line(
      `Режим данных: псевдонимы — в Google только коды; реестр школы (ФИО, адреса, бумажные согласия): ${relative(process.cwd(), pseudonymous.dir) || pseudonymous.dir}`,
    );
  const ctx: DemoContext = {
    ws,
    school,
    pseudonymous,
    dir: options.dir,
    progress: print.note,
    outcomes: [],
    advanceTo: (when) => {
      const ms = when.getTime() - ws.now().getTime();
      return ms > 0 ? ws.advanceClock(ms) : [];
    },
  };

  let failed = false;
  let executions = 0;
  let scriptMs = 0;
  let googleMs = 0;
  // «Закрыть учебный год» moves the year's rows to the archive, so the year's figures are the
  // largest seen after any stage, not what the live sheets hold at the end.
  const year = { mentors: 0, mentees: 0, pairs: 0, documents: 0, emails: 0, errors: 0 };
  const tally = () => {
    const now = programmeStatus(ws);
    for (const key of Object.keys(year) as Array<keyof typeof year>)
      year[key] = Math.max(year[key], now[key]);
  };
  for (const [i, stage] of stages.entries()) {
    const t = Date.now();
    const before = ws.runs.length;
    // How many Apps Script executions the stage caused and how long they ran: the figures that
    // matter on real Google too (trigger runtime quota), and where the demo's time goes.
    const timing = () => {
      const runs = ws.runs.slice(before);
      const ms = runs.reduce((sum, r) => sum + r.elapsedMs, 0);
      const google = googleMsOf(runs);
      executions += runs.length;
      scriptMs += ms;
      googleMs += google;
      const head = stageLine(i + 1, stages.length, stage.title, Date.now() - t, timingColumn(stages));
      return runs.length > 0
        ? `${head} (запусков скрипта ${runs.length}, в них ${seconds(ms)}; у Google ${minutes(google)})`
        : head;
    };
    try {
      const lines = await stage.run(ctx);
      tally();
      print.line(timing());
      for (const l of lines) print.line(`    ${l}`);
    } catch (e) {
      failed = true;
      print.line(timing());
      print.line(`    ОШИБКА: ${e instanceof Error ? e.message : String(e)}`);
      break;
    }
  }
  await ws.save();

  const here = process.cwd();
  const show = (p: string) => (relative(here, p).startsWith('..') ? p : `./${relative(here, p)}`);
  const live = programmeStatus(ws);
  // After the close the live base holds the new year's mentors: those who enrolled again.
  const reenrolled = live.archive.length > 0 ? live.mentors : 0;
  tally();
  const status = { ...live, ...year };
  const paths = {
    workbook: show(status.workbook),
    documents: show(documentsFolder(options.dir)),
    outbox: show(status.outbox),
  };
  for (const l of summaryLines(status, paths, ctx.outcomes, reenrolled)) print.line(l);
  print.line(
    `Время: ${seconds(Date.now() - started)}; запусков скрипта ${executions}, в них ${seconds(scriptMs)}`,
  );
  const busiest = busiestTriggerDay(ws.runs);
  print.line(
    `Время Google по модели: ${minutes(googleMs)}` +
      (busiest
        ? `; больше всего триггеров ${busiest.day}: ${minutes(busiest.minutes * 60_000)} из ${minutes(ws.ctx.quotaLimit('triggerMs'))}`
        : ''),
  );
  observe?.(ws);
  return failed ? 1 : 0;
}

export async function demoCommand(args: string[]): Promise<number> {
  const options = parseDemoArgs(args, process.cwd());
  if ('error' in options) {
    process.stderr.write(
      `demo: ${options.error}\n  nastavnik demo [--dir ПАПКА] [--seed N] [--mode обычный|псевдонимы] [--no-build] [--latency ФАЙЛ]\n`,
    );
    return 2;
  }
  return runDemo(options);
}
