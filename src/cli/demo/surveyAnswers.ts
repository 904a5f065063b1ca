// The demo's participants answer the surveys they were invited to, as people do: most at once, some
// only after the reminder, some never. An answer goes through the survey's Google Form with the
// address and the participant's code the letter's prefilled link carries. Scales are realistic: the
// entry diagnostics lower than the exit, satisfaction mostly high.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FEEDBACK_FORM } from '../../../forms/feedback';
import { IMPACT_ENTRY_FORM, IMPACT_EXIT_FORM } from '../../../forms/impact';
import { SATISFACTION_FORM } from '../../../forms/satisfaction';
import { BASES, nextId } from '../../core/intake/baseRow';
import { MAIL, MAIL_STATES } from '../../core/mail/outbox';
import { MAIL_KIND_LABELS } from '../../core/mail/templates';
import { entryInvitationCarrier } from '../../core/meetings/duties';
import type { SurveyKind } from '../../core/meetings/surveys';
import { columnIndex } from '../../core/schema';
import { SHEETS } from '../../core/sheets';
import type { LocalWorkspace } from '../../local';

const DEFINITIONS = [FEEDBACK_FORM, SATISFACTION_FORM, IMPACT_ENTRY_FORM, IMPACT_EXIT_FORM] as const;

function hash(text: string): number {
  let h = 2166136261;
  for (const c of text) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
  return h;
}

/** 0–9, stable for a person and an invitation. */
const dice = (text: string): number => hash(text) % 10;

/**
 * The survey forms by title. A school that moved to codes keeps its old forms beside the new ones of
 * the same title: only forms that ask the secret (or, in the ordinary mode, do not) are the live ones.
 */
function formIdsByTitle(dir: string, ws: LocalWorkspace, withSecret: boolean): Map<string, string> {
  const out = new Map<string, string>();
  for (const id of ws.formIds()) {
    const form = JSON.parse(readFileSync(join(dir, 'forms', `${id}.json`), 'utf8')) as {
      title?: string;
      items?: Array<{ title?: string }>;
    };
    const asksSecret = (form.items ?? []).some((i) => i.title === 'Секретное число');
    if (form.title && asksSecret === withSecret) out.set(form.title, id);
  }
  return out;
}

/** What people write in the free-text items: a few recurring concerns in their own words. */
const FREE_TEXTS: Partial<Record<SurveyKind, readonly string[]>> = {
  feedback: [
    'Не всегда удаётся найти время для встречи — хорошо бы закрепить день недели',
    'Мало времени на встречи из-за контрольных работ',
    'Хотелось бы закрепить день недели для встреч',
    'Встречи переносятся, нужен постоянный кабинет',
    'Всё устраивает, спасибо наставнику',
  ],
  satisfaction: [
    'Самым ценным была подготовка к олимпиаде; хотелось бы больше встреч весной',
    'Подготовка к олимпиаде и разбор трудных задач',
    'Ценно, что можно обсудить выбор профессии; больше встреч весной',
    'Разговоры о выборе профессии и экскурсия на предприятие',
  ],
};

interface Invitation {
  kind: SurveyKind;
  key: string;
  to: string;
  participantId: string;
}

export interface Respondent {
  role: 'наставник' | 'наставляемый';
  /** A student answers the items «Ученикам», an adult those «Педагогам»; everyone those «Всем». */
  student: boolean;
}

const forSomeoneElse = (title: string, who: Respondent): boolean =>
  who.student ? title.startsWith('Педагогам') : title.startsWith('Ученикам');

/**
 * How letters reach people. The ordinary mode: the script sent them. The pseudonymous mode: the
 * register sent them, and a person reads their own address where the row has a placeholder.
 */
export interface Delivery {
  delivered: (state: string, key: string) => boolean;
  resolve: (text: string) => string;
  /** The secret from the person's slip, which the code forms ask for. */
  secretOf?: (code: string) => string;
}

const SENT_BY_SCRIPT: Delivery = {
  delivered: (state) => state === MAIL_STATES.sent,
  resolve: (text) => text,
};

/** The answers one person gives to one survey, by item title. */
function answersOf(
  kind: SurveyKind,
  inv: Invitation,
  who: Respondent,
  delivery: Delivery,
): Record<string, string> {
  const def = DEFINITIONS.find((d) => d.id === kind);
  if (!def) return {};
  // The code forms ask the slip's secret where the ordinary ones ask the address.
  const out: Record<string, string> = delivery.secretOf
    ? { 'Код участника': inv.participantId, 'Секретное число': delivery.secretOf(inv.participantId) }
    : { 'Электронная почта': inv.to, 'Код участника': inv.participantId };
  const roll = (salt: string) => dice(`${inv.key}${salt}`);
  for (const item of def.items) {
    if (item.key === 'role') out[item.title] = who.role;
    else if (forSomeoneElse(item.title, who)) continue;
    else if (item.type === 'scale') {
      const base = kind === 'impact_entry' ? 4 : kind === 'impact_exit' ? 6 : 7;
      out[item.title] = String(Math.min(10, base + (roll(item.key) % 4)));
    } else if (item.type === 'single' && item.choices?.join() === 'да,нет') {
      out[item.title] = roll(item.key) < 7 ? 'да' : 'нет';
    } else if (item.type === 'long' && roll(item.key) < 3) {
      const texts = FREE_TEXTS[kind] ?? [];
      out[item.title] = texts[dice(`${inv.key}${item.key}text`) % texts.length] ?? '';
    }
  }
  return out;
}

