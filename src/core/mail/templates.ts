// The letters of the pair's year and their default Russian wording. Each kind has a subject and a
// body in Настройки; a template that uses an unknown placeholder is reported and the default is used.
import * as z from 'zod/mini';
import { defineSettings, type SettingDef } from '../settings';
import type { CellValue } from '../table';
import { LETTER_FIELDS, type LetterField } from './fields';
import { unknownPlaceholders } from './render';

export const MAIL_KINDS = [
  'pair_approved',
  'reminder_mentor',
  'reminder_mentee',
  'reminder_parent',
  'overdue',
  'escalation',
  'urgent',
  'feedback',
  'satisfaction',
  'impact_entry',
  'impact_exit',
  'survey_reminder',
  'reenrol',
  'digest',
] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

export const MAIL_KIND_LABELS: Record<MailKind, string> = {
  pair_approved: 'пара утверждена',
  reminder_mentor: 'напоминание о встрече (наставнику)',
  reminder_mentee: 'напоминание о встрече (наставляемому)',
  reminder_parent: 'напоминание о встрече (родителю)',
  overdue: 'встреча не отмечена',
  escalation: 'пропущены встречи (в срочном письме куратору)',
  urgent: 'срочное куратору (раз в день)',
  feedback: 'приглашение: обратная связь',
  satisfaction: 'приглашение: анкета удовлетворённости',
  impact_entry: 'приглашение: входная диагностика',
  impact_exit: 'приглашение: выходная диагностика',
  survey_reminder: 'напоминание: анкета без ответа',
  reenrol: 'приглашение: наставник в новом учебном году',
  digest: 'сводка куратору',
};

/**
 * Kinds that are a line of the curator's daily letter rather than a letter of their own: the send
 * log keeps a row for each (so it is told once), and the day's lines go out together as «urgent».
 */
export const LINE_KINDS: readonly MailKind[] = ['escalation'];

/** Letters a participant may switch off; the curator's letters are part of the job. */
export const NON_ESSENTIAL: readonly MailKind[] = [
  'reminder_mentor',
  'reminder_mentee',
  'reminder_parent',
  'overdue',
  'feedback',
  'satisfaction',
  'impact_entry',
  'impact_exit',
  'survey_reminder',
];

const FIELDS_OF: Record<MailKind, readonly LetterField[]> = {
  pair_approved: ['name', 'pair', 'meeting', 'date', 'place'],
  reminder_mentor: ['name', 'meeting', 'date', 'mentees', 'withMentees', 'place', 'markLink', 'moveLink'],
  reminder_mentee: ['name', 'meeting', 'date', 'mentor', 'withMentor', 'place'],
  reminder_parent: ['name', 'meeting', 'date', 'mentor', 'place'],
  overdue: ['name', 'meeting', 'date', 'mentees', 'withMentees', 'markLink', 'moveLink'],
  escalation: ['mentor', 'mentees', 'withMentees', 'meeting', 'date', 'missed'],
  urgent: ['date', 'summary'],
  feedback: ['name', 'month', 'formLink'],
  satisfaction: ['name', 'formLink'],
  impact_entry: ['name', 'formLink'],
  impact_exit: ['name', 'formLink'],
  survey_reminder: ['name', 'survey', 'formLink'],
  reenrol: ['name', 'schoolYear', 'formLink'],
  digest: ['week', 'summary'],
};
/** The placeholders a letter may use, by the names curators type. */
const placeholdersOf = (kind: MailKind): string[] => FIELDS_OF[kind].map((f) => LETTER_FIELDS[f]);

interface Template {
  subject: string;
  body: string;
}

