// Setup of the questionnaires: create each Google Form once (or reuse the recorded one), send its
// responses to this workbook, install exactly one submit trigger per form and show the links in
// Настройки. Running it again creates nothing: it brings forms whose definition changed in line with
// forms/*.ts and refills the lists from Настройки and the bases.

import { FORM_IDS, type FormId } from '../../../forms/definition';
import { FORMS } from '../../../forms/index';
import { intakeForm } from '../../../forms/pseudonymous';
import { choiceLists } from '../../core/intake/choices';
import { formStamp } from '../../core/intake/formStamp';
import { JOURNAL } from '../../core/intake/journal';
import type { MentoringForm, Participant } from '../../core/model';
import type { RowPatch } from '../../core/schema';
import type { SETTINGS } from '../../core/settings';
import { cellText } from '../../core/table';
import { appendRows } from '../appendRows';
import { loadIntakeSettings, offeredMentoringForms } from '../mentoringForms';
import { settingsTable } from '../settingsSheet';
import { openBase, readBaseSheet } from './bases';
import { buildForm, openForm, refreshChoices } from './formBuilder';
import { isCurrent, migrateForm } from './formMigration';
import { type FormRegistry, readFormRegistry, saveFormRegistry } from './formRegistry';
import { meetingPeople, noteListsOnMeeting } from './networking';

export const SUBMIT_HANDLER = 'onQuestionnaireSubmit';

function currentLists(forms: readonly MentoringForm[] = offeredMentoringForms()) {
  const people = (role: 'mentor' | 'mentee'): Participant[] =>
    readBaseSheet(openBase(role), role, forms).flatMap((r) =>
      r.read.participant ? [r.read.participant] : [],
    );
  return choiceLists(forms, people('mentor'), people('mentee'), meetingPeople());
}

/** Response sheets are named «Ответы — <форма>»; the workbook's look puts them last. */
export const RESPONSES_PREFIX = 'Ответы — ';
/** A sheet Google Forms writes raw responses to: renamed by setup, or as Google named it. */
export const isResponseSheet = (name: string): boolean =>
  name.startsWith(RESPONSES_PREFIX) || name.startsWith('Ответы на форму');

/**
 * «Ответы — Анкета наставника», «Ответы — Выбор наставника»: at most 31 characters and no «:», so that
 * the workbook saves as .xlsx (Excel's limits) with every name intact.
 */
export function responsesSheetName(formTitle: string): string {
  const after = formTitle.includes(':') ? formTitle.slice(formTitle.indexOf(':') + 1).trim() : formTitle;
  const title = after.charAt(0).toUpperCase() + after.slice(1);
  const full = `${RESPONSES_PREFIX}${title}`.replace(/[*?:/\\[\]]/g, ' ');
  if (full.length <= 31) return full;
  const cut = full.slice(0, 30);
  return `${cut.slice(0, cut.lastIndexOf(' '))}…`;
}

function keepDestination(form: GoogleAppsScript.Forms.Form, bookId: string): void {
  let current = '';
  try {
    current = form.getDestinationId();
  } catch {
    current = '';
  }
  if (current === bookId) return;
  const book = SpreadsheetApp.openById(bookId);
  const before = new Set(book.getSheets().map((s) => s.getSheetId()));
  form.setDestination(FormApp.DestinationType.SPREADSHEET, bookId);
  SpreadsheetApp.flush();
  // Google names the new sheet «Ответы на форму (N)»; the curator should see which form it is.
  const added = book.getSheets().find((s) => !before.has(s.getSheetId()));
  let name = responsesSheetName(form.getTitle());
  for (let n = 2; book.getSheetByName(name); n++)
    name = `${responsesSheetName(form.getTitle()).slice(0, 26)} (${n})`;
  if (added) added.setName(name);
}

/** One submit trigger per recorded form; duplicates and triggers of forgotten forms are deleted. */
function installTriggers(registry: FormRegistry): number {
  const wanted = new Set(FORM_IDS.map((f) => registry[f]?.id).filter((id): id is string => Boolean(id)));
  const seen = new Set<string>();
  for (const t of ScriptApp.getProjectTriggers()) {
    if (t.getHandlerFunction() !== SUBMIT_HANDLER) continue;
    const source = t.getTriggerSourceId();
    if (!wanted.has(source) || seen.has(source)) ScriptApp.deleteTrigger(t);
    else seen.add(source);
  }
  let created = 0;
  for (const id of wanted) {
    if (seen.has(id)) continue;
    ScriptApp.newTrigger(SUBMIT_HANDLER).forForm(id).onFormSubmit().create();
    created++;
  }
  return created;
}

