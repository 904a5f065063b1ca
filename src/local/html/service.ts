// HtmlService as a global of an execution. Project .html files are looked up beside the bundle.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ServiceDefinition } from '../services';
import { FakeHtmlService } from './htmlService';

/** The directory of the bundle (dist/ of the project unless a code path is given). */
export function bundleDir(codePath: string | undefined): string {
  if (codePath) return dirname(codePath);
  for (let dir = __dirname; dirname(dir) !== dir; dir = dirname(dir))
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'scripts', 'build.mjs')))
      return join(dir, 'dist');
  return join(__dirname, '..', '..', '..', 'dist');
}

export const htmlService: ServiceDefinition = {
  name: 'HtmlService',
  globals: (ctx) => ({ HtmlService: new FakeHtmlService(ctx, bundleDir(ctx.options.codePath)) }),
};
