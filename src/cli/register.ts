// `nastavnik register …`: the identity register of the pseudonymous mode, on the school's computer.
// Each command opens the encrypted file, does one thing, saves and prints what it did in Russian.
import { formatCode } from '../core/pseudonymous/participantCode';
import { LocalWorkspace } from '../local/index';
import { readClassList } from '../register/classList';
import { writeCodeSlips } from '../register/codeSlips';
import { type DailyReport, runRegisterDaily } from '../register/daily';
import { emlTransport } from '../register/emlTransport';
import { connectGoogle } from '../register/googleLogin';
import { importClassList } from '../register/importList';
import { CONSENT_KIND_LABELS, type ConsentKind } from '../register/model';
import {
  erasePerson,
  erasuresDue,
  formatDay,
  fullNameOf,
  hasConsent,
  parseDay,
  recordConsent,
  withdrawConsent,
} from '../register/people';
import { makeDocuments } from '../register/registerDocuments';
import { Register } from '../register/registerFile';
import { sendDueLetters } from '../register/registerMail';
import { SheetsApiReader } from '../register/sheetsApiReader';
import { type MailTransport, parseSmtpUrl, smtpTransport } from '../register/smtpTransport';
import { writeSubjectExport } from '../register/subjectExport';
import type { WorkbookReader } from '../register/workbookReader';
import { WorkspaceReader } from '../register/workspaceReader';
import { PASSPHRASE_ENV, passphrase } from './registerPrompt';

const DEFAULT_FILE = 'реестр-наставничества.nreg';

const COMMON = `  Общие параметры:
    --file ФАЙЛ             файл реестра (по умолчанию ${DEFAULT_FILE} или NASTAVNIK_REGISTER)
    --passphrase-file ФАЙЛ  парольная фраза из файла (для запуска по расписанию); иначе
                            переменная ${PASSPHRASE_ENV} или ввод с клавиатуры`;

const GOOGLE_SIDE = `    --workspace ПАПКА       читать не Google, а рабочее пространство без Google (демо, проверка)`;
const SMTP = `    --smtp АДРЕС            почтовый сервер школы: smtp://логин:пароль@mail.school.ru:587
                            (smtps://… — порт 465); или переменная NASTAVNIK_SMTP_URL
    --from АДРЕС            отправитель: «Наставничество <mentor@school.ru>» или NASTAVNIK_MAIL_FROM
    --eml ПАПКА             не отправлять, а сохранить письма файлами .eml (проба без сервера)`;

const HELP: Record<string, string> = {
  init: `nastavnik register init --school «МБОУ СОШ № 1» [--file ФАЙЛ]
  Создаёт новый зашифрованный реестр и один раз печатает ключ кодов участников: введите его в
  таблице Google (меню «Наставничество → Ввести ключ реестра»). Парольную фразу спрашивает дважды.`,
  import: `nastavnik register import СПИСОК.csv|СПИСОК.xlsx
  Добавляет список класса: столбцы Фамилия; Имя; Отчество; Пол; Класс; Категория; E-mail;
  ФИО родителя; E-mail родителя; Код (необязательно). CSV с «;» или «,», UTF-8 или Windows-1251.
  Новым участникам выдаются коды; уже внесённые (по коду или ФИО и классу) обновляются.`,
  codes: `nastavnik register codes --out ПАПКА [--class 7А …] [--no-pdf]
  Листки с кодами и секретами для раздачи: по файлу .docx на класс (и PDF, если есть LibreOffice).`,
  list: `nastavnik register list [--class 7А]
  Коды, ФИО, классы и состояние согласий.`,
  consent: `nastavnik register consent КОД --date ДД.ММ.ГГГГ [--by участник|родитель] [--kind обработка|распространение]
  Вносит бумажное согласие с датой подписи (по умолчанию согласие на обработку ПД).`,
  withdraw: `nastavnik register withdraw КОД --date ДД.ММ.ГГГГ
  Отзыв согласия: обработка прекращается сразу, данные удаляются не позднее 30 дней (ст. 21 ч. 5 152-ФЗ).`,
  erase: `nastavnik register erase КОД [--date ДД.ММ.ГГГГ] | nastavnik register erase --due
  Удаляет ФИО, пол, класс и адреса; остаются код и даты. --due — всех, у кого наступил срок удаления.`,
  export: `nastavnik register export КОД --out ПАПКА
  Сведения о персональных данных одного человека по ст. 14 152-ФЗ (.docx).`,
  google: `nastavnik register google --client client_secret.json --spreadsheet ССЫЛКА
  Подключает реестр к таблице программы: только чтение таблиц (spreadsheets.readonly) через
  OAuth-клиент школы «Приложение для компьютера». Ключ доступа хранится в зашифрованном реестре.`,
  documents: `nastavnik register documents --out ПАПКА [--no-pdf]
  Читает из таблицы утверждённые пары, приказы и планы (только коды) и делает документы с ФИО из
  реестра: .docx и PDF (если установлен LibreOffice). Уже сделанные документы не повторяются.
${GOOGLE_SIDE}`,
  mail: `nastavnik register mail
  Отправляет письма со статусом «ждёт реестра» из листа «Почта» через почтовый сервер школы,
  подставив имена и адреса из реестра. Каждое письмо уходит один раз (по ключу письма).
${SMTP}
${GOOGLE_SIDE}`,
  daily: `nastavnik register daily --out ПАПКА
  documents, затем mail — одна команда для ежедневного запуска по расписанию (см. docs/REGISTER.md).
${SMTP}
${GOOGLE_SIDE}`,
};

