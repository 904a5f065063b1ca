// Setup step of the pseudonymous mode: a school that kept names in the workbook moves to codes. Each
// participant gets a code; their identities go to one private CSV in the Drive of the account running
// setup, for the register to import; every cell of the workbook that names them is rewritten with
// the code or the register's placeholder (raw form responses excepted: code never edits them); the
// curator is told what only a human may delete. One line in «Журнал» records it.
import { MAIL, MAIL_STATES } from '../../core/mail/outbox';
import { isMinor, type Participant, ROLES } from '../../core/model';
import { isParticipantCode } from '../../core/pseudonymous/dataMode';
import {
  groupPeople,
  issueCodes,
  type MigratedPerson,
  pseudonymiser,
  registerCsv,
  replacements,
} from '../../core/pseudonymous/migration';
import { placeholderIdentity } from '../../core/pseudonymous/placeholderIdentity';
import { SHEETS } from '../../core/sheets';
import { sheetInput } from '../../core/table';
import { ROOT_FOLDER_NAME } from '../documents/drive';
import { openBase, readBaseSheet } from '../intake/bases';
import { isResponseSheet } from '../intake/setupForms';
import { appendJournal } from '../mail/journal';
import { loadIntakeSettings } from '../mentoringForms';
import { readHeader } from '../sheetTable';

/** Sheets the step leaves alone: raw responses (never edited by code) and the school's own settings. */
const untouched = (name: string): boolean => isResponseSheet(name) || name === SHEETS.settings;

function participantsToMove(): Participant[] {
  const forms = loadIntakeSettings().values.mentoringForms;
  return ROLES.flatMap((role) =>
    readBaseSheet(openBase(role), role, forms).flatMap((r) =>
      r.read.participant ? [r.read.participant] : [],
    ),
  ).filter((p) => !p.erased && !isParticipantCode(p.id));
}

/** The base rows of the people moved: the code as ID, placeholders where names and addresses were. */
function rewriteBases(people: readonly MigratedPerson[]): void {
  const byId = new Map(people.flatMap((m) => m.ids.map((id) => [id, m] as const)));
  for (const role of ROLES) {
    const table = openBase(role);
    const updates = table.read().flatMap((r) => {
      const m = byId.get(r.values.id);
      if (!m) return [];
      const identity = placeholderIdentity(m.code, isMinor(m.participant));
      return [{ rowNumber: r.rowNumber, values: { ...identity, id: m.code, gender: '', nameForms: '' } }];
    });
    table.write(updates, []);
  }
}

/** «Почта»: texts with names go; letters not yet sent are cancelled (the register sends anew). */
function clearLetters(sheet: GoogleAppsScript.Spreadsheet.Sheet, values: unknown[][]): void {
  const header = readHeader(sheet);
  const at = (key: keyof typeof MAIL.columns) => header.indexOf(MAIL.columns[key].header);
  const [text, html, state, error] = [at('text'), at('html'), at('state'), at('error')];
  const open: readonly unknown[] = [MAIL_STATES.queued, MAIL_STATES.sending];
  for (const row of values.slice(1)) {
    if (text >= 0) row[text] = '';
    if (html >= 0) row[html] = '';
    if (state >= 0 && open.includes(row[state])) {
      row[state] = MAIL_STATES.cancelled;
      if (error >= 0)
        row[error] = 'Переход на псевдонимы: письмо с именами отменено, письма отправляет реестр школы.';
    }
  }
}

/** Every other sheet: each cell that names a moved person, rewritten; formulas kept as they are. */
function rewriteSheets(people: readonly MigratedPerson[]): number {
  const replace = pseudonymiser(replacements(people));
  let cells = 0;
  for (const sheet of SpreadsheetApp.getActive().getSheets()) {
    const name = sheet.getName();
    if (untouched(name) || sheet.getLastRow() < 2) continue;
    const range = sheet.getDataRange();
    const values = range.getValues() as unknown[][];
    const formulas = range.getFormulas();
    if (name === MAIL.name) clearLetters(sheet, values);
    let changed = name === MAIL.name;
    const out = values.map((row, i) =>
      row.map((v, j) => {
        if (formulas[i]?.[j]) return formulas[i][j];
        if (i === 0 || typeof v !== 'string') return v;
        const next = replace(v);
        if (next !== v) {
          cells++;
          changed = true;
        }
        // Text stays text when written back (a code, «007», a date-like answer).
        return sheetInput(next, true);
      }),
    );
    if (changed) range.setValues(out);
  }
  return cells;
}

/** What only the curator may delete: the form responses and the documents made with names. */
function manualSteps(csvName: string): string[] {
  const responses = SpreadsheetApp.getActive()
    .getSheets()
    .map((s) => s.getName())
    .filter(isResponseSheet);
  return [
    `скачайте файл «${csvName}» (корень Google Диска этого аккаунта), импортируйте его в реестр (npx nastavnik register import) и удалите из Диска и из корзины`,
    `удалите ответы в Google Формах (в каждой форме: «Ответы» → «Удалить все ответы») и листы ответов: ${responses.map((r) => `«${r}»`).join(', ') || 'нет'}`,
    `документы в папке «${ROOT_FOLDER_NAME}» сделаны с именами: сохраните подписанные экземпляры у себя и удалите файлы из Диска; документы с именами теперь печатает реестр`,
    'старые формы опросов с вопросом о почте заменены новыми: удалите старые из Диска, когда прочтёте их ответы',
  ];
}

/** The step: nothing to do once every row holds a code. Russian lines for the curator. */
export function migrateToCodes(): string | undefined {
  if (loadIntakeSettings().values.dataMode !== 'pseudonymous') return undefined;
  const participants = participantsToMove();
  if (participants.length === 0) return undefined;
  const taken = new Set(participants.filter((p) => isParticipantCode(p.id)).map((p) => p.id));
  const people = groupPeople(participants, (n) => issueCodes(n, taken, Math.random));
  const stamp = Utilities.formatDate(new Date(), Session.getScriptTimeZone(), 'yyyy-MM-dd HH-mm');
  const csvName = `Реестр — выгрузка участников ${stamp}.csv`;
  // In the root of the account's own Drive, shared with nobody: not the programme's folder, which the
  // director and the curator see.
  DriveApp.createFile(csvName, registerCsv(people), MimeType.CSV);
  rewriteBases(people);
  const cells = rewriteSheets(people);
  const steps = manualSteps(csvName);
  appendJournal(
    'Переход на псевдонимы',
    '',
    `Выданы коды участникам: ${people.length}. ФИО и адреса выгружены в файл «${csvName}» для реестра школы и удалены из таблицы (строки баз и ещё ${cells} ячеек других листов). Куратору вручную: ${steps.join('; ')}.`,
  );
  return [
    `Переход на псевдонимы: выданы коды ${people.length} участникам, ФИО и адреса удалены из таблицы`,
    'Куратору вручную:',
    ...steps.map((s, i) => `${i + 1}) ${s}`),
  ].join('\n');
}
