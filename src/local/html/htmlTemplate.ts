// HtmlTemplate with Apps Script's scriptlets (<?= ?> escaped, <?!= ?> raw, <? ?> code). Scriptlets
// are compiled in the execution's realm, so they see the bundle's globals and the template's
// properties, as on Google.
import type { ServiceContext } from '../context';
import type { Implements } from '../services';
import { escapeHtml, FakeHtmlOutput } from './htmlOutput';

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
