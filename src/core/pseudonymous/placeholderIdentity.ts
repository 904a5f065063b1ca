// A pseudonymous participant as the Google side holds them: wherever the ordinary mode keeps a name
// or an address, this mode keeps the register's placeholder for it. Everything downstream (pairs,
// meetings, letters, documents) then works unchanged and writes «[[code|field]]» where a name goes;
// the register fills the placeholders on the school's computer.
import { namePlaceholder } from './namePlaceholders';

export interface PlaceholderIdentity {
  email: string;
  lastName: string;
  firstName: string;
  middleName: string;
  phone: string;
  parentName: string;
  parentEmail: string;
}

/** The identity fields of a code; a minor also gets the parent's placeholders. */
export function placeholderIdentity(code: string, minor: boolean): PlaceholderIdentity {
  return {
    email: namePlaceholder(code, 'email'),
    // The whole name is one placeholder: the register declines it; first and middle stay empty so
    // that nothing joins a second placeholder to it.
    lastName: namePlaceholder(code, 'fullName'),
    firstName: '',
    middleName: '',
    phone: '',
    parentName: minor ? namePlaceholder(code, 'parentName') : '',
    parentEmail: minor ? namePlaceholder(code, 'parentEmail') : '',
  };
}

const FULL_NAME = /^\[\[(\d{7})\|fullName\]\]$/;

/** The code behind a name that is a placeholder, or undefined for a real name. */
export function codeOfNamePlaceholder(name: string): string | undefined {
  return FULL_NAME.exec(name.trim())?.[1];
}

/** How a letter greets someone whose name is a placeholder: by the first name the register holds. */
export function greetingOf(lastName: string, greeting: string): string {
  if (greeting) return greeting;
  const code = codeOfNamePlaceholder(lastName);
  return code ? namePlaceholder(code, 'firstName') : greeting;
}
