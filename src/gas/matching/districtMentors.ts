// The school's side of a district bank proposal. On «Утвердить пары» the bank mentor of an approved
// proposal becomes a row of «Наставники» (or is found there by e-mail), is asked for consent with a
// prefilled consent form, and the pair waits locked until the consent arrives; the next approval
// then treats it like any pair (order, documents, meetings). The mentor's details are kept only
// while their proposal is open: once it is taken or declined, the row in «Наставники районного
// банка» is emptied.
import { BASES, nextId } from '../../core/intake/baseRow';
import { mailKey } from '../../core/mail/outbox';
import {
  bankMentorParticipant,
  bankMentorRecord,
  consentRequestMail,
  DISTRICT_MENTORS,
  isDistrictPairId,
} from '../../core/matching/districtProposal';
import type { Pair } from '../../core/model';
import { blankPatch, type RowPatch } from '../../core/schema';
import { openForm } from '../intake/formBuilder';
import { readFormRegistry } from '../intake/formRegistry';
import { appendJournal } from '../mail/journal';
import { enqueue, type OutgoingMail } from '../mail/outbox';
import { loadSender } from '../mail/sender';
import { SheetTable } from '../sheetTable';
import type { MatchingWorld, PairRow } from './pairs';

const isOpenProposal = (p: Pair | undefined): p is Pair =>
  p !== undefined && p.state === 'proposed' && isDistrictPairId(p.id);

/**
 * Takes the bank mentors of the district proposals being approved into the base. Returns the rows
 * with those pairs now naming the mentor's new code, locked (the curator's choice) and waiting for
 * consent, and how many mentors were taken. Call under the lock, before the approval itself.
 */
export function takeDistrictMentors(
  rows: readonly PairRow[],
  world: MatchingWorld,
  now: Date,
): { rows: PairRow[]; taken: number } {
  const details = districtMentorsTable();
  if (!details) return { rows: [...rows], taken: 0 };
  const waiting = rows.flatMap((r) =>
    isOpenProposal(r.pair) && !world.people.has(r.pair.mentorId) ? [r.pair] : [],
  );
  const codes = new Map<string, string>();
  let taken = 0;
  if (waiting.length > 0) {
    const known = details.read();
    const base = SheetTable.open(BASES.mentor);
    const baseRows = base.read();
    const ids = baseRows.map((r) => r.values.id);
    const byEmail = new Map(baseRows.map((r) => [r.values.email.toLowerCase(), r.values.id]));
    const appends: RowPatch<typeof BASES.mentor>[] = [];
    const letters: OutgoingMail[] = [];
    const sender = loadSender();
    for (const pair of waiting) {
      const email = pair.mentorId.toLowerCase();
      let id = byEmail.get(email) ?? codes.get(email);
      if (!id) {
        const entry =
          known.find((r) => r.values.pairId === pair.id) ??
          known.find((r) => r.values.email.toLowerCase() === email);
        const mentor = entry && bankMentorParticipant(entry.values, nextId('mentor', ids), world.forms, now);
        if (!mentor) continue;
        ids.push(mentor.id);
        id = mentor.id;
        appends.push(bankMentorRecord(mentor, world.forms, now));
        const mail = consentRequestMail(mentor, sender.name, consentLink(mentor));
        letters.push({
          key: mailKey(mail.to, mail.kind, mail.participantId),
          to: mail.to,
          kind: mail.kind,
          subject: mail.subject,
          text: `${mail.body}\n\n${sender.signature.join('\n')}`,
          participantId: mail.participantId,
          urgent: true,
          unverified: true,
        });
        appendJournal(
          'Наставник из районного банка',
          Session.getEffectiveUser().getEmail(),
          `${mentor.id} внесён в «Наставники» по предложению ${pair.id}; отправлена просьба о согласии на обработку данных.`,
        );
      }
      codes.set(email, id);
    }
    base.write([], appends);
    enqueue(letters);
    taken = appends.length;
  }
  const next = rows.map((r): PairRow => {
    const code = isOpenProposal(r.pair) ? codes.get(r.pair.mentorId.toLowerCase()) : undefined;
    return code && r.pair ? { ...r, pair: { ...r.pair, mentorId: code, state: 'locked' } } : r;
  });
  forgetSettled(details, next);
  return { rows: next, taken };
}

/** «Наставники районного банка» when the district has sent any proposal here. */
export function districtMentorsTable(): SheetTable<typeof DISTRICT_MENTORS> | undefined {
  return SpreadsheetApp.getActive().getSheetByName(DISTRICT_MENTORS.name)
    ? SheetTable.open(DISTRICT_MENTORS)
    : undefined;
}

/** Empties the details of bank mentors whose proposal is no longer open (taken or declined). */
export function forgetSettled(details: SheetTable<typeof DISTRICT_MENTORS>, rows: readonly PairRow[]): void {
  const open = new Set(rows.flatMap((r) => (isOpenProposal(r.pair) ? [r.pair.id] : [])));
  details.write(
    details
      .read()
      .filter((r) => r.values.pairId && !open.has(r.values.pairId))
      .map((r) => ({ rowNumber: r.rowNumber, values: blankPatch(DISTRICT_MENTORS) })),
  );
}

/** The consent form with the mentor's name (as signer and participant) and e-mail already filled in. */
function consentLink(p: { email: string; lastName: string; firstName: string; middleName: string }): string {
  const record = readFormRegistry().consent;
  const form = openForm(record?.id);
  if (!record || !form) return record?.url ?? '';
  const name = [p.lastName, p.firstName, p.middleName].filter(Boolean).join(' ');
  const response = form.createResponse();
  const text: Record<string, string> = { signerName: name, participantName: name, participantEmail: p.email };
  for (const [key, value] of Object.entries(text)) {
    const item = record.items[key] ? form.getItemById(Number(record.items[key])) : null;
    if (item) response.withItemResponse(item.asTextItem().createResponse(value));
  }
  return response.toPrefilledUrl();
}
