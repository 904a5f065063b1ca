// What the register reads from the Google side: sheets of the programme's workbook, as values. The
// interface has no way to write, and neither implementation holds a writing client: nothing from the
// register ever goes to Google.
import type { CellValue } from '../core/table';

export interface WorkbookReader {
  /** Where it reads from, for messages («таблица 1AbC…», «рабочее пространство ./demo»). */
  readonly source: string;
  /** The sheets' values, header row first; a sheet the workbook lacks is left out of the map. */
  readSheets(names: readonly string[]): Promise<Map<string, CellValue[][]>>;
}
