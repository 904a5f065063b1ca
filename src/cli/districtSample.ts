// A generated district for the offline workspace: school workbooks with their bases, pairs, the
// Мониторинг sheet and the long-term mentor base, registered by URL in the district workbook.
// Used by the district benchmark, the district test and the demo. Deterministic by school number.
import { BASES, participantToRecord } from '../core/intake/baseRow';
import { PAIRS, pairToRecord } from '../core/matching/pairRow';
import type { SurveyAnswer } from '../core/meetings/surveys';
import {
  consentSigner,
  DEFAULT_FORMS,
  type Pair,
  type Participant,
  participantSchema,
  TOPICS,
} from '../core/model';
import { computeMonitoring, type MonitoringInput, type MonitoringMeeting } from '../core/monitoring/compute';
import { monitoringGrid } from '../core/monitoring/figures';
import { monitoringSettings } from '../core/monitoring/settings';
import {
  academicYear,
  agreesToBank,
  bankEntry,
  MENTOR_BANK,
  MENTOR_BANK_SHEET,
} from '../core/monitoring/yearClose';
import { byHeader, type RowPatch, type SheetSchema } from '../core/schema';
import { SETTINGS_HEADERS } from '../core/settings';
import { SHEETS } from '../core/sheets';
import type { CellValue } from '../core/table';
import type { LocalWorkspace } from '../local';
import { seededRandom } from '../local/seededRandom';
import { spreadsheetUrl } from '../local/spreadsheet/bookRef';
import { newSheet, type SpreadsheetModel } from '../local/spreadsheet/model';
import { SpreadsheetStore } from '../local/spreadsheet/store';

export type SheetGrid = CellValue[][];

/** Records under their headers; absent cells blank and dates as «дд.мм.гггг», as a curator types them. */
export function gridOf<S extends SheetSchema>(schema: S, records: ReadonlyArray<RowPatch<S>>): SheetGrid {
  const cell = (v: CellValue | undefined): CellValue =>
    v instanceof Date ? v.toISOString().slice(0, 10).split('-').reverse().join('.') : (v ?? '');
  const headers = schema.headers;
  return [
    [...headers],
    ...records.map((r) => {
      const cells = byHeader(schema, r);
      return headers.map((h) => cell(cells[h]));
    }),
  ];
}

/** Writes sheets into a workbook of the workspace (a new one unless `id` is given); returns its id. */
export function seedWorkbook(
  ws: LocalWorkspace,
  sheets: Readonly<Record<string, SheetGrid>>,
  options: { id?: string; name?: string } = {},
): string {
  const store = SpreadsheetStore.of(ws.ctx);
  store.reload();
  const id = options.id ?? store.create(options.name ?? 'Школа', 'Europe/Moscow').id;
  const model = store.model(id) as SpreadsheetModel;
  let nextSheetId = Math.max(0, ...model.sheets.map((s) => s.sheetId)) + 1;
  for (const [name, grid] of Object.entries(sheets)) {
    let sheet = model.sheets.find((s) => s.name === name);
    if (!sheet) {
      store.apply(id, { op: 'insertSheet', sheetId: nextSheetId, name, index: model.sheets.length });
      nextSheetId++;
      sheet = store.model(id)?.sheets.find((s) => s.name === name) ?? newSheet(-1, name);
    }
    const width = Math.max(...grid.map((r) => r.length));
    const values = grid.map((r) => [...r, ...new Array<CellValue>(width - r.length).fill('')]);
    // As Sheets would have it: a sheet is at least as wide as its data.
    if (width > sheet.maxColumns)
      store.apply(id, {
        op: 'insertColumns',
        sheetId: sheet.sheetId,
        before: sheet.maxColumns,
        count: width - sheet.maxColumns,
      });
    store.apply(id, {
      op: 'setCells',
      sheetId: sheet.sheetId,
      row: 0,
      column: 0,
      values,
      formulas: values.map((r) => r.map(() => null)),
    });
  }
  store.persist();
  return id;
}

export const settingsGrid = (values: Record<string, CellValue>): SheetGrid => [
  [...SETTINGS_HEADERS],
  ...Object.entries(values).map(([name, value]) => [name, value, '']),
];

