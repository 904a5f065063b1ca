// MailApp as a global of an execution.
import type { ServiceDefinition } from '../services';
import { FakeMailApp } from './mailApp';

export const mailService: ServiceDefinition = {
  name: 'MailApp',
  globals: (ctx) => ({ MailApp: new FakeMailApp(ctx) }),
};
