// One refresh of a school's monitoring: reads the bases, Пары, Встречи, Опросы and Настройки, writes
// the figures and the free-text themes to «Мониторинг», the proposed best mentors and cases to
// «Лучшие наставники и кейсы», and adds this year's mentors who agreed to it to «Долгосрочная база
// наставников». Run by «Обновить мониторинг», by each report before it is filled, by the year close
// and by the daily run; the caller holds the script lock.
import { computeMonitoring, type MonitoringInput } from '../../core/monitoring/compute';
import type { MonitoringRow } from '../../core/monitoring/figures';
import { freeTextLines, freeTextSummary } from '../../core/monitoring/freeText';
import type { Recognition } from '../../core/monitoring/recognition';
import { bestMentorCriteria, type MonitoringSettings } from '../../core/monitoring/settings';
import {
  academicYear,
  agreesToBank,
  bankEntry,
  MENTOR_BANK,
  mergeBank,
} from '../../core/monitoring/yearClose';
import type { CellValue } from '../../core/table';
import { localToday } from '../mail/journal';
import { SheetTable } from '../sheetTable';
import { writeMonitoringSheet } from './monitoringSheet';
import { syncRecognition } from './recognition';
import { readMonitoringSources, type SharedReads } from './sources';

export interface MonitoringRun {
  rows: MonitoringRow[];
  input: MonitoringInput;
  settings: MonitoringSettings;
  year: string;
  today: string;
  problems: string[];
  bankAdded: number;
  /** The curator's confirmations of the year's best mentors and cases. */
  recognition: Recognition;
}

type Book = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Adds or updates this year's mentors who agreed to the long-term base; nothing is removed. */
export function syncMentorBank(book: Book, input: MonitoringInput, school: string, year: string): number {
  const incoming = input.participants
    .filter(agreesToBank)
    .map((p) => bankEntry(p, school, year, input.forms));
  if (incoming.length === 0) return 0;
  const table = SheetTable.open(MENTOR_BANK, book);
  const existing = table.read().map((r) => ({ rowNumber: r.rowNumber, entry: r.values }));
  const { updates, appends } = mergeBank(existing, incoming);
  table.write(
    updates.map((u) => ({ rowNumber: u.rowNumber, values: u.entry })),
    appends,
  );
  return appends.length;
}

export function runMonitoring(
  book: Book,
  now: Date,
  cells?: Map<string, CellValue>,
  shared?: SharedReads,
): MonitoringRun {
  const sources = readMonitoringSources(book, now, cells, shared);
  const rows = computeMonitoring(sources.input);
  const today = localToday(now);
  const year = academicYear(today);
  writeMonitoringSheet(
    book,
    rows,
    freeTextLines(freeTextSummary(sources.input.comments ?? [], sources.input.participants)),
  );
  const bankAdded = syncMentorBank(book, sources.input, sources.settings.schoolName, year);
  const recognition = syncRecognition(book, sources.input, bestMentorCriteria(sources.settings), year);
  return {
    rows,
    input: sources.input,
    settings: sources.settings,
    year,
    today,
    problems: sources.problems,
    bankAdded,
    recognition,
  };
}
