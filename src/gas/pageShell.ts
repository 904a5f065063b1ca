// The frame of every web-app page: readable on a phone (viewport set through addMetaTag, which is the
// only way Google honours it), 44-pixel touch targets, labelled fields, the school's plain style.
import { escapeHtml } from '../core/mail/render';

const STYLE = `
  body { font-family: Arial, sans-serif; font-size: 17px; line-height: 1.45; color: #202124;
         max-width: 36em; margin: 0 auto; padding: 16px; }
  h1 { font-size: 1.35em; margin: 0.4em 0 0.6em; }
  .meeting { background: #e8f0fe; border-radius: 8px; padding: 12px 14px; margin: 0 0 1em; }
  .meeting b { display: block; }
  label { display: block; font-weight: bold; margin: 1em 0 0.35em; }
  input, textarea { box-sizing: border-box; width: 100%; min-height: 44px; font-size: 17px;
         padding: 10px 12px; border: 1px solid #9aa0a6; border-radius: 6px; }
  button { min-height: 48px; min-width: 44px; width: 100%; font-size: 17px; font-weight: bold;
         color: #fff; background: #1a73e8; border: 0; border-radius: 6px; padding: 12px 16px; margin-top: 1em; }
  @media (min-width: 700px) { button { width: auto; } }
`;

/** A whole page around `body` (HTML the route has already escaped). */
export function pageShell(title: string, body: string): GoogleAppsScript.HTML.HtmlOutput {
  const html =
    `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>` +
    `<style>${STYLE}</style></head><body><h1>${escapeHtml(title)}</h1>${body}</body></html>`;
  return HtmlService.createHtmlOutput(html)
    .setTitle(title)
    .addMetaTag('viewport', 'width=device-width, initial-scale=1');
}

/** «Пробная встреча, 20 ноября 2026 г.» with who meets: the first thing a page about a meeting says. */
export function meetingBox(what: string, who: string): string {
  return `<div class="meeting"><b>${escapeHtml(what)}</b>${escapeHtml(who)}</div>`;
}

/** A labelled text field. */
export function labelledInput(name: string, label: string, attributes: string): string {
  return `<label for="${escapeHtml(name)}">${escapeHtml(label)}</label><input id="${escapeHtml(name)}" name="${escapeHtml(name)}" ${attributes}>`;
}
