// One form response → what to write. Pure: the gas adapter reads the sheets once, calls this under
// the script lock and applies the returned writes. Every response ends as exactly one «Приём анкет»
// line (accepted, updated or rejected), so nothing submitted is ever lost from view.
import type { FormDefinition, FormId } from '../../../forms/definition';
import { PREFERENCE_RANKS } from '../../../forms/preferences';
import { intakeForm } from '../../../forms/pseudonymous';
import { fullName, type Participant, ROLE_LABELS, type Role } from '../model';
import { type CodeCheck, checkTypedCode } from '../pseudonymous/dataMode';
import { namePlaceholder } from '../pseudonymous/namePlaceholders';
import type { Row } from '../schema';
import {
  type Issue,
  isBlankResponse,
  parseAnswers,
  type RawAnswers,
  rawAnswersSchema,
  type ShownChoices,
  textOf,
} from './answers';
import {
  type BasePatch,
  type BaseValues,
  changedHeaders,
  nextId,
  participantToRecord,
  type ReadRow,
  ROW_STATUS,
  SIGNER_LABELS,
} from './baseRow';
import { choiceLists, idFromLabel } from './choices';
import {
  type ConsentKind,
  type ConsentRecord,
  consentStatus,
  hasValidConsent,
  readConsentAnswers,
} from './consent';
import { ruDate } from './dates';
import {
  CHANGE_LABELS,
  type ChangeKind,
  type Confirmation,
  confirmationAddresses,
  identityChanges,
  type PendingChange,
  sameName,
} from './identity';
import { type IntakeLogEntry, type IntakeResult, type JournalEntry, responseRef } from './journal';
import { confirmationMail, type MailRequest, rejectionMail } from './mail';
import { CHOICE_KEYS, type PREFERENCES, type PreferencePatch } from './preferenceRow';
import { readQuestionnaire } from './questionnaire';
import type { IntakeSettings } from './settings';
import { isEmail, labelKey, normaliseEmail, ROLE_GENITIVE, ROLE_INSTRUMENTAL } from './text';

/** Raw responses stay as Google Forms recorded them; only the curator deletes them, by hand. */
export const RAW_LEFT =
  'Куратору: удалите ответы этого участника в Google Формах и на листах ответов «Ответы — …», а также его документы в папке программы.';

export interface BaseRowView {
  rowNumber: number;
  record: BaseValues;
  read: ReadRow;
}

export interface IntakeContext {
  settings: IntakeSettings;
  bases: Record<Role, readonly BaseRowView[]>;
  consents: readonly ConsentRecord[];
  preferences: readonly Row<typeof PREFERENCES>[];
  consentUrl: string;
  /** The form the response came from, for a letter asking to send it again. */
  formUrl?: string;
  now: Date;
  /** The pseudonymous mode's key and HMAC; without them a typed code cannot be checked. */
  codes?: CodeCheck;
}

export interface Submission {
  formId: FormId;
  responseId: string;
  submittedAt: Date;
  answers: RawAnswers;
  /** Choices each question showed in the live form (a curator may have reworded them). */
  shown?: ShownChoices;
}

/** rowNumber undefined: append a new row. */
export interface RowWrite<P = BasePatch> {
  rowNumber?: number;
  values: P;
}

export interface Erasure {
  role: Role;
  participantId: string;
  email: string;
  rowNumber?: number;
}

export interface IntakeOutcome {
  result: IntakeResult;
  participantId: string;
  reasons: string[];
  base?: { role: Role; write: RowWrite };
  consent?: ConsentRecord & { participantId: string };
  preference?: RowWrite<PreferencePatch>;
  erase?: Erasure;
  /** The response waits for the address on file or the curator; nothing else is written. */
  pending?: PendingChange;
  /** A confirmed new address: the consent rows of the old one now belong to it. */
  moveConsents?: { role: Role; from: string; to: string };
  journal: JournalEntry[];
  log: IntakeLogEntry;
  mail: MailRequest[];
}

