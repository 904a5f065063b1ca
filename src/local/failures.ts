// Google's own texts for what an execution runs into: the time limit, daily quotas, transient failures.
export const EXECUTION_LIMIT_MESSAGE = 'Exceeded maximum execution time';

/** Daily quotas: recipients, documents created, properties reads and writes, trigger runtime (ms). */
export type QuotaKind = 'email' | 'document' | 'properties' | 'triggerMs';

export const QUOTA_KINDS: readonly QuotaKind[] = ['email', 'document', 'properties', 'triggerMs'];

export const QUOTA_MESSAGES: Record<QuotaKind, string> = {
  email: 'Service invoked too many times for one day: email.',
  document: 'Service invoked too many times for one day: document create.',
  properties: 'Service invoked too many times for one day: properties.',
  triggerMs: 'Service using too much computer time for one day',
};

/** What a simple trigger (onOpen, onEdit) may run; installable triggers and the rest get EXECUTION_LIMIT_MS. */
export const SIMPLE_TRIGGER_LIMIT_MS = 30_000;
export const EXECUTION_LIMIT_MS = 6 * 60_000;

/** Google's texts for transient failures, by counted service name. */
export function serviceFailure(service: string, target?: string): string {
  const withId = (name: string) =>
    target ? `Service ${name} failed while accessing document with id ${target}.` : `Service error: ${name}`;
  switch (service) {
    case 'SpreadsheetApp':
      return withId('Spreadsheets');
    case 'DocumentApp':
      return withId('Documents');
    case 'DriveApp':
      return 'Service error: Drive';
    case 'FormApp':
      return 'Service error: Forms';
    case 'MailApp':
      return 'Service unavailable: Mail. Try again later.';
    case 'LockService':
      return 'There are too many LockService operations against the same script.';
    default:
      return "We're sorry, a server error occurred. Please wait a bit and try again.";
  }
}
