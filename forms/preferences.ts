// Анкета после групповой встречи («нетворкинг»): each mentee ranks mentors, each mentor ranks
// mentees. The lists come from the current bases (only participants with valid consent) and are
// refilled at setup and by the menu action «Обновить списки в анкетах после встречи».
import { EMAIL_ITEM } from './common';
import type { ChoiceSource, FormDefinition, FormItem } from './definition';

const RANK_WORDS = ['Первый', 'Второй', 'Третий', 'Четвёртый', 'Пятый'];

function rankItems(count: number, from: ChoiceSource, whom: string): FormItem[] {
  return RANK_WORDS.slice(0, count).map((word, i) => ({
    key: `choice${i + 1}`,
    title: `${word} выбор: ${whom}`,
    help: i === 0 ? 'Выберите из списка участников встречи.' : 'Необязательно.',
    type: 'single',
    required: i === 0,
    choicesFrom: from,
  }));
}

export const PREFERENCE_RANKS = 3;

export const PREFERENCES_MENTEE_FORM: FormDefinition = {
  id: 'preferencesMentee',
  title: 'Анкета после встречи: выбор наставника',
  description: 'С кем из наставников, с которыми вы познакомились на встрече, вы хотели бы работать?',
  confirmation: 'Спасибо! Ваш выбор учтём при составлении пар.',
  items: [
    EMAIL_ITEM,
    ...rankItems(PREFERENCE_RANKS, 'mentors', 'наставник'),
    { key: 'comment', title: 'Комментарий', help: 'Необязательно.', type: 'long', required: false },
  ],
};

export const PREFERENCES_MENTOR_FORM: FormDefinition = {
  id: 'preferencesMentor',
  title: 'Анкета после встречи: выбор наставляемых',
  description: 'С кем из наставляемых, с которыми вы познакомились на встрече, вы хотели бы работать?',
  confirmation: 'Спасибо! Ваш выбор учтём при составлении пар.',
  items: [
    EMAIL_ITEM,
    ...rankItems(PREFERENCE_RANKS, 'mentees', 'наставляемый'),
    { key: 'comment', title: 'Комментарий', help: 'Необязательно.', type: 'long', required: false },
  ],
};