// The curator's signature and, where a participant may switch letters off, the opt-out line are added
// after the text (see renderMail), so a template cannot lose them.
export const DEFAULT_TEMPLATES: Record<MailKind, Template> = {
  pair_approved: {
    subject: 'Наставническая пара утверждена',
    body:
      'Здравствуйте, {{имя}}!\n\nКуратор утвердил вашу наставническую пару. {{пара}}\n\n' +
      'Первая встреча — {{встреча}} — {{дата}}.{{время_место}}\n' +
      'Если это время не подходит, ответьте на это письмо.',
  },
  reminder_mentor: {
    subject: 'Напоминание: {{встреча}} {{дата}}',
    body:
      'Здравствуйте, {{имя}}!\n\n{{дата}} запланирована {{встреча}} {{с_наставляемыми}}.{{время_место}}\n\n' +
      'Если дату нужно перенести, укажите новую:\n{{ссылка_перенести}}\n\n' +
      'После встречи отметьте её проведённой и оставьте короткую заметку:\n{{ссылка_отметить}}',
  },
  reminder_mentee: {
    subject: 'Напоминание: {{встреча}} {{дата}}',
    body:
      'Здравствуйте, {{имя}}!\n\n{{дата}} у вас {{встреча}} {{с_наставником}}.{{время_место}}\n\n' +
      'Если прийти не получится, предупредите наставника заранее.',
  },
  reminder_parent: {
    subject: 'Наставничество: {{встреча}} {{дата}}',
    body:
      'Здравствуйте!\n\n{{дата}} запланирована {{встреча}} в программе наставничества.{{время_место}}\n' +
      'Участник: {{имя}}. Наставник: {{наставник}}.',
  },
  overdue: {
    subject: 'Встреча {{дата}} не отмечена',
    body:
      'Здравствуйте, {{имя}}!\n\n{{встреча}} {{дата}} {{с_наставляемыми}} пока не отмечена ' +
      'проведённой. Если она состоялась, отметьте её:\n{{ссылка_отметить}}\n\n' +
      'Если встреча не состоялась, договоритесь о новой дате и укажите её:\n{{ссылка_перенести}}',
  },
  escalation: {
    subject: 'Пропущены встречи: {{наставник}}',
    body: '{{наставник}} ({{с_наставляемыми}}): не отмечены проведёнными {{пропущено}}, последняя — {{встреча}} {{дата}}.',
  },
  urgent: {
    subject: 'Наставничество: требует внимания ({{дата}})',
    body: 'Здравствуйте!\n\nЧто требует вашего внимания сегодня:\n\n{{сводка}}\n\nСтоит связаться с наставниками.',
  },
  feedback: {
    subject: 'Обратная связь по программе наставничества ({{месяц}})',
    body:
      'Здравствуйте, {{имя}}!\n\nПожалуйста, ответьте на несколько вопросов о работе в паре ' +
      '(5 минут):\n{{ссылка_анкета}}\n\nСпасибо!',
  },
  satisfaction: {
    subject: 'Итоги года: анкета удовлетворённости',
    body:
      'Здравствуйте, {{имя}}!\n\nПрограмма наставничества этого года завершается. Оцените, пожалуйста, ' +
      'насколько она была полезной:\n{{ссылка_анкета}}\n\nСпасибо за участие!',
  },
  impact_entry: {
    subject: 'Входная диагностика: с чего вы начинаете',
    body:
      'Здравствуйте, {{имя}}!\n\nВы начинаете работу в наставнической паре. Ответьте, пожалуйста, на ' +
      'несколько вопросов о себе (5 минут) — в конце года вы ответите на те же вопросы, и станет видно, ' +
      'что изменилось:\n{{ссылка_анкета}}',
  },
  impact_exit: {
    subject: 'Выходная диагностика: что изменилось за год',
    body:
      'Здравствуйте, {{имя}}!\n\nПрограмма этого года подходит к концу. Ответьте, пожалуйста, на те же ' +
      'вопросы, что и в начале (5 минут):\n{{ссылка_анкета}}',
  },
  survey_reminder: {
    subject: 'Ждём ваш ответ: {{анкета}}',
    body:
      'Здравствуйте, {{имя}}!\n\nМы пока не получили ваш ответ ({{анкета}}). Это займёт несколько ' +
      'минут:\n{{ссылка_анкета}}\n\nЕсли вы уже ответили, не обращайте внимания на это письмо.',
  },
  reenrol: {
    subject: 'Приглашаем вас наставником в {{учебный_год}} учебном году',
    body:
      'Здравствуйте, {{имя}}!\n\nСпасибо, что были наставником и согласились остаться в долгосрочной базе ' +
      'наставников. Программа наставничества начинает {{учебный_год}} учебный год. Если вы готовы продолжить, ' +
      'заполните анкету наставника — ваш адрес и имя уже в ней, проверьте остальное (5 минут):\n' +
      '{{ссылка_анкета}}',
  },
  digest: {
    subject: 'Наставничество: сводка на неделю с {{неделя}}',
    body: 'Сводка по программе наставничества на неделю с {{неделя}}.\n\n{{сводка}}',
  },
};

const text = () => z.transform((v: CellValue) => String(v));

function templateSettings(): Record<string, SettingDef<string>> {
  const defs: Record<string, SettingDef<string>> = {};
  for (const kind of MAIL_KINDS) {
    const label = MAIL_KIND_LABELS[kind];
    const names = placeholdersOf(kind)
      .map((p) => `{{${p}}}`)
      .join(', ');
    defs[`${kind}.subject`] = {
      name: `Письмо «${label}»: тема`,
      help: `Можно использовать: ${names}.`,
      defaultCell: DEFAULT_TEMPLATES[kind].subject,
      parse: text,
    };
    defs[`${kind}.body`] = {
      name: `Письмо «${label}»: текст`,
      help: `Можно использовать: ${names}. Подпись куратора и ссылка для отказа от рассылки добавляются сами.`,
      defaultCell: DEFAULT_TEMPLATES[kind].body,
      parse: text,
    };
  }
  return defs;
}

export const MAIL_TEMPLATE_SETTINGS = defineSettings(templateSettings());

/** The curator's templates, each checked for unknown placeholders; a bad one falls back to the default. */
export function resolveTemplates(values: Readonly<Record<string, string>>): {
  templates: Record<MailKind, Template>;
  problems: string[];
} {
  const problems: string[] = [];
  const templates = {} as Record<MailKind, Template>;
  for (const kind of MAIL_KINDS) {
    const candidate = {
      subject: values[`${kind}.subject`] || DEFAULT_TEMPLATES[kind].subject,
      body: values[`${kind}.body`] || DEFAULT_TEMPLATES[kind].body,
    };
    const unknown = unknownPlaceholders(`${candidate.subject}\n${candidate.body}`, placeholdersOf(kind));
    if (unknown.length > 0) {
      problems.push(
        `Письмо «${MAIL_KIND_LABELS[kind]}»: неизвестные поля ${unknown.map((u) => `{{${u}}}`).join(', ')}; используется текст по умолчанию.`,
      );
      templates[kind] = DEFAULT_TEMPLATES[kind];
    } else {
      templates[kind] = candidate;
    }
  }
  return { templates, problems };
}
