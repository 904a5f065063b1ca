// Menu «Сведения об участнике (ст. 14)»: the selected row of Наставники / Наставляемые, and every
// other row that names the person (raw form responses, Журнал and «Приём анкет» included), without
// other people's names or link tokens, shown to the curator in a dialog and logged in Журнал.
import { COLUMNS } from '../../core/intake/baseRow';
import { PENDING_SHEET } from '../../core/intake/pendingRow';
import { PREFERENCE_HEADERS } from '../../core/intake/process';
import {
  extractAbout,
  type SheetExtract,
  type SubjectSource,
  subjectAccessReport,
} from '../../core/intake/subjectAccess';
import { PAIR_SHEET_COLUMNS } from '../../core/matching/pairRow';
import { ROLES } from '../../core/model';
import { SHEETS } from '../../core/sheets';
import { cellText, type TableRecord, toRecords } from '../../core/table';
import { appendRows } from '../appendRows';
import { BASE_SHEETS } from '../bases';
import { MENU_TITLE } from '../menu';
import { JOURNAL_HEADERS } from '../setup';
import { selectedParticipant } from './selection';

const P = PAIR_SHEET_COLUMNS;
/** Every sheet the programme writes a person into, and what of it is theirs to see. */
const SOURCES: readonly SubjectSource[] = [
  { sheet: SHEETS.consents, by: ['ID участника', 'E-mail участника'] },
  { sheet: SHEETS.preferences, by: [PREFERENCE_HEADERS[0]] },
  { sheet: SHEETS.pairs, by: [P.mentorId, P.menteeId], omit: [P.mentor, P.mentee, P.explanation] },
  {
    sheet: SHEETS.meetings,
    by: ['Код наставника', 'Коды наставляемых'],
    omit: ['Наставник', 'Наставляемые', 'Коды наставляемых', 'Токен'],
  },
  { sheet: SHEETS.documents, by: ['Участник', 'Пара'], omit: ['Ключ', 'Название', 'Кто видит', 'Id файла'] },
  {
    sheet: SHEETS.mail,
    by: ['Участник', 'Кому'],
    omit: ['Ключ', 'Токен', 'Текст', 'HTML', 'Запуск', 'Квота до отправки'],
  },
  { sheet: SHEETS.surveys, by: ['Код участника'] },
  { sheet: PENDING_SHEET, by: ['Участник'], omit: ['Токен'] },
  { sheet: SHEETS.intake, by: ['Участник'] },
  { sheet: SHEETS.journal, by: ['Кто'] },
];

/** Sheets Google Forms writes raw responses to: the person's own answers, as they sent them. */
function responseSheets(): string[] {
  return SpreadsheetApp.getActive()
    .getSheets()
    .map((sh) => sh.getName())
    .filter((name) => name.startsWith('Ответы на форму'));
}

function records(name: string): TableRecord[] {
  const sheet = SpreadsheetApp.getActive().getSheetByName(name);
  if (!sheet || sheet.getLastRow() < 2) return [];
  const [headers, ...rows] = sheet.getDataRange().getValues();
  return toRecords({ headers: headers.map((h) => String(h).trim()), rows }).map((r) => r.values);
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** With an id (e.g. «НЯ-0001») from code; from the menu, the participant in the selected row. */
export function exportParticipantData(participantId?: string): string {
  const ui = SpreadsheetApp.getUi();
  const target =
    typeof participantId === 'string' && participantId ? participantId : selectedParticipant()?.id;
  const base = target
    ? ROLES.map((r) => ({
        role: r,
        row: records(BASE_SHEETS[r]).find((x) => cellText(x[COLUMNS.id]) === target),
      })).find((x) => x.row)
    : undefined;
  if (!target || !base?.row) {
    ui.alert(
      MENU_TITLE,
      'Выделите строку участника на листе «Наставники» или «Наставляемые».',
      ui.ButtonSet.OK,
    );
    return '';
  }
  const email = cellText(base.row[COLUMNS.email]);
  const keys = [target, email];
  const pairs = records(SHEETS.pairs)
    .filter((r) => cellText(r[P.mentorId]) === target || cellText(r[P.menteeId]) === target)
    .map((r) => cellText(r[P.id]));
  const extracts: SheetExtract[] = [
    extractAbout({ sheet: BASE_SHEETS[base.role], by: [COLUMNS.id] }, [base.row], keys, target),
    ...SOURCES.map((source) =>
      extractAbout(
        source,
        records(source.sheet),
        source.sheet === SHEETS.documents ? [...keys, ...pairs] : keys,
        target,
      ),
    ),
    ...responseSheets().map((sheet) => {
      const rows = records(sheet);
      return extractAbout({ sheet, by: Object.keys(rows[0] ?? {}) }, rows, [email], target);
    }),
  ];
  const now = new Date();
  const text = subjectAccessReport(target, extracts, now);
  appendRows(SHEETS.journal, JOURNAL_HEADERS, [
    {
      Когда: now,
      Событие: 'Выгрузка сведений об участнике (ст. 14 152-ФЗ)',
      Кто: target,
      Подробности: '',
      'Ссылка на ответ': '',
    },
  ]);
  const html = HtmlService.createHtmlOutput(`<pre style="white-space:pre-wrap">${escapeHtml(text)}</pre>`)
    .setWidth(720)
    .setHeight(520);
  ui.showModalDialog(html, `Сведения об участнике ${target}`);
  return text;
}
