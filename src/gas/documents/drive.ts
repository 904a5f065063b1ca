// The programme's folder in Drive: the curator's editable templates and the output folders per
// academic year and document type. Ids live in script properties; a folder or template the curator
// deleted is made again. Nothing here is ever shared by link.
import { DEFAULT_TEMPLATES, type TemplateKey } from '../../core/documents/defaultTemplates';
import { writeSpec } from './docsPort';

export const ROOT_FOLDER_NAME = 'Наставничество — документы';
export const TEMPLATES_FOLDER_NAME = 'Шаблоны';
const ROOT_PROPERTY = 'nastavnik.documents.rootFolderId';
const templateProperty = (key: TemplateKey) => `nastavnik.documents.template.${key}`;

const props = () => PropertiesService.getScriptProperties();

function alive<T>(get: () => T & { isTrashed(): boolean }): T | undefined {
  try {
    const item = get();
    return item.isTrashed() ? undefined : item;
  } catch {
    return undefined;
  }
}

export function childFolder(
  parent: GoogleAppsScript.Drive.Folder,
  name: string,
): GoogleAppsScript.Drive.Folder {
  const found = parent.getFoldersByName(name);
  while (found.hasNext()) {
    const folder = found.next();
    if (!folder.isTrashed()) return folder;
  }
  return parent.createFolder(name);
}

export function rootFolder(): GoogleAppsScript.Drive.Folder {
  const id = props().getProperty(ROOT_PROPERTY);
  const existing = id ? alive(() => DriveApp.getFolderById(id)) : undefined;
  if (existing) return existing;
  const folder = childFolder(DriveApp.getRootFolder(), ROOT_FOLDER_NAME);
  props().setProperty(ROOT_PROPERTY, folder.getId());
  return folder;
}

/** The curator and the director get the folder (editor and viewer); participants never do. */
export function shareFolder(
  folder: GoogleAppsScript.Drive.Folder,
  curatorEmail: string,
  directorEmail: string,
): void {
  if (curatorEmail) folder.addEditor(curatorEmail);
  if (directorEmail) folder.addViewer(directorEmail);
}

/** Creates the template Docs that are missing; returns how many were created. Idempotent. */
export function ensureTemplates(): number {
  const folder = childFolder(rootFolder(), TEMPLATES_FOLDER_NAME);
  let created = 0;
  for (const template of DEFAULT_TEMPLATES) {
    const id = props().getProperty(templateProperty(template.key));
    if (id && alive(() => DriveApp.getFileById(id))) continue;
    const doc = DocumentApp.create(template.title);
    writeSpec(doc.getBody(), template.spec);
    doc.saveAndClose();
    DriveApp.getFileById(doc.getId()).moveTo(folder);
    props().setProperty(templateProperty(template.key), doc.getId());
    created++;
  }
  return created;
}

/** The curator's template file; re-created from the shipped default if it was deleted. */
export function templateFile(key: TemplateKey): GoogleAppsScript.Drive.File {
  const id = props().getProperty(templateProperty(key));
  const file = id ? alive(() => DriveApp.getFileById(id)) : undefined;
  if (file) return file;
  ensureTemplates();
  return DriveApp.getFileById(props().getProperty(templateProperty(key)) ?? '');
}

export function templateTitle(key: TemplateKey): string {
  return DEFAULT_TEMPLATES.find((t) => t.key === key)?.title ?? key;
}
