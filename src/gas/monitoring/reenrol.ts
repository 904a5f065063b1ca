// At the year's close the mentors of the long-term base are invited to the next year: each gets the
// mentor questionnaire with their address and name already filled in (a prefilled Forms link), so
// re-enrolling takes a few minutes. One letter per mentor and year, sent by the daily outbox.

import { mailKey } from '../../core/mail/outbox';
import { renderMail } from '../../core/mail/render';
import { MAIL_KIND_LABELS } from '../../core/mail/templates';
import { MENTOR_BANK } from '../../core/monitoring/yearClose';
import { openForm } from '../intake/formBuilder';
import { readFormRegistry } from '../intake/formRegistry';
import { enqueue, type OutgoingMail } from '../mail/outbox';
import { loadYearSettings } from '../meetings/yearSettings';
import { readSheet } from '../sheetTable';

type Book = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Queues the invitations to the mentors of the bank; returns how many were queued. */
export function inviteMentorBank(book: Book, nextYear: string): number {
  const record = readFormRegistry().mentor;
  const form = openForm(record?.id);
  if (!record || !form) return 0;
  const template = loadYearSettings().templates.reenrol;
  const mails: OutgoingMail[] = readSheet(book, MENTOR_BANK).flatMap(({ values: v }) => {
    if (!v.email) return [];
    const [lastName = '', firstName = '', middleName = ''] = v.name.split(/\s+/);
    const response = form.createResponse();
    for (const [key, value] of Object.entries({ email: v.email, lastName, firstName, middleName })) {
      const id = record.items[key];
      const item = id && value ? form.getItemById(Number(id)) : null;
      if (item) response.withItemResponse(item.asTextItem().createResponse(value));
    }
    const greeting = middleName ? `${firstName} ${middleName}` : firstName;
    const rendered = renderMail(template, {
      name: greeting,
      schoolYear: nextYear,
      formLink: response.toPrefilledUrl(),
    });
    return [
      {
        key: mailKey(v.email, 'reenrol', nextYear),
        to: v.email,
        kind: MAIL_KIND_LABELS.reenrol,
        subject: rendered.subject,
        text: rendered.text,
        html: rendered.html,
      },
    ];
  });
  return enqueue(mails);
}
