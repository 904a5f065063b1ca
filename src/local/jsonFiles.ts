// The workspace's state on disk: JSON files written atomically, their stamps, and logs that only grow.
import {
  closeSync,
  existsSync,
  fstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  statSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { dirname } from 'node:path';
import { parseJson, toJsonText } from './jsonDates';

/**
 * Sync JSON file helpers. A write never shows a reader half a file: the text goes to a temporary
 * file, the old file is renamed aside (`<path>.replacing`), the new one renamed in, the old one
 * deleted; a reader finding no file looks aside, so it gets the old or the new text. (Renaming over
 * the old file would be one step, but ext4 then writes the new file's blocks out at once: a few ms
 * per write, the largest cost of an execution.)
 * Every write also gives the file a modification time later than its previous one (whole
 * milliseconds, set explicitly), so `fileStamp` changes with every write even when two writes fall in
 * one tick of the kernel's coarse file clock: a reader holding an unchanged stamp may keep its parse.
 * Writers of one file hold the store lock (state, forms, triggers, properties, Drive, quotas, clock).
 */
export function readJson<T>(path: string, fallback: T): T {
  const text = readText(path);
  return text === undefined ? fallback : (parseJson(text) as T);
}

const ASIDE = '.replacing';

function readText(path: string): string | undefined {
  return lookTwice(path, (p) => readFileSync(p, 'utf8'));
}

/** `look` at the file, or at the old file while a write replaces it; undefined if there is neither. */
function lookTwice<T>(path: string, look: (p: string) => T): T | undefined {
  // A miss on both means a writer finished meanwhile (or another began): look again a few times.
  for (let round = 0; round < 3; round++) {
    for (const p of [path, path + ASIDE]) {
      try {
        return look(p);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      }
    }
  }
  return undefined;
}

/** Writes atomically (see above) and answers the file's new stamp (as `fileStamp` will report it). */
export function writeJson(path: string, value: unknown): string {
  return writeJsonText(path, toJsonText(value));
}

/** writeJson of text made by `toJsonText` (pieces of it may be cached by the writer). */
export function writeJsonText(path: string, text: string): string {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(tmp, text);
  const previous = fileStamp(path);
  const previousMs = previous === MISSING ? 0 : Number(previous.slice(0, previous.indexOf(':')));
  const mtimeMs = Math.max(Date.now(), previousMs + 1);
  utimesSync(tmp, mtimeMs / 1000, mtimeMs / 1000);
  try {
    renameSync(path, path + ASIDE);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  renameSync(tmp, path);
  unlinkQuiet(path + ASIDE);
  return `${mtimeMs}:${Buffer.byteLength(text)}`;
}

export const MISSING = 'missing';

/** Modification time and size: changes with every writeJson of the file. */
export function fileStamp(path: string): string {
  const s = lookTwice(path, (p) => statSync(p));
  return s ? `${Math.round(s.mtimeMs)}:${s.size}` : MISSING;
}

/** Names (without .json) of the JSON files in a directory, also of those a write is replacing. */
export function jsonFileIds(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const ids = new Set<string>();
  for (const f of readdirSync(dir)) {
    if (f.endsWith('.json')) ids.add(f.slice(0, -5));
    else if (f.endsWith(`.json${ASIDE}`)) ids.add(f.slice(0, -5 - ASIDE.length));
  }
  return [...ids];
}

/**
 * The whole lines a file that only grows (an operation or quota log) holds past byte `from`, and the
 * offset after them; a line still being appended by another process waits for the next look.
 */
export function readNewLines(path: string, from: number, to?: number): { lines: string[]; end: number } {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { lines: [], end: from };
    throw e;
  }
  let bytes: Buffer;
  let got = 0;
  try {
    const size = to ?? fstatSync(fd).size;
    bytes = Buffer.alloc(Math.max(0, size - from));
    while (got < bytes.length) {
      const n = readSync(fd, bytes, got, bytes.length - got, from + got);
      if (n === 0) break;
      got += n;
    }
  } finally {
    closeSync(fd);
  }
  const whole = bytes.lastIndexOf(0x0a, got - 1) + 1;
  if (whole === 0) return { lines: [], end: from };
  return { lines: bytes.toString('utf8', 0, whole).split('\n').filter(Boolean), end: from + whole };
}

/** Whether the JSON file exists (also while a write replaces it). */
export function jsonExists(path: string): boolean {
  return fileStamp(path) !== MISSING;
}

export function unlinkQuiet(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
}