const USAGE = `nastavnik register — реестр участников на компьютере школы (режим данных «псевдонимы»)

  ФИО, адреса и согласия хранятся только здесь, в зашифрованном файле; в Google — только коды.

${Object.values(HELP)
  .map((h) => h.split('\n')[0])
  .map((l) => `  ${l}`)
  .join('\n')}

  nastavnik register help КОМАНДА   подробнее о команде
${COMMON}
`;

const print = (line: string) => process.stdout.write(`${line}\n`);

function option(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}
function options(args: readonly string[], name: string): string[] {
  return args.flatMap((a, i) => (a === name && args[i + 1] ? [args[i + 1]] : []));
}
/** Arguments that are neither options nor their values. */
function positional(args: readonly string[]): string[] {
  const flags = new Set(['--no-pdf', '--due']);
  return args.filter(
    (a, i) => !a.startsWith('--') && !(args[i - 1]?.startsWith('--') && !flags.has(args[i - 1])),
  );
}

const registerFile = (args: readonly string[]): string =>
  option(args, '--file') ?? process.env.NASTAVNIK_REGISTER ?? DEFAULT_FILE;

async function openRegister(args: readonly string[]): Promise<Register> {
  return Register.open(registerFile(args), await passphrase(option(args, '--passphrase-file')));
}

function requiredDay(args: readonly string[], fallback?: string): string {
  const text = option(args, '--date');
  if (!text && fallback) return fallback;
  const day = text ? parseDay(text) : undefined;
  if (!day) throw new Error(`Нужна дата: --date ДД.ММ.ГГГГ${text ? ` («${text}» — не дата)` : ''}.`);
  return day;
}

function requiredCode(args: readonly string[], usage: string): string {
  const [code] = positional(args);
  if (!code) throw new Error(`Нужен код участника: ${usage}`);
  return code;
}

/** Progress on one terminal line, or a line per tenth when the output is a log file. */
function progress(label: string): (done: number, total: number) => void {
  let shown = -1;
  return (done, total) => {
    if (total === 0) return;
    if (process.stderr.isTTY) {
      process.stderr.write(`\r${label}: ${done} из ${total}${done === total ? '\n' : ''}`);
      return;
    }
    const tenth = Math.floor((done * 10) / total);
    if (tenth !== shown) {
      shown = tenth;
      process.stderr.write(`${label}: ${done} из ${total}\n`);
    }
  };
}

async function reader(args: readonly string[], register: Register): Promise<WorkbookReader> {
  const dir = option(args, '--workspace');
  if (dir) return new WorkspaceReader(await LocalWorkspace.open(dir));
  return new SheetsApiReader(register.data.google);
}

