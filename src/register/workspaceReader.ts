// The offline workspace as the Google side (the demo and the tests): the bound workbook's sheets,
// read from the workspace's store without running any script.
import type { CellValue } from '../core/table';
import type { LocalWorkspace } from '../local/index';
import { cellAt, lastColumn, lastRow } from '../local/spreadsheet/model';
import { SpreadsheetStore } from '../local/spreadsheet/store';
import type { WorkbookReader } from './workbookReader';

export class WorkspaceReader implements WorkbookReader {
  readonly source: string;

  constructor(private readonly ws: LocalWorkspace) {
    this.source = `рабочее пространство ${ws.dir}`;
  }

  async readSheets(names: readonly string[]): Promise<Map<string, CellValue[][]>> {
    const model = SpreadsheetStore.of(this.ws.ctx).model(this.ws.boundSpreadsheetId);
    const sheets = new Map<string, CellValue[][]>();
    for (const name of names) {
      const sheet = model?.sheets.find((s) => s.name === name);
      if (!sheet) continue;
      const width = lastColumn(sheet);
      sheets.set(
        name,
        Array.from({ length: lastRow(sheet) }, (_, r) =>
          Array.from({ length: width }, (_, c) => cellAt(sheet, r, c)),
        ),
      );
    }
    return sheets;
  }
}
