// Matching: the compatibility settings and the sheets Пары and Без пары.
import { MATCHING_SETTINGS } from '../../core/matching/compatibility';
import { PAIRS, UNMATCHED } from '../../core/matching/pairRow';
import type { Feature } from '../feature';
import { ensureSheet } from '../sheetTable';

export const MATCHING_FEATURE: Feature = {
  name: 'Подбор пар',
  settings: [MATCHING_SETTINGS],
  setup: [
    {
      name: 'Пары',
      run: () => {
        ensureSheet(PAIRS);
        ensureSheet(UNMATCHED);
        return undefined;
      },
    },
  ],
  afterApproval: [],
  daily: [],
  edits: [],
  webRoutes: {},
};
