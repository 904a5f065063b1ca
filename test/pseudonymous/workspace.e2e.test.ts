// The pseudonymous mode end to end on the offline workspace: the curator switches a school that
// already holds names to codes, enters the register's key, and participants answer with codes.
import { createHmac } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { setSettings } from '../../src/cli/demo/curator';
import { intakeFormIds } from '../../src/cli/intakeSubmit';
import { REGISTER_CSV_HEADERS } from '../../src/core/pseudonymous/migration';
import {
  codeFromBody,
  codeProblem,
  type HmacSha256,
  secretFor,
} from '../../src/core/pseudonymous/participantCode';
import type { LocalWorkspace } from '../../src/local';
import { readForm } from '../../src/local/forms/store';
import { SpreadsheetStore } from '../../src/local/spreadsheet/store';
import {
  consentAnswers,
  menteeAnswers,
  mentorAnswers,
  setUpWorkspace,
  submit,
  table,
} from '../intake/workspace';

const KEY = 'demo-register-key-0123456789abcdef';
const hmac: HmacSha256 = (key, message) => [...createHmac('sha256', key).update(message).digest()];

/** The names and addresses the school gave in the ordinary mode: none may stay in the workbook. */
const IDENTITIES = [
  'Иванов',
  'petya.ivanov@example.ru',
  'Иванова Мария',
  'mama.ivanova@example.ru',
  'Смирнова',
  'o.smirnova@school.ru',
];

/** Every cell of every sheet but the raw responses (code never edits them; the curator deletes them). */
function workbookText(ws: LocalWorkspace): string {
  const store = SpreadsheetStore.of(ws.ctx);
  store.reload();
  const sheets = store.model(ws.boundSpreadsheetId)?.sheets ?? [];
  return sheets
    .filter((s) => !s.name.startsWith('Ответы'))
    .map((s) => s.values.map((r) => (r ?? []).map((v) => String(v ?? '')).join('\t')).join('\n'))
    .join('\n');
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('a school moves to codes', () => {
  let ws: LocalWorkspace;
  let toast = '';
  beforeAll(async () => {
    ws = await setUpWorkspace();
    submit(ws, 'mentee', menteeAnswers());
    submit(ws, 'consent', consentAnswers());
    submit(ws, 'mentor', mentorAnswers());
    await setSettings(ws.dir, { 'Режим данных': 'псевдонимы' });
    ws.run('setupProgramme');
    toast = (ws.lastRun?.ui ?? []).map((e) => e.text ?? '').join('\n');
  });

  it('gives each participant a code and leaves no name or address in the workbook', () => {
    const mentees = table(ws, 'Наставляемые');
    const mentors = table(ws, 'Наставники');
    for (const row of [...mentees, ...mentors]) {
      expect(codeProblem(String(row.ID))).toBeUndefined();
      expect(String(row['E-mail'])).toBe(`[[${row.ID}|email]]`);
      expect(String(row.Фамилия)).toBe(`[[${row.ID}|fullName]]`);
    }
    expect(mentees[0]?.Согласие).toBe('получено');
    const text = workbookText(ws);
    for (const identity of IDENTITIES) expect(text).not.toContain(identity);
    expect(text).not.toMatch(/НЯ-0001|НС-0001/);
  });

  it('exports the identities to one CSV for the register and tells the curator what to delete', () => {
    const csv = filesUnder(join(ws.dir, 'drive')).filter((f) => f.includes('Реестр — выгрузка участников'));
    expect(csv).toHaveLength(1);
    const lines = readFileSync(csv[0], 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(REGISTER_CSV_HEADERS.join(';'));
    const code = String(table(ws, 'Наставляемые')[0]?.ID);
    expect(lines).toContain(
      `Иванов;Пётр;;;7Б;ученик;petya.ivanov@example.ru;Иванова Мария Петровна;mama.ivanova@example.ru;${code}`,
    );
    expect(toast).toContain('удалите ответы в Google Формах');
    const journal = table(ws, 'Журнал').filter((r) => r.Событие === 'Переход на псевдонимы');
    expect(journal).toHaveLength(1);
    expect(String(journal[0]?.Подробности)).toContain('Выданы коды участникам: 2');
  });

  it('shows the data mode in the menu, on «Начало» and in Настройки', () => {
    ws.run('onOpen');
    expect(ws.lastRun?.ui.find((e) => e.kind === 'menu')?.title).toBe('Наставничество · псевдонимы');
    expect(table(ws, 'Начало').map((r) => r.Шаг)).toContain('Режим данных: псевдонимы');
    expect(table(ws, 'Настройки').find((r) => r.Параметр === 'Режим данных')?.Значение).toBe('псевдонимы');
  });

  it('turns the forms into code forms that collect no address', () => {
    const mentee = readForm(ws.ctx, intakeFormIds(ws).mentee.id);
    if (!mentee) throw new Error('no mentee form');
    const titles = mentee.items.map((i) => i.title);
    expect(titles.slice(0, 2)).toEqual(['Код участника', 'Секретное число']);
    expect(titles).not.toContain('Фамилия');
    expect(titles).not.toContain('Электронная почта');
    expect(mentee.collectEmail).toBe(false);
  });

  it('takes a questionnaire only with the secret, once the curator has entered the key', () => {
    const code = codeFromBody(271828);
    const secret = secretFor(code, KEY, hmac);
    const answers = {
      code,
      secret,
      category: 'ученик',
      schoolClass: '8А',
      age: '14',
      topics: ['профориентация'],
      forms: ['ученик – ученик'],
    };
    expect(submit(ws, 'mentee', answers).reasons.join(' ')).toMatch(/Ключ реестра не введён/);
    ws.replyToPrompts(KEY);
    ws.run('enterRegisterKey');
    expect(workbookText(ws)).not.toContain(KEY);
    const forged = submit(ws, 'mentee', { ...answers, secret: secret === '0000' ? '0001' : '0000' });
    expect(forged.result).toBe('rejected');
    expect(forged.reasons.join(' ')).toMatch(/Секретное число не подходит/);
    expect(table(ws, 'Наставляемые').some((r) => r.ID === code)).toBe(false);
    const accepted = submit(ws, 'mentee', answers);
    expect(accepted.result).toBe('accepted');
    expect(table(ws, 'Наставляемые').find((r) => r.ID === code)?.Класс).toBe('8А');
    const letters = table(ws, 'Почта').filter((r) => r.Участник === code);
    expect(letters.length).toBeGreaterThan(0);
    expect(letters.every((r) => r.Состояние === 'ждёт реестра')).toBe(true);
    expect(letters.map((r) => r.Кому)).toContain(`[[${code}|email]]`);
  });
});
