// The register reads Google and never writes to it: a Sheets API stand-in on loopback serves the
// workspace's workbook and records every request the daily run makes.
import { mkdtempSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { MAIL } from '../../src/core/mail/outbox';
import { AWAITING_REGISTER, namePlaceholder } from '../../src/core/pseudonymous/namePlaceholders';
import type { CellValue } from '../../src/core/table';
import { runRegisterDaily } from '../../src/register/daily';
import { MissingOAuthClientError, SheetsApiReader } from '../../src/register/sheetsApiReader';
import { WorkspaceReader } from '../../src/register/workspaceReader';
import { CODES, IDENTITIES, pseudonymousSchool } from './pseudonymousSchool';

const SPREADSHEET = 'test-spreadsheet-id-0123456789';

interface Seen {
  method: string;
  url: string;
  headers: string;
  body: string;
}

const shown = (v: CellValue): CellValue =>
  v instanceof Date
    ? `${String(v.getDate()).padStart(2, '0')}.${String(v.getMonth() + 1).padStart(2, '0')}.${v.getFullYear()}`
    : v;

async function fakeSheetsApi(sheets: Map<string, CellValue[][]>) {
  const seen: Seen[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: JSON.stringify(req.headers), body });
      const url = new URL(req.url ?? '/', 'http://localhost');
      res.setHeader('Content-Type', 'application/json');
      if (url.pathname === `/v4/spreadsheets/${SPREADSHEET}`) {
        res.end(JSON.stringify({ sheets: [...sheets.keys()].map((title) => ({ properties: { title } })) }));
      } else if (url.pathname === `/v4/spreadsheets/${SPREADSHEET}/values:batchGet`) {
        const ranges = url.searchParams
          .getAll('ranges')
          .map((r) => r.replace(/^'|'$/g, '').replace(/''/g, "'"));
        res.end(
          JSON.stringify({
            valueRanges: ranges.map((r) => ({
              range: r,
              values: (sheets.get(r) ?? []).map((row) => row.map(shown)),
            })),
          }),
        );
      } else {
        res.statusCode = 404;
        res.end('{}');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    seen,
    rootUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('the register and Google', () => {
  it('refuses to read without the school’s OAuth client, saying how to connect', () => {
    expect(() => new SheetsApiReader(undefined)).toThrow(MissingOAuthClientError);
    expect(() => new SheetsApiReader(undefined)).toThrow(/нет OAuth-клиента школы.*register google --client/);
  });

  it('the daily run only reads: no write, no body, no name or address of the register goes to Google', async () => {
    const { ws, register } = await pseudonymousSchool();
    const sheets = await new WorkspaceReader(ws).readSheets([
      'Настройки',
      'Формы наставничества',
      'Наставники',
      'Наставляемые',
      'Пары',
      'Приказы',
      'Встречи',
    ]);
    const mailHeader = (['key', 'to', 'subject', 'text', 'state'] as const).map(
      (k) => MAIL.columns[k].header,
    );
    sheets.set(MAIL.name, [
      mailHeader,
      [
        'k1',
        namePlaceholder(CODES.T1, 'email'),
        'Встреча',
        `Здравствуйте, ${namePlaceholder(CODES.T1, 'firstName')}!`,
        AWAITING_REGISTER,
      ],
    ]);
    const api = await fakeSheetsApi(sheets);
    const delivered: string[] = [];
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        stream.resume();
        stream.on('end', () => {
          delivered.push(...session.envelope.rcptTo.map((r) => r.address));
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    try {
      const reader = new SheetsApiReader(
        { spreadsheetId: SPREADSHEET, clientId: 'client', clientSecret: 'secret', refreshToken: 'refresh' },
        { rootUrl: api.rootUrl, accessToken: 'access' },
      );
      const report = await runRegisterDaily({
        register,
        reader,
        smtp: {
          host: '127.0.0.1',
          port: (smtp.server.address() as AddressInfo).port,
          secure: false,
          from: 'm@school.ru',
        },
        outDir: mkdtempSync(join(tmpdir(), 'register-daily-')),
        pdf: 'never',
      });
      expect(report.documents.problems).toEqual([]);
      expect(report.documents.made.length).toBeGreaterThan(5);
      expect(report.mail.sent).toBe(1);
      expect(delivered).toEqual(['ivanova@school.ru']);

      expect(api.seen.length).toBeGreaterThan(0);
      for (const request of api.seen) {
        expect(request.method).toBe('GET');
        expect(request.body).toBe('');
        const sent = decodeURIComponent(`${request.url} ${request.headers}`);
        for (const identity of IDENTITIES)
          for (const value of identity.slice(1).filter((v) => v.length > 3))
            expect(sent).not.toContain(value);
      }
    } finally {
      await api.close();
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
    }
  });
});
