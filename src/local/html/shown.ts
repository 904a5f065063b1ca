// What Ui.showSidebar/showModalDialog last showed, kept in the workspace (html/shown.json) for
// `nastavnik local serve`.
import { rmSync } from 'node:fs';
import type { ServiceContext } from '../context';
import { readJson, writeJson } from '../jsonFiles';
import { FakeHtmlOutput } from './htmlOutput';

export interface ShownHtml {
  kind: 'sidebar' | 'dialog';
  title: string;
  width: number;
  height: number;
  html: string;
  /** The function whose execution showed it. */
  functionName: string;
  at: string;
}

function shownPath(ctx: ServiceContext): string {
  return ctx.path('html', 'shown.json');
}

/** Called by the Ui fake when the bundle shows a sidebar or dialog. */
export function recordShownHtml(
  ctx: ServiceContext,
  kind: 'sidebar' | 'dialog',
  title: string,
  output: unknown,
): void {
  const html =
    output instanceof FakeHtmlOutput
      ? output.getContent()
      : String((output as { getContent?: () => unknown }).getContent?.() ?? '');
  const size =
    output instanceof FakeHtmlOutput
      ? { width: output.getWidth(), height: output.getHeight() }
      : { width: 300, height: 0 };
  const shown: ShownHtml = {
    kind,
    title,
    ...size,
    html,
    functionName: ctx.functionName ?? '',
    at: ctx.now().toISOString(),
  };
  writeJson(shownPath(ctx), shown);
}

export function readShownHtml(ctx: ServiceContext): ShownHtml | undefined {
  return readJson<ShownHtml | undefined>(shownPath(ctx), undefined);
}

/** google.script.host.close(): nothing is open any more. */
export function closeShownHtml(ctx: ServiceContext): void {
  rmSync(shownPath(ctx), { force: true });
}
