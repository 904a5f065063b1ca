// Fixtures fill the required settings as the demo does, through the sheet.
import { schoolSettingsFor } from '../bench/schools/schoolSettings';
import { setSettings } from '../src/cli/demo/curator';
import type { CellValue } from '../src/core/table';

export { SCHOOL_SETTINGS } from '../bench/schools/schoolSettings';

/** Fills the required settings of the workspace in `dir` (after setup), plus any others given. */
export async function fillSchoolSettings(
  dir: string,
  curatorEmail: string,
  more: Record<string, CellValue> = {},
): Promise<void> {
  const missing = await setSettings(dir, { ...schoolSettingsFor(curatorEmail), ...more });
  if (missing.length > 0) throw new Error(`В Настройках нет параметров: ${missing.join('; ')}`);
}
