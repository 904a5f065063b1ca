// The demo's last stage on the hand-computed school: it ends the year and prints the coverage.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateSchool } from '../../src/cli/demo/schoolData';
import { yearCloseStage } from '../../src/cli/demo/yearCloseStage';
import { gridOf, schoolSheets, seedWorkbook } from '../../src/cli/districtSample';
import { SURVEYS, surveyRecord } from '../../src/core/meetings/surveys';
import { SHEETS } from '../../src/core/sheets';
import { LocalWorkspace } from '../../src/local';
import { asOf, fixtureInput } from './fixture';

it('ends the school year with reports and archive and prints the coverage against the targets', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nastavnik-h7-demo-'));
  const ws = await LocalWorkspace.create(dir, { clockStart: asOf });
  const input = fixtureInput();
  seedWorkbook(
    ws,
    {
      ...schoolSheets(input, 'МОУ «Щегловская СОШ»'),
      [SHEETS.surveys]: gridOf(SURVEYS, input.answers.map(surveyRecord)),
    },
    { id: ws.boundSpreadsheetId },
  );
  const outcomes: string[] = [];
  const lines = await yearCloseStage.run({
    ws,
    dir,
    school: generateSchool({ seed: 1 }),
    progress: () => undefined,
    outcomes,
    advanceTo: (when) => ws.advanceClock(when.getTime() - ws.now().getTime()),
  });
  // Figures of test/monitoring/monitoring.test.ts; the clock moved to 25 June, no meetings sheet here.
  expect(lines).toContain('  Ученики 10–18 лет — наставляемые: 7,5% (3 из 40), цель 10% — не выполнено');
  expect(lines).toContain('  Педагоги в наставничестве: 12% (3 из 25), цель 10% — выполнено');
  expect(lines).toContain(
    '  Предприятия-партнёры, предоставившие наставников: 1,7% (1 из 60), цель 2% — не выполнено',
  );
  expect(lines.join('\n')).toMatch(
    /Учебный год 2025-2026 закрыт\. В архиве: Наставники, Наставляемые, Пары, Опросы, Мониторинг/,
  );
  // Response rates and plans of the hand-computed school (see monitoring.test.ts), in the stage and the summary.
  expect(outcomes).toContain(
    'отклик на опросы: входная диагностика 55,6% (5 из 9); обратная связь 11,1% (1 из 9); выходная 44,4% (4 из 9); удовлетворённость 66,7% (6 из 9)',
  );
  expect(outcomes).toContain(
    'выполнение индивидуальных планов: встреч пар проведено 0 из 0 встреч (0%, цель 90%)',
  );
  // Monitoring on 25 June, then the first days of July for the long-term base to enrol again.
  expect(ws.now().toISOString().slice(0, 10)).toBe('2026-07-01');
});
