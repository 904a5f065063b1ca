// Items shared by several questionnaires, so that every form asks for identity the same way.
import { AVAILABILITY, CATEGORY_LABELS, type Category } from '../src/core/model';
import type { FormItem, PageTarget } from './definition';

export const EMAIL_ITEM: FormItem = {
  key: 'email',
  title: 'Электронная почта',
  help: 'По ней мы узнаём вас при повторной отправке анкеты и присылаем сообщения программы.',
  type: 'email',
  required: true,
};

/**
 * The survey forms' link in a letter fills this in, so the answer attaches to the participant (and
 * their pair) even when they answer from another address. Forms cannot hide an item: the title asks
 * to leave it as it is.
 */
export const PARTICIPANT_ITEM: FormItem = {
  key: 'participant',
  title: 'Код участника',
  help: 'Заполнен заранее по ссылке из письма — не меняйте его. Если поле пустое, оставьте его пустым.',
  type: 'short',
  required: false,
};

export const NAME_ITEMS: readonly FormItem[] = [
  { key: 'lastName', title: 'Фамилия', help: '', type: 'short', required: true },
  { key: 'firstName', title: 'Имя', help: '', type: 'short', required: true },
  { key: 'middleName', title: 'Отчество', help: 'Если есть.', type: 'short', required: false },
];

/** Asked only so that documents decline the name correctly; never a reason to reject an answer. */
export const GENDER_ITEM: FormItem = {
  key: 'gender',
  title: 'Пол',
  help: 'Необязательно. Нужен только для того, чтобы в приказах и соглашениях ваше имя было в правильной форме.',
  type: 'single',
  required: false,
  choices: ['женский', 'мужской'],
};

/** Asked in the pupils' section only, so there it is required. */
export const CLASS_ITEM: FormItem = {
  key: 'schoolClass',
  title: 'Класс',
  help: 'Номер и буква, например 7Б.',
  type: 'short',
  required: true,
  validation: {
    pattern: {
      regex: '^\\s*(1[01]|[1-9])\\s*[-–—]?\\s*[А-Яа-яЁё]\\s*$',
      help: 'Номер класса от 1 до 11 и буква, например 7Б.',
    },
  },
};

export const AGE_ITEM: FormItem = {
  key: 'age',
  title: 'Возраст (полных лет)',
  help: 'Только число. Дату рождения мы не спрашиваем.',
  type: 'short',
  required: true,
  validation: { integer: { min: 5, max: 100 } },
};

export const AVAILABILITY_ITEM: FormItem = {
  key: 'availability',
  title: 'Когда вам удобно встречаться',
  help: '',
  type: 'multiple',
  required: false,
  choices: AVAILABILITY,
};

export const FORMS_ITEM_HELP = 'Можно выбрать несколько.';

export const PHONE_ITEM: FormItem = {
  key: 'phone',
  title: 'Телефон',
  help: 'Необязательно.',
  type: 'short',
  required: false,
};

export const PARENT_ITEMS: readonly FormItem[] = [
  {
    key: 'parentName',
    title: 'ФИО родителя (законного представителя)',
    help: 'Обязательно для участников младше 18 лет.',
    type: 'short',
    required: false,
  },
  {
    key: 'parentEmail',
    title: 'Электронная почта родителя (законного представителя)',
    help: 'Обязательно для участников младше 18 лет.',
    type: 'email',
    required: false,
  },
];

/** Category choices show the Russian label; intake maps the label back to the category. */
export function categoryChoices(categories: readonly Category[]): string[] {
  return categories.map((c) => CATEGORY_LABELS[c]);
}

/** The category question's navigation: each category's label → the page of its section. */
export function categoryBranches(
  pages: Partial<Record<Category, PageTarget>>,
): Readonly<Record<string, PageTarget>> {
  return Object.fromEntries(
    Object.entries(pages).map(([category, target]) => [CATEGORY_LABELS[category as Category], target]),
  );
}

export const PARENT_PAGE_HELP = 'Для участников младше 18 лет: родитель подписывает согласие и соглашение.';
