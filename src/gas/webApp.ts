// The one doGet of the script. Apps Script allows a single doGet per project, so each feature declares
// its pages in webRoutes (src/gas/features.ts) and links carry «?a=name&…».
import { escapeHtml } from '../core/mail/render';
import type { WebParameters } from './feature';
import { webRoutes } from './features';
import { pageShell } from './pageShell';

/** A page in the school's plain style; `body` is HTML the route has already escaped. */
export function webPage(title: string, body: string): GoogleAppsScript.HTML.HtmlOutput {
  return pageShell(title, body);
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
  const route = webRoutes().get(params.a ?? '');
  if (!route) return webPage('Наставничество', '<p>Ссылка устарела или набрана с ошибкой: нет доступа.</p>');
  const page = route(params);
  return webPage(page.title, page.body);
}
