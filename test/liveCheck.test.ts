import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildRunRequest,
  buildUpdateContentRequest,
  DEPLOYMENTS_SCOPE,
  describeRun,
  explainApiError,
  LIVE_ENV,
  missingScopes,
  PROJECTS_SCOPE,
  parseLiveArgs,
  readLiveConfig,
  requiredScopes,
} from '../src/cli/liveCheck';

const SCRIPT_ID = '1AbCdEfGhIjKlMnOpQrStUvWxYz_0123456789-abcdefgh';
const USER = { type: 'authorized_user', client_id: 'cid', client_secret: 'secret', refresh_token: 'rt' };
const files = (entries: Record<string, unknown>) => (path: string) => {
  const v = entries[path];
  return v === undefined ? undefined : typeof v === 'string' ? v : JSON.stringify(v);
};
const dist = join(__dirname, '..', 'dist');

describe('live-check arguments', () => {
  it('runs selfTest with a push by default and reads the options', () => {
    expect(parseLiveArgs([])).toEqual({ help: false, functionName: 'selfTest', push: true });
    expect(parseLiveArgs(['--script-id', 'X', '--function', 'onOpen', '--no-push'])).toEqual({
      help: false,
      scriptId: 'X',
      functionName: 'onOpen',
      push: false,
    });
  });

  it('refuses unknown options and options without a value, in Russian', () => {
    expect(parseLiveArgs(['--scriptid', 'X'])).toEqual({ error: 'неизвестный параметр --scriptid' });
    expect(parseLiveArgs(['--function'])).toEqual({ error: 'после --function нужно значение' });
    expect(parseLiveArgs(['--script-id', '--no-push'])).toEqual({
      error: 'после --script-id нужно значение',
    });
  });
});

describe('live-check configuration', () => {
  it('says what is missing when nothing is configured', () => {
    const r = readLiveConfig({}, '/home/u', {}, files({}));
    expect('problems' in r && r.problems).toEqual([
      `не задан ${LIVE_ENV.scriptId} — ID тестового проекта Apps Script`,
      `нет ключа: ни ${LIVE_ENV.credentials}, ни файла входа clasp /home/u/.clasprc.json`,
    ]);
    expect('steps' in r && r.steps.join('\n')).toMatch(/--use-project-scopes --include-clasp-scopes/);
  });

  it('takes the clasp login from ~/.clasprc.json', () => {
    const r = readLiveConfig(
      { [LIVE_ENV.scriptId]: SCRIPT_ID },
      '/home/u',
      {},
      files({ '/home/u/.clasprc.json': { tokens: { default: { ...USER, access_token: 'a' } } } }),
    );
    expect(r).toEqual({
      config: {
        scriptId: SCRIPT_ID,
        credential: USER,
        source: '/home/u/.clasprc.json (вход clasp «default»)',
      },
    });
  });

  it('prefers an explicit user key file and the --script-id argument', () => {
    const r = readLiveConfig(
      { [LIVE_ENV.scriptId]: 'ignored', [LIVE_ENV.credentials]: '/k.json' },
      '/home/u',
      { scriptId: SCRIPT_ID },
      files({ '/k.json': USER, '/home/u/.clasprc.json': { tokens: {} } }),
    );
    expect('config' in r && r.config.source).toBe(`${LIVE_ENV.credentials}=/k.json`);
    expect('config' in r && r.config.scriptId).toBe(SCRIPT_ID);
  });

  it('refuses a service account, because the Apps Script API does not accept one', () => {
    const r = readLiveConfig(
      { [LIVE_ENV.scriptId]: SCRIPT_ID, GOOGLE_APPLICATION_CREDENTIALS: '/sa.json' },
      '/home/u',
      {},
      files({ '/sa.json': { type: 'service_account', client_email: 'x@y.iam.gserviceaccount.com' } }),
    );
    expect('problems' in r && r.problems.join()).toMatch(/сервисный аккаунт не подходит/);
  });

  it('names a clasp login that is absent and a script id that is not one', () => {
    const r = readLiveConfig(
      { [LIVE_ENV.scriptId]: 'PASTE-YOUR-SCRIPT-ID-HERE', [LIVE_ENV.claspUser]: 'test' },
      '/home/u',
      {},
      files({ '/home/u/.clasprc.json': { tokens: { default: USER } } }),
    );
    expect('problems' in r && r.problems).toEqual([
      `${LIVE_ENV.scriptId}="PASTE-YOUR-SCRIPT-ID-HERE" не похож на scriptId (длинная строка из букв, цифр, _ и -)`,
      '/home/u/.clasprc.json: нет входа clasp «test» с client_id, client_secret и refresh_token',
    ]);
  });
});

