// Every service an execution sees as a global. To plug in a fake, import its definition and add it here.
import { baseServices } from './base/service';
import { docsApiService } from './docs/docsApi';
import { documentService, driveService } from './drive/service';
import { formService } from './forms/service';
import { htmlService } from './html/service';
import { mailService } from './mail/service';
import { scriptService } from './script/service';
import type { ServiceDefinition } from './services';
import { spreadsheetService } from './spreadsheet/service';

export const SERVICES: ServiceDefinition[] = [
  baseServices,
  spreadsheetService,
  scriptService,
  formService,
  driveService,
  documentService,
  docsApiService,
  mailService,
  htmlService,
];
