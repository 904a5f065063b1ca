import { nextOrderSeq } from '../../src/core/documents/orderNumbers';
import { formatNameForms, parseGender, parseNameForms } from '../../src/core/intake/nameForms';

const day = (iso: string) => ({
  year: Number(iso.slice(0, 4)),
  month: Number(iso.slice(5, 7)),
  day: Number(iso.slice(8)),
});
const orders = [
  { seq: 46, date: day('2026-10-01') },
  { seq: 47, date: day('2026-12-20') },
];

describe('the order book', () => {
  test('an empty registry continues the school’s paper book from the given number', () => {
    expect(nextOrderSeq([], day('2026-10-01'), 'calendar', 46)).toBe(46);
  });

  test('per calendar year: the next number in December, 1 again in January', () => {
    expect(nextOrderSeq(orders, day('2026-12-28'), 'calendar', 46)).toBe(48);
    expect(nextOrderSeq(orders, day('2027-01-11'), 'calendar', 46)).toBe(1);
  });

  test('per school year: January goes on, September restarts', () => {
    expect(nextOrderSeq(orders, day('2027-01-11'), 'school', 46)).toBe(48);
    expect(nextOrderSeq(orders, day('2027-09-01'), 'school', 46)).toBe(1);
  });

  test('continuous numbering never restarts', () => {
    expect(nextOrderSeq(orders, day('2028-03-01'), 'continuous', 46)).toBe(48);
  });
});

describe('«Пол» and «Склонение» columns', () => {
  test('gender as the curator may type it', () => {
    expect(['ж', 'Жен.', 'женский', 'М', 'муж', 'мужской', '', 'не указан'].map(parseGender)).toEqual([
      'f',
      'f',
      'f',
      'm',
      'm',
      'm',
      undefined,
      undefined,
    ]);
  });

  test('hand-written forms by case letter, written back the same way', () => {
    const forms = parseNameForms('Р: Цой Алины; д: Цой Алине; Т: Цой Алиной; X: что-то');
    expect(forms).toEqual({ genitive: 'Цой Алины', dative: 'Цой Алине', instrumental: 'Цой Алиной' });
    expect(formatNameForms(forms)).toBe('Р: Цой Алины; Д: Цой Алине; Т: Цой Алиной');
    expect(parseNameForms('')).toBeUndefined();
  });
});
