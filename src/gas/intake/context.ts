// Reads what intake needs for one response, one sheet read each, under the script lock.

import type { FormId } from '../../../forms/definition';
import { BASES } from '../../core/intake/baseRow';
import type { ConsentRecord } from '../../core/intake/consent';
import { CONSENTS, recordToConsent } from '../../core/intake/consentRow';
import { INTAKE_LOG } from '../../core/intake/journal';
import { PREFERENCES } from '../../core/intake/preferenceRow';
import type { IntakeContext } from '../../core/intake/process';
import type { Role } from '../../core/model';
import type { CellValue } from '../../core/table';
import { readColumn } from '../appendRows';
import { loadIntakeSettings } from '../mentoringForms';
import { registerCodeCheck } from '../pseudonymous/registerKey';
import { readSettingCells } from '../settingsSheet';
import { SheetTable } from '../sheetTable';
import { type BaseTable, readBaseSheet } from './bases';
import type { FormRegistry } from './formRegistry';

export interface IntakeTables {
  bases: Partial<Record<Role, BaseTable>>;
  consents?: SheetTable<typeof CONSENTS>;
  preferences?: SheetTable<typeof PREFERENCES>;
}

export const processedResponses = (): Set<string> => new Set(readColumn(INTAKE_LOG, 'responseId'));

export function loadContext(
  formId: FormId,
  registry: FormRegistry,
  now: Date,
  settingCells: ReadonlyMap<string, CellValue> = readSettingCells(),
): { ctx: IntakeContext; tables: IntakeTables } {
  const { values: settings } = loadIntakeSettings(settingCells);
  const tables: IntakeTables = { bases: {} };
  const bases: IntakeContext['bases'] = { mentor: [], mentee: [] };
  for (const role of ['mentor', 'mentee'] as const) {
    const table = SheetTable.openRead(BASES[role]);
    tables.bases[role] = table;
    bases[role] = readBaseSheet(table, role, settings.mentoringForms);
  }
  let consents: ConsentRecord[] = [];
  if (formId === 'mentee' || formId === 'mentor' || formId === 'consent') {
    const table = SheetTable.openRead(CONSENTS);
    tables.consents = table;
    consents = table.read().flatMap((r) => {
      const c = recordToConsent(r.values);
      return c ? [c] : [];
    });
  }
  let preferences: IntakeContext['preferences'] = [];
  if (formId === 'preferencesMentee' || formId === 'preferencesMentor') {
    const table = SheetTable.open(PREFERENCES);
    tables.preferences = table;
    preferences = table.read();
  }
  return {
    ctx: {
      settings,
      bases,
      consents,
      preferences,
      consentUrl: registry.consent?.url ?? '',
      formUrl: registry[formId]?.url ?? '',
      now,
      codes: settings.dataMode === 'pseudonymous' ? registerCodeCheck() : undefined,
    },
    tables,
  };
}
