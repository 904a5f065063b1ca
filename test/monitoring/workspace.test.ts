// Monitoring, reports, year close and the district in the offline workspace: the built bundle runs
// against workbooks seeded with the hand-computed school and with a generated district.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { gridOf, schoolName, schoolSheets, seedDistrict, seedWorkbook } from '../../src/cli/districtSample';
import { PAIRS_HEADERS } from '../../src/core/matching/pairRow';
import { MEETINGS } from '../../src/core/meetings/meetingRow';
import { SURVEYS, surveyRecord } from '../../src/core/meetings/surveys';
import { computeMonitoring } from '../../src/core/monitoring/compute';
import { readMonitoringGrid } from '../../src/core/monitoring/district';
import { SHEETS } from '../../src/core/sheets';
import type { CellValue } from '../../src/core/table';
import { LocalWorkspace } from '../../src/local';
import { DOCUMENT_MIME, driveStore } from '../../src/local/drive/driveStore';
import { cellAt, lastRow } from '../../src/local/spreadsheet/model';
import { SpreadsheetStore } from '../../src/local/spreadsheet/store';
import { asOf, fixtureInput } from './fixture';

const tempDir = () => mkdtempSync(join(tmpdir(), 'nastavnik-h7-'));

/** Documents in the workspace's Drive whose name starts with `prefix`, not in the bin. */
function documentsNamed(ws: LocalWorkspace, prefix: string): string[] {
  const drive = driveStore(ws.ctx);
  drive.reload();
  return drive
    .all()
    .filter((item) => item.mimeType === DOCUMENT_MIME && !item.trashed && item.name.startsWith(prefix))
    .map((item) => item.name);
}
const ddmmyyyy = (d: Date) => d.toISOString().slice(0, 10).split('-').reverse().join('.');

function seedFixtureSchool(ws: LocalWorkspace): void {
  const input = fixtureInput();
  seedWorkbook(
    ws,
    {
      ...schoolSheets(input, 'МОУ «Щегловская СОШ»'),
      [SHEETS.meetings]: gridOf(
        MEETINGS,
        input.meetings.map((m, i) => ({
          id: `В-${i + 1}`,
          mentorId: m.mentorId,
          menteeIds: m.menteeIds.join(', '),
          kind: 'regular',
          date: m.plannedDate ? ddmmyyyy(new Date(m.plannedDate.getTime() + 3 * 3_600_000)) : 'после каникул',
          held: m.held ? 'да' : '',
        })),
      ),
      [SHEETS.surveys]: gridOf(SURVEYS, input.answers.map(surveyRecord)),
    },
    { id: ws.boundSpreadsheetId },
  );
}

const sheetNames = (ws: LocalWorkspace, id = ws.boundSpreadsheetId): string[] => {
  const store = SpreadsheetStore.of(ws.ctx);
  store.reload();
  return (store.model(id)?.sheets ?? []).map((s) => s.name);
};
/** Every row of a sheet, header included, as the bundle would read it. */
function rowsOf(ws: LocalWorkspace, name: string, id = ws.boundSpreadsheetId): CellValue[][] {
  const store = SpreadsheetStore.of(ws.ctx);
  store.reload();
  const sheet = store.model(id)?.sheets.find((s) => s.name === name);
  if (!sheet) return [];
  const width = Math.max(0, ...sheet.values.map((r) => r.length));
  return Array.from({ length: lastRow(sheet) }, (_, r) =>
    Array.from({ length: width }, (_, c) => cellAt(sheet, r, c) as CellValue),
  );
}
const lastToast = (ws: LocalWorkspace) =>
  [...(ws.lastRun?.ui ?? [])].reverse().find((u) => u.kind === 'toast') as { text?: string } | undefined;

