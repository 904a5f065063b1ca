// Session: who runs the script, and its time zone and locale.
import type { ServiceContext } from '../context';

export const sessionService = (ctx: ServiceContext) => {
  const user = { getEmail: () => ctx.meta.curatorEmail, toString: () => ctx.meta.curatorEmail };
  return {
    getScriptTimeZone: () => ctx.timeZone,
    getActiveUser: () => user,
    getEffectiveUser: () => user,
    getActiveUserLocale: () => 'ru',
    getTemporaryActiveUserKey: () => `local-${ctx.meta.curatorEmail}`,
  };
};
