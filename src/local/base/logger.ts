// Logger and console: lines go to the execution's log.
import type { ServiceContext } from '../context';

function logLine(args: unknown[]): string {
  return args.map((a) => (typeof a === 'string' ? a : safeJson(a))).join(' ');
}

function safeJson(value: unknown): string {
  if (value instanceof Object && 'message' in value && 'stack' in value)
    return String((value as Error).stack);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

export const logging = (ctx: ServiceContext) => {
  const log =
    (level: string) =>
    (...args: unknown[]) =>
      ctx.log(`${level}${logLine(args)}`);
  const logger = {
    log: (format: unknown, ...values: unknown[]) => {
      let i = 0;
      const text =
        typeof format === 'string' && values.length
          ? format.replace(/%s/g, () => String(values[i++]))
          : logLine([format]);
      ctx.log(text);
      return logger;
    },
    getLog: () => '',
    clear: () => undefined,
  };
  return {
    Logger: logger,
    console: {
      log: log(''),
      info: log(''),
      warn: log('WARN '),
      error: log('ERROR '),
      time: () => undefined,
      timeEnd: () => undefined,
    },
  };
};
