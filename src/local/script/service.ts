// ScriptApp as a global of an execution.
import type { ServiceDefinition } from '../services';
import { FakeScriptApp } from './scriptApp';

export const scriptService: ServiceDefinition = {
  name: 'ScriptApp',
  globals: (ctx) => ({ ScriptApp: new FakeScriptApp(ctx) }),
};
