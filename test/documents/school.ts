// The documents school (bench/schools/documents.ts) and what the document tests read back: copies,
// the Drive index and the text of a .docx.
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { CURATOR } from '../../bench/schools/documents';
import { LocalWorkspace, type WorkspaceOptions } from '../../src/local';

export {
  CURATOR,
  DIRECTOR,
  schoolWithApprovedPairs,
  seedScript,
} from '../../bench/schools/documents';

export async function copyOf(dir: string, options: WorkspaceOptions = {}) {
  const copy = mkdtempSync(join(tmpdir(), 'nastavnik-docs-copy-'));
  cpSync(dir, copy, { recursive: true });
  return { dir: copy, ws: await LocalWorkspace.open(copy, { curatorEmail: CURATOR, ...options }) };
}

export interface DriveEntry {
  id: string;
  name: string;
  mimeType: string;
  viewers: string[];
  editors: string[];
  owner: string;
  access: string;
  trashed: boolean;
  path: string;
  parents: string[];
}

export function driveItems(dir: string): DriveEntry[] {
  const index = JSON.parse(readFileSync(join(dir, 'drive', '.index.json'), 'utf8')) as {
    items: Record<string, DriveEntry>;
  };
  return Object.values(index.items);
}

/** Plain text of a .docx: paragraphs and table cells in order. */
export async function docxText(path: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  return xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<w:tab\/>/g, '\t')
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
