// A fresh offline workspace with the built bundle, set up, plus table reads by header for assertions.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FormId } from '../../forms/definition';
import { type KeyedAnswers, submitKeyed } from '../../src/cli/intakeSubmit';
import { LocalWorkspace } from '../../src/local';
import { lastRow } from '../../src/local/spreadsheet/model';
import { SpreadsheetStore } from '../../src/local/spreadsheet/store';
import { fillSchoolSettings } from '../schoolSettings';

export async function setUpWorkspace(options: { mailQuota?: number } = {}): Promise<LocalWorkspace> {
  const dir = mkdtempSync(join(tmpdir(), 'nastavnik-intake-'));
  const ws = await LocalWorkspace.create(dir, {
    clockStart: new Date('2026-09-15T07:00:00Z'),
    // The school's addresses (the curator's and school.ru) are Google accounts; parents' are not.
    googleAccountDomains: ['school.local', 'school.ru'],
    ...options,
  });
  ws.init();
  // The curator fills the required settings, as the first steps on «Начало» ask.
  await fillSchoolSettings(dir, ws.ctx.meta.curatorEmail);
  return ws;
}

export type Row = Record<string, unknown>;

/** A sheet of the bound workbook as records keyed by its header row. */
export function table(ws: LocalWorkspace, name: string): Row[] {
  const store = SpreadsheetStore.of(ws.ctx);
  store.reload();
  const sheet = store.model(ws.boundSpreadsheetId)?.sheets.find((s) => s.name === name);
  if (!sheet) return [];
  const header = (sheet.values[0] ?? []).map((h) => String(h ?? '').trim());
  const rows: Row[] = [];
  for (let r = 1; r < lastRow(sheet); r++) {
    const row = sheet.values[r] ?? [];
    if (!row.some((v) => v !== '' && v !== null && v !== undefined)) continue;
    const rec: Row = {};
    header.forEach((h, c) => {
      if (h) rec[h] = row[c] ?? '';
    });
    rows.push(rec);
  }
  return rows;
}

/** Formulas the sheet holds (row:column → formula); user text must never land here. */
export function formulas(ws: LocalWorkspace, name: string): Record<string, string> {
  const store = SpreadsheetStore.of(ws.ctx);
  store.reload();
  return store.model(ws.boundSpreadsheetId)?.sheets.find((s) => s.name === name)?.formulas ?? {};
}

export const submit = (ws: LocalWorkspace, form: FormId, answers: KeyedAnswers) =>
  submitKeyed(ws, form, answers);

export const menteeAnswers = (over: KeyedAnswers = {}): KeyedAnswers => ({
  email: 'petya.ivanov@example.ru',
  lastName: 'Иванов',
  firstName: 'Пётр',
  category: 'ученик',
  schoolClass: '7Б',
  age: '13',
  topics: ['подготовка к олимпиаде'],
  forms: ['ученик – ученик'],
  parentName: 'Иванова Мария Петровна',
  parentEmail: 'mama.ivanova@example.ru',
  ...over,
});

export const mentorAnswers = (over: KeyedAnswers = {}): KeyedAnswers => ({
  email: 'o.smirnova@school.ru',
  lastName: 'Смирнова',
  firstName: 'Ольга',
  middleName: 'Викторовна',
  category: 'педагог',
  age: '41',
  position: 'учитель математики',
  experienceYears: '17',
  subjects: ['математика'],
  topics: ['подготовка к олимпиаде', 'методика преподавания'],
  forms: ['учитель – ученик', 'учитель – учитель'],
  capacity: '3',
  ...over,
});

export const consentAnswers = (over: KeyedAnswers = {}): KeyedAnswers => ({
  signer: 'Я — родитель (законный представитель) участника',
  signerName: 'Иванова Мария Петровна',
  participantName: 'Иванов Пётр',
  participantEmail: 'petya.ivanov@example.ru',
  participantRole: 'наставляемый',
  decision: 'Даю согласие',
  acknowledgement:
    'Подтверждаю, что ознакомлен(а) с положениями Федерального закона от 27.07.2006 № 152-ФЗ «О персональных данных», права и обязанности в области защиты персональных данных мне разъяснены',
  ...over,
});

/** A participant of 14 or older signing their own consent. */
export const ownConsentAnswers = (name: string, email: string, role: string): KeyedAnswers =>
  consentAnswers({
    signer: 'Я — участник программы (совершеннолетний или старше 14 лет)',
    signerName: name,
    participantName: name,
    participantEmail: email,
    participantRole: role,
  });

/** Rows of every raw response sheet («Ответы — <форма>») — what Google Forms itself wrote. */
export function rawResponses(ws: LocalWorkspace): number {
  const store = SpreadsheetStore.of(ws.ctx);
  store.reload();
  const sheets = store.model(ws.boundSpreadsheetId)?.sheets ?? [];
  return (
    sheets
      // Setup names each form's response sheet «Ответы — <форма>».
      .filter((s) => s.name.startsWith('Ответы — '))
      .reduce((n, s) => n + table(ws, s.name).length, 0)
  );
}

/** The token of the newest change waiting in «Ожидают подтверждения». */
export function waitingToken(ws: LocalWorkspace): string {
  const rows = table(ws, 'Ожидают подтверждения').filter((r) => r.Состояние === 'ждёт');
  return String(rows[rows.length - 1]?.Токен ?? '');
}

/** The web page a visitor without a Google session sees at the link, as text. */
export function visitLink(ws: LocalWorkspace, parameter: Record<string, string>): string {
  const page = ws.runAs('anonymous', 'doGet', { parameter }) as { getContent(): string };
  return page.getContent().replace(/<[^>]*>/g, ' ');
}

/** The owner of the address on file opens the link in the letter and presses the button. */
export function confirmByLink(ws: LocalWorkspace): string {
  const t = waitingToken(ws);
  visitLink(ws, { a: 'confirm', t });
  return visitLink(ws, { a: 'confirm', t, confirm: '1' });
}
