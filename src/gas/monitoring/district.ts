// The district workbook (Режим = муниципалитет). «Собрать отчёты» opens each registered school
// read-only and takes its Мониторинг figures, its long-term mentor base (mentors who agreed) and,
// for the cross-school matching, only the ids, categories, forms and topics of its unmatched
// mentees — never a name. A school that cannot be opened is reported by name; the rest still
// build. «Отправить предложения школам» writes the proposals into each school's Пары.

import { BASES } from '../../core/intake/baseRow';
import { INTAKE_SETTINGS } from '../../core/intake/settings';
import { PAIRS, pairToRecord } from '../../core/matching/pairRow';
import {
  CATEGORIES,
  CATEGORY_LABELS,
  CONSENT_LABELS,
  DEFAULT_FORMS,
  type MentoringForm,
  type Pair,
} from '../../core/model';
import {
  aggregateDistrict,
  DASHBOARD_HEADERS,
  type DistrictMentee,
  type DistrictMentor,
  type DistrictProposal,
  dashboardLine,
  matchAcrossSchools,
  parseSchoolCollection,
  readMonitoringGrid,
  type SchoolCollection,
} from '../../core/monitoring/district';
import { districtReportData } from '../../core/monitoring/districtReport';
import { monitoringGrid } from '../../core/monitoring/figures';
import { monitoringSettings } from '../../core/monitoring/settings';
import {
  academicYear,
  type BankEntry,
  MENTOR_BANK,
  MENTOR_BANK_HEADERS,
} from '../../core/monitoring/yearClose';
import { formatLongRussianDate } from '../../core/schedule/calendar';
import { headerSheet } from '../../core/schema';
import { readSettings } from '../../core/settings';
import { SHEETS } from '../../core/sheets';
import { type CellValue, cellText, type RowRecord } from '../../core/table';
import { localToday } from '../mail/journal';
import { readSheet, SheetTable } from '../sheetTable';
import { reportName, writeReportDocument } from './reportDocuments';
import { readRecords, readSettingsOf } from './sources';

type Book = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const DISTRICT_SHEETS = {
  schools: 'Школы',
  dashboard: 'Сводка района',
  bank: 'Районный банк наставников',
  proposals: 'Районные предложения',
} as const;

export const SCHOOL_HEADERS = ['Школа', 'Ссылка на таблицу', 'Состояние', 'Собрано'] as const;
export const PROPOSAL_HEADERS = [
  'ID пары',
  'Школа',
  'Код наставляемого',
  'Форма',
  'Наставник',
  'Школа наставника',
  'E-mail наставника',
  'Баллы',
  'Почему эта пара',
  'Отправлено',
] as const;

const splitList = (text: string): string[] =>
  text
    .split(/[;,]/)
    .map((s) => s.trim())
    .filter(Boolean);

/** Everything the district takes from one school; throws when the workbook cannot be opened. */
function readSchool(name: string, url: string, forms: readonly MentoringForm[]): SchoolCollection {
  const book = SpreadsheetApp.openByUrl(url);
  const monitoring = book.getSheetByName(SHEETS.monitoring);
  const rows = monitoring ? readMonitoringGrid(monitoring.getDataRange().getValues() as CellValue[][]) : [];
  if (rows.length === 0) throw new Error('в таблице школы нет заполненного листа «Мониторинг»');
  const bankRecords = readSheet(book, MENTOR_BANK);
  const bank = bankRecords.flatMap(({ values: v }): DistrictMentor[] => {
    const category = CATEGORIES.find((c) => CATEGORY_LABELS[c] === v.category);
    const email = v.email.toLowerCase();
    if (!category || !email) return [];
    return [
      {
        email,
        name: v.name,
        school: name,
        category,
        forms: splitList(v.forms).map((label) => forms.find((f) => f.label === label)?.id ?? label),
        topics: splitList(v.topics),
        capacity: 1,
      },
    ];
  });
  const paired = new Set(
    readSheet(book, PAIRS)
      .filter((r) => !/отклонена|rejected/i.test(r.values.state))
      .map((r) => r.values.menteeId),
  );
  const unmatched = readSheet(book, BASES.mentee).flatMap(({ values: v }): DistrictMentee[] => {
    const id = v.id;
    const category = CATEGORIES.find((c) => CATEGORY_LABELS[c] === v.category);
    if (!id || !category || paired.has(id) || v.consent !== CONSENT_LABELS.received) return [];
    return [
      {
        school: name,
        menteeId: id,
        category,
        forms: splitList(v.forms).map((label) => forms.find((f) => f.label === label)?.id ?? label),
        topics: splitList(v.topics),
      },
    ];
  });
  return {
    figures: { school: name, rows },
    bank,
    bankRows: bankRecords.map((r) =>
      MENTOR_BANK.keys.map((k) => (k === 'school' ? name : r.values[k as keyof BankEntry])),
    ),
    unmatched,
  };
}

