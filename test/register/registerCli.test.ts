import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedScript } from '../../bench/schools/documents';
import { registerCommand } from '../../src/cli/register';
import { AWAITING_REGISTER, namePlaceholder } from '../../src/core/pseudonymous/namePlaceholders';
import { CODES, PASSPHRASE, pseudonymousSchool } from './pseudonymousSchool';

/** Runs `nastavnik register …` in this process; what it printed and its exit code. */
async function run(args: string[], passphrase = 'пароль для теста') {
  const out: string[] = [];
  const err: string[] = [];
  const stdout = jest.spyOn(process.stdout, 'write').mockImplementation((s) => out.push(String(s)) > 0);
  const stderr = jest.spyOn(process.stderr, 'write').mockImplementation((s) => err.push(String(s)) > 0);
  process.env.NASTAVNIK_REGISTER_PASSPHRASE = passphrase;
  try {
    const code = await registerCommand(args);
    return { code, out: out.join(''), err: err.join('') };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
    delete process.env.NASTAVNIK_REGISTER_PASSPHRASE;
  }
}

describe('nastavnik register', () => {
  const dir = mkdtempSync(join(tmpdir(), 'register-cli-'));
  const file = join(dir, 'реестр.nreg');

  it('explains every command in Russian', async () => {
    const usage = await run(['help']);
    for (const command of [
      'init',
      'import',
      'codes',
      'consent',
      'withdraw',
      'erase',
      'export',
      'google',
      'documents',
      'mail',
      'daily',
    ]) {
      expect(usage.out).toContain(`nastavnik register ${command}`);
      const help = await run([command, '--help']);
      expect(help.code).toBe(0);
      expect(help.out).toMatch(/[а-яё]{4,}/);
    }
    expect((await run(['nonsense'])).err).toContain('Нет команды «nonsense»');
  });

  it('creates, imports and lists; a wrong passphrase, a missing OAuth client and a dead mail server are told plainly', async () => {
    const init = await run(['init', '--file', file, '--school', 'МБОУ СОШ № 1']);
    expect(init.code).toBe(0);
    expect(init.out).toMatch(/Ключ кодов участников: [0-9a-f]{32}\n/);
    const list = join(dir, 'список.csv');
    writeFileSync(list, 'Фамилия;Имя;Класс\nИванова;Анна;7А\n');
    expect((await run(['import', list, '--file', file])).out).toContain(
      'Добавлено: 1, обновлено: 0, пропущено: 0.',
    );
    expect((await run(['list', '--file', file])).out).toMatch(
      /^\d{3} \d{4} {2}Иванова Анна {2}7А {2}нет согласия\n$/,
    );

    const wrong = await run(['list', '--file', file], 'не тот пароль');
    expect(wrong.code).toBe(1);
    expect(wrong.err).toMatch(/^Ошибка: Неверная парольная фраза реестра/);
    const noGoogle = await run(['documents', '--file', file, '--out', dir]);
    expect(noGoogle.err).toContain('Реестр не подключён к таблице Google: нет OAuth-клиента школы');
    const noSmtp = await run(['mail', '--file', file, '--from', 'mentor@school.ru']);
    expect(noSmtp.err).toContain('Не задан почтовый сервер школы');
    const missing = await run(['list', '--file', join(dir, 'нет.nreg')]);
    expect(missing.err).toContain('Создайте реестр: npx nastavnik register init');
  });

  it('runs the daily documents and letters against the offline workspace, letters kept as .eml', async () => {
    const { dir: school, register } = await pseudonymousSchool();
    const seed = await seedScript(school);
    seed.run('appendRecords', 'Почта', [
      {
        Ключ: 'напоминание:1',
        Кому: namePlaceholder(CODES.T1, 'email'),
        Тема: 'Встреча',
        Текст: `Здравствуйте, ${namePlaceholder(CODES.T1, 'firstName')}!`,
        Состояние: AWAITING_REGISTER,
      },
    ]);
    await seed.save();
    const out = join(school, 'документы');
    const eml = join(school, 'письма');
    const daily = await run(
      [
        'daily',
        '--file',
        register.path,
        '--workspace',
        school,
        '--out',
        out,
        '--eml',
        eml,
        '--from',
        'mentor@school.ru',
        '--no-pdf',
      ],
      PASSPHRASE,
    );
    expect(daily.err).toMatch(
      /^Документы: 0 из (\d+)\n(.*\n)*Документы: \1 из \1\nПисьма: 0 из 1\nПисьма: 1 из 1\n$/,
    );
    expect(daily.out).toMatch(/^Документов сделано: \d+; писем отправлено: 1\.\n$/);
    const letters = readdirSync(eml);
    expect(letters).toEqual(['00001.eml']);
    const letter = readFileSync(join(eml, letters[0]), 'utf8');
    expect(letter).toContain('To: ivanova@school.ru');
    expect(letter).not.toContain('[[');
    expect(Number(/сделано: (\d+)/.exec(daily.out)?.[1])).toBeGreaterThan(5);
    const again = await run(
      ['documents', '--file', register.path, '--workspace', school, '--out', out, '--no-pdf'],
      PASSPHRASE,
    );
    expect(again.out).toBe('Документов сделано: 0 (PDF: 0).\n');
  });
});
