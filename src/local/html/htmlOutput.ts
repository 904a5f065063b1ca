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
