// `nastavnik live-check`: push dist/ to a test Apps Script project and run the bundle's selfTest on
// real Google through the Apps Script API. Everything that decides what to send is a pure function
// (tested in test/liveCheck.test.ts); only liveCheckCommand talks to the network.
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { auth as googleAuth, script_v1 } from '@googleapis/script';
import * as z from 'zod';

/** The login that gives the token every scope live-check needs: the manifest's and clasp's own. */
export const LOGIN_COMMAND =
  'npx clasp login --creds client_secret.json --use-project-scopes --include-clasp-scopes';

/** Needed on top of the manifest's scopes: replacing the project's files (projects.updateContent). */
export const PROJECTS_SCOPE = 'https://www.googleapis.com/auth/script.projects';
export const DEPLOYMENTS_SCOPE = 'https://www.googleapis.com/auth/script.deployments';

export const LIVE_ENV = {
  scriptId: 'NASTAVNIK_LIVE_SCRIPT_ID',
  credentials: 'NASTAVNIK_LIVE_CREDENTIALS',
  claspFile: 'NASTAVNIK_LIVE_CLASPRC',
  claspUser: 'NASTAVNIK_LIVE_CLASP_USER',
  adc: 'GOOGLE_APPLICATION_CREDENTIALS',
} as const;

export const LIVE_USAGE = `nastavnik live-check [--script-id ID] [--function selfTest] [--no-push]

Загружает dist/ в ТЕСТОВЫЙ проект Apps Script (все его файлы будут заменены) и запускает в нём
функцию selfTest через Apps Script API (scripts.run, devMode). Настройка — README, раздел
«Проверка на настоящем Google».

Переменные окружения:
  ${LIVE_ENV.scriptId}     ID тестового проекта Apps Script (обязательно)
  ${LIVE_ENV.credentials}  файл OAuth-ключа пользователя (type "authorized_user")
  ${LIVE_ENV.claspFile}      иначе — файл входа clasp (по умолчанию ~/.clasprc.json)
  ${LIVE_ENV.claspUser}  имя входа clasp (clasp login --user ИМЯ), по умолчанию default
`;

export interface LiveArgs {
  help: boolean;
  scriptId?: string;
  functionName: string;
  push: boolean;
}

export function parseLiveArgs(args: readonly string[]): LiveArgs | { error: string } {
  const out: LiveArgs = { help: false, functionName: 'selfTest', push: true };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const value = () => {
      const v = args[++i];
      if (v === undefined || v.startsWith('--')) throw new Error(`после ${arg} нужно значение`);
      return v;
    };
    try {
      if (arg === '--help' || arg === '-h') out.help = true;
      else if (arg === '--script-id') out.scriptId = value();
      else if (arg === '--function') out.functionName = value();
      else if (arg === '--no-push') out.push = false;
      else return { error: `неизвестный параметр ${arg}` };
    } catch (e) {
      return { error: e instanceof Error ? e.message : String(e) };
    }
  }
  return out;
}

/** An OAuth user credential: what both `gcloud auth application-default login` and clasp store. */
export const AuthorizedUserSchema = z.object({
  type: z.literal('authorized_user').optional(),
  client_id: z.string().min(1),
  client_secret: z.string().min(1),
  refresh_token: z.string().min(1),
});
export type AuthorizedUser = z.infer<typeof AuthorizedUserSchema>;

const ClaspFileSchema = z.object({ tokens: z.record(z.string(), z.unknown()).optional() });

export interface LiveConfig {
  scriptId: string;
  credential: AuthorizedUser;
  /** Where the credential came from, shown to the user. */
  source: string;
}

export type ReadFile = (path: string) => string | undefined;

const readIfExists: ReadFile = (path) => (existsSync(path) ? readFileSync(path, 'utf8') : undefined);

const SERVICE_ACCOUNT_PROBLEM =
  'сервисный аккаунт не подходит: Apps Script API не работает с сервисными аккаунтами (так в документации ' +
  'Google, developers.google.com/apps-script/api/how-tos/execute). Нужен OAuth-ключ пользователя — ' +
  'владельца тестового проекта.';