export const COLLECTION_SHEET = 'Сбор отчётов школ';
const COLLECTION_HEADERS = ['Школа', 'Собрано', 'Итог', 'Данные'] as const;
const ROUND_KEY = 'nastavnik.district.round';
export const CONTINUE_HANDLER = 'continueDistrictCollection';
const CONTINUE_AFTER_MS = 60_000;

/** A round cut short by the time budget: it continues from a one-off trigger. */
export interface DistrictProgress {
  done: false;
  read: number;
  pending: number;
  registered: number;
}

export interface DistrictResult {
  done: true;
  schools: number;
  registered: number;
  unreachable: string[];
  bankSize: number;
  proposals: number;
  reportUrl: string;
}

function rewrite(book: Book, name: string, grid: CellValue[][]): GoogleAppsScript.Spreadsheet.Sheet {
  const sheet = book.getSheetByName(name) ?? book.insertSheet(name);
  sheet.clearContents();
  const width = Math.max(...grid.map((r) => r.length));
  const padded = grid.map((r) => [...r, ...new Array<CellValue>(width - r.length).fill('')]);
  if (padded.length > 0) sheet.getRange(1, 1, padded.length, width).setValues(padded);
  sheet.setFrozenRows(1);
  return sheet;
}

export function collectDistrictIn(
  book: Book,
  now: Date,
  continuing = false,
): DistrictResult | DistrictProgress {
  const cells = readSettingsOf(book);
  const settings = readSettings(monitoringSettings, cells).values;
  const intakeForms = readSettings(INTAKE_SETTINGS, cells).values.mentoringForms;
  const forms = intakeForms.length ? intakeForms : DEFAULT_FORMS;
  const today = localToday(now);
  const year = academicYear(today);
  const registry = SheetTable.open(headerSheet(DISTRICT_SHEETS.schools, SCHOOL_HEADERS), book);
  const entries = registry.read().filter((r) => cellText(r.values['Ссылка на таблицу']));
  const nameOf = (entry: RowRecord) =>
    cellText(entry.values.Школа) || cellText(entry.values['Ссылка на таблицу']);

  // A round reads every school once; it may span several runs, each under the time budget.
  const props = PropertiesService.getScriptProperties();
  const stored = Number(props.getProperty(ROUND_KEY));
  const round = continuing && stored > 0 ? stored : now.getTime();
  props.setProperty(ROUND_KEY, String(round));
  for (const t of ScriptApp.getProjectTriggers())
    if (t.getHandlerFunction() === CONTINUE_HANDLER) ScriptApp.deleteTrigger(t);

  const cache = SheetTable.open(headerSheet(COLLECTION_SHEET, COLLECTION_HEADERS), book);
  const cached = new Map(cache.read().map((r) => [cellText(r.values.Школа), r]));
  const started = Date.now();
  const budgetMs = settings.districtBudgetSeconds * 1000;
  const cacheUpdates: Array<{ rowNumber: number; values: Record<string, CellValue> }> = [];
  const cacheAppends: Array<Record<string, CellValue>> = [];
  const statusUpdates: Array<{ rowNumber: number; values: Record<string, CellValue> }> = [];
  let readNow = 0;
  let pending = 0;
  for (const entry of entries) {
    const name = nameOf(entry);
    const known = cached.get(name);
    const at = known?.values.Собрано;
    if (at instanceof Date && at.getTime() >= round) continue;
    if (readNow > 0 && Date.now() - started >= budgetMs) {
      pending++;
      continue;
    }
    readNow++;
    let values: Record<string, CellValue>;
    try {
      const collection = readSchool(name, cellText(entry.values['Ссылка на таблицу']), forms);
      values = { Школа: name, Собрано: now, Итог: 'собрано', Данные: JSON.stringify(collection) };
      statusUpdates.push({ rowNumber: entry.rowNumber, values: { Состояние: 'собрано', Собрано: now } });
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      values = { Школа: name, Собрано: now, Итог: `не открывается: ${message}`, Данные: '' };
      statusUpdates.push({ rowNumber: entry.rowNumber, values: { Состояние: `не открывается: ${message}` } });
    }
    if (known) cacheUpdates.push({ rowNumber: known.rowNumber, values });
    else cacheAppends.push(values);
  }
  cache.write(cacheUpdates, cacheAppends);
  registry.write(statusUpdates);
  if (pending > 0) {
    ScriptApp.newTrigger(CONTINUE_HANDLER).timeBased().after(CONTINUE_AFTER_MS).create();
    return { done: false, read: readNow, pending, registered: entries.length };
  }
  props.deleteProperty(ROUND_KEY);

  const latest = new Map(cache.read().map((r) => [cellText(r.values.Школа), r.values]));
  const read: SchoolCollection[] = [];
  const unreachable: string[] = [];
  for (const entry of entries) {
    const name = nameOf(entry);
    const row = latest.get(name);
    const collection = row ? parseSchoolCollection(cellText(row.Данные)) : undefined;
    if (collection) read.push(collection);
    else
      unreachable.push(
        `${name} (${row ? cellText(row.Итог).replace(/^не открывается: /, '') : 'не собрано'})`,
      );
  }

  const figures = read.map((r) => r.figures);
  const district = aggregateDistrict(figures);
  const dashboard: CellValue[][] = [
    [...DASHBOARD_HEADERS],
    ...figures.map(dashboardLine),
    dashboardLine({ school: 'Район, всего', rows: district }),
    [''],
    ...(unreachable.length ? [['Не удалось открыть:'], ...unreachable.map((u) => [u]), ['']] : []),
    ...monitoringGrid(district),
  ];
  const sheet = rewrite(book, DISTRICT_SHEETS.dashboard, dashboard);
  for (const chart of sheet.getCharts()) sheet.removeChart(chart);
  if (figures.length > 0) {
    sheet.insertChart(
      sheet
        .newChart()
        .setChartType(Charts.ChartType.BAR)
        .addRange(sheet.getRange(1, 1, figures.length + 1, 1))
        .addRange(sheet.getRange(1, 3, figures.length + 1, 1))
        .setPosition(figures.length + 4, DASHBOARD_HEADERS.length + 2, 0, 0)
        .setOption('title', 'Охват учеников 10–18 лет по школам, %')
        .build(),
    );
  }

  // A mentor registered by two schools is one entry of the bank.
  const byEmail = new Map<string, DistrictMentor>();
  for (const m of read.flatMap((r) => r.bank)) if (!byEmail.has(m.email)) byEmail.set(m.email, m);
  const bank = [...byEmail.values()];
  rewrite(book, DISTRICT_SHEETS.bank, [[...MENTOR_BANK_HEADERS], ...read.flatMap((r) => r.bankRows)]);

  // A bank mentor takes one district mentee a year and a mentee gets one district proposal: what
  // earlier collections proposed stays, and only the rest is matched again.
  const proposalsTable = SheetTable.open(headerSheet(DISTRICT_SHEETS.proposals, PROPOSAL_HEADERS), book);
  const earlier = proposalsTable.read();
  const busyMentors = new Set(earlier.map((r) => cellText(r.values['E-mail наставника']).toLowerCase()));
  const proposedMentees = new Set(
    earlier.map((r) => `${cellText(r.values.Школа)}\u0000${cellText(r.values['Код наставляемого'])}`),
  );
  const proposals = matchAcrossSchools(
    bank.filter((m) => !busyMentors.has(m.email)),
    read.flatMap((r) => r.unmatched).filter((e) => !proposedMentees.has(`${e.school}\u0000${e.menteeId}`)),
    forms,
  );
  writeProposals(proposalsTable, proposals, year);

  const reportUrl = writeReportDocument(
    'district',
    reportName('district', { year, today }),
    year,
    districtReportData(
      {
        district: settings.schoolName,
        academicYear: year,
        asOf: formatLongRussianDate(today),
        registered: entries.length,
        unreachable,
        bankSize: bank.length,
        proposals: proposals.length,
      },
      district,
      figures,
    ),
  );
  return {
    done: true,
    schools: read.length,
    registered: entries.length,
    unreachable,
    bankSize: bank.length,
    proposals: proposals.length,
    reportUrl,
  };
}

