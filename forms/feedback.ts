// Анкета обратной связи (seed 002: every December, March and June). Short on purpose: participants
// get it three times a year. Scales 1–10, like the satisfaction survey, so monitoring can compare.
import { EMAIL_ITEM, PARTICIPANT_ITEM } from './common';
import type { FormDefinition, FormItem } from './definition';

export const ROLE_ITEM: FormItem = {
  key: 'role',
  title: 'Вы участвуете в программе как',
  help: '',
  type: 'single',
  required: true,
  choices: ['наставник', 'наставляемый'],
};

export const scaleItem = (key: string, title: string): FormItem => ({
  key,
  title,
  help: '1 — совсем нет, 10 — полностью да.',
  type: 'scale',
  required: true,
  scale: { min: 1, max: 10, minLabel: 'совсем нет', maxLabel: 'полностью да' },
});

export const yesNoItem = (key: string, title: string, required = true): FormItem => ({
  key,
  title,
  help: '',
  type: 'single',
  required,
  choices: ['да', 'нет'],
});

export const FEEDBACK_FORM: FormDefinition & { id: 'feedback' } = {
  id: 'feedback',
  title: 'Обратная связь: работа в наставнической паре',
  description:
    'Несколько вопросов о том, как идёт работа в паре или группе. Ответы видит только куратор программы.',
  confirmation: 'Спасибо! Куратор учтёт ваши ответы.',
  items: [
    EMAIL_ITEM,
    PARTICIPANT_ITEM,
    ROLE_ITEM,
    scaleItem('meetingsUseful', 'Встречи полезны'),
    scaleItem('comfort', 'Мне комфортно общаться в паре (группе)'),
    scaleItem('progress', 'Мы продвигаемся к цели, поставленной в плане'),
    {
      key: 'obstacles',
      title: 'Что мешает или что стоит изменить',
      help: 'Необязательно.',
      type: 'long',
      required: false,
    },
  ],
};
