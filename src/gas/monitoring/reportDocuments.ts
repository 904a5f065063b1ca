// Report documents in Drive: «Наставничество — отчёты / <учебный год> / <отчёт> (<дата>)». The
// report is filled by the shared template engine into a document model and written into a Google
// Doc; a second run on the same day rewrites the same document instead of making another one.

import { REPORT_TITLES, type ReportKind, renderReport, reportData } from '../../core/monitoring/reports';
import { bestMentorCriteria } from '../../core/monitoring/settings';
import { formatLongRussianDate } from '../../core/schedule/calendar';
import type { DocumentSpec, TemplateRecord } from '../../core/templates';
import type { MonitoringRun } from './refresh';

export const REPORTS_FOLDER = 'Наставничество — отчёты';

function childFolder(parent: GoogleAppsScript.Drive.Folder, name: string): GoogleAppsScript.Drive.Folder {
  const found = parent.getFoldersByName(name);
  return found.hasNext() ? found.next() : parent.createFolder(name);
}

export function reportsFolder(year: string): GoogleAppsScript.Drive.Folder {
  return childFolder(childFolder(DriveApp.getRootFolder(), REPORTS_FOLDER), year);
}

function writeSpec(body: GoogleAppsScript.Document.Body, spec: DocumentSpec): void {
  body.clear();
  for (const block of spec.blocks) {
    if (block.kind === 'table') {
      body.appendTable(block.rows);
      continue;
    }
    const paragraph = body.appendParagraph(block.text);
    if (block.style === 'title') paragraph.setHeading(DocumentApp.ParagraphHeading.TITLE);
    else if (block.style === 'heading') paragraph.setHeading(DocumentApp.ParagraphHeading.HEADING2);
  }
}

/** Writes a filled report into its document (created once per report, year and day); returns its URL. */
export function writeReportDocument(name: string, year: string, spec: DocumentSpec): string {
  const folder = reportsFolder(year);
  const existing = folder.getFilesByName(name);
  const found = existing.hasNext();
  const doc = found ? DocumentApp.openById(existing.next().getId()) : DocumentApp.create(name);
  if (!found) DriveApp.getFileById(doc.getId()).moveTo(folder);
  writeSpec(doc.getBody(), spec);
  doc.saveAndClose();
  return doc.getUrl();
}

export function reportName(kind: ReportKind, run: Pick<MonitoringRun, 'year' | 'today'>): string {
  return `${REPORT_TITLES[kind]} ${run.year} (${run.today})`;
}

export function schoolReport(kind: ReportKind, run: MonitoringRun): string {
  const data: TemplateRecord = reportData(
    kind,
    { school: run.settings.schoolName, academicYear: run.year, asOf: formatLongRussianDate(run.today) },
    run.rows,
    run.input,
    bestMentorCriteria(run.settings),
  );
  return writeReportDocument(reportName(kind, run), run.year, renderReport(kind, data));
}
