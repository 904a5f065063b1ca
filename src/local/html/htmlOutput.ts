// HtmlOutput: a page's HTML, title and size, as the bundle builds it.
import type { ServiceContext } from '../context';
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

/** The meta tags Google lets a web app set (HtmlOutput.addMetaTag); others throw. */
const META_NAMES = [
  'apple-mobile-web-app-capable',
  'apple-mobile-web-app-status-bar-style',
  'mobile-web-app-capable',
  'viewport',
];

export class FakeHtmlOutput implements Implements<GoogleAppsScript.HTML.HtmlOutput, OutputMembers> {
  private title = '';
  private readonly metaTags: Array<{ name: string; content: string }> = [];
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
  /**
   * Google puts these in the top page that frames the app; a <meta name="viewport"> inside the HTML
   * itself has no effect there (the served page drops it, see serve.ts).
   */
  addMetaTag(name: string, content: string): FakeHtmlOutput {
    if (!META_NAMES.includes(String(name)))
      throw new Error(`Exception: Invalid argument: name. Meta tag «${name}» is not allowed.`);
    this.metaTags.push({ name: String(name), content: String(content) });
    return this;
  }
  getMetaTags(): Array<{ name: string; content: string }> {
    return this.metaTags.map((m) => ({ ...m }));
  }
}
