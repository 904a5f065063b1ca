// HtmlService: outputs from strings and files, templates from strings and files.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ServiceContext } from '../context';
import type { Implements } from '../services';
import { FakeHtmlOutput } from './htmlOutput';
import { FakeHtmlTemplate } from './htmlTemplate';

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
