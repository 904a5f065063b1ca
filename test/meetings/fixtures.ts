// A school with many pairs, for the quota and fault tests: N mentors, each with two mentees.
import { cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { LocalWorkspace, type WorkspaceOptions } from '../../src/local';
import { SEED_SCRIPT } from './seedScript';

export const CURATOR = 'curator@school.test';

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

/**
 * A workspace on 30 November 2026 with `mentors` groups of three approved the same day; feedback
 * invitations (one per participant) fall due on 1 December, the first meetings not before January.
 */
export async function schoolBeforeDecember(mentors: number, options: WorkspaceOptions = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'nastavnik-mail-'));
  const clockStart = new Date('2026-11-30T12:00:00Z');
  const ws = await LocalWorkspace.create(dir, { clockStart, curatorEmail: CURATOR, ...options });
  ws.init();
  const seed = await LocalWorkspace.open(dir, { code: SEED_SCRIPT, clockStart });
  const ids = Array.from({ length: mentors }, (_, i) => String(i + 1).padStart(3, '0'));
  seed.run(
    'appendRecords',
    'Наставники',
    ids.map((n) => ({
      ID: `N${n}`,
      Согласие: 'получено',
      Фамилия: `Наставник${n}`,
      Имя: 'Ирина',
      'E-mail': `n${n}@school.test`,
      Категория: 'педагог',
    })),
  );
  seed.run(
    'appendRecords',
    'Наставляемые',
    ids.flatMap((n) =>
      ['a', 'b'].map((x) => ({
        ID: `U${n}${x}`,
        Согласие: 'получено',
        Фамилия: `Ученик${n}${x}`,
        Имя: 'Пётр',
        'E-mail': `u${n}${x}@school.test`,
        Категория: 'ученик',
      })),
    ),
  );
  seed.run(
    'appendRecords',
    'Пары',
    ids.flatMap((n) =>
      ['a', 'b'].map((x) => ({
        'ID пары': `P${n}${x}`,
        'Код наставника': `N${n}`,
        'Код наставляемого': `U${n}${x}`,
        Форма: 'учитель – ученик',
        Состояние: 'утверждена',
        'Дата утверждения': '30.11.2026',
      })),
    ),
  );
  seed.run('setWhere', 'Настройки', 'Параметр', 'Встречи: первая встреча через, дней', 'Значение', 40);
  await seed.save();
  return { dir, ws, seed };
}

/** A copy of a prepared workspace directory, opened with other options (quota, faults, limits). */
export async function copyOf(dir: string, options: WorkspaceOptions = {}) {
  const copy = mkdtempSync(join(tmpdir(), 'nastavnik-copy-'));
  cpSync(dir, copy, { recursive: true });
  return { dir: copy, ws: await LocalWorkspace.open(copy, { curatorEmail: CURATOR, ...options }) };
}