const ROLE_OF_FORM: Partial<Record<FormId, Role>> = {
  mentee: 'mentee',
  mentor: 'mentor',
  preferencesMentee: 'mentee',
  preferencesMentor: 'mentor',
};
const other = (role: Role): Role => (role === 'mentor' ? 'mentee' : 'mentor');

const participants = (rows: readonly BaseRowView[]): Participant[] =>
  rows.flatMap((r) => (r.read.participant ? [r.read.participant] : []));

const findByEmail = (rows: readonly BaseRowView[], email: string): BaseRowView | undefined =>
  email
    ? rows.find((r) => r.read.participant && !r.read.participant.erased && r.read.participant.email === email)
    : undefined;

const unique = (issues: readonly Issue[]): string[] => [...new Set(issues.map((i) => i.message))];

export const isBlankSubmission = (s: Submission): boolean => isBlankResponse(s.answers);

function outcome(
  def: FormDefinition,
  s: Submission,
  ctx: IntakeContext,
  result: IntakeResult,
  participantId: string,
  reasons: string[],
  journal: Omit<JournalEntry, 'when' | 'ref'>[],
): IntakeOutcome {
  const ref = responseRef(def.title, s.responseId);
  return {
    result,
    participantId,
    reasons,
    journal: journal.map((j) => ({ ...j, when: ctx.now, ref })),
    log: {
      responseId: s.responseId,
      formTitle: def.title,
      receivedAt: s.submittedAt,
      processedAt: ctx.now,
      result,
      participantId,
      reasons,
    },
    mail: [],
  };
}

function rejectFor(
  def: FormDefinition,
  s: Submission,
  ctx: IntakeContext,
  reasons: string[],
  who: string,
  existing?: { role: Role; row: BaseRowView },
): IntakeOutcome {
  const participantId = existing?.row.read.participant?.id ?? '';
  const o = outcome(def, s, ctx, 'rejected', participantId, reasons, [
    { event: `${def.title}: ответ отклонён`, who: participantId || who, details: reasons.join(' ') },
  ]);
  const address = normaliseEmail(String(s.answers.email ?? ''));
  if (address && isEmail(address))
    o.mail = [rejectionMail(address, def.title, s.responseId, reasons, ctx.formUrl ?? '')];
  if (existing) {
    o.base = {
      role: existing.role,
      write: {
        rowNumber: existing.row.rowNumber,
        values: { problem: `Ответ от ${ruDate(s.submittedAt)} не принят: ${reasons.join(' ')}` },
      },
    };
  }
  return o;
}

function pendingFor(
  def: FormDefinition,
  s: Submission,
  ctx: IntakeContext,
  kind: ChangeKind,
  p: Pick<Participant, 'id' | 'role'>,
  reason: string,
  confirmTo: string[],
): IntakeOutcome {
  const why = `Ждёт подтверждения (${CHANGE_LABELS[kind]}): ${reason}`;
  const o = outcome(
    def,
    s,
    ctx,
    'pending',
    p.id,
    [why],
    [
      {
        event: `${def.title}: изменение ждёт подтверждения`,
        who: p.id,
        details: `${CHANGE_LABELS[kind]}; ${confirmTo.length ? 'письмо со ссылкой — на адрес из анкеты' : 'решает куратор'} (лист «Ожидают подтверждения»).`,
      },
    ],
  );
  o.pending = { kind, role: p.role, participantId: p.id, reason, confirmTo };
  return o;
}

/** The same person under another address: same name, class and age in the same base. */
function samePersonElsewhere(
  rows: readonly BaseRowView[],
  draft: Omit<Participant, 'id' | 'consent'>,
): BaseRowView | undefined {
  return rows.find((r) => {
    const p = r.read.participant;
    if (!p || p.erased || p.email === draft.email) return false;
    return (
      sameName(fullName(p), fullName(draft)) &&
      p.age === draft.age &&
      (p.schoolClass?.grade ?? 0) === (draft.schoolClass?.grade ?? 0) &&
      (p.schoolClass?.letter ?? '') === (draft.schoolClass?.letter ?? '')
    );
  });
}