/** The sheets of a school workbook holding `input` (bases, Пары, Встречи-free, Настройки). */
export function schoolSheets(input: MonitoringInput, school: string): Record<string, SheetGrid> {
  const people = new Map(input.participants.map((p) => [p.id, p]));
  const base = (role: 'mentor' | 'mentee') =>
    gridOf(
      BASES[role],
      input.participants
        .filter((p) => p.role === role)
        .map((p) =>
          participantToRecord(p, input.forms, {
            status: 'принята',
            problem: '',
            signer: consentSigner(p),
            updatedAt: input.asOf,
            responseId: '',
          }),
        ),
    );
  const s = monitoringSettings;
  return {
    [SHEETS.settings]: settingsGrid({
      [s.schoolName.name]: school,
      [s.students10to18.name]: input.totals.students10to18,
      [s.students15to19.name]: input.totals.students15to19,
      [s.teachers.name]: input.totals.teachers,
      [s.youngSpecialists.name]: input.totals.youngSpecialists,
      [s.partnerOrganisations.name]: input.totals.partnerOrganisations,
    }),
    [SHEETS.mentors]: base('mentor'),
    [SHEETS.mentees]: base('mentee'),
    [SHEETS.pairs]: gridOf(
      PAIRS,
      input.pairs.map((p, i) => pairToRecord(p, i + 1, input.forms, people)),
    ),
  };
}

/** A generated school: 8 mentors, 20 mentees, 16 pairs, two mentees left without a pair. */
export function generateSchool(n: number, asOf: Date): MonitoringInput {
  const random = seededRandom(1000 + n);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const person = (p: Partial<Participant> & Pick<Participant, 'id' | 'role' | 'category' | 'forms'>) =>
    participantSchema().parse({
      email: `${p.id.toLowerCase()}@school${n}.test`,
      lastName: `Участник${p.id}`,
      firstName: 'Имя',
      consent: 'received',
      topics: [pick(TOPICS), pick(TOPICS)],
      ...p,
    });
  const mentors: Participant[] = [
    ...[0, 1, 2, 3].map((k) =>
      person({
        id: `s${n}m${k}`,
        role: 'mentor',
        category: 'teacher',
        forms: ['teacher-teacher', 'teacher-student'],
        capacity: 3,
        experienceYears: 10 + k,
        longTermBank: k < 2,
      }),
    ),
    ...[4, 5].map((k) =>
      person({
        id: `s${n}m${k}`,
        role: 'mentor',
        category: 'student',
        forms: ['student-student'],
        capacity: 1,
        age: 16,
        schoolClass: { grade: 10, letter: 'А' },
      }),
    ),
    ...[6, 7].map((k) =>
      person({
        id: `s${n}m${k}`,
        role: 'mentor',
        category: 'employer',
        forms: ['employer-student'],
        capacity: 2,
        position: `Инженер, ООО «Завод ${n}-${k}»`,
        longTermBank: k === 6,
      }),
    ),
  ];
  const mentees: Participant[] = [
    ...Array.from({ length: 15 }, (_, k) =>
      person({
        id: `s${n}e${k}`,
        role: 'mentee',
        category: 'student',
        forms: k < 3 ? ['student-student'] : ['teacher-student', 'employer-student'],
        age: 11 + (k % 6),
        schoolClass: { grade: 5 + (k % 6), letter: 'Б' },
      }),
    ),
    ...[15, 16, 17].map((k) =>
      person({
        id: `s${n}e${k}`,
        role: 'mentee',
        category: 'young_specialist',
        forms: ['teacher-teacher'],
        experienceYears: 1,
      }),
    ),
    ...[18, 19].map((k) =>
      person({
        id: `s${n}e${k}`,
        role: 'mentee',
        category: 'student',
        forms: ['employer-student', 'teacher-student'],
        age: 14,
        schoolClass: { grade: 8, letter: 'В' },
      }),
    ),
  ];
  const mentorFor = (e: Participant): Participant => {
    if (e.category === 'young_specialist') return mentors[0];
    if (e.forms.includes('student-student')) return mentors[4 + (Number(e.id.split('e')[1]) % 2)];
    return mentors[[1, 2, 3, 6, 7][Number(e.id.split('e')[1]) % 5]];
  };
  const states: Pair['state'][] = ['approved', 'approved', 'completed', 'ended_early'];
  const pairs: Pair[] = mentees.slice(0, 18).map((e, i) => {
    const m = mentorFor(e);
    const formId = m.forms.find((f) => e.forms.includes(f)) ?? m.forms[0];
    return {
      id: `s${n}p${i}`,
      mentorId: m.id,
      menteeId: e.id,
      formId,
      state: states[i % 4],
      score: 50,
      explanation: '',
      problem: '',
    };
  });
  const day = (offset: number) => new Date(asOf.getTime() - offset * 86_400_000);
  const meetings: MonitoringMeeting[] = pairs.flatMap((p) =>
    [200, 150, 100, 50, -20].map((offset) => ({
      mentorId: p.mentorId,
      menteeIds: [p.menteeId],
      plannedDate: day(offset),
      held: offset > 0 && random() < 0.85,
    })),
  );
  const answers: SurveyAnswer[] = pairs.flatMap((p): SurveyAnswer[] => [
    {
      kind: 'satisfaction',
      role: 'mentee',
      respondentId: p.menteeId,
      pairId: p.id,
      formId: 'sat',
      date: day(5),
      scores: { overall: 6 + Math.floor(random() * 5) },
      flags: { wantsToMentor: random() < 0.4 },
    },
    {
      kind: 'impact_entry',
      role: 'mentee',
      respondentId: p.menteeId,
      pairId: '',
      formId: 'in',
      date: day(210),
      scores: { motivation: 4 + Math.floor(random() * 3) },
      flags: {},
    },
    {
      kind: 'impact_exit',
      role: 'mentee',
      respondentId: p.menteeId,
      pairId: '',
      formId: 'out',
      date: day(3),
      scores: { motivation: 5 + Math.floor(random() * 4) },
      flags: {},
    },
  ]);
  return {
    participants: [...mentors, ...mentees],
    pairs,
    meetings,
    answers,
    totals: {
      students10to18: 300 + 10 * n,
      students15to19: 90,
      teachers: 45,
      youngSpecialists: 6,
      partnerOrganisations: 80,
    },
    forms: DEFAULT_FORMS,
    asOf,
  };
}

