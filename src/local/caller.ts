// `--as anonymous|EMAIL`: who starts an execution of the offline workspace.
import type { Caller } from './context';

const EMAIL = /^[^\s@]+@[^\s@]+$/;

/** 'anonymous' → a web visitor without a Google session; an address → that person; else an error in Russian. */
export function parseCaller(text: string): Caller {
  const value = text.trim();
  if (value.toLowerCase() === 'anonymous') return 'anonymous';
  if (EMAIL.test(value)) return { email: value.toLowerCase() };
  throw new Error(`--as: нужен «anonymous» или адрес почты, а не «${text}».`);
}