/** Forms shared with the participant's entry in the other base: one person cannot be on both sides. */
function bothSides(role: Role, draft: Omit<Participant, 'id' | 'consent'>, ctx: IntakeContext): string[] {
  const key = labelKey(fullName(draft));
  const same = ctx.bases[other(role)].filter((r) => {
    const p = r.read.participant;
    if (!p || p.erased) return false;
    if (p.email === draft.email) return true;
    const sameClass =
      (p.schoolClass?.grade ?? 0) === (draft.schoolClass?.grade ?? 0) &&
      (p.schoolClass?.letter ?? '') === (draft.schoolClass?.letter ?? '');
    return labelKey(fullName(p)) === key && sameClass && p.age === draft.age;
  });
  const labels: string[] = [];
  for (const r of same) {
    for (const id of r.read.participant?.forms ?? []) {
      if (draft.forms.includes(id))
        labels.push(ctx.settings.mentoringForms.find((f) => f.id === id)?.label ?? id);
    }
  }
  return [...new Set(labels)].map(
    (label) =>
      `Вы уже записаны ${ROLE_INSTRUMENTAL[other(role)]} в форме «${label}»; в одной форме нельзя быть и наставником, и наставляемым.`,
  );
}

/** Columns a new answer always rewrites: not news to the curator. */
const BOOKKEEPING = new Set(['updatedAt', 'responseId', 'joinedAt', 'status', 'problem']);

/** Parses a response against the school's current choice lists (forms of mentoring, the bases). */
function parseWithSchoolLists(def: FormDefinition, s: Submission, ctx: IntakeContext) {
  const lists = choiceLists(
    ctx.settings.mentoringForms,
    participants(ctx.bases.mentor),
    participants(ctx.bases.mentee),
  );
  return parseAnswers(def, s.answers, lists, s.shown, ctx.settings.choiceAliases);
}

