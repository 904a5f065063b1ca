// Matching: the compatibility settings and the sheets Пары and Без пары.
import { MATCHING_SETTINGS } from '../../core/matching/compatibility';
import { PAIRS_HEADERS, UNMATCHED_HEADERS, UNMATCHED_SHEET } from '../../core/matching/pairRow';
import { SHEETS } from '../../core/sheets';
import type { Feature } from '../feature';
import { ensureSheet } from '../sheetTable';

export const MATCHING_FEATURE: Feature = {
  name: 'Подбор пар',
  settings: [MATCHING_SETTINGS],
  setup: [
    {
      name: 'Пары',
      run: () => {
        ensureSheet(SHEETS.pairs, PAIRS_HEADERS);
        ensureSheet(UNMATCHED_SHEET, UNMATCHED_HEADERS);
        return undefined;
      },
    },
  ],
  afterApproval: [],
  daily: [],
  webRoutes: {},
};