/**
 * A letter's key in words that do not depend on the data mode. A plan's id, the period of most survey
 * letters, starts with its mentor's id: «НС-0001/…» in the ordinary mode, a register code in the
 * pseudonymous one. It is read as the id the ordinary mode gives the mentor in that place of
 * «Наставники», so the same person rolls the same dice in both modes.
 */
function keyByPlace(ws: LocalWorkspace): (key: string) => string {
  const ids: string[] = [];
  const byPlace = new Map<string, string>();
  for (const row of ws.sheetRows(BASES.mentor.name)) {
    const id = nextId('mentor', ids);
    ids.push(id);
    byPlace.set(String(row[columnIndex(BASES.mentor, 'id')]), id);
  }
  return (key) =>
    key.replace(/(^|[|:])([^|:/]+)\//, (whole, before: string, mentorId: string) => {
      const id = byPlace.get(mentorId);
      return id ? `${before}${id}/` : whole;
    });
}

export interface SurveyRound {
  answered: number;
  late: number;
}

/**
 * Answers the invitations sent so far: 6 in 10 answer when invited, 2 in 10 only once they have been
 * reminded (the round after), 2 in 10 never (feedback: 3, 2 and 5 in 10). `done` keeps the invitations already answered.
 */
export function answerSurveys(
  ws: LocalWorkspace,
  dir: string,
  done: Set<string>,
  people: ReadonlyMap<string, Respondent>,
  delivery: Delivery = SENT_BY_SCRIPT,
): SurveyRound {
  const mail = (key: keyof typeof MAIL.columns) => columnIndex(MAIL, key);
  const kindOf = new Map<string, SurveyKind>(DEFINITIONS.map((d) => [MAIL_KIND_LABELS[d.id], d.id]));
  const rows = ws.sheetRows(SHEETS.mail);
  const stateOf = new Map(rows.map((r) => [String(r[mail('key')]), String(r[mail('state')])]));
  // An invitation that went inside another letter reached its reader when that letter did.
  const delivered = (state: string, key: string): boolean => {
    if (delivery.delivered(state, key)) return true;
    const carrier = state === MAIL_STATES.merged ? entryInvitationCarrier(key) : undefined;
    return carrier !== undefined && delivery.delivered(stateOf.get(carrier) ?? '', carrier);
  };
  const sent = rows.filter((r) => delivered(String(r[mail('state')]), String(r[mail('key')])));
  const byPlace = keyByPlace(ws);
  const readerKey = (r: readonly unknown[]) => byPlace(delivery.resolve(String(r[mail('key')])));
  // A reminder's key is «survey_reminder|<survey>:<period>|<address>».
  const reminded = new Set(
    sent
      .filter((r) => String(r[mail('kind')]) === MAIL_KIND_LABELS.survey_reminder)
      .map((r) => readerKey(r).split('|').slice(1).join('|')),
  );
  const invitations: Invitation[] = sent.flatMap((r) => {
    const kind = kindOf.get(String(r[mail('kind')]));
    // The dice roll on the letter as its reader has it: the same person answers alike in both modes.
    const key = readerKey(r);
    if (!kind || done.has(key)) return [];
    return [
      {
        kind,
        key,
        to: delivery.resolve(String(r[mail('to')])),
        participantId: String(r[mail('participantId')]),
      },
    ];
  });
  const forms = formIdsByTitle(dir, ws, delivery.secretOf !== undefined);
  const round: SurveyRound = { answered: 0, late: 0 };
  for (const inv of invitations) {
    // Feedback comes three times a year and fewer bother: 3 in 10 at once, 2 after the reminder.
    const roll = inv.kind === 'feedback' ? dice(inv.key) + 3 : dice(inv.key);
    const [, period, address] = inv.key.split('|');
    const late = roll >= 6 && roll < 8;
    if (roll >= 8 || (late && !reminded.has(`${inv.kind}:${period}|${address}`))) continue;
    const formId = forms.get(DEFINITIONS.find((d) => d.id === inv.kind)?.title ?? '');
    const who = people.get(inv.participantId);
    if (!formId || !who) continue;
    ws.submit(formId, answersOf(inv.kind, inv, who, delivery));
    done.add(inv.key);
    round.answered++;
    if (late) round.late++;
  }
  return round;
}