export const schoolName = (n: number): string => `МОУ СОШ № ${n}`;

/**
 * Creates `count` school workbooks whose Мониторинг and long-term mentor base are as the school's
 * own «Обновить мониторинг» leaves them, and registers them in the district workbook (the bound
 * one). `missing` adds registered schools whose workbooks do not exist.
 */
export function seedDistrict(
  ws: LocalWorkspace,
  count: number,
  options: { missing?: string[]; district?: string; budgetSeconds?: number } = {},
): { urls: Map<string, string>; inputs: Map<string, MonitoringInput> } {
  const asOf = ws.now();
  const year = academicYear(asOf.toISOString().slice(0, 10));
  const urls = new Map<string, string>();
  const inputs = new Map<string, MonitoringInput>();
  for (let n = 1; n <= count; n++) {
    const name = schoolName(n);
    const input = generateSchool(n, asOf);
    const bank = input.participants.filter(agreesToBank).map((p) => bankEntry(p, name, year, input.forms));
    const id = seedWorkbook(
      ws,
      {
        ...schoolSheets(input, name),
        [SHEETS.monitoring]: monitoringGrid(computeMonitoring(input)),
        [MENTOR_BANK_SHEET]: gridOf(MENTOR_BANK, bank),
      },
      { name },
    );
    urls.set(name, spreadsheetUrl(id));
    inputs.set(name, input);
  }
  const registry: SheetGrid = [
    ['Школа', 'Ссылка на таблицу', 'Состояние', 'Собрано'],
    ...[...urls].map(([name, url]) => [name, url, '', '']),
    ...(options.missing ?? []).map((name, i) => [name, spreadsheetUrl(`deleted-school-${i}`), '', '']),
  ];
  const s = monitoringSettings;
  seedWorkbook(
    ws,
    {
      [SHEETS.settings]: settingsGrid({
        [s.mode.name]: 'муниципалитет',
        [s.schoolName.name]: options.district ?? 'Каякентский район',
        [s.districtBudgetSeconds.name]: options.budgetSeconds ?? 270,
      }),
      Школы: registry,
    },
    { id: ws.boundSpreadsheetId },
  );
  return { urls, inputs };
}
