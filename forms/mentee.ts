// Анкета наставляемого: students from age 10, teachers and young specialists. After the common
// questions the category sends each respondent to their own section, then to the request.
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

export const MENTEE_CATEGORIES = ['student', 'college_student', 'teacher', 'young_specialist'] as const;

export const MENTEE_FORM: FormDefinition = {
  id: 'mentee',
  title: 'Анкета наставляемого',
  description:
    'Анкета для тех, кому нужен наставник: ученики с 10 лет, педагоги и молодые специалисты. ' +
    'Мы спрашиваем только то, что нужно для подбора наставника. Обработка данных начнётся после ' +
    'согласия на обработку персональных данных (отдельная форма; за учеников младше 14 лет его ' +
    'подписывает родитель).',
  confirmation:
    'Спасибо! Анкета принята. На указанную почту придёт письмо о дальнейших шагах и ссылка на согласие.',
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
      choices: categoryChoices(MENTEE_CATEGORIES),
      branches: categoryBranches({
        student: 'pagePupil',
        college_student: 'pageStudy',
        teacher: 'pageStaff',
        young_specialist: 'pageStaff',
      }),
    },
    AGE_ITEM,
    page('pagePupil', 'Ученик'),
    CLASS_ITEM,
    page('pageStudy', 'Учёба'),
    {
      key: 'subjects',
      title: 'Предметы, по которым нужна помощь',
      help: 'Необязательно.',
      type: 'multiple',
      required: false,
      choices: SUBJECTS,
    },
    page('pageParent', 'Родитель (законный представитель)', PARENT_PAGE_HELP, 'pageRequest'),
    ...PARENT_ITEMS,
    page('pageStaff', 'Работа в школе'),
    {
      key: 'position',
      title: 'Должность',
      help: '',
      type: 'short',
      required: false,
    },
    {
      key: 'experienceYears',
      title: 'Педагогический стаж, лет',
      help: '',
      type: 'short',
      required: false,
      validation: { integer: { min: 0, max: 70 } },
    },
    {
      key: 'teachingSubjects',
      title: 'Предметы, которые вы преподаёте',
      help: 'Необязательно.',
      type: 'multiple',
      required: false,
      choices: SUBJECTS,
    },
    page('pageRequest', 'Ваш запрос'),
    {
      key: 'topics',
      title: 'С чем вам нужна помощь',
      help: 'Выберите из списка; подробности можно написать ниже.',
      type: 'multiple',
      required: true,
      choices: TOPICS,
    },
    {
      key: 'note',
      title: 'Ваш запрос своими словами',
      help: 'Необязательно.',
      type: 'long',
      required: false,
    },
    {
      key: 'forms',
      title: 'В какой форме наставничества вы хотели бы участвовать',
      help: FORMS_ITEM_HELP,
      type: 'multiple',
      required: true,
      choicesFrom: 'mentoringForms',
    },
    AVAILABILITY_ITEM,
    PHONE_ITEM,
  ],
};
