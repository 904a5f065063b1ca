// The form-submit trigger of every questionnaire. Under the script lock: skip a response already
// processed (double-fired triggers), validate, upsert, log. Raw response sheets are never touched.

import { FORMS } from '../../../forms/index';
import type { RawAnswer, RawAnswers, ShownChoices } from '../../core/intake/answers';
import { CONSENTS, consentToRecord, movedConsentRows } from '../../core/intake/consentRow';
import type { Confirmation } from '../../core/intake/identity';
import { INTAKE_LOG, intakeLogRecord, JOURNAL, responseRef } from '../../core/intake/journal';
import {
  type IntakeContext,
  type IntakeOutcome,
  processSubmission,
  type Submission,
} from '../../core/intake/process';
import { mailKey } from '../../core/mail/outbox';
import { plainLetterHtml } from '../../core/mail/render';
import type { CellValue } from '../../core/table';
import { appendRows } from '../appendRows';
import { withScriptLock } from '../lock';
import { enqueue, scheduleDelivery } from '../mail/outbox';
import { loadSender } from '../mail/sender';
import { readSettingCells } from '../settingsSheet';
import { SheetTable } from '../sheetTable';
import { type IntakeTables, loadContext, processedResponses } from './context';
import { eraseParticipant } from './erase';
import { type FormRegistry, formByGoogleId, readFormRegistry } from './formRegistry';
import { recordPending } from './pendingChanges';
import { refreshListsInForms } from './setupForms';

export interface IntakeReply {
  result: 'accepted' | 'updated' | 'rejected' | 'pending' | 'duplicate' | 'blank' | 'unknown-form';
  responseId: string;
  participantId: string;
  reasons: string[];
  /** Letters queued in Почта for this response. */
  mailQueued: number;
  /** For `nastavnik local submit`: whether the response is in a base, and why not in Russian. */
  accepted: boolean;
  reason: string;
}

const REPLY_WORDS: Record<IntakeReply['result'], string> = {
  accepted: 'принята',
  updated: 'обновлена',
  rejected: 'отклонена',
  pending: 'ждёт подтверждения',
  duplicate: 'уже обработана',
  blank: 'пустой ответ',
  'unknown-form': 'форма не из программы',
};

function reply(r: Omit<IntakeReply, 'accepted' | 'reason'>): IntakeReply {
  const who = r.participantId ? ` (${r.participantId})` : '';
  return {
    ...r,
    accepted: r.result === 'accepted' || r.result === 'updated',
    reason: `${REPLY_WORDS[r.result]}${who}${r.reasons.length ? `: ${r.reasons.join(' ')}` : ''}`,
  };
}

/** Writes what the outcome says; returns the letters queued. */
function apply(
  o: IntakeOutcome,
  s: Submission,
  ctx: IntakeContext,
  tables: IntakeTables,
  now: Date,
  settingCells: ReadonlyMap<string, CellValue>,
): number {
  let letters = 0;
  if (o.pending) {
    const person = ctx.bases[o.pending.role].find((r) => r.read.participant?.id === o.pending?.participantId)
      ?.read.participant;
    letters += recordPending(o.pending, s, now, o.pending.participantId ? person : undefined);
  } else if (o.erase && o.consent) {
    eraseParticipant(o.erase, o.consent, tables, now);
  } else {
    if (o.base) {
      const table = tables.bases[o.base.role];
      const { rowNumber, values } = o.base.write;
      if (rowNumber === undefined) table?.write([], [values]);
      else table?.write([{ rowNumber, values }]);
    }
    if (o.moveConsents) {
      const consents = tables.consents ?? SheetTable.open(CONSENTS);
      consents.write(movedConsentRows(consents.read(), o.moveConsents));
    }
    if (o.consent) appendRows(CONSENTS, [consentToRecord(o.consent)]);
    if (o.preference && tables.preferences) {
      const { rowNumber, values } = o.preference;
      if (rowNumber === undefined) tables.preferences.write([], [values]);
      else tables.preferences.write([{ rowNumber, values }]);
    }
  }
  appendRows(INTAKE_LOG, [intakeLogRecord(o.log)]);
  appendRows(JOURNAL, o.journal);
  if (o.mail.length === 0) return letters;
  const sender = loadSender(settingCells);
  letters += enqueue(
    o.mail.map((m) => ({
      key: mailKey(m.to, m.kind, m.period ?? m.participantId),
      to: m.to,
      kind: m.kind,
      subject: m.subject,
      text: `${m.body}\n\n${sender.signature.join('\n')}`,
      html: plainLetterHtml(`${m.body}\n\n${sender.signature.join('\n')}`, m.buttons),
      participantId: m.participantId,
      urgent: true,
      unverified: true,
    })),
  );
  return letters;
}

