// Report documents through the documents feature's engine: each report has a template Doc in
// «Наставничество — документы / Шаблоны» that the curator may edit (made from the shipped default on
// first use or when deleted); a report is a copy of it filled in place, kept in «<год> учебный год /
// Отчёты». A report made again the same day replaces the earlier one (moved to the bin, not
// deleted), so the folder holds one document per report and day.

import { formatLongRussianDate } from '../../core/meetings/calendar';
import { DISTRICT_REPORT_TEMPLATE, DISTRICT_REPORT_TITLE } from '../../core/monitoring/districtReport';
import { REPORT_TEMPLATES, REPORT_TITLES, type ReportKind, reportData } from '../../core/monitoring/reports';
import { bestMentorCriteria } from '../../core/monitoring/settings';
import type { DocumentSpec, TemplateRecord } from '../../core/templates';
import { fillTemplate } from '../../core/templates/fill';
import { GasDocumentPort, writeSpec } from '../documents/docsPort';
import { childFolder, rootFolder, TEMPLATES_FOLDER_NAME } from '../documents/drive';
import type { MonitoringRun } from './refresh';

export type ReportTemplateKey = ReportKind | 'district';

const TEMPLATES: Record<ReportTemplateKey, { title: string; spec: DocumentSpec }> = {
  halfYear: { title: REPORT_TITLES.halfYear, spec: REPORT_TEMPLATES.halfYear },
  statistics: { title: REPORT_TITLES.statistics, spec: REPORT_TEMPLATES.statistics },
  yearEnd: { title: REPORT_TITLES.yearEnd, spec: REPORT_TEMPLATES.yearEnd },
  district: { title: DISTRICT_REPORT_TITLE, spec: DISTRICT_REPORT_TEMPLATE },
};

export const REPORTS_FOLDER = 'Отчёты';
const templateProperty = (key: ReportTemplateKey) => `nastavnik.monitoring.template.${key}`;

function liveFile(id: string | null): GoogleAppsScript.Drive.File | undefined {
  if (!id) return undefined;
  try {
    const file = DriveApp.getFileById(id);
    return file.isTrashed() ? undefined : file;
  } catch {
    return undefined;
  }
}

/** The curator's template of a report; made from the shipped default when missing. */
export function reportTemplate(key: ReportTemplateKey): GoogleAppsScript.Drive.File {
  const props = PropertiesService.getScriptProperties();
  const existing = liveFile(props.getProperty(templateProperty(key)));
  if (existing) return existing;
  const doc = DocumentApp.create(`Шаблон: ${TEMPLATES[key].title}`);
  writeSpec(doc.getBody(), TEMPLATES[key].spec);
  doc.saveAndClose();
  const file = DriveApp.getFileById(doc.getId());
  file.moveTo(childFolder(rootFolder(), TEMPLATES_FOLDER_NAME));
  props.setProperty(templateProperty(key), doc.getId());
  return file;
}

export function reportsFolder(year: string): GoogleAppsScript.Drive.Folder {
  return childFolder(childFolder(rootFolder(), `${year} учебный год`), REPORTS_FOLDER);
}

/** Fills a copy of the template; on a template error the copy goes to the bin and the error is raised. */
export function writeReportDocument(
  key: ReportTemplateKey,
  name: string,
  year: string,
  data: TemplateRecord,
): string {
  const folder = reportsFolder(year);
  const earlier: GoogleAppsScript.Drive.File[] = [];
  const same = folder.getFilesByName(name);
  while (same.hasNext()) earlier.push(same.next());
  const copy = reportTemplate(key).makeCopy(name, folder);
  try {
    const doc = DocumentApp.openById(copy.getId());
    fillTemplate(new GasDocumentPort(doc.getBody()), data, TEMPLATES[key].title);
    doc.saveAndClose();
  } catch (e) {
    copy.setTrashed(true);
    throw e;
  }
  for (const file of earlier) if (!file.isTrashed()) file.setTrashed(true);
  return copy.getUrl();
}

export function reportName(kind: ReportTemplateKey, run: Pick<MonitoringRun, 'year' | 'today'>): string {
  return `${TEMPLATES[kind].title} ${run.year} (${run.today})`;
}

export function schoolReport(kind: ReportKind, run: MonitoringRun): string {
  const data: TemplateRecord = reportData(
    kind,
    { school: run.settings.schoolName, academicYear: run.year, asOf: formatLongRussianDate(run.today) },
    run.rows,
    run.input,
    bestMentorCriteria(run.settings),
  );
  return writeReportDocument(kind, reportName(kind, run), run.year, data);
}
