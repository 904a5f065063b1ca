// Анкета удовлетворённости (end of the programme, DOMAIN.md «Surveys»): six 1–10 scales and two
// yes/no items; «хочу стать наставником» feeds the federal indicator (mentees who want to mentor).
import { EMAIL_ITEM, PARTICIPANT_ITEM } from './common';
import type { FormDefinition } from './definition';
import { ROLE_ITEM, scaleItem, yesNoItem } from './feedback';

export const SATISFACTION_FORM: FormDefinition & { id: 'satisfaction' } = {
  id: 'satisfaction',
  title: 'Удовлетворённость участием в программе наставничества',
  description:
    'Программа этого года завершается. Оцените, пожалуйста, как всё прошло. Ответы видит только куратор.',
  confirmation: 'Спасибо за участие в программе!',
  items: [
    EMAIL_ITEM,
    PARTICIPANT_ITEM,
    ROLE_ITEM,
    scaleItem('comfort', 'Комфорт общения с наставником (наставляемым)'),
    scaleItem('usefulness', 'Полезность встреч'),
    scaleItem('goalsClarity', 'Понятность целей и плана работы'),
    scaleItem('organisation', 'Организация программы и поддержка куратора'),
    scaleItem('expectations', 'Программа оправдала ожидания'),
    scaleItem('overall', 'В целом я доволен(льна) участием'),
    yesNoItem('wouldContinue', 'Хотели бы вы продолжить работу в программе в следующем году?'),
    yesNoItem('wantsToMentor', 'Хотели бы вы сами стать наставником? (для наставляемых)', false),
    {
      key: 'comment',
      title: 'Что было самым ценным и что улучшить',
      help: 'Необязательно.',
      type: 'long',
      required: false,
    },
  ],
};
