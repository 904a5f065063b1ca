// What a curator does by hand in the workbook, done for the demo through the same fake services the
// bundle uses: a small script run in the workspace, as if typed into the sheet.

import { SETTINGS } from '../../core/settings';
import { SHEETS } from '../../core/sheets';
import type { CellValue } from '../../core/table';
import { LocalWorkspace } from '../../local';

const EDIT_SCRIPT = `
function demoSetSettings(values) {
  var sheet = SpreadsheetApp.getActive().getSheetByName(${JSON.stringify(SHEETS.settings)});
  var data = sheet.getDataRange().getValues();
  var nameCol = data[0].indexOf(${JSON.stringify(SETTINGS.columns.name.header)});
  var valueCol = data[0].indexOf(${JSON.stringify(SETTINGS.columns.value.header)});
  var missing = [];
  Object.keys(values).forEach(function (name) {
    for (var r = 1; r < data.length; r++) {
      if (data[r][nameCol] === name) { data[r][valueCol] = values[name]; return; }
    }
    missing.push(name);
  });
  sheet.getRange(1, 1, data.length, data[0].length).setValues(data);
  SpreadsheetApp.flush();
  return missing;
}
`;

/**
 * Types values into Настройки rows found by «Параметр». Returns the names that the sheet does not
 * have (a feature renamed or dropped a setting), so the demo can say so instead of failing.
 */
export async function setSettings(dir: string, values: Record<string, CellValue>): Promise<string[]> {
  const curator = await LocalWorkspace.open(dir, { code: EDIT_SCRIPT });
  const missing = curator.run('demoSetSettings', values);
  await curator.save();
  return Array.isArray(missing) ? missing.map(String) : [];
}

/** The lines of the toasts the curator saw during the last run. */
export const toastLines = (ui: ReadonlyArray<{ kind: string; text?: string }> | undefined): string[] =>
  (ui ?? [])
    .filter((e) => e.kind === 'toast' && e.text)
    .flatMap((e) => (e.text ?? '').split('\n'))
    .filter((l) => l.trim() !== '');
