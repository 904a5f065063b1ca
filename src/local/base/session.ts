// Session: who runs the script, and its time zone and locale.
import type { ServiceContext } from '../context';

/** Active user: '' for an anonymous web visitor. Effective user: the account the script runs as. */
export const sessionService = (ctx: ServiceContext) => {
  const user = (email: () => string) => ({ getEmail: email, toString: email });
  const active = () => {
    const caller = ctx.caller;
    if (caller === 'anonymous') return '';
    return caller === 'curator' ? ctx.meta.curatorEmail : caller.email;
  };
  const effective = () => {
    const caller = ctx.caller;
    return typeof caller === 'object' ? caller.email : ctx.meta.curatorEmail;
  };
  return {
    getScriptTimeZone: () => ctx.timeZone,
    getActiveUser: () => user(active),
    getEffectiveUser: () => user(effective),
    getActiveUserLocale: () => 'ru',
    getTemporaryActiveUserKey: () => `local-${active() || 'anonymous'}`,
  };
};