/** The labels a choice question showed: the curator may have reworded them since setup. */
function shownChoices(item: GoogleAppsScript.Forms.Item): string[] | undefined {
  const T = FormApp.ItemType;
  const type = item.getType();
  const choices =
    type === T.MULTIPLE_CHOICE
      ? item.asMultipleChoiceItem().getChoices()
      : type === T.LIST
        ? item.asListItem().getChoices()
        : type === T.CHECKBOX
          ? item.asCheckboxItem().getChoices()
          : undefined;
  return choices?.map((c) => c.getValue());
}

const flatAnswer = (v: unknown): RawAnswer =>
  Array.isArray(v) ? v.flatMap((x) => (Array.isArray(x) ? x.map(String) : String(x))) : String(v ?? '');

export function readSubmission(
  e: GoogleAppsScript.Events.FormsOnFormSubmit | undefined,
  registry: FormRegistry = readFormRegistry(),
): Submission | undefined {
  const response = e?.response;
  const source = e?.source;
  if (!response || !source) return undefined;
  const found = formByGoogleId(registry, source.getId());
  if (!found) return undefined;
  const answers: RawAnswers = {};
  const shown: ShownChoices = {};
  for (const ir of response.getItemResponses()) {
    const item = ir.getItem();
    const key = found.keys.get(String(item.getId()));
    if (!key) continue;
    const answer = flatAnswer(ir.getResponse());
    answers[key] = answer;
    // Reading the live choices costs calls: only for an answer the definition's own list lacks.
    const defined = FORMS[found.formId].items.find((i) => i.key === key)?.choices;
    const values: string[] = [answer].flat(2);
    if (defined && !values.every((v) => defined.includes(v))) {
      const choices = shownChoices(item);
      if (choices) shown[key] = choices;
    }
  }
  return {
    formId: found.formId,
    responseId: response.getId(),
    submittedAt: new Date(response.getTimestamp().getTime()),
    answers,
    shown,
  };
}

export function handleSubmission(s: Submission, registry?: FormRegistry): IntakeReply {
  return withScriptLock(() => processSubmissionLocked(s, undefined, registry));
}

/**
 * One response, the caller holding the script lock. `confirmed`: a response that waited in
 * «Ожидают подтверждения», replayed once the address on file or the curator confirmed it.
 */
export function processSubmissionLocked(
  s: Submission,
  confirmed?: Confirmation,
  registry: FormRegistry = readFormRegistry(),
): IntakeReply {
  const base = { responseId: s.responseId, participantId: '', reasons: [] as string[], mailQueued: 0 };
  if (!confirmed && processedResponses().has(s.responseId)) return reply({ ...base, result: 'duplicate' });
  const now = new Date();
  const cells = readSettingCells();
  const { ctx, tables } = loadContext(s.formId, registry, now, cells);
  let o: IntakeOutcome;
  try {
    o = processSubmission(s, ctx, confirmed);
  } catch (err) {
    const reason = `Ответ не обработан из-за ошибки программы: ${err instanceof Error ? err.message : String(err)}. Сообщите разработчику; ответ сохранён в форме.`;
    const title = FORMS[s.formId].title;
    appendRows(INTAKE_LOG, [
      intakeLogRecord({
        responseId: s.responseId,
        formTitle: title,
        receivedAt: s.submittedAt,
        processedAt: now,
        result: 'rejected',
        participantId: '',
        reasons: [reason],
      }),
    ]);
    appendRows(JOURNAL, [
      {
        when: now,
        event: `${title}: ошибка обработки`,
        who: '',
        details: reason,
        ref: responseRef(title, s.responseId),
      },
    ]);
    return reply({ ...base, result: 'rejected', reasons: [reason] });
  }
  const mailQueued = apply(o, s, ctx, tables, now, cells);
  return reply({
    ...base,
    result: o.result,
    participantId: o.participantId,
    reasons: o.reasons,
    mailQueued,
  });
}

/** Installed on every questionnaire form by setup. Returns what happened (the offline CLI prints it). */
export function onQuestionnaireSubmit(e?: GoogleAppsScript.Events.FormsOnFormSubmit): IntakeReply {
  const registry = readFormRegistry();
  const s = readSubmission(e, registry);
  if (!s) {
    const responseId = e?.response?.getId() ?? '';
    return reply({
      result: e?.response ? 'unknown-form' : 'blank',
      responseId,
      participantId: '',
      reasons: [],
      mailQueued: 0,
    });
  }
  const done = handleSubmission(s, registry);
  // A consent given or withdrawn changes who may be chosen in the post-meeting questionnaires.
  if (s.formId === 'consent' && done.accepted) withScriptLock(() => refreshListsInForms(registry));
  if (done.mailQueued > 0) scheduleDelivery();
  return done;
}
