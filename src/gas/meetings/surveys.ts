// The feedback and satisfaction forms: created once at setup from forms/feedback.ts and
// forms/satisfaction.ts (with intake's form builder), their links put into Настройки for the
// invitations, and each answer appended to «Опросы» for monitoring. Raw answers stay in the form.
import { FEEDBACK_FORM } from '../../../forms/feedback';
import { IMPACT_ENTRY_FORM, IMPACT_EXIT_FORM } from '../../../forms/impact';
import { surveyForm } from '../../../forms/pseudonymous';
import { SATISFACTION_FORM } from '../../../forms/satisfaction';
import { SCHEDULE_SETTINGS, SURVEY_URL_SETTING } from '../../core/meetings/settings';
import {
  freeText,
  parseSurveyRow,
  SURVEY_KINDS,
  SURVEYS,
  type SurveyAnswer,
  type SurveyKind,
  surveyAnswerFromForm,
  surveyRecord,
} from '../../core/meetings/surveys';
import { checkTypedCode } from '../../core/pseudonymous/dataMode';
import type { RowPatch } from '../../core/schema';
import type { SETTINGS } from '../../core/settings';
import { cellText } from '../../core/table';
import { buildForm, openForm } from '../intake/formBuilder';
import { withScriptLock } from '../lock';
import { appendJournal, localToday } from '../mail/journal';
import { loadIntakeSettings } from '../mentoringForms';
import { registerCodeCheck } from '../pseudonymous/registerKey';
import { settingsTable } from '../settingsSheet';
import { ensureSheet, readSheet, SheetTable } from '../sheetTable';
import { approvedLinkOf, findRespondent } from './people';

/** An answer of «Опросы» with its free-text comment ('' when there is none). */
export interface SurveyRead {
  answer: SurveyAnswer;
  comment: string;
}

/** The answers of «Опросы» that read, in sheet order, read-only ([] when the sheet is missing). */
export function readSurveys(book: GoogleAppsScript.Spreadsheet.Spreadsheet): SurveyRead[] {
  return readSheet(book, SURVEYS).flatMap((r) => {
    const answer = parseSurveyRow(r.values);
    return answer ? [{ answer, comment: r.values.comment }] : [];
  });
}

const isPseudonymous = (): boolean => loadIntakeSettings().values.dataMode === 'pseudonymous';

export const SURVEY_HANDLER = 'onSurveySubmit';
const PROPERTY = 'surveys.forms';
const SURVEY_FORMS = [FEEDBACK_FORM, SATISFACTION_FORM, IMPACT_ENTRY_FORM, IMPACT_EXIT_FORM] as const;

interface RegisteredForm {
  id: string;
  url: string;
  items: Record<string, string>;
  /** The form's prefilled link with placeholders for the address and the participant's code. */
  prefill?: string;
  /** Built for the pseudonymous mode: asks the code and the secret, never an address. */
  pseudonymous?: boolean;
}
type Registry = Partial<Record<(typeof SURVEY_FORMS)[number]['id'], RegisteredForm>>;

const EMAIL_PLACEHOLDER = 'EMAIL_PLACEHOLDER';
const CODE_PLACEHOLDER = 'CODE_PLACEHOLDER';

/**
 * Google names a prefilled link's fields «entry.N», numbers only Forms knows: the link is asked of
 * Forms once, with placeholders, and each letter's link is that pattern with the person's values.
 */
function prefillPattern(form: RegisteredForm): string | undefined {
  const opened = openForm(form.id);
  if (!opened) return undefined;
  const response = opened.createResponse();
  const fill = (key: string, value: string) => {
    const id = form.items[key];
    if (!id) return;
    const item = opened.getItemById(Number(id));
    if (item) response.withItemResponse(item.asTextItem().createResponse(value));
  };
  fill('email', EMAIL_PLACEHOLDER);
  fill('participant', CODE_PLACEHOLDER);
  fill('code', CODE_PLACEHOLDER);
  return response.toPrefilledUrl();
}

export type SurveyLinks = (kind: SurveyKind, person: { email: string; id: string }) => string;

/**
 * Links of the survey forms prefilled for a person; the plain link from Настройки (or the form's)
 * when the form is not the programme's own. Reads the registry once per run.
 */
export function surveyLinks(fallback: Partial<Record<SurveyKind, string>>): SurveyLinks {
  let registry: Registry | undefined;
  return (kind, person) => {
    registry ??= readRegistry();
    const form = registry[kind];
    const plain = fallback[kind] || form?.url || '';
    if (!form || (fallback[kind] && fallback[kind] !== form.url)) return plain;
    if (form.prefill === undefined) {
      form.prefill = prefillPattern(form) ?? '';
      PropertiesService.getScriptProperties().setProperty(PROPERTY, JSON.stringify(registry));
    }
    if (!form.prefill) return plain;
    return form.prefill
      .replace(EMAIL_PLACEHOLDER, encodeURIComponent(person.email))
      .replace(CODE_PLACEHOLDER, encodeURIComponent(person.id));
  };
}

function readRegistry(): Registry {
  try {
    const raw = PropertiesService.getScriptProperties().getProperty(PROPERTY);
    return raw ? (JSON.parse(raw) as Registry) : {};
  } catch {
    return {};
  }
}

