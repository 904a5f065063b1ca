// Two-stage impact monitoring (seed 002, пп. 3.2, 4.1, 7.4): the same parameters measured when a
// participant enters the programme and at its end; monitoring reports the change. Students and
// teachers answer their own block; every scale is 1–10 so entry and exit compare directly. Item keys
// are the parameter ids of src/core/monitoring/impact.ts.
import { EMAIL_ITEM, PARTICIPANT_ITEM } from './common';
import type { FormDefinition, FormItem } from './definition';
import { ROLE_ITEM } from './feedback';

const parameter = (key: string, title: string): FormItem => ({
  key,
  title,
  help: '1 — очень низко, 10 — очень высоко. Пропустите, если вопрос не про вас.',
  type: 'scale',
  required: false,
  scale: { min: 1, max: 10, minLabel: 'очень низко', maxLabel: 'очень высоко' },
});

const ITEMS: readonly FormItem[] = [
  EMAIL_ITEM,
  PARTICIPANT_ITEM,
  ROLE_ITEM,
  parameter('motivation', 'Ученикам: моё желание учиться'),
  parameter('marks', 'Ученикам: мои оценки по предметам, которые для меня важны'),
  parameter('attendance', 'Ученикам: я хожу на уроки и занятия без пропусков'),
  parameter('contests', 'Ученикам: я участвую в олимпиадах, конкурсах, проектах'),
  parameter('skills', 'Всем: я умею то, чему хотел(а) научиться в программе'),
  parameter('confidence', 'Педагогам: уверенность в своей работе'),
  parameter('methods', 'Педагогам: владение методиками и приёмами обучения'),
  parameter('intentionToStay', 'Педагогам: я хочу остаться работать в профессии'),
];

export const IMPACT_ENTRY_FORM: FormDefinition & { id: 'impact_entry' } = {
  id: 'impact_entry',
  title: 'Входная диагностика участника программы наставничества',
  description:
    'Несколько вопросов в начале работы в паре. В конце года вы ответите на те же вопросы — так видно, что изменилось. Ответы видит только куратор.',
  confirmation: 'Спасибо! Удачи в работе с наставником (наставляемым).',
  items: ITEMS,
};

export const IMPACT_EXIT_FORM: FormDefinition & { id: 'impact_exit' } = {
  id: 'impact_exit',
  title: 'Итоговая диагностика участника программы наставничества',
  description:
    'Те же вопросы, что в начале года: ответьте, как вы оцениваете себя сейчас. Ответы видит только куратор.',
  confirmation: 'Спасибо за участие в программе!',
  items: ITEMS,
};
