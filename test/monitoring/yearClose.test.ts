// The academic year a day belongs to, and the long-term mentor base carried from year to year.
import { academicYear, type BankEntry, mergeBank } from '../../src/core/monitoring/yearClose';

const entry = (email: string, year: string): BankEntry => ({
  email,
  name: 'Иванова Анна Петровна',
  category: 'педагог',
  position: '',
  subjects: 'математика',
  topics: 'методика преподавания',
  forms: 'teacher-teacher',
  school: 'СОШ № 1',
  years: year,
});

describe('academicYear', () => {
  it('starts on 1 September', () => {
    expect(academicYear('2026-08-31')).toBe('2025-2026');
    expect(academicYear('2026-09-01')).toBe('2026-2027');
    expect(academicYear('2027-06-25')).toBe('2026-2027');
  });
});

describe('mergeBank', () => {
  it('appends new mentors, adds the year to known ones and changes nothing on a repeat', () => {
    const existing = [{ rowNumber: 2, entry: entry('a@school.test', '2024-2025') }];
    const first = mergeBank(existing, [
      entry('a@school.test', '2025-2026'),
      entry('b@school.test', '2025-2026'),
    ]);
    expect(first.appends.map((e) => e.email)).toEqual(['b@school.test']);
    expect(first.updates).toEqual([{ rowNumber: 2, entry: entry('a@school.test', '2024-2025, 2025-2026') }]);
    const after = [
      { rowNumber: 2, entry: first.updates[0].entry },
      { rowNumber: 3, entry: first.appends[0] },
    ];
    expect(
      mergeBank(after, [entry('a@school.test', '2025-2026'), entry('b@school.test', '2025-2026')]),
    ).toEqual({
      updates: [],
      appends: [],
    });
  });
});
