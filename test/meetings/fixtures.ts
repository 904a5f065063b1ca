// The December school (bench/schools/december.ts) and what the mail tests read back: the outbox
// parsed as a mail client would, and copies of a prepared workspace.
import { cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { CURATOR } from '../../bench/schools/december';
import { LocalWorkspace, type WorkspaceOptions } from '../../src/local';

export { CURATOR, schoolBeforeDecember } from '../../bench/schools/december';

export interface Sent {
  file: string;
  to: string;
  subject: string;
  text: string;
}

export async function outbox(dir: string): Promise<Sent[]> {
  const out: Sent[] = [];
  let files: string[] = [];
  try {
    files = readdirSync(join(dir, 'outbox'));
  } catch {
    return out;
  }
  for (const file of files.filter((f) => f.endsWith('.eml')).sort()) {
    const parsed = await simpleParser(readFileSync(join(dir, 'outbox', file)));
    const to = Array.isArray(parsed.to) ? parsed.to[0] : parsed.to;
    out.push({
      file,
      to: to?.value[0]?.address ?? '',
      subject: parsed.subject ?? '',
      text: parsed.text ?? '',
    });
  }
  return out;
}

/** A copy of a prepared workspace directory, opened with other options (quota, faults, limits). */
export async function copyOf(dir: string, options: WorkspaceOptions = {}) {
  const copy = mkdtempSync(join(tmpdir(), 'nastavnik-copy-'));
  cpSync(dir, copy, { recursive: true });
  return { dir: copy, ws: await LocalWorkspace.open(copy, { curatorEmail: CURATOR, ...options }) };
}
