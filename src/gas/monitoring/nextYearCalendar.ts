// The next year's calendar: proposed by the year close in «Календарь нового года», written into
// Настройки only when the curator confirms it («Подтвердить календарь нового года»); the values it
// replaces go to Журнал. Until then the daily run makes no plan on the old dates (see daily.ts).
import { formatDayRanges, formatRussianDate, type LocalDate } from '../../core/meetings/calendar';
import {
  NEXT_YEAR,
  type NextYearCalendar,
  nextYearCalendar,
  pendingProposal,
  proposedText,
} from '../../core/meetings/nextYear';
import { SCHEDULE_SETTINGS } from '../../core/meetings/settings';
import { academicYear } from '../../core/monitoring/yearClose';
import { readSettings, settingCells } from '../../core/settings';
import { appendJournal } from '../mail/journal';
import { settingsTable } from '../settingsSheet';
import { SheetTable } from '../sheetTable';

const CONFIRM_HINT =
  '«Настройки» не изменены: проверьте лист «Календарь нового года» и выберите в меню «Подтвердить календарь нового года».';

/**
 * Proposes the next year's end date and holidays when Настройки still hold the closed year's; a
 * curator who already set the new year's dates is asked nothing. A close that resumes proposes once.
 */
export function proposeNextYear(closing: string): NextYearCalendar | undefined {
  const current = readSettings(SCHEDULE_SETTINGS, settingCells(settingsTable().read())).values;
  if (academicYear(current.programmeEnd) !== closing) return undefined;
  const next = nextYearCalendar(closing, current.programmeEnd);
  const table = SheetTable.open(NEXT_YEAR);
  if (table.read().some((r) => r.values.year === next.year)) return next;
  const was = { end: formatRussianDate(current.programmeEnd), holidays: formatDayRanges(current.holidays) };
  const proposed = { end: formatRussianDate(next.programmeEnd), holidays: next.holidaysText };
  table.write(
    [],
    [
      {
        year: next.year,
        name: SCHEDULE_SETTINGS.programmeEnd.name,
        current: was.end,
        proposed: proposed.end,
        confirmedOn: '',
      },
      {
        year: next.year,
        name: SCHEDULE_SETTINGS.holidays.name,
        current: was.holidays,
        proposed: proposed.holidays,
        confirmedOn: '',
      },
    ],
  );
  appendJournal(
    `Календарь ${next.year} предложен`,
    'закрытие учебного года',
    `Окончание программы: ${was.end} → ${proposed.end}; каникулы и праздники: ${was.holidays} → ${proposed.holidays}. ${CONFIRM_HINT}`,
  );
  return next;
}

export interface PendingCalendar {
  year: string;
  lines: Array<{ name: string; current: string; proposed: string }>;
}

export function pendingCalendar(): PendingCalendar | undefined {
  const pending = pendingProposal(SheetTable.open(NEXT_YEAR).read());
  if (!pending) return undefined;
  return {
    year: pending.year,
    lines: pending.rows.map((r) => ({
      name: r.values.name,
      current: r.values.current,
      proposed: proposedText(r.values.proposed),
    })),
  };
}

/** The year of a proposal still waiting, read only when a plan waits for it. */
export const pendingCalendarYear = (): string | undefined => pendingCalendar()?.year;

export interface CalendarConfirmation {
  year: string;
  problems: string[];
}

/**
 * Writes the proposal into Настройки when every value reads; otherwise nothing is written and the
 * problems say what to correct in «Предложено».
 */
export function confirmNextYearIn(today: LocalDate): CalendarConfirmation | undefined {
  const table = SheetTable.open(NEXT_YEAR);
  const pending = pendingProposal(table.read());
  if (!pending) return undefined;
  const settings = settingsTable();
  const rows = settings.read();
  const cells = settingCells(rows);
  const values = pending.rows.map((r) => ({ name: r.values.name, value: proposedText(r.values.proposed) }));
  const trial = new Map(cells);
  for (const v of values) trial.set(v.name, v.value);
  const problems = readSettings(SCHEDULE_SETTINGS, trial).problems.filter((p) =>
    values.some((v) => p.includes(`«${v.name}»`)),
  );
  if (problems.length > 0) return { year: pending.year, problems };
  const updates = values.flatMap(({ name, value }) => {
    const row = rows.find((r) => r.values.name === name);
    return row ? [{ rowNumber: row.rowNumber, values: { value } }] : [];
  });
  const appends = values.filter(({ name }) => !rows.some((r) => r.values.name === name));
  settings.write(updates, appends);
  table.write(
    pending.rows.map((r) => ({ rowNumber: r.rowNumber, values: { confirmedOn: formatRussianDate(today) } })),
  );
  appendJournal(
    `Календарь ${pending.year} подтверждён`,
    Session.getActiveUser().getEmail(),
    values
      .map(({ name, value }) => `${name}: было «${String(cells.get(name) ?? '')}», стало «${value}»`)
      .join('; '),
  );
  return { year: pending.year, problems: [] };
}