function processQuestionnaire(
  role: Role,
  def: FormDefinition,
  s: Submission,
  ctx: IntakeContext,
  confirmed?: Confirmation,
  code?: string,
): IntakeOutcome {
  const parsed = parseWithSchoolLists(def, s, ctx);
  const email = code ? namePlaceholder(code, 'email') : textOf(parsed.answers, 'email');
  const byConfirmedId =
    confirmed?.kind === 'email'
      ? ctx.bases[role].find(
          (r) => r.read.participant?.id === confirmed.participantId && !r.read.participant.erased,
        )
      : undefined;
  const row = findByEmail(ctx.bases[role], email) ?? byConfirmedId;
  const q = readQuestionnaire(role, parsed.answers, ctx.settings, code);
  const issues = [...parsed.errors, ...q.errors];
  const draft = q.draft;
  if (issues.length || !draft) {
    return rejectFor(def, s, ctx, unique(issues), email, row ? { role, row } : undefined);
  }
  const conflicts = bothSides(role, draft, ctx);
  if (conflicts.length) return rejectFor(def, s, ctx, conflicts, email, row ? { role, row } : undefined);

  const before = row?.read.participant;
  const isConfirmed = (p: Participant | undefined) => p !== undefined && confirmed?.participantId === p.id;
  if (before && !isConfirmed(before)) {
    const changes = identityChanges(before, draft);
    if (changes.length) {
      const kind: ChangeKind = changes.some((c) => c.kind === 'parent') ? 'parent' : 'name';
      const reason = changes.map((c) => c.reason).join('; ');
      return pendingFor(def, s, ctx, kind, before, reason, confirmationAddresses(before));
    }
  }
  if (!before) {
    const known = samePersonElsewhere(ctx.bases[role], draft)?.read.participant;
    if (known)
      return pendingFor(
        def,
        s,
        ctx,
        'email',
        known,
        `анкета ${fullName(known)} (${known.id}) пришла с новой почты ${draft.email}`,
        confirmationAddresses(known),
      );
  }
  const movedFrom = before && before.email !== draft.email ? before.email : undefined;
  const id =
    before?.id ??
    code ??
    nextId(
      role,
      ctx.bases[role].map((r) => r.record.id),
    );
  const consents = movedFrom
    ? ctx.consents.map((c) =>
        c.participantEmail === movedFrom && c.role === role ? { ...c, participantEmail: draft.email } : c,
      )
    : ctx.consents;
  const status = consentStatus(draft, consents);
  const flagged = parsed.warnings.map((w) => w.message);
  // A resubmitted questionnaire keeps what the curator corrected: gender if not answered, name forms.
  const p: Participant = {
    ...draft,
    gender: draft.gender ?? before?.gender,
    nameForms: before?.nameForms,
    id,
    consent: status.state,
    joinedAt: before?.joinedAt ?? ctx.now,
  };
  const values = participantToRecord(p, ctx.settings.mentoringForms, {
    status: ROW_STATUS.accepted,
    problem: [status.problem, ...flagged].filter(Boolean).join(' '),
    signer: status.signer,
    updatedAt: ctx.now,
    responseId: s.responseId,
  });
  if (row) {
    const changed = changedHeaders(role, row.record, values, BOOKKEEPING);
    const o = outcome(def, s, ctx, 'updated', id, flagged, [
      {
        event: `${def.title}: анкета обновлена`,
        who: id,
        details: [
          changed.length ? `Изменено: ${changed.join(', ')}.` : 'Ответы не изменились.',
          ...flagged,
        ].join(' '),
      },
    ]);
    o.base = { role, write: { rowNumber: row.rowNumber, values } };
    if (movedFrom) o.moveConsents = { role, from: movedFrom, to: draft.email };
    return o;
  }
  const o = outcome(def, s, ctx, 'accepted', id, flagged, [
    {
      event: `${def.title}: новый участник`,
      who: id,
      details: [`Согласие: ${status.state === 'received' ? 'получено' : 'нет'}.`, ...flagged].join(' '),
    },
  ]);
  o.base = { role, write: { values } };
  if (ctx.settings.confirmationMail) o.mail = confirmationMail(p, ctx.consentUrl);
  return o;
}

/**
 * A consent given under a code names nobody: the participant and the signer are the register's
 * placeholders, so the consent links to the code's row as an ordinary one links by address.
 */
function pseudonymousConsent(record: ConsentRecord, code: string, ctx: IntakeContext): ConsentRecord {
  const participantEmail = namePlaceholder(code, 'email');
  const p = findByEmail(ctx.bases[record.role], participantEmail)?.read.participant;
  const parentName = p?.parentName || namePlaceholder(code, 'parentName');
  return {
    ...record,
    participantEmail,
    participantName: namePlaceholder(code, 'fullName'),
    signerName: record.signer === 'parent' ? parentName : namePlaceholder(code, 'fullName'),
  };
}

const firstText = (v: RawAnswers[string] | undefined): string => {
  const first = Array.isArray(v) ? v[0] : v;
  return typeof first === 'string' ? first.trim() : '';
};

function nameMatches(p: Participant, signedName: string): boolean {
  const words = labelKey(signedName).split(' ');
  return words.includes(labelKey(p.lastName)) && words.includes(labelKey(p.firstName));
}

