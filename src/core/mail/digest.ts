// The curator's weekly digest: what needs a human this week. Plain text lines; the renderer escapes
// them for HTML. Long lists are cut with a count, because the digest is a pointer to the sheets.
import { addDays, formatRussianDate, type LocalDate } from '../meetings/calendar';
import { MEETING_KIND_LABELS, type MeetingKind } from '../meetings/plan';
import { type DataMode, dataModeLine } from '../pseudonymous/dataMode';

export interface DigestInput {
  today: LocalDate;
  overdue: Array<{ mentor: string; kind: MeetingKind; date: LocalDate }>;
  unmatchedMentees: string[];
  missingConsents: string[];
  /** Yearly deadlines as day and month, when the workbook has no deadline calendar. */
  deadlines: Array<{ title: string; month: number; day: number }>;
  /** Tasks of «Календарь сроков» due within the horizon or overdue; they replace `deadlines`. */
  tasks?: Array<{ title: string; date: LocalDate; overdue: boolean }>;
  horizonDays: number;
  /** Letters still queued after today's sending: they wait for tomorrow's quota. */
  waitingForQuota: number;
  unconfirmed: number;
  failed: number;
  optedOut: number;
  rowProblems: number;
  /** «Параметр»: problem, for each setting in Настройки that needs the curator. */
  settingProblems: string[];
  /** Work stopped until a setting is fixed, one sentence each. */
  stoppedWork: string[];
  /** Shown at the top; in the pseudonymous mode, how many letters wait for the school's register. */
  dataMode?: DataMode;
  awaitingRegister?: number;
}

const LIST_LIMIT = 20;

function list(title: string, items: readonly string[]): string[] {
  if (items.length === 0) return [];
  const shown = items.slice(0, LIST_LIMIT).map((s) => `  • ${s}`);
  if (items.length > LIST_LIMIT) shown.push(`  … и ещё ${items.length - LIST_LIMIT}`);
  return [`${title} (${items.length}):`, ...shown, ''];
}

/** Next occurrence of each yearly deadline within the horizon, soonest first. */
export function upcomingDeadlines(
  today: LocalDate,
  deadlines: DigestInput['deadlines'],
  horizonDays: number,
): Array<{ title: string; date: LocalDate }> {
  const until = addDays(today, horizonDays);
  const year = Number(today.slice(0, 4));
  const out: Array<{ title: string; date: LocalDate }> = [];
  for (const d of deadlines) {
    for (const y of [year, year + 1]) {
      const date = `${y}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
      if (date >= today && date <= until) out.push({ title: d.title, date });
    }
  }
  return out.sort((a, b) => a.date.localeCompare(b.date));
}

export function digestText(input: DigestInput): string {
  const lines: string[] = [];
  if (input.dataMode === 'pseudonymous')
    lines.push(
      `${dataModeLine('pseudonymous')}: участники названы кодами; письма с именами отправляет реестр школы (ждут реестра: ${input.awaitingRegister ?? 0}).`,
      '',
    );
  lines.push(...list('Исправьте в листе «Настройки» (столбец «Проблема»)', input.settingProblems));
  for (const s of input.stoppedWork) lines.push(s, '');
  const deadlines =
    input.tasks ??
    upcomingDeadlines(input.today, input.deadlines, input.horizonDays).map((d) => ({ ...d, overdue: false }));
  lines.push(
    ...list(
      'Ближайшие сроки',
      deadlines.map((d) =>
        d.overdue
          ? `${d.title} — срок ${formatRussianDate(d.date)} прошёл (отметьте в «Календаре сроков», если сделано)`
          : `${d.title} — до ${formatRussianDate(d.date)}`,
      ),
    ),
  );
  lines.push(
    ...list(
      'Просроченные встречи (не отмечены проведёнными)',
      input.overdue.map((o) => `${o.mentor}: ${MEETING_KIND_LABELS[o.kind]} ${formatRussianDate(o.date)}`),
    ),
  );
  lines.push(...list('Наставляемые без пары', input.unmatchedMentees));
  lines.push(...list('Нет согласия на обработку персональных данных', input.missingConsents));
  const mail: string[] = [];
  if (input.waitingForQuota > 0)
    mail.push(`  • ждут завтрашнего дня из-за дневного лимита писем: ${input.waitingForQuota}`);
  if (input.unconfirmed > 0)
    mail.push(
      `  • не подтверждена отправка (сбой во время отправки): ${input.unconfirmed} — проверьте лист «Почта» и при необходимости верните состояние «в очереди»`,
    );
  if (input.failed > 0)
    mail.push(`  • не удалось отправить: ${input.failed} — см. столбец «Ошибка» в листе «Почта»`);
  if (input.optedOut > 0) mail.push(`  • участников, отказавшихся от рассылки: ${input.optedOut}`);
  if (input.rowProblems > 0) mail.push(`  • строк с ошибками в листе «Встречи»: ${input.rowProblems}`);
  if (mail.length > 0) lines.push('Почта и план встреч:', ...mail, '');
  if (lines.length === 0)
    lines.push('Всё в порядке: просроченных встреч, пар без согласий и близких сроков нет.');
  return lines.join('\n').trim();
}