const NO_LISTS = { mentoringForms: [], mentors: [], mentees: [] };

/** Setup: the two forms exist, each has one submit trigger, and Настройки holds their links. */
export function setupSurveyForms(): string | undefined {
  const registry = readRegistry();
  const created: string[] = [];
  const pseudonymous = isPseudonymous();
  const replaced = new Set<string>();
  for (const ordinary of SURVEY_FORMS) {
    const known = registry[ordinary.id];
    if (openForm(known?.id) && Boolean(known?.pseudonymous) === pseudonymous) continue;
    // A form of the other mode is left as it is (its answers stay there) and a new one replaces it.
    if (known) replaced.add(known.url);
    const def = surveyForm(ordinary, pseudonymous);
    const form = FormApp.create(def.title);
    if (pseudonymous) form.setCollectEmail(false);
    const items = buildForm(form, def, NO_LISTS);
    const entry: RegisteredForm = { id: form.getId(), url: form.getPublishedUrl(), items, pseudonymous };
    entry.prefill = prefillPattern(entry);
    registry[def.id] = entry;
    created.push(def.title);
  }
  PropertiesService.getScriptProperties().setProperty(PROPERTY, JSON.stringify(registry));
  const wanted = new Set(SURVEY_FORMS.map((d) => registry[d.id]?.id ?? ''));
  const seen = new Set<string>();
  for (const t of ScriptApp.getProjectTriggers()) {
    if (t.getHandlerFunction() !== SURVEY_HANDLER) continue;
    const source = t.getTriggerSourceId();
    if (!wanted.has(source) || seen.has(source)) ScriptApp.deleteTrigger(t);
    else seen.add(source);
  }
  for (const id of wanted)
    if (id && !seen.has(id)) ScriptApp.newTrigger(SURVEY_HANDLER).forForm(id).onFormSubmit().create();
  // The links go where the invitations read them, unless the curator put another link there. Setup
  // seeds Настройки after the steps, so a missing row is added here with its help text.
  const settings = settingsTable();
  const rows = settings.read();
  const updates: Array<{ rowNumber: number; values: RowPatch<typeof SETTINGS> }> = [];
  const appends: Array<RowPatch<typeof SETTINGS>> = [];
  for (const kind of SURVEY_KINDS) {
    const def = SCHEDULE_SETTINGS[SURVEY_URL_SETTING[kind]];
    const url = registry[kind]?.url ?? '';
    const row = rows.find((r) => r.values.name === def.name);
    if (!row) appends.push({ name: def.name, value: url, help: def.help });
    else if (!cellText(row.values.value) || replaced.has(cellText(row.values.value)))
      updates.push({ rowNumber: row.rowNumber, values: { value: url } });
  }
  settings.write(updates, appends);
  return created.length > 0 ? `Созданы анкеты: ${created.join(', ')}` : undefined;
}

/** Form-submit trigger of the survey forms: one row in «Опросы» per response, never twice. */
export function onSurveySubmit(e?: GoogleAppsScript.Events.FormsOnFormSubmit): string {
  const response = e?.response;
  const source = e?.source;
  if (!response || !source) return 'пустое событие';
  const registry = readRegistry();
  const def = SURVEY_FORMS.find((d) => registry[d.id]?.id === source.getId());
  if (!def) return 'не анкета опроса';
  const keyOf = new Map(Object.entries(registry[def.id]?.items ?? {}).map(([key, id]) => [id, key]));
  const answers: Record<string, string> = {};
  for (const ir of response.getItemResponses()) {
    const key = keyOf.get(String(ir.getItem().getId()));
    const value = ir.getResponse();
    if (key) answers[key] = Array.isArray(value) ? value.map(String).join(', ') : String(value ?? '');
  }
  const responseId = response.getId();
  return withScriptLock(() => {
    const table = new SheetTable(ensureSheet(SURVEYS, undefined, ['responseId', 'comment']), SURVEYS);
    if (table.cells('responseId').includes(responseId)) return 'уже записан';
    if (registry[def.id]?.pseudonymous) {
      const typed = checkTypedCode(answers.code ?? '', answers.secret ?? '', registerCodeCheck());
      if ('problem' in typed) {
        // A code without its secret does nothing: the answer stays in the form only.
        appendJournal(`${def.title}: ответ не учтён`, '', typed.problem);
        return 'не учтён';
      }
      answers.participant = typed.code;
    }
    const person = findRespondent(
      (answers.participant ?? '').trim(),
      (answers.email ?? '').trim().toLowerCase(),
    );
    const link = person ? approvedLinkOf(person, localToday()) : undefined;
    const { answer, problems } = surveyAnswerFromForm({
      form: def,
      answers,
      respondentId: person?.id ?? '',
      role: person?.role,
      pairId: link?.pairId ?? '',
      date: new Date(response.getTimestamp().getTime()),
    });
    table.write([], [{ ...surveyRecord(answer), responseId, comment: freeText(def.items, answers) }]);
    if (!person || problems.length > 0) {
      appendJournal(
        `${def.title}: ответ требует внимания`,
        '',
        [person ? '' : 'адрес не найден в базах — ответ записан без кода участника', ...problems]
          .filter(Boolean)
          .join('; '),
      );
    }
    return 'записан';
  });
}
