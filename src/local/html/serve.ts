// `nastavnik local serve`: the sidebar or dialog the bundle shows, in a real browser. GET / is what
// is open now (or a list of entry points to open one); /open?fn=NAME runs NAME as the curator's click
// would; POST /run is google.script.run, one real execution of the bundle per call; /exec is the web
// app, opened by a visitor without a Google session.
import { readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { Caller } from '../context';
import { LocalWorkspace, type WorkspaceOptions } from '../index';
import { readJson, writeJson } from '../jsonFiles';
import { escapeHtml, FakeHtmlOutput } from './htmlOutput';
import { bundleDir } from './service';
import { withShim } from './shim';
import { closeShownHtml, readShownHtml } from './shown';

export interface ServedWorkspace {
  url: string;
  /** The web app (doGet) address, as ScriptApp.getService().getUrl() gives it while serving. */
  webAppUrl: string;
  workspace: LocalWorkspace;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'Content-Type': `${type}; charset=utf-8`, 'Cache-Control': 'no-store' });
  res.end(body);
}

function page(title: string, body: string): string {
  return `<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body style="font-family:sans-serif;max-width:40em;margin:2em auto">${body}</body></html>`;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function entryPoints(codePath: string | undefined): string[] {
  try {
    return JSON.parse(readFileSync(join(bundleDir(codePath), 'entrypoints.json'), 'utf8')) as string[];
  } catch {
    return [];
  }
}

/** The event Apps Script passes to doGet: first values in `parameter`, all of them in `parameters`. */
function webAppEvent(url: URL): Record<string, unknown> {
  const parameter: Record<string, string> = {};
  const parameters: Record<string, string[]> = {};
  for (const [key, value] of url.searchParams) {
    parameter[key] ??= value;
    parameters[key] = [...(parameters[key] ?? []), value];
  }
  return {
    parameter,
    parameters,
    queryString: url.search.slice(1),
    contextPath: '',
    contentLength: -1,
    pathInfo: '',
  };
}

/** google.script.run hands back JSON: values cross as JSON does (Dates as ISO strings). */
function jsonValue(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value) ?? 'null');
}

export async function serveWorkspace(
  dir: string,
  port = 0,
  options: WorkspaceOptions = {},
): Promise<ServedWorkspace> {
  const workspace = await LocalWorkspace.open(dir, options);
  // Executions are synchronous, saves are not: one request at a time touches the workspace.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };

  const served: { lastOutput?: FakeHtmlOutput } = {};
  // Sidebars run as the curator at the spreadsheet; the web app's pages as a visitor without a session.
  const execute = (fn: string, args: unknown[], caller: Caller = 'curator') =>
    serial(async () => {
      try {
        const value = workspace.runAs(caller, fn, ...args);
        served.lastOutput = value instanceof FakeHtmlOutput ? value : undefined;
        return { ok: true as const, value: value instanceof FakeHtmlOutput ? null : jsonValue(value) };
      } catch (e) {
        return { ok: false as const, error: e instanceof Error ? e.message : String(e) };
      } finally {
        await workspace.save();
      }
    });

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    void (async () => {
      const shown = readShownHtml(workspace.ctx);
      if (req.method === 'GET' && url.pathname === '/' && shown)
        return send(res, 200, 'text/html', withShim(shown.html, shown.title));
      if (req.method === 'GET' && (url.pathname === '/' || url.pathname === '/functions')) {
        const links = entryPoints(options.codePath)
          .map((fn) => `<li><a href="/open?fn=${encodeURIComponent(fn)}">${escapeHtml(fn)}</a></li>`)
          .join('');
        const heading = shown
          ? `Открыто: ${escapeHtml(shown.title)} (<a href="/">показать</a>)`
          : 'Сейчас ничего не открыто';
        const body = `<h1>${heading}</h1><p>Запустите функцию, которая показывает боковую панель или окно:</p><ul>${links}</ul>`;
        return send(res, 200, 'text/html', page('Рабочее пространство', body));
      }
      if (req.method === 'GET' && url.pathname === '/open') {
        const fn = url.searchParams.get('fn') ?? '';
        const outcome = await execute(fn, []);
        if (!outcome.ok)
          return send(
            res,
            500,
            'text/html',
            page('Ошибка', `<h1>${escapeHtml(fn)}</h1><p>${escapeHtml(outcome.error)}</p>`),
          );
        const showed = workspace.lastRun?.ui.some((e) => e.kind === 'sidebar' || e.kind === 'dialog');
        if (showed) {
          res.writeHead(302, { Location: '/' });
          return res.end();
        }
        return send(
          res,
          200,
          'text/html',
          page(
            fn,
            `<p>Функция «${escapeHtml(fn)}» выполнена и ничего не показала.</p><pre>${escapeHtml(JSON.stringify(outcome.value, null, 2))}</pre>`,
          ),
        );
      }
      if (req.method === 'POST' && url.pathname === '/run') {
        const body = JSON.parse((await readBody(req)) || '{}') as { fn?: unknown; args?: unknown };
        if (typeof body.fn !== 'string' || !Array.isArray(body.args))
          return send(res, 400, 'application/json', JSON.stringify({ ok: false, error: 'Bad request' }));
        return send(res, 200, 'application/json', JSON.stringify(await execute(body.fn, body.args)));
      }
      if (
        req.method === 'GET' &&
        (url.pathname === '/exec' || /^\/macros\/s\/[^/]+\/exec$/.test(url.pathname))
      ) {
        const outcome = await execute('doGet', [webAppEvent(url)], 'anonymous');
        if (!outcome.ok)
          return send(res, 500, 'text/html', page('Ошибка', `<p>${escapeHtml(outcome.error)}</p>`));
        const output = served.lastOutput;
        if (!output) return send(res, 200, 'text/plain', JSON.stringify(outcome.value));
        const metas = output.getMetaTags();
        return send(res, 200, 'text/html', withShim(output.getContent(), output.getTitle(), metas));
      }
      if (req.method === 'POST' && url.pathname === '/close') {
        closeShownHtml(workspace.ctx);
        return send(res, 200, 'application/json', '{"ok":true}');
      }
      send(res, 404, 'text/plain', 'Not found');
    })().catch((e: unknown) => send(res, 500, 'text/plain', e instanceof Error ? e.message : String(e)));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  // ScriptApp.getService().getUrl() in this workspace now points here, so links in mail work.
  const webApp = `http://127.0.0.1:${actualPort}/macros/s/${workspace.ctx.meta.scriptId}/exec`;
  writeJson(workspace.ctx.path('serve.json'), { url: webApp });
  return {
    url: `http://127.0.0.1:${actualPort}/`,
    webAppUrl: webApp,
    workspace,
    close: () =>
      new Promise<void>((resolve) => {
        if (readJson<{ url?: string }>(workspace.ctx.path('serve.json'), {}).url === webApp)
          rmSync(workspace.ctx.path('serve.json'), { force: true });
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
