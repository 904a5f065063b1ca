// The one doGet of the script. Apps Script allows a single doGet per project, so features register a
// route here (registerWebRoute('name', handler)) and links carry «?a=name&…». Features add their routes.
import { escapeHtml } from '../core/mail/render';

export type WebParameters = Readonly<Record<string, string>>;
export type WebRoute = (params: WebParameters) => { title: string; body: string };

const ROUTES = new Map<string, WebRoute>();

export function registerWebRoute(name: string, route: WebRoute): void {
  ROUTES.set(name, route);
}

/** A page in the school's plain style; `body` is HTML the route has already escaped. */
export function webPage(title: string, body: string): GoogleAppsScript.HTML.HtmlOutput {
  const html =
    '<!doctype html><html lang="ru"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<title>${escapeHtml(title)}</title></head>` +
    '<body style="font-family:Arial,sans-serif;max-width:40em;margin:2em auto;padding:0 1em">' +
    `<h1 style="font-size:1.3em">${escapeHtml(title)}</h1>${body}</body></html>`;
  return HtmlService.createHtmlOutput(html).setTitle(title);
}

/**
 * A confirmation form for a page: Apps Script serves the page inside a sandboxed frame, so the form is
 * sent to the web app's own address in the top window, not to the frame.
 */
export function webForm(action: string, params: WebParameters, fields: string, button: string): string {
  return (
    `<form method="get" action="${escapeHtml(action)}" target="_top">` +
    `<input type="hidden" name="a" value="${escapeHtml(params.a ?? '')}">` +
    `<input type="hidden" name="t" value="${escapeHtml(params.t ?? '')}">` +
    `<input type="hidden" name="confirm" value="1">${fields}` +
    `<p><button type="submit">${escapeHtml(button)}</button></p></form>`
  );
}

export function doGet(e: GoogleAppsScript.Events.DoGet): GoogleAppsScript.HTML.HtmlOutput {
  const params: Record<string, string> = {};
  for (const [k, v] of Object.entries(e?.parameter ?? {})) params[k] = String(v);
  const route = ROUTES.get(params.a ?? '');
  if (!route) return webPage('Наставничество', '<p>Ссылка устарела или набрана с ошибкой: нет доступа.</p>');
  const page = route(params);
  return webPage(page.title, page.body);
}