/** The school's SMTP server, or .eml files in a folder (--eml) to try the register without one. */
function mailTransport(args: readonly string[]): MailTransport {
  const from = option(args, '--from') ?? process.env.NASTAVNIK_MAIL_FROM;
  if (!from)
    throw new Error(
      'Не задан отправитель: --from «Наставничество <mentor@school.ru>» или NASTAVNIK_MAIL_FROM.',
    );
  const eml = option(args, '--eml');
  if (eml) return emlTransport(eml, from);
  const url = option(args, '--smtp') ?? process.env.NASTAVNIK_SMTP_URL;
  if (!url)
    throw new Error(
      'Не задан почтовый сервер школы: --smtp smtp://логин:пароль@сервер:587 или NASTAVNIK_SMTP_URL.',
    );
  return smtpTransport(parseSmtpUrl(url, from));
}

const CONSENT_KIND: Record<string, ConsentKind> = {
  обработка: 'processing',
  распространение: 'dissemination',
};

type Command = (args: string[]) => Promise<void>;

const COMMANDS: Record<string, Command> = {
  async init(args) {
    const school = option(args, '--school');
    if (!school) throw new Error('Нужно название школы: --school «МБОУ СОШ № 1».');
    const register = Register.create(
      registerFile(args),
      await passphrase(option(args, '--passphrase-file'), true),
      school,
    );
    print(`Реестр создан: ${register.path}`);
    print('');
    print(`Ключ кодов участников: ${register.data.codeKey}`);
    print(
      'Введите его в таблице Google: меню «Наставничество → Ввести ключ реестра». Больше он не печатается.',
    );
    print('Храните копию файла реестра и парольную фразу отдельно друг от друга (см. docs/REGISTER.md).');
  },
  async import(args) {
    const [file] = positional(args);
    if (!file) throw new Error('Нужен файл списка: nastavnik register import СПИСОК.csv');
    const register = await openRegister(args);
    const report = importClassList(register, await readClassList(file), file);
    register.save();
    print(
      `Добавлено: ${report.added.length}, обновлено: ${report.updated.length}, пропущено: ${report.problems.length}.`,
    );
    for (const p of report.problems) print(`  ${p}`);
  },
  async codes(args) {
    const out = option(args, '--out');
    if (!out) throw new Error('Нужна папка для листков: --out ПАПКА');
    const register = await openRegister(args);
    const written = writeCodeSlips(
      register,
      out,
      options(args, '--class'),
      args.includes('--no-pdf') ? 'never' : 'auto',
    );
    register.save();
    for (const f of written.docx) print(f);
    print(`Классов: ${written.docx.length} (по файлу .docx на класс${written.pdf ? ' и PDF рядом' : ''}).`);
  },
  async list(args) {
    const register = await openRegister(args);
    const only = option(args, '--class')?.toUpperCase();
    for (const p of register.data.people.filter((x) => !only || x.className === only)) {
      const state = p.erasedOn
        ? `данные удалены ${formatDay(p.erasedOn)}`
        : p.withdrawnOn
          ? `согласие отозвано ${formatDay(p.withdrawnOn)}, удалить до ${formatDay(p.eraseBy ?? '')}`
          : hasConsent(p)
            ? 'согласие есть'
            : 'нет согласия';
      print(`${formatCode(p.code)}  ${fullNameOf(p)}  ${p.className}  ${state}`);
    }
  },
  async consent(args) {
    const code = requiredCode(args, HELP.consent);
    const kind = CONSENT_KIND[option(args, '--kind') ?? 'обработка'];
    if (!kind) throw new Error('--kind: обработка или распространение.');
    const by = option(args, '--by') ?? 'участник';
    if (by !== 'участник' && by !== 'родитель') throw new Error('--by: участник или родитель.');
    const register = await openRegister(args);
    const person = recordConsent(register, code, {
      kind,
      signedBy: by === 'родитель' ? 'parent' : 'self',
      signedOn: requiredDay(args),
    });
    register.save();
    print(`${formatCode(person.code)}: внесено ${CONSENT_KIND_LABELS[kind]}.`);
  },
  async withdraw(args) {
    const code = requiredCode(args, HELP.withdraw);
    const register = await openRegister(args);
    const person = withdrawConsent(register, code, requiredDay(args));
    register.save();
    print(
      `${formatCode(person.code)}: согласие отозвано; удалить данные не позднее ${formatDay(person.eraseBy ?? '')}.`,
    );
  },
  async erase(args) {
    const register = await openRegister(args);
    const day = requiredDay(args, register.today());
    const codes = args.includes('--due')
      ? erasuresDue(register, register.today()).map((p) => p.code)
      : [requiredCode(args, HELP.erase)];
    for (const code of codes) print(`${formatCode(erasePerson(register, code, day).code)}: данные удалены.`);
    register.save();
    if (codes.length === 0) print('Срок удаления ни у кого не наступил.');
  },
  async export(args) {
    const code = requiredCode(args, HELP.export);
    const out = option(args, '--out');
    if (!out) throw new Error('Нужна папка: --out ПАПКА');
    const register = await openRegister(args);
    const file = writeSubjectExport(register, code, out);
    register.save();
    print(file);
  },
  async google(args) {
    const client = option(args, '--client');
    const spreadsheet = option(args, '--spreadsheet');
    if (!client || !spreadsheet) throw new Error(HELP.google);
    const register = await openRegister(args);
    register.data.google = await connectGoogle(client, spreadsheet, print);
    register.log('подключение к Google', '', `таблица ${register.data.google.spreadsheetId}, только чтение`);
    register.save();
    print('Реестр подключён к таблице (только чтение).');
  },
  async documents(args) {
    const out = option(args, '--out');
    if (!out) throw new Error('Нужна папка для документов: --out ПАПКА');
    const register = await openRegister(args);
    const report = await makeDocuments(
      register,
      await reader(args, register),
      out,
      progress('Документы'),
      args.includes('--no-pdf') ? 'never' : 'auto',
    );
    print(`Документов сделано: ${report.made.length} (PDF: ${report.pdf}).`);
    for (const p of report.problems) print(`  ${p}`);
  },
  async mail(args) {
    const transport = mailTransport(args);
    const register = await openRegister(args);
    try {
      const report = await sendDueLetters(
        register,
        await reader(args, register),
        transport,
        progress('Письма'),
      );
      print(`Писем отправлено: ${report.sent}; отправлены раньше: ${report.alreadySent}.`);
      for (const p of report.problems) print(`  ${p}`);
    } finally {
      transport.close();
    }
  },
  async daily(args) {
    const out = option(args, '--out');
    if (!out) throw new Error('Нужна папка для документов: --out ПАПКА');
    const transport = mailTransport(args);
    const shown = { documents: progress('Документы'), mail: progress('Письма') };
    let report: DailyReport;
    try {
      const register = await openRegister(args);
      report = await runRegisterDaily({
        register,
        reader: await reader(args, register),
        smtp: transport,
        outDir: out,
        pdf: args.includes('--no-pdf') ? 'never' : 'auto',
        onProgress: (stage, done, total) => shown[stage](done, total),
      });
    } finally {
      transport.close();
    }
    print(`Документов сделано: ${report.documents.made.length}; писем отправлено: ${report.mail.sent}.`);
    for (const p of [...report.documents.problems, ...report.mail.problems]) print(`  ${p}`);
    for (const e of report.erasuresDue) print(`  Срок удаления: ${e}`);
  },
};

export async function registerCommand(args: string[]): Promise<number> {
  const [name, ...rest] = args;
  if (!name || name === 'help' || name === '--help') {
    const topic = rest[0] && HELP[rest[0]];
    process.stdout.write(topic ? `${topic}\n\n${COMMON}\n` : USAGE);
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`Нет команды «${name}».\n\n${USAGE}`);
    return 2;
  }
  if (rest.includes('--help')) {
    process.stdout.write(`${HELP[name]}\n\n${COMMON}\n`);
    return 0;
  }
  try {
    await command(rest);
    return 0;
  } catch (e) {
    process.stderr.write(`Ошибка: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}
