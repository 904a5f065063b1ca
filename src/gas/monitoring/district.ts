// The district workbook (Режим = муниципалитет). «Собрать отчёты» opens each registered school
// read-only and takes its Мониторинг figures, its long-term mentor base (mentors who agreed) and,
// for the cross-school matching, only the ids, categories, forms and topics of its unmatched
// mentees — never a name. A school that cannot be opened is reported by name; the rest still
// build. «Отправить предложения школам» writes the proposals into each school's Пары, with what the
// bank mentor shared beside them; a proposal the school declined frees its mentor at the next collection.

import { BASES } from '../../core/intake/baseRow';
import {
  bankMentorCaption,
  DISTRICT_MENTORS,
  DISTRICT_PAIR_PREFIX,
  isDistrictPairId,
} from '../../core/matching/districtProposal';
import { PAIRS, pairToRecord, stateFromText } from '../../core/matching/pairRow';
import { formatLongRussianDate } from '../../core/meetings/calendar';
import { CATEGORIES, CATEGORY_LABELS, CONSENT_LABELS, type MentoringForm, type Pair } from '../../core/model';
import {
  aggregateDistrict,
  DASHBOARD_HEADERS,
  type DistrictMentee,
  type DistrictMentor,
  type DistrictProposal,
  dashboardLine,
  declinedKey,
  matchAcrossSchools,
  parseSchoolCollection,
  readMonitoringGrid,
  type SchoolCollection,
} from '../../core/monitoring/district';
import { districtReportData } from '../../core/monitoring/districtReport';
import {
  COLLECTION,
  DECLINED_ANSWER,
  DISTRICT_BANK,
  DISTRICT_SHEETS,
  PROPOSALS,
  SCHOOLS,
} from '../../core/monitoring/districtSheets';
import { monitoringGrid } from '../../core/monitoring/figures';
import { monitoringSettings } from '../../core/monitoring/settings';
import {
  academicYear,
  archiveSheetName,
  type BankEntry,
  MENTOR_BANK,
  MENTOR_BANK_HEADERS,
} from '../../core/monitoring/yearClose';
import type { Row, RowPatch } from '../../core/schema';
import { readSettings } from '../../core/settings';
import { SHEETS } from '../../core/sheets';
import { type CellValue, cellText } from '../../core/table';
import { localToday } from '../mail/journal';
import { offeredMentoringForms } from '../mentoringForms';
import { ensureSheet, readSheet, SheetTable } from '../sheetTable';
import { reportName, writeReportDocument } from './reportDocuments';
import { readSettingsOf } from './sources';

type Book = GoogleAppsScript.Spreadsheet.Spreadsheet;

const splitList = (text: string): string[] =>
  text
    .split(/[;,]/)
    .map((s) => s.trim())
    .filter(Boolean);