function processConsent(
  kind: ConsentKind,
  def: FormDefinition,
  s: Submission,
  ctx: IntakeContext,
  confirmed?: Confirmation,
  code?: string,
): IntakeOutcome {
  const parsed = parseAnswers(def, s.answers, { mentoringForms: [], mentors: [], mentees: [] });
  const read = readConsentAnswers(kind, parsed.answers, s.submittedAt, s.responseId);
  const issues = [...parsed.errors, ...read.errors];
  const record = read.record && code ? pseudonymousConsent(read.record, code, ctx) : read.record;
  if (issues.length || !record) {
    return rejectFor(def, s, ctx, unique(issues), textOf(parsed.answers, 'participantEmail'));
  }
  const row = findByEmail(ctx.bases[record.role], record.participantEmail);
  const p = row?.read.participant;
  const id = p?.id ?? '';
  const who = id || record.participantEmail;
  const withdraw = record.decision === 'withdraw';

  if (kind === 'dissemination') {
    const o = outcome(
      def,
      s,
      ctx,
      'accepted',
      id,
      [],
      [
        {
          event: withdraw ? 'Согласие на распространение отозвано' : 'Согласие на распространение получено',
          who,
          details: '',
        },
      ],
    );
    o.consent = { ...record, participantId: id };
    return o;
  }
  if (withdraw && confirmed?.kind !== 'withdrawal') {
    const held = ctx.consents.some(
      (c) => c.role === record.role && c.participantEmail === record.participantEmail,
    );
    if (p && !p.erased)
      return pendingFor(
        def,
        s,
        ctx,
        'withdrawal',
        p,
        `отзыв согласия участника ${p.id}`,
        confirmationAddresses(p),
      );
    if (held) {
      return pendingFor(
        def,
        s,
        ctx,
        'withdrawal',
        { id: '', role: record.role },
        `отзыв согласия за участника с почтой ${record.participantEmail}, анкеты которого ещё нет`,
        [record.participantEmail],
      );
    }
  }
  if (withdraw) {
    const o = outcome(
      def,
      s,
      ctx,
      'accepted',
      id,
      [],
      [
        {
          event: 'Согласие на обработку отозвано',
          who,
          details: `Обработка прекращена, персональные данные удалены ${ruDate(ctx.now)}. ${RAW_LEFT}`,
        },
      ],
    );
    o.consent = { ...record, participantId: id };
    o.erase = {
      role: record.role,
      participantId: id,
      email: record.participantEmail,
      rowNumber: row?.rowNumber,
    };
    return o;
  }
  if (!p || !row) {
    const o = outcome(
      def,
      s,
      ctx,
      'accepted',
      '',
      [],
      [
        {
          event: 'Согласие на обработку получено',
          who,
          details: `Анкеты ${ROLE_GENITIVE[record.role]} с этой почтой пока нет; согласие будет учтено, когда она придёт.`,
        },
      ],
    );
    o.consent = { ...record, participantId: '' };
    return o;
  }
  const checked =
    confirmed?.kind === 'signer' && confirmed.participantId === p.id
      ? { ...record, curatorChecked: true }
      : record;
  const status = consentStatus(p, [...ctx.consents, checked]);
  if (record.signer === 'parent' && !checked.curatorChecked && !sameName(record.signerName, p.parentName))
    return pendingFor(
      def,
      s,
      ctx,
      'signer',
      p,
      p.parentName
        ? `согласие подписал(а) «${record.signerName}», а в анкете родитель — «${p.parentName}»`
        : `согласие подписал(а) «${record.signerName}» как родитель, а в анкете родитель не указан`,
      [],
    );
  const problem =
    !code && !nameMatches(p, record.participantName)
      ? `В согласии указано ФИО «${record.participantName}», а в анкете — «${fullName(p)}»; куратору нужно проверить.`
      : status.problem;
  const state = problem ? 'missing' : status.state;
  const o = outcome(def, s, ctx, 'accepted', id, problem ? [problem] : [], [
    {
      event: state === 'received' ? 'Согласие на обработку получено' : 'Согласие на обработку не засчитано',
      who: id,
      details: problem || `Подписал: ${SIGNER_LABELS[record.signer]}.`,
    },
  ]);
  o.consent = { ...checked, participantId: id };
  o.base = {
    role: record.role,
    write: {
      rowNumber: row.rowNumber,
      values: {
        consent: state === 'received' ? 'получено' : 'нет',
        signer: SIGNER_LABELS[status.signer],
        problem,
      },
    },
  };
  return o;
}

