// «Подтвердить календарь нового года»: the close proposes, the curator may decline or correct the
// proposal in «Календарь нового года», and only a confirmed, readable calendar reaches Настройки.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dayOfSheetDate } from '../../src/core/meetings/calendar';
import { completionChanges } from '../../src/core/meetings/completion';
import { calendarWaitLine, pendingProposal } from '../../src/core/meetings/nextYear';
import { DEFAULT_HOLIDAYS } from '../../src/core/meetings/settings';
import { LocalWorkspace } from '../../src/local';

const toasts = (ws: LocalWorkspace) =>
  (ws.lastRun?.ui ?? []).filter((u) => u.kind === 'toast').map((u) => u.text ?? '');
const setting = (ws: LocalWorkspace, name: string) =>
  ws.sheetRows('Настройки').find((r) => r[0] === name)?.[1];

describe('the proposal of the next year', () => {
  it('takes the latest year not yet confirmed', () => {
    const row = (year: string, confirmedOn: string) => ({ values: { year, confirmedOn } });
    expect(pendingProposal([row('2026-2027', '01.07.2026'), row('2027-2028', '')])?.year).toBe('2027-2028');
    expect(pendingProposal([row('2027-2028', '05.07.2027')])).toBeUndefined();
  });

  it('tells the digest what waits, with or without a proposal', () => {
    expect(calendarWaitLine('2027-06-10', 2, '2027-2028')).toContain(
      'Календарь 2027-2028 предложен и ждёт подтверждения',
    );
    expect(calendarWaitLine('2027-06-10', 2)).toContain('Программа окончена 10.06.2027');
  });
});

test('the curator declines, corrects a wrong date, then confirms; the old values go to Журнал', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nastavnik-calendar-'));
  const ws = await LocalWorkspace.create(dir, { clockStart: new Date('2027-06-25T06:00:00Z') });
  ws.init();
  ws.run('confirmNextYearCalendar');
  expect(toasts(ws)).toEqual(['Нет календаря, ждущего подтверждения: его предлагает «Закрыть учебный год».']);
  ws.replyToAlerts('YES', 'YES');
  ws.run('closeSchoolYear');
  const end = setting(ws, 'Программа: дата окончания');
  expect(ws.sheetRows('Календарь нового года').map((r) => [r[0], r[1], r[3], r[4]])).toEqual([
    ['2027-2028', 'Программа: дата окончания', '10.06.2028', ''],
    ['2027-2028', 'Каникулы и праздники', expect.stringMatching(/^01\.07\.2027–31\.08\.2027; /), ''],
  ]);

  ws.replyToAlerts('NO');
  ws.run('confirmNextYearCalendar');
  const [question] = (ws.lastRun?.ui ?? []).filter((u) => u.kind === 'alert');
  expect(question.title).toBe('Подтвердить календарь 2027-2028?');
  expect(question.text).toContain('Программа: дата окончания: 10.06.2027 → 10.06.2028');
  expect(setting(ws, 'Программа: дата окончания')).toEqual(end);

  ws.edit('Календарь нового года', 'D2', 'в июне');
  ws.replyToAlerts('YES');
  ws.run('confirmNextYearCalendar');
  expect(toasts(ws)[0]).toContain('Календарь 2027-2028 не записан');
  expect(setting(ws, 'Программа: дата окончания')).toEqual(end);

  ws.edit('Календарь нового года', 'D2', '09.06.2028');
  ws.replyToAlerts('YES');
  ws.run('confirmNextYearCalendar');
  expect(toasts(ws)).toEqual([
    'Календарь 2027-2028 записан в «Настройки». Планы встреч новых пар составит ежедневный запуск.',
  ]);
  const written = setting(ws, 'Программа: дата окончания');
  expect(written instanceof Date ? dayOfSheetDate(written) : written).toBe(
    written instanceof Date ? '2028-06-09' : '09.06.2028',
  );
  expect(String(setting(ws, 'Каникулы и праздники'))).toContain('27.12.2027–09.01.2028');
  const journal = ws.sheetRows('Журнал').map((r) => `${r[1]} | ${r[3]}`);
  expect(journal.find((e) => e.startsWith('Календарь 2027-2028 подтверждён'))).toContain(
    `Каникулы и праздники: было «${DEFAULT_HOLIDAYS}», стало «01.07.2027–31.08.2027; `,
  );
  expect(ws.sheetRows('Календарь нового года').every((r) => r[4] !== '')).toBe(true);
  ws.run('confirmNextYearCalendar');
  expect(toasts(ws)[0]).toContain('Нет календаря, ждущего подтверждения');
});

describe('a pair approved after the programme’s end', () => {
  const pair = (id: string, approvedOn: string) => ({
    rowNumber: 2,
    id,
    mentorId: 'N1',
    menteeId: 'U1',
    state: 'approved' as const,
    approvedOn,
    reason: '',
    problem: '',
    fulfilment: undefined,
  });

  it('belongs to the next programme: it is not completed on the old end date', () => {
    const changes = completionChanges(
      [pair('P1', '2026-10-15'), { ...pair('P4', '2027-07-01'), rowNumber: 3 }],
      [],
      '2027-07-02',
      '2027-06-10',
    );
    expect(changes.filter((c) => c.state).map((c) => c.rowNumber)).toEqual([2]);
  });
});