const SETUP_STEPS = [
  `1. В отдельной пустой папке создайте тестовую таблицу со скриптом (clasp create --type sheets --title "nastavnik live-check") и задайте ${LIVE_ENV.scriptId}=<его scriptId>. Не указывайте рабочий проект школы: все его файлы будут заменены.`,
  '2. В Google Cloud: стандартный проект, включите Apps Script API, создайте OAuth-клиент типа «Desktop app» и скачайте client_secret.json.',
  '3. В редакторе Apps Script: Настройки проекта → Проект Google Cloud → «Изменить проект», номер проекта из шага 2.',
  '4. Включите Apps Script API для своего аккаунта: https://script.google.com/home/usersettings',
  `5. В папке репозитория после npm run build (clasp берёт скоупы из dist/appsscript.json) войдите с этим клиентом: ${LOGIN_COMMAND}`,
  `   Ключ сохранится в ~/.clasprc.json; другой файл — ${LIVE_ENV.claspFile}, файл ключа пользователя — ${LIVE_ENV.credentials}.`,
];

export function readLiveConfig(
  env: Readonly<Record<string, string | undefined>>,
  home: string,
  args: Pick<LiveArgs, 'scriptId'>,
  read: ReadFile = readIfExists,
): { config: LiveConfig } | { problems: string[]; steps: string[] } {
  const problems: string[] = [];
  const scriptId = (args.scriptId ?? env[LIVE_ENV.scriptId] ?? '').trim();
  if (!scriptId) problems.push(`не задан ${LIVE_ENV.scriptId} — ID тестового проекта Apps Script`);
  else if (!/^[A-Za-z0-9_-]{40,}$/.test(scriptId))
    problems.push(
      `${LIVE_ENV.scriptId}="${scriptId}" не похож на scriptId (длинная строка из букв, цифр, _ и -)`,
    );

  const found = findCredential(env, home, read);
  if ('problem' in found) problems.push(found.problem);
  if (problems.length > 0 || 'problem' in found) return { problems, steps: SETUP_STEPS };
  return { config: { scriptId, credential: found.credential, source: found.source } };
}

