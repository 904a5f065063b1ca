// One form response → what to write. Pure: the gas adapter reads the sheets once, calls this under
// the script lock and applies the returned writes. Every response ends as exactly one «Приём анкет»
// line (accepted, updated or rejected), so nothing submitted is ever lost from view.
import type { FormDefinition, FormId } from '../../../forms/definition';
import { FORMS } from '../../../forms/index';
import { PREFERENCE_RANKS } from '../../../forms/preferences';
import { fullName, type Participant, ROLE_LABELS, type Role } from '../model';
import type { Row } from '../schema';
import {
  type Issue,
  isBlankResponse,
  parseAnswers,
  type RawAnswers,
  RawAnswersSchema,
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
import { type IntakeLogEntry, type IntakeResult, type JournalEntry, responseRef } from './journal';
import { confirmationMail, type MailRequest, rejectionMail } from './mail';
import { CHOICE_KEYS, type PREFERENCES, type PreferencePatch } from './preferenceRow';
import { readQuestionnaire } from './questionnaire';
import type { IntakeSettings } from './settings';
import { isEmail, labelKey, normaliseEmail, ROLE_GENITIVE, ROLE_INSTRUMENTAL } from './text';

/** Raw responses stay as Google Forms recorded them; only the curator deletes them, by hand. */
export const RAW_LEFT =
  'Куратору: удалите ответы этого участника в Google Формах и на листах «Ответы на форму», а также его документы в папке программы.';

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
}

export interface Submission {
  formId: FormId;
  responseId: string;
  submittedAt: Date;
  answers: RawAnswers;
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
  return parseAnswers(def, s.answers, lists);
}

function processQuestionnaire(
  role: Role,
  def: FormDefinition,
  s: Submission,
  ctx: IntakeContext,
): IntakeOutcome {
  const parsed = parseWithSchoolLists(def, s, ctx);
  const email = textOf(parsed.answers, 'email');
  const row = findByEmail(ctx.bases[role], email);
  const q = readQuestionnaire(role, parsed.answers, ctx.settings);
  const issues = [...parsed.errors, ...q.errors];
  const draft = q.draft;
  if (issues.length || !draft) {
    return rejectFor(def, s, ctx, unique(issues), email, row ? { role, row } : undefined);
  }
  const conflicts = bothSides(role, draft, ctx);
  if (conflicts.length) return rejectFor(def, s, ctx, conflicts, email, row ? { role, row } : undefined);

  const before = row?.read.participant;
  const id =
    before?.id ??
    nextId(
      role,
      ctx.bases[role].map((r) => r.record.id),
    );
  const status = consentStatus(draft, ctx.consents);
  const p: Participant = { ...draft, id, consent: status.state, joinedAt: before?.joinedAt ?? ctx.now };
  const values = participantToRecord(p, ctx.settings.mentoringForms, {
    status: ROW_STATUS.accepted,
    problem: status.problem,
    signer: status.signer,
    updatedAt: ctx.now,
    responseId: s.responseId,
  });
  if (row) {
    const changed = changedHeaders(role, row.record, values, BOOKKEEPING);
    const o = outcome(
      def,
      s,
      ctx,
      'updated',
      id,
      [],
      [
        {
          event: `${def.title}: анкета обновлена`,
          who: id,
          details: changed.length ? `Изменено: ${changed.join(', ')}.` : 'Ответы не изменились.',
        },
      ],
    );
    o.base = { role, write: { rowNumber: row.rowNumber, values } };
    return o;
  }
  const o = outcome(
    def,
    s,
    ctx,
    'accepted',
    id,
    [],
    [
      {
        event: `${def.title}: новый участник`,
        who: id,
        details: `Согласие: ${status.state === 'received' ? 'получено' : 'нет'}.`,
      },
    ],
  );
  o.base = { role, write: { values } };
  if (ctx.settings.confirmationMail) o.mail = confirmationMail(p, ctx.consentUrl);
  return o;
}

function nameMatches(p: Participant, signedName: string): boolean {
  const words = labelKey(signedName).split(' ');
  return words.includes(labelKey(p.lastName)) && words.includes(labelKey(p.firstName));
}

function processConsent(
  kind: ConsentKind,
  def: FormDefinition,
  s: Submission,
  ctx: IntakeContext,
): IntakeOutcome {
  const parsed = parseAnswers(def, s.answers, { mentoringForms: [], mentors: [], mentees: [] });
  const read = readConsentAnswers(kind, parsed.answers, s.submittedAt, s.responseId);
  const issues = [...parsed.errors, ...read.errors];
  const record = read.record;
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
  const status = consentStatus(p, [...ctx.consents, record]);
  const problem = !nameMatches(p, record.participantName)
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
  o.consent = { ...record, participantId: id };
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
): IntakeOutcome {
  const parsed = parseWithSchoolLists(def, s, ctx);
  const email = textOf(parsed.answers, 'email');
  if (parsed.errors.length) return rejectFor(def, s, ctx, unique(parsed.errors), email);
  const me = findByEmail(ctx.bases[role], email)?.read.participant;
  if (!me) {
    return rejectFor(
      def,
      s,
      ctx,
      [`Анкеты ${ROLE_GENITIVE[role]} с почтой ${email} нет: сначала заполните анкету.`],
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

export function processSubmission(s: Submission, ctx: IntakeContext): IntakeOutcome {
  const def = FORMS[s.formId];
  // The boundary: whatever the trigger delivered must be text or lists of text, keyed by item key.
  if (!RawAnswersSchema.safeParse(s.answers).success) {
    return rejectFor(def, s, ctx, ['Ответ не читается: ответы формы пришли в неожиданном виде.'], '');
  }
  if (isBlankSubmission(s)) {
    return rejectFor(def, s, ctx, ['Пустой ответ: ни на один вопрос нет ответа.'], '');
  }
  const role = ROLE_OF_FORM[s.formId];
  if (s.formId === 'consent') return processConsent('processing', def, s, ctx);
  if (s.formId === 'dissemination') return processConsent('dissemination', def, s, ctx);
  if (!role) throw new Error(`Неизвестная форма ${s.formId}`);
  if (s.formId === 'mentee' || s.formId === 'mentor') return processQuestionnaire(role, def, s, ctx);
  return processPreferences(role, def, s, ctx);
}
