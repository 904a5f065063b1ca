// HtmlService: HtmlOutput and HtmlTemplate with Apps Script's scriptlets (<?= ?> escaped, <?!= ?> raw,
// <? ?> code). Scriptlets are compiled in the execution's realm, so they see the bundle's globals and
// the template's properties, as on Google. What Ui.showSidebar/showModalDialog last showed is kept
// in the workspace (html/shown.json) for `nastavnik local serve`.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { ServiceContext } from '../context';
import { readJson, writeJson } from '../jsonFiles';
import type { Implements } from '../services';

type OutputMembers =
  | 'getContent'
  | 'setContent'
  | 'append'
  | 'appendUntrusted'
  | 'getTitle'
  | 'setTitle'
  | 'getWidth'
  | 'setWidth'
  | 'getHeight'
  | 'setHeight'
  | 'clear'
  | 'setSandboxMode'
  | 'setFaviconUrl'
  | 'addMetaTag';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export class FakeHtmlOutput implements Implements<GoogleAppsScript.HTML.HtmlOutput, OutputMembers> {
  private title = '';
  private width = 300;
  private height = 0;

  constructor(
    private readonly ctx: ServiceContext,
    private content = '',
  ) {}

  getContent(): string {
    this.ctx.count('HtmlService', 'HtmlOutput.getContent');
    return this.content;
  }
  setContent(content: string): FakeHtmlOutput {
    this.content = String(content);
    return this;
  }
  append(html: string): FakeHtmlOutput {
    this.content += String(html);
    return this;
  }
  appendUntrusted(text: string): FakeHtmlOutput {
    this.content += escapeHtml(String(text));
    return this;
  }
  clear(): FakeHtmlOutput {
    this.content = '';
    return this;
  }
  getTitle(): string {
    return this.title;
  }
  setTitle(title: string): FakeHtmlOutput {
    this.title = String(title);
    return this;
  }
  getWidth(): GoogleAppsScript.Integer {
    return this.width;
  }
  setWidth(width: GoogleAppsScript.Integer): FakeHtmlOutput {
    this.width = Number(width);
    return this;
  }
  getHeight(): GoogleAppsScript.Integer {
    return this.height;
  }
  setHeight(height: GoogleAppsScript.Integer): FakeHtmlOutput {
    this.height = Number(height);
    return this;
  }
  setSandboxMode(): FakeHtmlOutput {
    return this;
  }
  setXFrameOptionsMode(): FakeHtmlOutput {
    return this;
  }
  setFaviconUrl(): FakeHtmlOutput {
    return this;
  }
  addMetaTag(): FakeHtmlOutput {
    return this;
  }
}

/** Turns a template into the body of a function of (out, escape): text is emitted, scriptlets run. */
function compileTemplate(source: string): string {
  let code = '';
  let last = 0;
  const scriptlet = /<\?(!=|=)?([\s\S]*?)\?>/g;
  for (let m = scriptlet.exec(source); m; m = scriptlet.exec(source)) {
    code += `out(${JSON.stringify(source.slice(last, m.index))});\n`;
    if (m[1] === '=') code += `out(escape(${m[2]}));\n`;
    else if (m[1] === '!=') code += `out(String(${m[2]}));\n`;
    else code += `${m[2]}\n`;
    last = m.index + m[0].length;
  }
  return `${code}out(${JSON.stringify(source.slice(last))});\n`;
}

export class FakeHtmlTemplate
  implements Implements<GoogleAppsScript.HTML.HtmlTemplate, 'evaluate' | 'getRawContent' | 'getCode'>
{
  [property: string]: unknown;

  constructor(
    private readonly ctx: ServiceContext,
    private readonly source: string,
  ) {}

  getRawContent(): string {
    return this.source;
  }
  getCode(): string {
    return compileTemplate(this.source);
  }
  evaluate(): FakeHtmlOutput {
    this.ctx.count('HtmlService', 'HtmlTemplate.evaluate');
    const properties = Object.fromEntries(
      Object.entries(this).filter(([key]) => key !== 'ctx' && key !== 'source'),
    );
    // The realm's own Function: scriptlets resolve free names against the bundle's globals.
    const RealmFunction = this.ctx.realm.Object.constructor as FunctionConstructor;
    const names = Object.keys(properties).filter((k) => /^[A-Za-z_$][\w$]*$/.test(k));
    const render = new RealmFunction('out', 'escape', ...names, compileTemplate(this.source));
    let html = '';
    const toText = (value: unknown) => (value === undefined || value === null ? '' : String(value));
    render(
      (value: unknown) => {
        html += toText(value);
      },
      (value: unknown) => escapeHtml(toText(value)),
      ...names.map((n) => properties[n]),
    );
    return new FakeHtmlOutput(this.ctx, html);
  }
}

export class FakeHtmlService
  implements
    Implements<
      GoogleAppsScript.HTML.HtmlService,
      'createHtmlOutput' | 'createTemplate' | 'createHtmlOutputFromFile' | 'createTemplateFromFile'
    >
{
  readonly SandboxMode = { IFRAME: 'IFRAME', NATIVE: 'NATIVE', EMULATED: 'EMULATED' };
  readonly XFrameOptionsMode = { ALLOWALL: 'ALLOWALL', DEFAULT: 'DEFAULT' };

  constructor(
    private readonly ctx: ServiceContext,
    /** Where the project's .html files are (Apps Script files next to Code.js). */
    private readonly projectDir: string,
  ) {}

  createHtmlOutput(html?: unknown): FakeHtmlOutput {
    this.ctx.count('HtmlService', 'createHtmlOutput');
    return new FakeHtmlOutput(this.ctx, html === undefined ? '' : String(html));
  }
  createTemplate(html: unknown): FakeHtmlTemplate {
    this.ctx.count('HtmlService', 'createTemplate');
    return new FakeHtmlTemplate(this.ctx, String(html));
  }
  createHtmlOutputFromFile(filename: string): FakeHtmlOutput {
    this.ctx.count('HtmlService', 'createHtmlOutputFromFile');
    return new FakeHtmlOutput(this.ctx, this.projectFile(filename));
  }
  createTemplateFromFile(filename: string): FakeHtmlTemplate {
    this.ctx.count('HtmlService', 'createTemplateFromFile');
    return new FakeHtmlTemplate(this.ctx, this.projectFile(filename));
  }

  private projectFile(filename: string): string {
    const path = join(this.projectDir, `${String(filename).replace(/\.html$/, '')}.html`);
    if (!existsSync(path)) throw this.ctx.error(`No HTML file named ${filename} was found.`);
    return readFileSync(path, 'utf8');
  }
}

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