const linkName = (formId: FormId) => `Ссылка: ${FORMS[formId].title}`;

/** Shows the form links in Настройки, where the curator copies them for the information campaign. */
function writeLinks(registry: FormRegistry): void {
  const table = settingsTable();
  const rows = table.read();
  const updates: { rowNumber: number; values: RowPatch<typeof SETTINGS> }[] = [];
  const appends: RowPatch<typeof SETTINGS>[] = [];
  for (const formId of FORM_IDS) {
    const record = registry[formId];
    if (!record) continue;
    const values = {
      name: linkName(formId),
      value: record.url,
      help: `Ссылка для участников; форма создана настройкой (id ${record.id}). Не меняйте эту строку.`,
    };
    const row = rows.find((r) => r.values.name === values.name);
    if (!row) appends.push(values);
    else if (cellText(row.values.value) !== record.url) updates.push({ rowNumber: row.rowNumber, values });
  }
  table.write(updates, appends);
}

/**
 * Creates the forms that are missing and brings the others in line with forms/*.ts: those whose
 * definition changed since (by the recorded stamp), or all of them when `force` (menu «Обновить
 * анкеты»). Returns the Russian lines of what changed, one per form, and what was created.
 */
function syncForms(force: boolean): { created: string[]; changed: string[] } {
  const registry = readFormRegistry();
  const bookId = SpreadsheetApp.getActive().getId();
  const lists = currentLists();
  const created: string[] = [];
  const changed: string[] = [];
  const pseudonymous = loadIntakeSettings().values.dataMode === 'pseudonymous';
  for (const formId of FORM_IDS) {
    const def = intakeForm(formId, pseudonymous);
    const known = registry[formId];
    let form = openForm(known?.id);
    if (form && known) {
      if (force || !isCurrent(known, def)) {
        const migration = migrateForm(form, def, lists, known);
        registry[formId] = migration.record;
        if (migration.changes.length) changed.push(`«${def.title}»: ${migration.changes.join('; ')}`);
      } else refreshChoices(form, def, lists, known.items);
    } else {
      form = FormApp.create(def.title);
      const items = buildForm(form, def, lists);
      registry[formId] = { id: form.getId(), url: form.getPublishedUrl(), items, stamp: formStamp(def) };
      created.push(def.title);
    }
    // Google may record the respondent's address on its own; this mode must never hold one.
    if (pseudonymous) form.setCollectEmail(false);
    keepDestination(form, bookId);
  }
  saveFormRegistry(registry);
  if (changed.length) {
    const now = new Date();
    appendRows(
      JOURNAL,
      changed.map((details) => ({
        when: now,
        event: 'Анкета приведена к определению',
        who: '',
        details,
        ref: '',
      })),
    );
  }
  return { created, changed };
}

export function setupIntakeForms(): string | undefined {
  const { created, changed } = syncForms(false);
  const registry = readFormRegistry();
  const triggers = installTriggers(registry);
  writeLinks(registry);
  const notes = [
    created.length ? `Созданы формы: ${created.join(', ')}` : '',
    changed.length ? `Обновлены анкеты: ${changed.join('. ')}` : '',
    triggers ? `Установлено обработчиков анкет: ${triggers}` : '',
  ].filter(Boolean);
  return notes.length ? notes.join('. ') : undefined;
}

/** Menu «Обновить анкеты»: every form brought in line with its definition, even if the stamp matches. */
export function updateForms(): string[] {
  const { created, changed } = syncForms(true);
  installTriggers(readFormRegistry());
  writeLinks(readFormRegistry());
  return [...created.map((title) => `Создана форма «${title}»`), ...changed];
}

/**
 * Refills the lists from Настройки and the bases: run by the menu «Обновить списки в анкетах», after
 * every change of consent and after a meeting-acquaintance is marked held (the post-meeting lists
 * offer the people of that meeting).
 */
export function refreshListsInForms(registry: FormRegistry = readFormRegistry()): number {
  const settings = loadIntakeSettings().values;
  const lists = currentLists(settings.mentoringForms);
  const pseudonymous = settings.dataMode === 'pseudonymous';
  let changed = 0;
  for (const formId of FORM_IDS) {
    const known = registry[formId];
    const form = openForm(known?.id);
    if (form && known) changed += refreshChoices(form, intakeForm(formId, pseudonymous), lists, known.items);
  }
  noteListsOnMeeting(lists);
  return changed;
}

/** The recorded forms, for the offline CLI: which item id answers which key. */
export function describeForms(): FormRegistry {
  return readFormRegistry();
}
