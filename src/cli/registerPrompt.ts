// The register's passphrase: from a file (--passphrase-file, for scheduled runs), the environment
// (NASTAVNIK_REGISTER_PASSPHRASE) or typed at the terminal without echo.
import { readFileSync } from 'node:fs';

export const PASSPHRASE_ENV = 'NASTAVNIK_REGISTER_PASSPHRASE';

function typed(question: string): Promise<string> {
  const input = process.stdin;
  if (!input.isTTY)
    throw new Error(
      `Нужна парольная фраза реестра: задайте её в переменной ${PASSPHRASE_ENV} или файлом --passphrase-file ФАЙЛ.`,
    );
  process.stderr.write(question);
  input.setRawMode(true);
  input.resume();
  input.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    let answer = '';
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') {
          input.setRawMode(false);
          input.pause();
          input.off('data', onData);
          process.stderr.write('\n');
          resolve(answer);
          return;
        }
        if (ch === '\u0003') {
          input.setRawMode(false);
          reject(new Error('Прервано.'));
          return;
        }
        if (ch === '\u007f' || ch === '\b') answer = answer.slice(0, -1);
        else answer += ch;
      }
    };
    input.on('data', onData);
  });
}

export async function passphrase(file: string | undefined, confirm = false): Promise<string> {
  if (file) return readFileSync(file, 'utf8').replace(/\r?\n$/, '');
  const fromEnv = process.env[PASSPHRASE_ENV];
  if (fromEnv) return fromEnv;
  const first = await typed('Парольная фраза реестра: ');
  if (confirm && (await typed('Ещё раз: ')) !== first) throw new Error('Парольные фразы не совпали.');
  return first;
}
