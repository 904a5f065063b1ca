// The one doGet of the script. Apps Script allows a single doGet per project, so each feature declares
// its pages in webRoutes (src/gas/features.ts) and links carry «?a=name&…».
import { webRoutes } from './features';
import { pageShell } from './pageShell';

/** A page in the school's plain style; `body` is HTML the route has already escaped. */
export function webPage(title: string, body: string): GoogleAppsScript.HTML.HtmlOutput {
  return pageShell(title, body);
}

export function doGet(e: GoogleAppsScript.Events.DoGet): GoogleAppsScript.HTML.HtmlOutput {
  const params: Record<string, string> = {};
  for (const [k, v] of Object.entries(e?.parameter ?? {})) params[k] = String(v);
  const route = webRoutes().get(params.a ?? '');
  if (!route) return webPage('Наставничество', '<p>Ссылка устарела или набрана с ошибкой.</p>');
  const page = route(params);
  return webPage(page.title, page.body);
}
