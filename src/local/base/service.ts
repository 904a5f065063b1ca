// PropertiesService, CacheService, LockService, Utilities, Session, Logger and console as globals
// of an execution.
import type { ServiceDefinition } from '../services';
import { cacheService } from './cache';
import { lockService } from './lock';
import { logging } from './logger';
import { propertiesService } from './properties';
import { sessionService } from './session';
import { FakeUtilities } from './utilities';

export const baseServices: ServiceDefinition = {
  name: 'PropertiesService, CacheService, LockService, Utilities, Session, Logger, console',
  globals: (ctx) => ({
    PropertiesService: propertiesService(ctx),
    CacheService: cacheService(ctx),
    LockService: lockService(ctx),
    Utilities: new FakeUtilities(ctx),
    Session: sessionService(ctx),
    ...logging(ctx),
  }),
};