describe('the daily trigger', () => {
  it('refreshes the monitoring figures with no one pressing the menu', async () => {
    const ws = await LocalWorkspace.create(tempDir(), { clockStart: asOf });
    seedFixtureSchool(ws);
    expect(rowsOf(ws, SHEETS.monitoring)).toEqual([]);
    ws.run('dailyRun');
    const daily = readMonitoringGrid(rowsOf(ws, SHEETS.monitoring)).map((r) => [r.key, r.value]);
    // The run planned the pairs' meetings first, and the figures already count them.
    const planned = rowsOf(ws, SHEETS.meetings).length - 1;
    expect(planned).toBeGreaterThan(fixtureInput().meetings.length);
    expect(daily).toContainEqual(['meetings.planned.count', planned]);
    ws.run('refreshMonitoring');
    expect(readMonitoringGrid(rowsOf(ws, SHEETS.monitoring)).map((r) => [r.key, r.value])).toEqual(daily);
  });

  it('leaves the figures alone on a weekend and refreshes them on Monday', async () => {
    const saturday = new Date(asOf.getTime() + 3 * 86_400_000);
    const ws = await LocalWorkspace.create(tempDir(), { clockStart: saturday });
    seedFixtureSchool(ws);
    ws.run('dailyRun');
    expect(rowsOf(ws, SHEETS.monitoring)).toEqual([]);
    ws.advanceClock('2d');
    ws.run('dailyRun');
    expect(readMonitoringGrid(rowsOf(ws, SHEETS.monitoring)).length).toBeGreaterThan(10);
  });
});

