// FormApp as a global of an execution.
import type { ServiceDefinition } from '../services';
import { FakeFormApp } from './formApp';

export const formService: ServiceDefinition = {
  name: 'FormApp',
  globals: (ctx) => ({ FormApp: new FakeFormApp(ctx) }),
};
