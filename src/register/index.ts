// The register's programmatic API (the CLI and the demo use it): open or create the file, read the
// Google side through a reader, run the daily documents and letters.
export { type DailyOptions, type DailyReport, runRegisterDaily } from './daily';
export { emlTransport } from './emlTransport';
export { WrongPassphraseError } from './envelope';
export { importClassList } from './importList';
export { consentedLookup, erasePerson, recordConsent, secretOf, withdrawConsent } from './people';
export { makeDocuments } from './registerDocuments';
export { Register } from './registerFile';
export { sendDueLetters } from './registerMail';
export { MissingOAuthClientError, SheetsApiReader } from './sheetsApiReader';
export { parseSmtpUrl, type SmtpSettings, smtpTransport, UnreachableMailServerError } from './smtpTransport';
export type { WorkbookReader } from './workbookReader';
export { WorkspaceReader } from './workspaceReader';