function processPreferences(
  role: Role,
  def: FormDefinition,
  s: Submission,
  ctx: IntakeContext,
  code?: string,
): IntakeOutcome {
  const parsed = parseWithSchoolLists(def, s, ctx);
  const email = code ? namePlaceholder(code, 'email') : textOf(parsed.answers, 'email');
  if (parsed.errors.length) return rejectFor(def, s, ctx, unique(parsed.errors), email);
  const me = findByEmail(ctx.bases[role], email)?.read.participant;
  if (!me) {
    return rejectFor(
      def,
      s,
      ctx,
      [
        code
          ? `Анкеты ${ROLE_GENITIVE[role]} с кодом ${code} нет: сначала заполните анкету.`
          : `Анкеты ${ROLE_GENITIVE[role]} с почтой ${email} нет: сначала заполните анкету.`,
      ],
      email,
    );
  }
  if (!hasValidConsent(me)) {
    return rejectFor(
      def,
      s,
      ctx,
      ['Нет согласия на обработку персональных данных: выбор пока не учитывается.'],
      me.id,
    );
  }
  const chosen: string[] = [];
  const reasons: string[] = [];
  for (let i = 1; i <= PREFERENCE_RANKS; i++) {
    const label = textOf(parsed.answers, `choice${i}`);
    if (!label) continue;
    const id = idFromLabel(label);
    if (!id || chosen.includes(id)) {
      reasons.push(`«${label}» выбран(а) больше одного раза.`);
      continue;
    }
    chosen.push(id);
  }
  if (reasons.length) return rejectFor(def, s, ctx, reasons, me.id);
  const existing = ctx.preferences.find((r) => r.values.participantId === me.id);
  const values: PreferencePatch = {
    participantId: me.id,
    role: ROLE_LABELS[role],
    comment: textOf(parsed.answers, 'comment'),
    updatedAt: ctx.now,
    responseId: s.responseId,
  };
  CHOICE_KEYS.forEach((key, i) => {
    values[key] = chosen[i] ?? '';
  });
  const o = outcome(
    def,
    s,
    ctx,
    existing ? 'updated' : 'accepted',
    me.id,
    [],
    [
      {
        event: `${def.title}: выбор ${existing ? 'обновлён' : 'получен'}`,
        who: me.id,
        details: chosen.join(', '),
      },
    ],
  );
  o.preference = { rowNumber: existing?.rowNumber, values };
  return o;
}

/** `confirmed`: a response replayed after the address on file or the curator confirmed its change. */
export function processSubmission(
  s: Submission,
  ctx: IntakeContext,
  confirmed?: Confirmation,
): IntakeOutcome {
  const pseudonymous = ctx.settings.dataMode === 'pseudonymous';
  const def = intakeForm(s.formId, pseudonymous);
  // The boundary: whatever the trigger delivered must be text or lists of text, keyed by item key.
  if (!rawAnswersSchema().safeParse(s.answers).success) {
    return rejectFor(def, s, ctx, ['Ответ не читается: ответы формы пришли в неожиданном виде.'], '');
  }
  if (isBlankSubmission(s)) {
    return rejectFor(def, s, ctx, ['Пустой ответ: ни на один вопрос нет ответа.'], '');
  }
  let code: string | undefined;
  if (pseudonymous) {
    // Nothing of a response is used before its code and secret check out: a code alone does nothing.
    const typed = checkTypedCode(firstText(s.answers.code), firstText(s.answers.secret), ctx.codes);
    if ('problem' in typed) return rejectFor(def, s, ctx, [typed.problem], '');
    code = typed.code;
  }
  const role = ROLE_OF_FORM[s.formId];
  if (s.formId === 'consent') return processConsent('processing', def, s, ctx, confirmed, code);
  if (s.formId === 'dissemination') return processConsent('dissemination', def, s, ctx, undefined, code);
  if (!role) throw new Error(`Неизвестная форма ${s.formId}`);
  if (s.formId === 'mentee' || s.formId === 'mentor')
    return processQuestionnaire(role, def, s, ctx, confirmed, code);
  return processPreferences(role, def, s, ctx, code);
}
