// DriveApp, DocumentApp and the MimeType enum as globals of an execution.
import { FakeDocumentApp } from '../docs/documentApp';
import type { ServiceDefinition } from '../services';
import { DOCX_MIME } from './blob';
import { FakeDriveApp } from './driveApp';
import { DOCUMENT_MIME, FOLDER_MIME, FORM_MIME, SPREADSHEET_MIME } from './driveStore';

/** Apps Script's MimeType enum: its values are the MIME type strings. */
export const MIME_TYPES = Object.freeze({
  GOOGLE_DOCS: DOCUMENT_MIME,
  GOOGLE_SHEETS: SPREADSHEET_MIME,
  GOOGLE_FORMS: FORM_MIME,
  FOLDER: FOLDER_MIME,
  PDF: 'application/pdf',
  MICROSOFT_WORD: DOCX_MIME,
  MICROSOFT_EXCEL: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  PLAIN_TEXT: 'text/plain',
  HTML: 'text/html',
  CSV: 'text/csv',
  JSON: 'application/json',
  JPEG: 'image/jpeg',
  PNG: 'image/png',
  ZIP: 'application/zip',
});

export const driveService: ServiceDefinition = {
  name: 'DriveApp',
  globals: (ctx) => ({ DriveApp: new FakeDriveApp(ctx), MimeType: MIME_TYPES }),
};

export const documentService: ServiceDefinition = {
  name: 'DocumentApp',
  globals: (ctx) => ({ DocumentApp: new FakeDocumentApp(ctx) }),
};
