// Google's URLs of Drive items, and the id inside such a URL.
import { DOCUMENT_MIME, type DriveItem, FOLDER_MIME, FORM_MIME, SPREADSHEET_MIME } from './driveStore';

export function urlOf(item: DriveItem): string {
  switch (item.mimeType) {
    case FOLDER_MIME:
      return `https://drive.google.com/drive/folders/${item.id}`;
    case DOCUMENT_MIME:
      return `https://docs.google.com/document/d/${item.id}/edit`;
    case SPREADSHEET_MIME:
      return `https://docs.google.com/spreadsheets/d/${item.id}/edit`;
    case FORM_MIME:
      return `https://docs.google.com/forms/d/${item.id}/edit`;
    default:
      return `https://drive.google.com/file/d/${item.id}/view?usp=drivesdk`;
  }
}

/** The id inside a Google URL (…/d/ID/…, …/folders/ID, ?id=ID). */
export function idFromUrl(url: string): string | undefined {
  return /\/d\/([\w-]+)|\/folders\/([\w-]+)|[?&]id=([\w-]+)/.exec(url)?.slice(1).find(Boolean);
}
