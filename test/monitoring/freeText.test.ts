// The free-text answers summarised for the curator: frequent words and phrases counted once per
// answer, the answers grouped by survey, names hidden.

import type { Participant } from '../../src/core/model';
import { freeTextSummary, maskNames, nameStems, stem } from '../../src/core/monitoring/freeText';

const at = (day: string) => new Date(`${day}T12:00:00+03:00`);
const person = (firstName: string, lastName: string, middleName = ''): Participant =>
  ({ firstName, lastName, middleName }) as Participant;

describe('free-text themes', () => {
  const comments = [
    {
      kind: 'feedback' as const,
      date: at('2026-12-10'),
      text: 'Что мешает или что стоит изменить: Мало времени на встречи',
    },
    {
      kind: 'feedback' as const,
      date: at('2026-12-11'),
      text: 'Что мешает или что стоит изменить: Встречам мешают контрольные, мало времени, мало времени',
    },
    {
      kind: 'feedback' as const,
      date: at('2027-03-05'),
      text: 'Что мешает или что стоит изменить: Мало времени на встречи',
    },
    {
      kind: 'satisfaction' as const,
      date: at('2027-06-01'),
      text: 'Что было самым ценным и что улучшить: Встречи с Ириной Сергеевной',
    },
  ];
  const summary = freeTextSummary(comments, [person('Ирина', 'Котова', 'Сергеевна')]);

  it('counts a word or phrase once per answer that uses it, across forms of the word', () => {
    expect(stem('встречам')).toBe(stem('встречи'));
    expect(summary.answers).toBe(4);
    expect(summary.themes).toEqual([
      { text: 'встречи', count: 4, surveys: 'обратная связь — 3, удовлетворённость — 1' },
      { text: 'мало времени', count: 3, surveys: 'обратная связь — 3' },
    ]);
  });

  it('groups the answers by survey and month, identical answers once with their number, names hidden', () => {
    expect(summary.groups).toEqual([
      {
        title: 'Обратная связь, декабрь 2026',
        answers: [
          { text: 'Встречам мешают контрольные, мало времени, мало времени', count: 1 },
          { text: 'Мало времени на встречи', count: 1 },
        ],
      },
      { title: 'Обратная связь, март 2027', answers: [{ text: 'Мало времени на встречи', count: 1 }] },
      { title: 'Удовлетворённость', answers: [{ text: 'Встречи с … …', count: 1 }] },
    ]);
  });

  it('masks first, middle and last names in any case', () => {
    const names = nameStems([person('Антон', 'Смирнов')]);
    expect(maskNames('Смирнову и Антону спасибо', names)).toBe('… и … спасибо');
  });
});
