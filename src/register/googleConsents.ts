// Consents given on the Google side: in this mode a participant may sign the consent form under
// their code instead of on paper. The register honours «получено» in the bases as it honours a paper
// consent, and «отозвано» there stops the use of the name as a withdrawal in the register does.
import { BASES } from '../core/intake/baseRow';
import { CONSENT_LABELS } from '../core/model';
import { normaliseCode } from '../core/pseudonymous/participantCode';
import { readRows } from '../core/schema';
import type { CellValue } from '../core/table';

export interface GoogleConsents {
  received: ReadonlySet<string>;
  withdrawn: ReadonlySet<string>;
}

export const BASE_SHEETS = [BASES.mentor.name, BASES.mentee.name] as const;

export function googleConsents(sheets: ReadonlyMap<string, CellValue[][]>): GoogleConsents {
  const received = new Set<string>();
  const withdrawn = new Set<string>();
  for (const role of ['mentor', 'mentee'] as const)
    for (const { values } of readRows(BASES[role], sheets.get(BASES[role].name) ?? [])) {
      const code = normaliseCode(values.id);
      if (values.consent === CONSENT_LABELS.received) received.add(code);
      if (values.consent === CONSENT_LABELS.withdrawn) withdrawn.add(code);
    }
  return { received, withdrawn };
}
