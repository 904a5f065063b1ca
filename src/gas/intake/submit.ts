// The form-submit trigger of every questionnaire. Under the script lock: skip a response already
// processed (double-fired triggers), validate, upsert, log. Raw response sheets are never touched.

import { FORMS } from '../../../forms/index';
import type { RawAnswer, RawAnswers } from '../../core/intake/answers';
import { CONSENTS, consentToRecord } from '../../core/intake/consentRow';
import { INTAKE_LOG, intakeLogRecord, JOURNAL, responseRef } from '../../core/intake/journal';
import { type IntakeOutcome, processSubmission, type Submission } from '../../core/intake/process';
import { mailKey } from '../../core/mail/outbox';
import { appendRows } from '../appendRows';
import { withScriptLock } from '../lock';
import { deliverDue, enqueue } from '../mail/outbox';
import { loadSender } from '../mail/sender';
import { type IntakeTables, loadContext, processedResponses } from './context';
import { eraseParticipant } from './erase';
import { formByGoogleId, readFormRegistry } from './formRegistry';

export interface IntakeReply {
  result: 'accepted' | 'updated' | 'rejected' | 'duplicate' | 'blank' | 'unknown-form';
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

function apply(o: IntakeOutcome, tables: IntakeTables, now: Date): void {
  if (o.erase && o.consent) {
    eraseParticipant(o.erase, o.consent, tables, now);
  } else {
    if (o.base) {
      const table = tables.bases[o.base.role];
      const { rowNumber, values } = o.base.write;
      if (rowNumber === undefined) table?.write([], [values]);
      else table?.write([{ rowNumber, values }]);
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
  if (o.mail.length === 0) return;
  const sender = loadSender();
  enqueue(
    o.mail.map((m) => ({
      key: mailKey(m.to, m.kind, m.period ?? m.participantId),
      to: m.to,
      kind: m.kind,
      subject: m.subject,
      text: `${m.body}\n\n${sender.signature.join('\n')}`,
      participantId: m.participantId,
      urgent: true,
    })),
  );
}

const flatAnswer = (v: unknown): RawAnswer =>
  Array.isArray(v) ? v.flatMap((x) => (Array.isArray(x) ? x.map(String) : String(x))) : String(v ?? '');

export function readSubmission(
  e: GoogleAppsScript.Events.FormsOnFormSubmit | undefined,
): Submission | undefined {
  const response = e?.response;
  const source = e?.source;
  if (!response || !source) return undefined;
  const found = formByGoogleId(readFormRegistry(), source.getId());
  if (!found) return undefined;
  const answers: RawAnswers = {};
  for (const ir of response.getItemResponses()) {
    const key = found.keys.get(String(ir.getItem().getId()));
    if (key) answers[key] = flatAnswer(ir.getResponse());
  }
  return {
    formId: found.formId,
    responseId: response.getId(),
    submittedAt: new Date(response.getTimestamp().getTime()),
    answers,
  };
}

export function handleSubmission(s: Submission): IntakeReply {
  const base = { responseId: s.responseId, participantId: '', reasons: [] as string[], mailQueued: 0 };
  return withScriptLock((): IntakeReply => {
    if (processedResponses().has(s.responseId)) return reply({ ...base, result: 'duplicate' });
    const now = new Date();
    const registry = readFormRegistry();
    const { ctx, tables } = loadContext(s.formId, registry, now);
    let o: IntakeOutcome;
    try {
      o = processSubmission(s, ctx);
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
    apply(o, tables, now);
    return reply({
      ...base,
      result: o.result,
      participantId: o.participantId,
      reasons: o.reasons,
      mailQueued: o.mail.length,
    });
  });
}

/** Installed on every questionnaire form by setup. Returns what happened (the offline CLI prints it). */
export function onQuestionnaireSubmit(e?: GoogleAppsScript.Events.FormsOnFormSubmit): IntakeReply {
  const s = readSubmission(e);
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
  const done = handleSubmission(s);
  if (done.mailQueued > 0) deliverDue();
  return done;
}
