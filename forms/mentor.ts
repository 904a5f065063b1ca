// Анкета наставника: teachers, senior students, parents, alumni, college students, employers.
import { SUBJECTS, TOPICS } from '../src/core/model';
import {
  AGE_ITEM,
  AVAILABILITY_ITEM,
  CLASS_ITEM,
  categoryBranches,
  categoryChoices,
  EMAIL_ITEM,
  FORMS_ITEM_HELP,
  GENDER_ITEM,
  NAME_ITEMS,
  PARENT_ITEMS,
  PARENT_PAGE_HELP,
  PHONE_ITEM,
} from './common';
import { type FormDefinition, page } from './definition';

export const MENTOR_CATEGORIES = [
  'teacher',
  'young_specialist',
  'student',
  'college_student',
  'alumnus',
  'parent',
  'employer',
] as const;

export const YES = 'да';
export const NO = 'нет';

export const MENTOR_FORM: FormDefinition = {
  id: 'mentor',
  title: 'Анкета наставника',
  description:
    'Анкета для будущих наставников: педагогов, учеников старших классов, родителей, выпускников, ' +
    'студентов и представителей предприятий-партнёров. Обработка данных начнётся после согласия на ' +
    'обработку персональных данных (отдельная форма).',
  confirmation: 'Спасибо! Анкета принята. На указанную почту придёт письмо о дальнейших шагах.',
  items: [
    EMAIL_ITEM,
    ...NAME_ITEMS,
    GENDER_ITEM,
    {
      key: 'category',
      title: 'Кто вы',
      help: 'Дальше анкета покажет вопросы для вашей категории.',
      type: 'single',
      required: true,
      choices: categoryChoices(MENTOR_CATEGORIES),
      branches: categoryBranches({
        student: 'pagePupil',
        college_student: 'pageParent',
        teacher: 'pageWork',
        young_specialist: 'pageWork',
        alumnus: 'pageWork',
        parent: 'pageWork',
        employer: 'pageWork',
      }),
    },
    AGE_ITEM,
    page('pagePupil', 'Ученик'),
    CLASS_ITEM,
    page('pageParent', 'Родитель (законный представитель)', PARENT_PAGE_HELP, 'pageHelp'),
    ...PARENT_ITEMS,
    page('pageWork', 'Работа'),
    {
      key: 'position',
      title: 'Место работы или учёбы, должность',
      help: 'Необязательно.',
      type: 'short',
      required: false,
    },
    {
      key: 'experienceYears',
      title: 'Опыт работы (педагогический или профессиональный), лет',
      help: '',
      type: 'short',
      required: false,
      validation: { integer: { min: 0, max: 70 } },
    },
    page('pageHelp', 'Чем вы можете помочь'),
    {
      key: 'subjects',
      title: 'Предметы',
      help: 'По которым можете помочь.',
      type: 'multiple',
      required: false,
      choices: SUBJECTS,
    },
    {
      key: 'topics',
      title: 'С чем вы можете помочь',
      help: 'Ваши компетенции.',
      type: 'multiple',
      required: true,
      choices: TOPICS,
    },
    {
      key: 'achievements',
      title: 'Основные достижения',
      help: 'Необязательно.',
      type: 'long',
      required: false,
    },
    { key: 'interests', title: 'Интересы и хобби', help: 'Необязательно.', type: 'long', required: false },
    {
      key: 'forms',
      title: 'В какой форме наставничества вы готовы участвовать',
      help: FORMS_ITEM_HELP,
      type: 'multiple',
      required: true,
      choicesFrom: 'mentoringForms',
    },
    {
      key: 'capacity',
      title: 'Скольких наставляемых вы готовы взять',
      help: '1 — работа в паре, больше — в группе.',
      type: 'short',
      required: true,
      validation: { integer: { min: 1, max: 30 } },
    },
    AVAILABILITY_ITEM,
    PHONE_ITEM,
    {
      key: 'longTermBank',
      title: 'Готовы ли вы остаться в долгосрочной базе наставников',
      help: 'Тогда мы сможем пригласить вас и в следующем году.',
      type: 'single',
      required: false,
      choices: [YES, NO],
    },
  ],
};
