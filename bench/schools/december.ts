// A school on 30 November 2026 with many groups of three approved the same day, for the mail bench
// and the quota and fault tests.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalWorkspace, type WorkspaceOptions } from '../../src/local';
import { SEED_SCRIPT } from './seedScript';

export const CURATOR = 'curator@school.test';

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
