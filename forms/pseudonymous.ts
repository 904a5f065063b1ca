// The forms of the pseudonymous mode: the ordinary definitions with every item that names a person
// or an address taken out and the participant's code and secret put first. A transformation, not a
// second set of forms, so whatever the ordinary forms gain (sections, questions) this mode gains too.
import type { FormDefinition, FormId, FormItem, SurveyFormId } from './definition';
import { FORMS } from './index';

/** Items that hold a name, an address or a phone: never asked in this mode. */
export const IDENTITY_KEYS: ReadonlySet<string> = new Set([
  'email',
  'lastName',
  'firstName',
  'middleName',
  'gender',
  'phone',
  'parentName',
  'parentEmail',
  'signerName',
  'participantName',
  'participantEmail',
  'participant',
]);

export const CODE_ITEM: FormItem = {
  key: 'code',
  title: 'Код участника',
  help: 'Семь цифр с листка, который выдала школа, например 123 4567. ФИО и почту здесь не спрашивают.',
  type: 'short',
  required: true,
  validation: {
    pattern: {
      regex: '^\\s*\\d{3}[\\s-]?\\d{4}\\s*$',
      help: 'Код участника — семь цифр, как на листке (например, 123 4567).',
    },
  },
};

export const SECRET_ITEM: FormItem = {
  key: 'secret',
  title: 'Секретное число',
  help: 'Четыре цифры с того же листка. Без него код не принимается.',
  type: 'short',
  required: true,
  validation: {
    pattern: { regex: '^\\s*\\d{4}\\s*$', help: 'Секретное число — четыре цифры с листка.' },
  },
};

const CONFIRMATION = 'Спасибо! Ответ принят. О дальнейших шагах вам сообщат в школе.';

/** The ordinary definition with identity items replaced by the code and the secret. */
export function pseudonymousForm<D extends FormDefinition>(def: D): D {
  const kept = def.items.filter((item) => !IDENTITY_KEYS.has(item.key));
  const asksAddress = def.items.some((item) => item.key === 'email' || item.key === 'participantEmail');
  return {
    ...def,
    description: `${def.description}\n\nФИО, почту и телефон эта форма не спрашивает: укажите код участника и секретное число с листка, который выдала школа.`,
    confirmation: asksAddress ? CONFIRMATION : def.confirmation,
    items: [CODE_ITEM, SECRET_ITEM, ...kept],
  };
}

const built = new Map<FormId, FormDefinition>();

/** The intake form as the school's data mode asks it; each transformed once per execution. */
export function intakeForm(id: FormId, pseudonymous: boolean): FormDefinition {
  if (!pseudonymous) return FORMS[id];
  const cached = built.get(id) ?? pseudonymousForm(FORMS[id]);
  built.set(id, cached);
  return cached;
}

/** A survey form as the school's data mode asks it. */
export function surveyForm<D extends FormDefinition & { id: SurveyFormId }>(
  def: D,
  pseudonymous: boolean,
): D {
  return pseudonymous ? pseudonymousForm(def) : def;
}