describe('a school workbook in the offline workspace', () => {
  let ws: LocalWorkspace;

  beforeAll(async () => {
    ws = await LocalWorkspace.create(tempDir(), { clockStart: asOf });
    seedFixtureSchool(ws);
  });

  it('«Обновить мониторинг» writes exactly the hand-checked figures, with charts', () => {
    ws.run('refreshMonitoring');
    const written = readMonitoringGrid(rowsOf(ws, SHEETS.monitoring));
    const expected = computeMonitoring(fixtureInput());
    expect(written.map((r) => [r.key, r.value])).toEqual(expected.map((r) => [r.key, r.value]));
    const store = SpreadsheetStore.of(ws.ctx);
    store.reload();
    const sheet = store.model(ws.boundSpreadsheetId)?.sheets.find((s) => s.name === SHEETS.monitoring);
    expect(sheet?.charts.map((c) => c.options.title)).toEqual([
      'Охват целевых групп, % (цель — по положению)',
      'Участники по формам наставничества',
      'Влияние на участников: вход и выход',
      'Пары и группы по состояниям',
      'Опросы: доля ответивших, %',
    ]);
    // Each chart draws from its own small table beside the figures.
    const pie = sheet?.charts.find((c) => c.type === 'PIE');
    expect(pie?.ranges[0]).toMatchObject({ column: 9, numColumns: 2 });
    const pieTable = rowsOf(ws, SHEETS.monitoring)
      .slice((pie?.ranges[0].row ?? 1) - 1, (pie?.ranges[0].row ?? 1) - 1 + (pie?.ranges[0].numRows ?? 0))
      .map((r) => r.slice(8, 10));
    const pairRows = expected.filter((r) => r.key.startsWith('pairs.') && r.value > 0);
    expect(pieTable).toEqual([['Состояние', 'Пар'], ...pairRows.map((r) => [r.name, r.value])]);
    ws.run('refreshMonitoring');
    expect(
      sheet &&
        store.model(ws.boundSpreadsheetId)?.sheets.find((s) => s.name === SHEETS.monitoring)?.charts.length,
    ).toBe(5);
  });

  it('the .xlsx mirror carries the five charts of «Мониторинг»', async () => {
    await ws.save();
    const zip = await JSZip.loadAsync(readFileSync(ws.workbookPath()));
    const charts = await Promise.all(
      Object.keys(zip.files)
        .filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f))
        .map((f) => zip.file(f)?.async('string') ?? ''),
    );
    const titles = charts.map((c) => /<a:t>([^<]*)<\/a:t>/.exec(c)?.[1]).sort();
    expect(titles).toEqual(
      [
        'Охват целевых групп, % (цель — по положению)',
        'Участники по формам наставничества',
        'Влияние на участников: вход и выход',
        'Пары и группы по состояниям',
        'Опросы: доля ответивших, %',
      ].sort(),
    );
    expect(charts.every((c) => c.includes("<c:f>'Мониторинг'!$I$"))).toBe(true);
  });

  it('refuses the district actions in a school workbook, with a Russian explanation', () => {
    ws.run('collectDistrictReports');
    expect(lastToast(ws)?.text).toContain('«Режим» должно стоять «муниципалитет»');
    expect(sheetNames(ws)).not.toContain('Школы');
  });

  it('makes the statistics report once per period, refilling the same file on a second run', () => {
    ws.run('createStatisticsReport');
    expect(lastToast(ws)?.text).toContain('Сведения о количестве участников');
    ws.run('createStatisticsReport');
    expect(documentsNamed(ws, 'Сведения о количестве участников')).toEqual([
      'Сведения о количестве участников программы наставничества 2025-2026',
    ]);
    // Not a second copy with the first one in the bin: the same file, refilled.
    const drive = driveStore(ws.ctx);
    expect(drive.all().filter((i) => i.name.startsWith('Сведения о количестве участников'))).toHaveLength(1);
  });

  it('closes the year: archives sheets, carries consenting mentors, and a second run changes nothing', () => {
    ws.run('closeSchoolYear');
    const names = sheetNames(ws);
    for (const sheet of [
      SHEETS.mentors,
      SHEETS.mentees,
      SHEETS.pairs,
      SHEETS.meetings,
      SHEETS.surveys,
      SHEETS.monitoring,
    ]) {
      expect(names).toContain(sheet);
      expect(names).toContain(`${sheet} 2025-2026`);
    }
    expect(rowsOf(ws, SHEETS.pairs)).toEqual([PAIRS_HEADERS]);
    expect(rowsOf(ws, `${SHEETS.pairs} 2025-2026`)).toHaveLength(7);
    // m1 and m3 agreed and have consent; m4 agreed but her consent is missing.
    const bank = rowsOf(ws, 'Долгосрочная база наставников');
    expect(bank.slice(1).map((r) => [r[0], r[8]])).toEqual([
      ['m1@school.test', '2025-2026'],
      ['m3@school.test', '2025-2026'],
    ]);
    const snapshot = names.map((n) => [n, rowsOf(ws, n)]);
    expect(documentsNamed(ws, 'Итоги учебного года')).toHaveLength(1);
    ws.run('closeSchoolYear');
    expect(lastToast(ws)?.text).toContain('уже закрыт');
    expect(sheetNames(ws).map((n) => [n, rowsOf(ws, n)])).toEqual(snapshot);
    expect(documentsNamed(ws, 'Итоги учебного года')).toHaveLength(1);
  });
});