describe('live-check requests', () => {
  const code = readFileSync(join(dist, 'Code.js'), 'utf8');
  const manifest = readFileSync(join(dist, 'appsscript.json'), 'utf8');
  const distFiles = [
    { name: 'Code.js', content: code },
    { name: 'appsscript.json', content: manifest },
    { name: 'entrypoints.json', content: '[]' },
  ];

  it('pushes the built script and the manifest, made runnable through the API', () => {
    const req = buildUpdateContentRequest(SCRIPT_ID, distFiles);
    expect(req.scriptId).toBe(SCRIPT_ID);
    const pushed = req.requestBody!.files!;
    expect(pushed.map((f) => [f.name, f.type])).toEqual([
      ['Code', 'SERVER_JS'],
      ['appsscript', 'JSON'],
    ]);
    expect(pushed[0].source).toBe(code);
    const pushedManifest = JSON.parse(pushed[1].source!);
    expect(pushedManifest.executionApi).toEqual({ access: 'MYSELF' });
    expect(pushedManifest.oauthScopes).toEqual(JSON.parse(manifest).oauthScopes);
    expect(pushedManifest.timeZone).toBe('Europe/Moscow');
  });

  it('refuses to push without a built bundle', () => {
    expect(() => buildUpdateContentRequest(SCRIPT_ID, [distFiles[1]])).toThrow('в dist/ нет Code.js');
  });

  it('runs the function in dev mode, the most recently pushed code', () => {
    expect(buildRunRequest(SCRIPT_ID, 'selfTest')).toEqual({
      scriptId: SCRIPT_ID,
      requestBody: { function: 'selfTest', devMode: true, parameters: [] },
    });
  });

  it('asks the token for every manifest scope plus the project scopes', () => {
    const scopes = requiredScopes(manifest, true);
    for (const s of JSON.parse(manifest).oauthScopes) expect(scopes).toContain(s);
    expect(scopes).toContain(PROJECTS_SCOPE);
    expect(requiredScopes(manifest, false)).not.toContain(DEPLOYMENTS_SCOPE);
    expect(missingScopes(scopes, scopes.slice(1))).toEqual([scopes[0]]);
  });
});

describe('live-check results', () => {
  it('prints what passed and fails when a probe failed', () => {
    const ok = describeRun({
      done: true,
      response: { result: { passed: ['timezone', 'lock'], failed: [] } },
    });
    expect(ok.code).toBe(0);
    expect(ok.lines).toContain('  ✓ timezone');
    const bad = describeRun({
      done: true,
      response: { result: { passed: ['lock'], failed: ['mail quota: нет'] } },
    });
    expect(bad.code).toBe(1);
    expect(bad.lines).toContain('  ✗ mail quota: нет');
  });

  it('shows the script error with its stack', () => {
    const r = describeRun({
      done: true,
      error: {
        code: 3,
        message: 'ScriptError',
        details: [
          {
            errorMessage: 'ReferenceError: x is not defined',
            errorType: 'ScriptError',
            scriptStackTraceElements: [{ function: 'selfTest', lineNumber: 42 }],
          },
        ],
      },
    });
    expect(r.code).toBe(1);
    expect(r.lines).toEqual([
      'Ошибка выполнения: ScriptError',
      '  ScriptError: ReferenceError: x is not defined',
      '    в selfTest:42',
    ]);
  });

  it('explains a 403 from scripts.run as the shared Cloud project requirement', () => {
    expect(explainApiError(403, 'The caller does not have permission', 'run').join('\n')).toMatch(
      /тому же стандартному проекту Google Cloud/,
    );
  });
});
