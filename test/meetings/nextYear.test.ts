// The next year's calendar proposed at the year's close, from the calendar rules.

import { nextYearCalendar } from '../../src/core/meetings/nextYear';
import { DEFAULT_HOLIDAYS } from '../../src/core/meetings/settings';

describe('the next year’s calendar', () => {
  it('gives the breaks and public holidays of 2027-2028 and ends the programme on 10 June 2028', () => {
    const next = nextYearCalendar('2026-2027', '2027-06-10');
    expect(next.year).toBe('2027-2028');
    expect(next.programmeEnd).toBe('2028-06-10');
    expect(next.holidaysText).toBe(
      '01.07.2027–31.08.2027; 25.10.2027–02.11.2027; 04.11.2027; 27.12.2027–09.01.2028; 23.02.2028; 08.03.2028; ' +
        '20.03.2028–29.03.2028; 01.05.2028; 09.05.2028; 12.06.2028',
    );
  });

  it('gives back this year’s default calendar from the year before (only the weekend 12 June moves to Monday)', () => {
    const next = nextYearCalendar('2025-2026', '2026-06-10');
    expect(next.holidaysText).toBe(
      `01.07.2026–31.08.2026; ${DEFAULT_HOLIDAYS.replace('12.06.2027', '14.06.2027')}`,
    );
  });
});
