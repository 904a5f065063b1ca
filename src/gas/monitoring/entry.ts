// Menu actions of monitoring, reports, year close and the district mode (exported from src/gas/index.ts).
import { formatRussianDate } from '../../core/meetings/calendar';
import { NEXT_YEAR_SHEET } from '../../core/meetings/nextYear';
import { SCHEDULE_SETTINGS } from '../../core/meetings/settings';
import { REPORT_TITLES, type ReportKind } from '../../core/monitoring/reports';
import { counted } from '../../core/russianPlural';
import { readSettingValues } from '../../core/settings';
import { SHEETS } from '../../core/sheets';
import { confirmed } from '../confirm';
import { withScriptLock } from '../lock';
import { localToday } from '../mail/journal';
import { MENU_TITLE } from '../menu';
import { readSettingCells } from '../settingsSheet';
import { applyWorkbookLook } from '../workbookLook';
import { closeSchoolYearIn } from './closeYear';
import { collectDistrictIn, sendDistrictProposalsIn } from './district';
import { isDistrictBook } from './mode';
import { confirmNextYearIn, pendingCalendar } from './nextYearCalendar';
import { runMonitoring } from './refresh';
import { schoolReport } from './reportDocuments';

const book = () => SpreadsheetApp.getActive();
const toast = (text: string) => book().toast(text, MENU_TITLE);
const isDistrict = () => isDistrictBook(book());

export function refreshMonitoring(): void {
  const run = withScriptLock(() => runMonitoring(book(), new Date()));
  const met = run.rows.filter((r) => r.met).length;
  const targets = run.rows.filter((r) => r.target !== undefined).length;
  toast([`Мониторинг обновлён: целей выполнено ${met} из ${targets}.`, ...run.problems].join('\n'));
}

function report(kind: ReportKind): void {
  const url = withScriptLock(() => schoolReport(kind, runMonitoring(book(), new Date())));
  toast(`Готово: «${REPORT_TITLES[kind]}» — ${url}`);
}

export function createHalfYearReport(): void {
  report('halfYear');
}

export function createStatisticsReport(): void {
  report('statistics');
}

export function createYearEndReport(): void {
  report('yearEnd');
}

export function closeSchoolYear(): void {
  if (!yearCloseConfirmed()) return;
  const result = withScriptLock(() => {
    const closed = closeSchoolYearIn(book(), new Date());
    // The year's sheets begin anew: they get their places, widths and rules again.
    applyWorkbookLook(book());
    return closed;
  });
  toast(
    result.alreadyClosed
      ? `Учебный год ${result.year} уже закрыт; ничего не изменено.`
      : `Учебный год ${result.year} закрыт. В архиве: ${result.archived.join(', ') || '—'}. Отчёты: ${result.reports.length}. Новых наставников в долгосрочной базе: ${result.bankAdded}; приглашено продолжить в новом году: ${result.invited}.${result.next ? ` Предложен календарь ${result.next.year}: проверьте лист «${NEXT_YEAR_SHEET}» и выберите «Подтвердить календарь нового года» — до тех пор планы встреч новых пар не составляются.` : ''}`,
  );
}

/** Writes the proposed calendar of the next year into Настройки once the curator has seen it. */
export function confirmNextYearCalendar(): void {
  const pending = pendingCalendar();
  if (!pending) {
    toast('Нет календаря, ждущего подтверждения: его предлагает «Закрыть учебный год».');
    return;
  }
  const lines = pending.lines.map((l) => `${l.name}: ${l.current || '—'} → ${l.proposed}`);
  const asked = confirmed(
    `Подтвердить календарь ${pending.year}?`,
    `${lines.join('\n')}\n\nЗначения будут записаны в «Настройки», прежние — в «Журнал». Каникулы утверждает регион: если даты другие, нажмите «Нет» и исправьте столбец «Предложено» листа «${NEXT_YEAR_SHEET}».`,
  );
  if (!asked) return;
  const result = withScriptLock(() => confirmNextYearIn(localToday()));
  if (!result) return;
  toast(
    result.problems.length
      ? [
          `Календарь ${result.year} не записан: исправьте «Предложено» в листе «${NEXT_YEAR_SHEET}».`,
          ...result.problems,
        ].join('\n')
      : `Календарь ${result.year} записан в «Настройки». Планы встреч новых пар составит ежедневный запуск.`,
  );
}

/**
 * Closing moves the year's rows to the archive: one question with the counts after the programme's
 * end; before it, a warning with the days left and a second question.
 */
function yearCloseConfirmed(): boolean {
  const cells = readSettingCells();
  const end = readSettingValues(SCHEDULE_SETTINGS, ['programmeEnd'], cells).programmeEnd;
  const today = localToday();
  const rows = (name: string) => Math.max((book().getSheetByName(name)?.getLastRow() ?? 1) - 1, 0);
  const what =
    `В архив уйдут строки листов «Наставники» (${rows(SHEETS.mentors)}), «Наставляемые» (${rows(SHEETS.mentees)}), ` +
    `«Пары» (${rows(SHEETS.pairs)}), «Встречи» (${rows(SHEETS.meetings)}) и другие; листы года станут пустыми для нового набора.`;
  if (today >= end) return confirmed('Закрыть учебный год?', `${what} Продолжить?`);
  const days = Math.round((Date.parse(end) - Date.parse(today)) / 86_400_000);
  return (
    confirmed(
      'Программа ещё идёт',
      `До окончания программы (${formatRussianDate(end)}, «Программа: дата окончания» в Настройках) ещё ${counted(days, 'день', 'дня', 'дней')}. ${what} Закрыть год раньше срока?`,
    ) &&
    confirmed(
      'Закрыть год раньше срока — точно?',
      'Встречи и письма парам прекратятся, отменить закрытие из меню нельзя. Закрыть учебный год сейчас?',
    )
  );
}

const DISTRICT_ONLY =
  'Это действие районной книги: в Настройках у параметра «Режим» должно стоять «муниципалитет».';

function collect(continuing: boolean): void {
  if (!isDistrict()) {
    toast(DISTRICT_ONLY);
    return;
  }
  const r = withScriptLock(() => collectDistrictIn(book(), new Date(), continuing));
  if (!r.done) {
    toast(
      `Собрано школ за этот запуск: ${r.read}; осталось ${r.pending} из ${r.registered}. Сбор продолжится сам через минуту.`,
    );
    return;
  }
  toast(
    [
      `Собрано школ: ${r.schools} из ${r.registered}. Банк наставников: ${r.bankSize}. Предложено пар: ${r.proposals}.`,
      ...(r.unreachable.length ? [`Не удалось открыть: ${r.unreachable.join('; ')}`] : []),
      `Доклад: ${r.reportUrl}`,
    ].join('\n'),
  );
}

export function collectDistrictReports(): void {
  collect(false);
}

/** The one-off trigger a collection cut short by the time budget leaves for itself. */
export function continueDistrictCollection(): void {
  collect(true);
}

export function sendDistrictProposals(): void {
  if (!isDistrict()) {
    toast(DISTRICT_ONLY);
    return;
  }
  const r = withScriptLock(() => sendDistrictProposalsIn(book(), new Date()));
  toast(
    [
      `Отправлено предложений: ${r.sent}.`,
      ...(r.failed.length ? [`Не отправлено: ${r.failed.join('; ')}`] : []),
    ].join('\n'),
  );
}