describe('a district of 30 generated schools', () => {
  let ws: LocalWorkspace;
  let urls: Map<string, string>;

  beforeAll(async () => {
    ws = await LocalWorkspace.create(tempDir(), { clockStart: asOf });
    ({ urls } = seedDistrict(ws, 30, { missing: ['Школа № 31 (доступ закрыт)'] }));
  });

  it('builds the dashboard from every reachable school and names the unreachable one', () => {
    ws.run('collectDistrictReports');
    const dashboard = rowsOf(ws, 'Сводка района');
    const schoolLines = dashboard.filter((r) => String(r[0]).startsWith('МОУ СОШ №'));
    expect(schoolLines).toHaveLength(30);
    const total = dashboard.find((r) => r[0] === 'Район, всего');
    expect(total?.[1]).toBe(30 * 28);
    expect(dashboard.some((r) => String(r[0]).startsWith('Школа № 31 (доступ закрыт)'))).toBe(true);
    expect(lastToast(ws)?.text).toContain('Собрано школ: 30 из 31');
    const registry = rowsOf(ws, 'Школы');
    expect(registry.find((r) => String(r[0]).startsWith('Школа № 31'))?.[2]).toMatch(/^не открывается/);
    expect(documentsNamed(ws, 'Ежегодный аналитический доклад')).toHaveLength(1);
  });

  it('keeps only agreeing mentors in the district bank and proposes pairs across schools', () => {
    // Each school: teachers m0, m1 and employer m6 agreed → 3 × 30.
    expect(rowsOf(ws, 'Районный банк наставников')).toHaveLength(1 + 90);
    const proposals = rowsOf(ws, 'Районные предложения').slice(1);
    // Each school leaves e18 and e19 without a pair: 60 mentees, 90 bank mentors of capacity 1.
    expect(proposals).toHaveLength(60);
    // Mentors of the bank are named; mentees travel as codes only (their names are «Участникs…e…»).
    expect(proposals.flat().join(' ')).not.toMatch(/Участникs\d+e/);
    // A second collection keeps the proposals made and proposes nothing twice.
    ws.run('collectDistrictReports');
    expect(rowsOf(ws, 'Районные предложения').slice(1)).toEqual(proposals);
  });

  it('sends the proposals into the schools’ Пары as «предложена», once', () => {
    ws.run('sendDistrictProposals');
    ws.run('sendDistrictProposals');
    const id = /\/d\/([^/]+)/.exec(urls.get(schoolName(7)) ?? '')?.[1] ?? '';
    const pairs = rowsOf(ws, SHEETS.pairs, id);
    const proposed = pairs.filter((r) => String(r[1]).startsWith('РБ-'));
    expect(proposed.map((r) => [r[5], r[7]]).sort()).toEqual([
      ['s7e18', 'предложена'],
      ['s7e19', 'предложена'],
    ]);
  });
});

describe('a district collection cut short by the time budget', () => {
  it('reads a school per run, continues from its own trigger and then builds the whole dashboard', async () => {
    const ws = await LocalWorkspace.create(tempDir(), { clockStart: asOf });
    seedDistrict(ws, 5, { missing: ['Школа без доступа'], budgetSeconds: 0 });
    ws.run('collectDistrictReports');
    expect(lastToast(ws)?.text).toContain('осталось 5 из 6');
    expect(rowsOf(ws, 'Сводка района')).toEqual([]);
    const runs = ws.advanceClock('30m').filter((r) => r.functionName === 'continueDistrictCollection');
    expect(runs).toHaveLength(5);
    expect(runs.every((r) => r.ok)).toBe(true);
    const dashboard = rowsOf(ws, 'Сводка района');
    expect(dashboard.filter((r) => String(r[0]).startsWith('МОУ СОШ №'))).toHaveLength(5);
    expect(dashboard.find((r) => r[0] === 'Район, всего')?.[1]).toBe(5 * 28);
    expect(dashboard.some((r) => String(r[0]).startsWith('Школа без доступа'))).toBe(true);
    expect(ws.triggers().filter((t) => t.handler === 'continueDistrictCollection')).toEqual([]);
  });
});

describe('a district collecting a year a school has already closed', () => {
  it('reads that school’s figures from its archived Мониторинг', async () => {
    const ws = await LocalWorkspace.create(tempDir(), { clockStart: asOf });
    const { urls } = seedDistrict(ws, 2);
    // School 1 closed 2025-2026: its figures moved to «Мониторинг 2025-2026», the live sheet is blank.
    const id = /\/d\/([^/]+)/.exec(urls.get(schoolName(1)) ?? '')?.[1] ?? '';
    const live = rowsOf(ws, SHEETS.monitoring, id);
    seedWorkbook(
      ws,
      {
        [`${SHEETS.monitoring} 2025-2026`]: live,
        [SHEETS.monitoring]: [live[0], ...live.slice(1).map((r) => r.map(() => ''))],
      },
      { id },
    );
    ws.run('collectDistrictReports');
    expect(lastToast(ws)?.text).toContain('Собрано школ: 2 из 2');
    const dashboard = rowsOf(ws, 'Сводка района');
    expect(dashboard.find((r) => r[0] === 'Район, всего')?.[1]).toBe(2 * 28);
  });
});
