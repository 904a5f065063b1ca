// Report documents through the documents feature's engine: each report has a template Doc in
// «Наставничество — документы / Шаблоны» that the curator may edit (made from the shipped default on
// first use or when deleted); a report is a copy of it filled in place, kept in «<год> учебный год /
// Отчёты», one document per report and period.

import { splitName } from '../../core/documents/plan';
import { DOCUMENT_SETTINGS } from '../../core/documents/settings';
import { formatLongRussianDate, formatRussianDate } from '../../core/meetings/calendar';
import { DISTRICT_REPORT_TEMPLATE, DISTRICT_REPORT_TITLE } from '../../core/monitoring/districtReport';
import { REPORT_TEMPLATES, REPORT_TITLES, type ReportKind, reportData } from '../../core/monitoring/reports';
import { bestMentorCriteria } from '../../core/monitoring/settings';
import { readSettingValues } from '../../core/settings';
import type { DocumentSpec, TemplateRecord } from '../../core/templates';
import { initialsBefore } from '../../core/templates/declension';
import { fillTemplate } from '../../core/templates/fill';
import { GasDocumentPort, writeSpec } from '../documents/docsPort';
import { childFolder, rootFolder, TEMPLATES_FOLDER_NAME } from '../documents/drive';
import { applyDocsBatch } from '../documents/tableRows';
import { readSettingCells } from '../settingsSheet';
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

/**
 * Fills the report. The first time it is a copy of the template; made again (the same period, a
 * re-run, the year close after the menu) it refills the same file, so the folder never holds two
 * copies of one report and its link stays the same.
 */
export function writeReportDocument(
  key: ReportTemplateKey,
  name: string,
  year: string,
  data: TemplateRecord,
): string {
  const folder = reportsFolder(year);
  const same = folder.getFilesByName(name);
  let earlier: GoogleAppsScript.Drive.File | undefined;
  while (same.hasNext() && !earlier) {
    const file = same.next();
    if (!file.isTrashed()) earlier = file;
  }
  if (earlier) {
    const doc = DocumentApp.openById(earlier.getId());
    replaceBody(doc.getBody(), DocumentApp.openById(reportTemplate(key).getId()).getBody());
    const port = new GasDocumentPort(doc.getBody());
    fillTemplate(port, data, TEMPLATES[key].title);
    port.finish();
    doc.saveAndClose();
    applyDocsBatch(earlier.getId(), port.rowLayouts, port.replacements);
    return earlier.getUrl();
  }
  const copy = reportTemplate(key).makeCopy(name, folder);
  try {
    const doc = DocumentApp.openById(copy.getId());
    const port = new GasDocumentPort(doc.getBody());
    fillTemplate(port, data, TEMPLATES[key].title);
    port.finish();
    doc.saveAndClose();
    applyDocsBatch(copy.getId(), port.rowLayouts, port.replacements);
  } catch (e) {
    copy.setTrashed(true);
    throw e;
  }
  return copy.getUrl();
}

/** The body becomes a copy of the template's body (paragraphs, list items, tables). */
function replaceBody(body: GoogleAppsScript.Document.Body, template: GoogleAppsScript.Document.Body): void {
  body.clear();
  const placeholder = body.getChild(0);
  for (let i = 0, n = template.getNumChildren(); i < n; i++) {
    const el = template.getChild(i);
    const type = el.getType();
    if (type === DocumentApp.ElementType.TABLE) body.appendTable(el.asTable().copy());
    else if (type === DocumentApp.ElementType.LIST_ITEM) body.appendListItem(el.asListItem().copy());
    else if (type === DocumentApp.ElementType.PARAGRAPH) body.appendParagraph(el.asParagraph().copy());
  }
  if (body.getNumChildren() > 1) placeholder.removeFromParent();
}

/** School reports are named by their period, so each period has one; district reports by day. */
export function reportName(kind: ReportTemplateKey, run: Pick<MonitoringRun, 'year' | 'today'>): string {
  if (kind === 'district') return `${TEMPLATES[kind].title} ${run.year} (${formatRussianDate(run.today)})`;
  if (kind === 'halfYear') return `${TEMPLATES[kind].title} ${run.year}, ${halfOf(run.today)}`;
  return `${TEMPLATES[kind].title} ${run.year}`;
}

/** Monitoring runs by 20 December and by 20 May (seed 004): September–January is the first half. */
const halfOf = (today: string): string => {
  const month = Number(today.slice(5, 7));
  return month >= 9 || month === 1 ? 'I полугодие' : 'II полугодие';
};

export function schoolReport(kind: ReportKind, run: MonitoringRun): string {
  const documents = readSettingValues(
    DOCUMENT_SETTINGS,
    ['directorPosition', 'directorName', 'curatorName'],
    readSettingCells(),
  );
  const yearStart = `${run.year.slice(0, 4)}-09-01`;
  const data: TemplateRecord = reportData(
    kind,
    {
      school: run.settings.schoolName,
      academicYear: run.year,
      asOf: formatLongRussianDate(run.today),
      period: `с ${formatLongRussianDate(yearStart)} по ${formatLongRussianDate(run.today)}`,
      directorPosition: documents.directorPosition,
      director: initialsBefore(splitName(documents.directorName)),
      curator: initialsBefore(splitName(documents.curatorName)),
    },
    run.rows,
    run.input,
    bestMentorCriteria(run.settings),
    run.recognition,
  );
  return writeReportDocument(kind, reportName(kind, run), run.year, data);
}