function findCredential(
  env: Readonly<Record<string, string | undefined>>,
  home: string,
  read: ReadFile,
): { credential: AuthorizedUser; source: string } | { problem: string } {
  for (const name of [LIVE_ENV.credentials, LIVE_ENV.adc] as const) {
    const path = env[name];
    if (!path) continue;
    const text = read(path);
    if (text === undefined) return { problem: `${name}=${path}: файла нет` };
    const parsed = parseJson(text);
    if (isServiceAccount(parsed)) return { problem: `${name}=${path}: ${SERVICE_ACCOUNT_PROBLEM}` };
    const user = AuthorizedUserSchema.safeParse(parsed);
    if (user.success) return { credential: user.data, source: `${name}=${path}` };
    return { problem: `${name}=${path}: нет client_id, client_secret и refresh_token ключа пользователя` };
  }
  const claspPath = env[LIVE_ENV.claspFile] ?? join(home, '.clasprc.json');
  const user = env[LIVE_ENV.claspUser] ?? 'default';
  const text = read(claspPath);
  if (text === undefined)
    return { problem: `нет ключа: ни ${LIVE_ENV.credentials}, ни файла входа clasp ${claspPath}` };
  const clasp = ClaspFileSchema.safeParse(parseJson(text));
  const token = clasp.success ? clasp.data.tokens?.[user] : undefined;
  const credential = AuthorizedUserSchema.safeParse(token);
  if (!credential.success)
    return { problem: `${claspPath}: нет входа clasp «${user}» с client_id, client_secret и refresh_token` };
  return { credential: credential.data, source: `${claspPath} (вход clasp «${user}»)` };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isServiceAccount(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'type' in value && value.type === 'service_account';
}

export interface DistFile {
  name: string;
  content: string;
}

const ManifestSchema = z.looseObject({ oauthScopes: z.array(z.string()).default([]) });

/**
 * The projects.updateContent request: the script file and the manifest, nothing else from dist/.
 * The manifest gains `executionApi` (access MYSELF) because scripts.run only runs projects
 * deployed as an API executable; the school's own manifest does not need it.
 */
export function buildUpdateContentRequest(
  scriptId: string,
  files: readonly DistFile[],
): script_v1.Params$Resource$Projects$Updatecontent {
  const out: script_v1.Schema$File[] = [];
  for (const f of files) {
    if (f.name === 'appsscript.json') {
      const manifest = ManifestSchema.parse(JSON.parse(f.content));
      const withApi = { ...manifest, executionApi: { access: 'MYSELF' } };
      out.push({ name: 'appsscript', type: 'JSON', source: `${JSON.stringify(withApi, null, 2)}\n` });
    } else if (f.name.endsWith('.js')) {
      out.push({ name: f.name.slice(0, -'.js'.length), type: 'SERVER_JS', source: f.content });
    }
  }
  if (!out.some((f) => f.type === 'JSON'))
    throw new Error('в dist/ нет appsscript.json — выполните npm run build');
  if (!out.some((f) => f.type === 'SERVER_JS'))
    throw new Error('в dist/ нет Code.js — выполните npm run build');
  return { scriptId, requestBody: { files: out } };
}

export function buildRunRequest(
  scriptId: string,
  functionName: string,
): script_v1.Params$Resource$Scripts$Run {
  return { scriptId, requestBody: { function: functionName, devMode: true, parameters: [] } };
}

/** The token must cover every scope of the manifest (not only those the function uses), plus ours. */
export function requiredScopes(manifestJson: string, push: boolean): string[] {
  const manifest = ManifestSchema.parse(JSON.parse(manifestJson));
  return [...new Set([...manifest.oauthScopes, ...(push ? [PROJECTS_SCOPE, DEPLOYMENTS_SCOPE] : [])])];
}

export function missingScopes(required: readonly string[], granted: readonly string[]): string[] {
  const have = new Set(granted);
  return required.filter((s) => !have.has(s));
}

const SelfTestResultSchema = z.object({ passed: z.array(z.string()), failed: z.array(z.string()) });

const ScriptErrorSchema = z.object({
  errorMessage: z.string().optional(),
  errorType: z.string().optional(),
  scriptStackTraceElements: z
    .array(z.object({ function: z.string().optional(), lineNumber: z.number().optional() }))
    .optional(),
});

/** Lines to print and the exit code for a scripts.run operation. */
export function describeRun(operation: script_v1.Schema$Operation): { lines: string[]; code: number } {
  if (operation.error) {
    const details = (operation.error.details ?? []).map((d) => ScriptErrorSchema.safeParse(d));
    const lines = [`Ошибка выполнения: ${operation.error.message ?? 'без текста'}`];
    for (const d of details) {
      if (!d.success) continue;
      if (d.data.errorMessage) lines.push(`  ${d.data.errorType ?? 'ScriptError'}: ${d.data.errorMessage}`);
      for (const s of d.data.scriptStackTraceElements ?? [])
        lines.push(`    в ${s.function ?? '?'}:${s.lineNumber ?? '?'}`);
    }
    return { lines, code: 1 };
  }
  const result = SelfTestResultSchema.safeParse(operation.response?.result);
  if (!result.success)
    return { lines: [`Ответ: ${JSON.stringify(operation.response?.result ?? null)}`], code: 0 };
  const lines = [
    ...result.data.passed.map((p) => `  ✓ ${p}`),
    ...result.data.failed.map((f) => `  ✗ ${f}`),
    `На настоящем Google: прошло ${result.data.passed.length}, не прошло ${result.data.failed.length}.`,
  ];
  return { lines, code: result.data.failed.length > 0 ? 1 : 0 };
}

/** What a 403 from scripts.run almost always means, in the words of the setup steps. */
export function explainApiError(status: number | undefined, message: string, step: 'push' | 'run'): string[] {
  const lines = [
    `Apps Script API (${step === 'push' ? 'projects.updateContent' : 'scripts.run'}): ${status ?? ''} ${message}`.trim(),
  ];
  if (status === 403 && step === 'run')
    lines.push(
      'Проверьте: проект Apps Script привязан к тому же стандартному проекту Google Cloud, где создан OAuth-клиент ' +
        `(встроенный клиент clasp не подходит — войдите через ${LOGIN_COMMAND}); ` +
        'Apps Script API включён в этом проекте Cloud; вы — владелец скрипта (devMode).',
    );
  if (status === 403 && step === 'push')
    lines.push(
      'Включите Apps Script API для аккаунта: https://script.google.com/home/usersettings, и проверьте права на проект.',
    );
  if (status === 404) lines.push('Проект с таким scriptId не найден или недоступен этому аккаунту.');
  if (status === 401) lines.push('Ключ отозван или истёк: войдите заново (clasp login ...).');
  return lines;
}

const GaxiosErrorSchema = z.object({ status: z.number().optional(), message: z.string() });

function apiError(e: unknown, step: 'push' | 'run'): string[] {
  const parsed = GaxiosErrorSchema.safeParse(e);
  const status =
    typeof e === 'object' && e !== null && 'response' in e
      ? z.object({ status: z.number() }).safeParse(e.response).data?.status
      : undefined;
  return explainApiError(parsed.data?.status ?? status, parsed.data?.message ?? String(e), step);
}

function readDist(root: string): DistFile[] {
  const dist = join(root, 'dist');
  return ['Code.js', 'appsscript.json']
    .filter((name) => existsSync(join(dist, name)))
    .map((name) => ({ name, content: readFileSync(join(dist, name), 'utf8') }));
}

/** scripts.run needs a deployment with an API-executable entry point; make one if the project has none. */
async function ensureApiExecutable(api: script_v1.Script, scriptId: string): Promise<string | undefined> {
  const list = await api.projects.deployments.list({ scriptId });
  const existing = (list.data.deployments ?? []).find((d) =>
    (d.entryPoints ?? []).some((p) => p.entryPointType === 'EXECUTION_API'),
  );
  if (existing) return undefined;
  const version = await api.projects.versions.create({
    scriptId,
    requestBody: { description: 'nastavnik live-check' },
  });
  await api.projects.deployments.create({
    scriptId,
    requestBody: {
      versionNumber: version.data.versionNumber,
      description: 'nastavnik live-check (API executable)',
    },
  });
  return `Создано развёртывание «исполняемый файл API» (версия ${version.data.versionNumber}).`;
}

export async function liveCheckCommand(args: string[]): Promise<number> {
  const out = (line: string) => process.stdout.write(`${line}\n`);
  const err = (line: string) => process.stderr.write(`${line}\n`);
  const parsed = parseLiveArgs(args);
  if ('error' in parsed) {
    err(`live-check: ${parsed.error}\n\n${LIVE_USAGE}`);
    return 2;
  }
  if (parsed.help) {
    out(LIVE_USAGE);
    return 0;
  }
  const found = readLiveConfig(process.env, homedir(), parsed);
  if ('problems' in found) {
    err('live-check: проверка на настоящем Google не настроена.');
    for (const p of found.problems) err(`  - ${p}`);
    err('\nЧто сделать:');
    for (const s of found.steps) err(s);
    return 2;
  }
  const { scriptId, credential, source } = found.config;
  const root = join(__dirname, '..');
  const files = readDist(root);
  let request: script_v1.Params$Resource$Projects$Updatecontent;
  try {
    request = buildUpdateContentRequest(scriptId, files);
  } catch (e) {
    err(`live-check: ${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
  const manifest = files.find((f) => f.name === 'appsscript.json')!.content;

  // The OAuth2 class bundled with @googleapis/script, so the client and the API agree on its type.
  const auth = new googleAuth.OAuth2({
    clientId: credential.client_id,
    clientSecret: credential.client_secret,
  });
  auth.setCredentials({ refresh_token: credential.refresh_token });
  out(`Ключ: ${source}; проект: ${scriptId}`);
  try {
    const { token } = await auth.getAccessToken();
    const info = await auth.getTokenInfo(token ?? '');
    const missing = missingScopes(requiredScopes(manifest, parsed.push), info.scopes);
    if (missing.length > 0) {
      err('live-check: у ключа нет нужных разрешений (скоупов):');
      for (const s of missing) err(`  - ${s}`);
      err(`Войдите заново: ${LOGIN_COMMAND}`);
      return 2;
    }
  } catch (e) {
    err(`live-check: не удалось получить токен: ${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }

  const api = new script_v1.Script({ auth });
  if (parsed.push) {
    try {
      await api.projects.updateContent(request);
      out(`Загружено в проект: ${request.requestBody!.files!.map((f) => f.name).join(', ')}`);
      const created = await ensureApiExecutable(api, scriptId);
      if (created) out(created);
    } catch (e) {
      for (const line of apiError(e, 'push')) err(line);
      return 1;
    }
  }
  try {
    const run = await api.scripts.run(buildRunRequest(scriptId, parsed.functionName));
    out(`${parsed.functionName} на настоящем Google:`);
    const { lines, code } = describeRun(run.data);
    for (const line of lines) (code === 0 ? out : err)(line);
    return code;
  } catch (e) {
    for (const line of apiError(e, 'run')) err(line);
    return 1;
  }
}
