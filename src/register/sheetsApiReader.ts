// The real Google side: the programme's workbook read through the Sheets API with the school's own
// OAuth client, under the one scope that can only read spreadsheets. Values come unformatted (numbers
// as numbers) and dates as the sheet shows them («12.03.2026»), which the sheet readers accept.
import { auth, sheets, type sheets_v4 } from '@googleapis/sheets';
import type { CellValue } from '../core/table';
import type { GoogleConnection } from './model';
import type { WorkbookReader } from './workbookReader';

export const SHEETS_READONLY_SCOPE = 'https://www.googleapis.com/auth/spreadsheets.readonly';

export class MissingOAuthClientError extends Error {
  constructor() {
    super(
      'Реестр не подключён к таблице Google: нет OAuth-клиента школы. Создайте в Google Cloud Console клиент OAuth типа «Приложение для компьютера», скачайте JSON и выполните: npx nastavnik register google --client client_secret.json --spreadsheet <ссылка на таблицу>',
    );
    this.name = 'MissingOAuthClientError';
  }
}

export interface SheetsApiOptions {
  /** Another API root (tests point it at a server on loopback). */
  rootUrl?: string;
  /** An access token to use as is (tests); otherwise the refresh token gets one. */
  accessToken?: string;
}

export class SheetsApiReader implements WorkbookReader {
  readonly source: string;
  private readonly api: sheets_v4.Sheets;

  constructor(
    private readonly connection: GoogleConnection | undefined,
    options: SheetsApiOptions = {},
  ) {
    if (!connection?.clientId || !connection.refreshToken) throw new MissingOAuthClientError();
    this.source = `таблица Google ${connection.spreadsheetId}`;
    const client = new auth.OAuth2(connection.clientId, connection.clientSecret);
    client.setCredentials({
      refresh_token: connection.refreshToken,
      ...(options.accessToken
        ? { access_token: options.accessToken, expiry_date: Date.now() + 3_600_000 }
        : {}),
    });
    // Node's own fetch: gaxios would otherwise load node-fetch by a dynamic import.
    this.api = sheets({
      version: 'v4',
      auth: client,
      fetchImplementation: globalThis.fetch,
      ...(options.rootUrl ? { rootUrl: options.rootUrl } : {}),
    });
  }

  async readSheets(names: readonly string[]): Promise<Map<string, CellValue[][]>> {
    const spreadsheetId = this.connection?.spreadsheetId ?? '';
    const book = await this.api.spreadsheets.get({ spreadsheetId, fields: 'sheets.properties.title' });
    const present = new Set((book.data.sheets ?? []).map((s) => s.properties?.title ?? ''));
    const wanted = names.filter((n) => present.has(n));
    const sheetsRead = new Map<string, CellValue[][]>();
    if (wanted.length === 0) return sheetsRead;
    const response = await this.api.spreadsheets.values.batchGet({
      spreadsheetId,
      ranges: wanted.map((n) => `'${n.replace(/'/g, "''")}'`),
      valueRenderOption: 'UNFORMATTED_VALUE',
      dateTimeRenderOption: 'FORMATTED_STRING',
    });
    (response.data.valueRanges ?? []).forEach((range, i) => {
      const rows = (range.values ?? []) as unknown[][];
      const width = Math.max(0, ...rows.map((r) => r.length));
      sheetsRead.set(
        wanted[i] ?? '',
        rows.map((r) => Array.from({ length: width }, (_, c) => asCell(r[c]))),
      );
    });
    return sheetsRead;
  }
}

function asCell(value: unknown): CellValue {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return '';
}
