// Writes the register's documents: a .docx through the same WordprocessingML writer the offline
// workspace uses, and a PDF beside it when LibreOffice is installed (the school prints either).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import type { BlockSpec, DocumentSpec } from '../core/templates/document';
import { docxBytes } from '../local/docs/docx';
import type { BlockNode, ParagraphNode } from '../local/docs/model';

const ALIGN = { left: 'LEFT', center: 'CENTER', right: 'RIGHT', justify: 'JUSTIFY' } as const;
const STYLE = { title: 'TITLE', heading: 'HEADING2', normal: undefined } as const;

export function paragraph(text: string, extra: Partial<ParagraphNode> = {}, bold = false): ParagraphNode {
  return { kind: 'PARAGRAPH', runs: [{ text, ...(bold ? { bold: true } : {}) }], ...extra };
}

/** A template filled in memory (core MemoryDocument) as the document model the .docx writer takes. */
export function specBlocks(spec: DocumentSpec): BlockNode[] {
  return spec.blocks.map((block: BlockSpec): BlockNode => {
    if (block.kind === 'paragraph') {
      const heading = STYLE[block.style ?? 'normal'];
      return paragraph(
        block.text,
        { ...(heading ? { heading } : {}), ...(block.align ? { alignment: ALIGN[block.align] } : {}) },
        !!block.bold,
      );
    }
    const format = block.format ?? {};
    const cell = (text: string, header: boolean): ParagraphNode => {
      const node = paragraph(text, {}, header);
      if (format.fontSize) for (const run of node.runs) run.fontSize = format.fontSize;
      return node;
    };
    return {
      kind: 'TABLE',
      rows: block.rows.map((row, r) => ({
        cells: row.map((text) => ({ children: [cell(text, !!block.header && r === 0)] })),
      })),
      // Relative widths: the writer scales them to the page.
      ...(format.widths ? { widths: format.widths } : {}),
      ...(format.borders !== undefined ? { borderWidth: format.borders } : {}),
      ...(format.headerRows ? { headerRows: format.headerRows } : block.header ? { headerRows: 1 } : {}),
      ...(format.keepRows ? { keepRows: true } : {}),
    };
  });
}

/** soffice from SOFFICE_PATH, PATH or its usual places; undefined when the machine has none. */
export function findSoffice(): string | undefined {
  const fromEnv = process.env.SOFFICE_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  const onPath = (process.env.PATH ?? '')
    .split(delimiter)
    .flatMap((dir) => ['soffice', 'libreoffice', 'soffice.exe'].map((name) => join(dir, name)));
  const usual = [
    '/usr/lib/libreoffice/program/soffice',
    '/Applications/LibreOffice.app/Contents/MacOS/soffice',
    'C:\\Program Files\\LibreOffice\\program\\soffice.exe',
  ];
  return [...onPath, ...usual].find((p) => existsSync(p));
}

/** File names may not hold what Windows forbids; quotes and slashes in titles become safe characters. */
export const safeFileName = (title: string): string =>
  title
    .replace(/[\\/:*?"<>|]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 150);

/** Converts .docx files to PDF in one LibreOffice run (its own profile, so a running one does not refuse). */
export function convertToPdf(soffice: string, docxFiles: readonly string[], outDir: string): void {
  if (docxFiles.length === 0) return;
  const profile = mkdtempSync(join(tmpdir(), 'nastavnik-lo-'));
  try {
    execFileSync(
      soffice,
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        outDir,
        ...docxFiles,
      ],
      { stdio: 'ignore', timeout: 300_000 },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

export function writeDocx(outDir: string, title: string, body: BlockNode[]): string {
  mkdirSync(outDir, { recursive: true });
  const path = join(outDir, `${safeFileName(title)}.docx`);
  writeFileSync(path, docxBytes(title, body));
  return path;
}