/** Everything the district takes from one school; throws when the workbook cannot be opened. */
function readSchool(name: string, url: string, forms: readonly MentoringForm[]): SchoolCollection {
  const book = SpreadsheetApp.openByUrl(url);
  // A school that has closed the year being collected keeps its figures in that year's archive.
  const archived = book.getSheetByName(archiveSheetName(SHEETS.monitoring, academicYear(localToday())));
  const monitoring = archived ?? book.getSheetByName(SHEETS.monitoring);
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
  const pairs = readSheet(book, PAIRS);
  const rejected = ({ values: v }: (typeof pairs)[number]) => stateFromText(v.state) === 'rejected';
  const paired = new Set(pairs.filter((r) => !rejected(r)).map((r) => r.values.menteeId));
  const declined = pairs.filter((r) => rejected(r) && isDistrictPairId(r.values.id)).map((r) => r.values.id);
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
    declined,
  };
}

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
  const forms = offeredMentoringForms(cells, book);
  const today = localToday(now);
  const year = academicYear(today);
  const registry = SheetTable.open(SCHOOLS, book);
  const entries = registry.read().filter((r) => r.values.url);
  const nameOf = ({ values: v }: Row<typeof SCHOOLS>) => v.name || v.url;

  // A round reads every school once; it may span several runs, each under the time budget.
  const props = PropertiesService.getScriptProperties();
  const stored = Number(props.getProperty(ROUND_KEY));
  const round = continuing && stored > 0 ? stored : now.getTime();
  props.setProperty(ROUND_KEY, String(round));
  for (const t of ScriptApp.getProjectTriggers())
    if (t.getHandlerFunction() === CONTINUE_HANDLER) ScriptApp.deleteTrigger(t);

  const cache = SheetTable.open(COLLECTION, book);
  const cached = new Map(cache.read().map((r) => [r.values.school, r]));
  const started = Date.now();
  const budgetMs = settings.districtBudgetSeconds * 1000;
  const cacheUpdates: Array<{ rowNumber: number; values: RowPatch<typeof COLLECTION> }> = [];
  const cacheAppends: Array<RowPatch<typeof COLLECTION>> = [];
  const statusUpdates: Array<{ rowNumber: number; values: RowPatch<typeof SCHOOLS> }> = [];
  let readNow = 0;
  let pending = 0;
  for (const entry of entries) {
    const name = nameOf(entry);
    const known = cached.get(name);
    const at = known?.values.collectedAt;
    if (at instanceof Date && at.getTime() >= round) continue;
    if (readNow > 0 && Date.now() - started >= budgetMs) {
      pending++;
      continue;
    }
    readNow++;
    let values: RowPatch<typeof COLLECTION>;
    try {
      const collection = readSchool(name, entry.values.url, forms);
      values = { school: name, collectedAt: now, outcome: 'собрано', data: JSON.stringify(collection) };
      statusUpdates.push({ rowNumber: entry.rowNumber, values: { state: 'собрано', collectedAt: now } });
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      values = { school: name, collectedAt: now, outcome: `не открывается: ${message}`, data: '' };
      statusUpdates.push({ rowNumber: entry.rowNumber, values: { state: `не открывается: ${message}` } });
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

  const latest = new Map(cache.read().map((r) => [r.values.school, r.values]));
  const read: SchoolCollection[] = [];
  const unreachable: string[] = [];
  for (const entry of entries) {
    const name = nameOf(entry);
    const row = latest.get(name);
    const collection = row ? parseSchoolCollection(row.data) : undefined;
    if (collection) read.push(collection);
    else unreachable.push(`${name} (${row ? row.outcome.replace(/^не открывается: /, '') : 'не собрано'})`);
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
  // earlier collections proposed stays, and only the rest is matched again. A proposal a school
  // declined frees its mentor for another mentee and its mentee for another mentor; the declined
  // pair itself is not proposed again.
  const proposalsTable = new SheetTable(ensureSheet(PROPOSALS, book, ['answer']), PROPOSALS);
  const earlier = proposalsTable.read();
  const declinedNow = new Set(
    read.flatMap((r) => (r.declined ?? []).map((id) => `${r.figures.school}\u0000${id}`)),
  );
  const isDeclined = ({ values: v }: (typeof earlier)[number]) =>
    v.answer === DECLINED_ANSWER || declinedNow.has(`${v.school}\u0000${v.pairId}`);
  proposalsTable.write(
    earlier
      .filter((r) => isDeclined(r) && r.values.answer !== DECLINED_ANSWER)
      .map((r) => ({ rowNumber: r.rowNumber, values: { answer: DECLINED_ANSWER } })),
  );
  const standing = earlier.filter((r) => !isDeclined(r));
  const busyMentors = new Set(standing.map((r) => r.values.mentorEmail.toLowerCase()));
  const proposedMentees = new Set(standing.map((r) => `${r.values.school}\u0000${r.values.menteeId}`));
  const proposals = matchAcrossSchools(
    bank.filter((m) => !busyMentors.has(m.email)),
    read.flatMap((r) => r.unmatched).filter((e) => !proposedMentees.has(`${e.school}\u0000${e.menteeId}`)),
    forms,
    new Set(
      earlier.filter(isDeclined).map(({ values: v }) => declinedKey(v.mentorEmail, v.school, v.menteeId)),
    ),
  );
  writeProposals(proposalsTable, proposals, year, earlier);

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

/** «РБ-2025-2026-НЯ-0007»; a mentee's second proposal of the year (the first declined) ends «-2». */
function proposalId(year: string, p: Pick<DistrictProposal, 'menteeId'>, earlier: number): string {
  const id = `${DISTRICT_PAIR_PREFIX}${year}-${p.menteeId}`;
  return earlier > 0 ? `${id}-${earlier + 1}` : id;
}

/** Appends new proposals; a proposal once made is never dropped, so «Отправлено» is kept. */
function writeProposals(
  table: SheetTable<typeof PROPOSALS>,
  proposals: readonly DistrictProposal[],
  year: string,
  earlier: ReadonlyArray<Row<typeof PROPOSALS>>,
): void {
  const made = (p: DistrictProposal) =>
    earlier.filter((r) => r.values.school === p.school && r.values.menteeId === p.menteeId).length;
  const appends = proposals.map((p) => ({
    pairId: proposalId(year, p, made(p)),
    school: p.school,
    menteeId: p.menteeId,
    formId: p.formId,
    mentor: p.mentorName,
    mentorSchool: p.mentorSchool,
    mentorEmail: p.mentorEmail,
    score: p.score,
    explanation: p.explanation,
    sentAt: '',
  }));
  table.write([], appends);
}

/** Writes unsent proposals into each school's Пары as «предложена»: one read and one write per school. */
export function sendDistrictProposalsIn(book: Book, now: Date): { sent: number; failed: string[] } {
  const cells = readSettingsOf(book);
  const forms = offeredMentoringForms(cells, book);
  const urls = new Map(readSheet(book, SCHOOLS).map((r) => [r.values.name, r.values.url]));
  const table = SheetTable.open(PROPOSALS, book);
  const pending = table.read().filter((r) => !cellText(r.values.sentAt));
  const bySchool = new Map<string, typeof pending>();
  for (const r of pending) {
    const school = r.values.school;
    bySchool.set(school, [...(bySchool.get(school) ?? []), r]);
  }
  const done: Array<{ rowNumber: number; values: RowPatch<typeof PROPOSALS> }> = [];
  const failed: string[] = [];
  const bankEntries = bySchool.size > 0 ? readSheet(book, DISTRICT_BANK) : [];
  for (const [school, rows] of bySchool) {
    try {
      const target = SpreadsheetApp.openByUrl(urls.get(school) ?? '');
      const pairs = SheetTable.open(PAIRS, target);
      const existing = pairs.read();
      const present = new Set(existing.map((r) => r.values.id));
      const fresh = rows.filter((r) => !present.has(r.values.pairId));
      // What the school needs to take the mentor in if it approves: what the mentor shared with the bank.
      SheetTable.open(DISTRICT_MENTORS, target).write(
        [],
        fresh.flatMap(({ values: v }) => {
          const entry = bankEntries.find((b) => b.values.email.toLowerCase() === v.mentorEmail.toLowerCase());
          if (!entry) return [];
          const { email, name, category, position, subjects, topics, forms: formLabels } = entry.values;
          return [
            {
              pairId: v.pairId,
              email,
              name,
              school: v.mentorSchool,
              category,
              position,
              subjects,
              topics,
              forms: formLabels,
              receivedAt: now,
            },
          ];
        }),
      );
      const appends = fresh.map(({ values: v }, i) => {
        const pair: Pair = {
          id: v.pairId,
          mentorId: v.mentorEmail,
          menteeId: v.menteeId,
          formId: v.formId,
          state: 'proposed',
          score: Number(v.score) || 0,
          explanation: v.explanation,
          problem: '',
        };
        // The mentor comes from another school's bank: shown by name and school, the mentee stays
        // a code here and gets a name when matching rewrites Пары from the school's own base.
        return {
          ...pairToRecord(pair, existing.length + i + 1, forms, new Map()),
          mentor: bankMentorCaption({ name: v.mentor, school: v.mentorSchool }),
          mentee: '',
        };
      });
      pairs.write([], appends);
      for (const r of rows) done.push({ rowNumber: r.rowNumber, values: { sentAt: now } });
    } catch (e) {
      failed.push(`${school} (${e instanceof Error ? e.message : String(e)})`);
    }
  }
  table.write(done);
  return { sent: done.length, failed };
}