const proposalId = (year: string, p: Pick<DistrictProposal, 'menteeId'>) => `РБ-${year}-${p.menteeId}`;

/** Appends new proposals; a proposal once made is never dropped, so «Отправлено» is kept. */
function writeProposals(table: SheetTable, proposals: readonly DistrictProposal[], year: string): void {
  const appends = proposals.map((p) => ({
    'ID пары': proposalId(year, p),
    Школа: p.school,
    'Код наставляемого': p.menteeId,
    Форма: p.formId,
    Наставник: p.mentorName,
    'Школа наставника': p.mentorSchool,
    'E-mail наставника': p.mentorEmail,
    Баллы: p.score,
    'Почему эта пара': p.explanation,
    Отправлено: '',
  }));
  table.write([], appends);
}

/** Writes unsent proposals into each school's Пары as «предложена»: one read and one write per school. */
export function sendDistrictProposalsIn(book: Book, now: Date): { sent: number; failed: string[] } {
  const cells = readSettingsOf(book);
  const intakeForms = readSettings(INTAKE_SETTINGS, cells).values.mentoringForms;
  const forms = intakeForms.length ? intakeForms : DEFAULT_FORMS;
  const urls = new Map(
    readRecords(book, DISTRICT_SHEETS.schools).map((r) => [
      cellText(r.values.Школа),
      cellText(r.values['Ссылка на таблицу']),
    ]),
  );
  const table = SheetTable.open(headerSheet(DISTRICT_SHEETS.proposals, PROPOSAL_HEADERS), book);
  const pending = table.read().filter((r) => !cellText(r.values.Отправлено));
  const bySchool = new Map<string, typeof pending>();
  for (const r of pending) {
    const school = cellText(r.values.Школа);
    bySchool.set(school, [...(bySchool.get(school) ?? []), r]);
  }
  const done: Array<{ rowNumber: number; values: Record<string, CellValue> }> = [];
  const failed: string[] = [];
  for (const [school, rows] of bySchool) {
    try {
      const target = SpreadsheetApp.openByUrl(urls.get(school) ?? '');
      const pairs = SheetTable.open(PAIRS, target);
      const existing = pairs.read();
      const present = new Set(existing.map((r) => r.values.id));
      const appends = rows
        .filter((r) => !present.has(cellText(r.values['ID пары'])))
        .map((r, i) => {
          const pair: Pair = {
            id: cellText(r.values['ID пары']),
            mentorId: cellText(r.values['E-mail наставника']),
            menteeId: cellText(r.values['Код наставляемого']),
            formId: cellText(r.values.Форма),
            state: 'proposed',
            score: Number(r.values.Баллы) || 0,
            explanation: cellText(r.values['Почему эта пара']),
            problem: '',
          };
          // The mentor comes from another school's bank: shown by name and school, the mentee stays
          // a code here and gets a name when matching rewrites Пары from the school's own base.
          return {
            ...pairToRecord(pair, existing.length + i + 1, forms, new Map()),
            mentor: `${cellText(r.values.Наставник)} (${cellText(r.values['Школа наставника'])}, районный банк)`,
            mentee: '',
          };
        });
      pairs.write([], appends);
      for (const r of rows) done.push({ rowNumber: r.rowNumber, values: { Отправлено: now } });
    } catch (e) {
      failed.push(`${school} (${e instanceof Error ? e.message : String(e)})`);
    }
  }
  table.write(done);
  return { sent: done.length, failed };
}
