// `register google`: connects the register to the workbook once. The school's own OAuth client
// («Приложение для компьютера») asks the curator in the browser for read-only access to
// spreadsheets; the answer comes back to a one-time server on 127.0.0.1, and the refresh token is
// kept in the encrypted register. Nothing else is asked for and nothing is stored elsewhere.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { auth } from '@googleapis/sheets';
import * as z from 'zod';
import type { GoogleConnection } from './model';
import { SHEETS_READONLY_SCOPE } from './sheetsApiReader';

const clientFileSchema = z.union([
  z.object({ installed: z.object({ client_id: z.string(), client_secret: z.string() }) }),
  z.object({ web: z.object({ client_id: z.string(), client_secret: z.string() }) }),
]);

export function readClientFile(path: string): { clientId: string; clientSecret: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new Error(`Не удалось прочитать файл OAuth-клиента «${path}»: ${(e as Error).message}`);
  }
  const file = clientFileSchema.safeParse(parsed);
  if (!file.success)
    throw new Error(
      `«${path}» — не файл OAuth-клиента Google: скачайте JSON клиента типа «Приложение для компьютера» в Google Cloud Console (APIs & Services → Credentials).`,
    );
  const client = 'installed' in file.data ? file.data.installed : file.data.web;
  return { clientId: client.client_id, clientSecret: client.client_secret };
}

/** The id from a spreadsheet's link or the id itself. */
export function spreadsheetIdOf(text: string): string {
  const fromUrl = /\/spreadsheets\/d\/([\w-]+)/.exec(text);
  const id = fromUrl?.[1] ?? text.trim();
  if (!/^[\w-]{20,}$/.test(id))
    throw new Error(`«${text}» — не ссылка на Google Таблицу и не её идентификатор.`);
  return id;
}

export async function connectGoogle(
  clientPath: string,
  spreadsheet: string,
  print: (line: string) => void,
): Promise<GoogleConnection> {
  const { clientId, clientSecret } = readClientFile(clientPath);
  const spreadsheetId = spreadsheetIdOf(spreadsheet);
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const redirectUri = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const client = new auth.OAuth2(clientId, clientSecret, redirectUri);
  try {
    const code = await new Promise<string>((resolve, reject) => {
      server.on('request', (req, res) => {
        const url = new URL(req.url ?? '/', redirectUri);
        const got = url.searchParams.get('code');
        const error = url.searchParams.get('error');
        res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end(
          got ? 'Готово: реестр получил доступ на чтение таблицы. Окно можно закрыть.' : 'Доступ не выдан.',
        );
        if (got) resolve(got);
        else if (error) reject(new Error(`Google не выдал доступ: ${error}`));
      });
      print('Откройте в браузере ссылку и разрешите реестру читать таблицы (только чтение):');
      print(
        client.generateAuthUrl({ access_type: 'offline', prompt: 'consent', scope: [SHEETS_READONLY_SCOPE] }),
      );
    });
    const { tokens } = await client.getToken(code);
    if (!tokens.refresh_token) throw new Error('Google не выдал ключ обновления доступа: повторите команду.');
    return { spreadsheetId, clientId, clientSecret, refreshToken: tokens.refresh_token };
  } finally {
    server.close();
  }
}
