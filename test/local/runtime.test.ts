// The execution model: fresh globals per run, the workspace clock and time-driven triggers, the
// 6-minute limit, injected faults with Google's texts, and form submissions firing triggers.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXECUTION_LIMIT_MESSAGE, LocalWorkspace, type WorkspaceOptions } from '../../src/local';

const SCRIPT = `
var counter = 0;
function bump() { counter++; return counter; }
var remembered;
function leak() {
  var seen = [typeof globalThis.leaked, String(remembered)];
  globalThis.leaked = 1;
  remembered = 'kept';
  return seen;
}
function clockNow() { return [new Date().toISOString().slice(0, 16), new Date(Date.now()).toISOString().slice(0, 16), new Date(2020, 0, 1).getFullYear()]; }
function log(name) {
  var sh = SpreadsheetApp.getActive().getSheetByName('Часы') || SpreadsheetApp.getActive().insertSheet('Часы');
  sh.appendRow([name, "'" + Utilities.formatDate(new Date(), 'Europe/Moscow', 'yyyy-MM-dd HH:mm')]);
}
function daily(e) { log('daily'); }
function hourly(e) { log('hourly'); }
function once(e) { log('once'); }
function schedule() {
  ScriptApp.newTrigger('daily').timeBased().everyDays(1).atHour(9).create();
  ScriptApp.newTrigger('hourly').timeBased().everyHours(6).create();
  ScriptApp.newTrigger('once').timeBased().after(90 * 60 * 1000).create();
  return ScriptApp.getProjectTriggers().map(function (t) { return t.getHandlerFunction(); });
}
function clockRows() {
  return JSON.stringify(SpreadsheetApp.getActive().getSheetByName('Часы').getDataRange().getValues());
}
function busy() {
  var sh = SpreadsheetApp.getActive().getSheets()[0];
  for (var i = 0; i < 1e7; i++) sh.getName();
}
function spin() { for (;;) {} }
function reads() {
  var sh = SpreadsheetApp.getActive().getSheets()[0];
  for (var i = 0; i < 10; i++) sh.getRange(1, 1).getValue();
  return 'done';
}
function onOpen(e) { SpreadsheetApp.getUi().createMenu('Меню').addItem('Пункт', 'bump').addToUi(); return e.authMode; }
function onEdit(e) {
  PropertiesService.getScriptProperties().setProperty('edit', JSON.stringify([e.range.getA1Notation(), e.value, e.oldValue || null, e.range.getValue()]));
}
function lastEdit() { return PropertiesService.getScriptProperties().getProperty('edit'); }
function caught(fn) { try { fn(); return 'ok'; } catch (e) { return e.message; } }
function mailQuota() { return PropertiesService.getScriptProperties().getProperty('x'); }
function properties() {
  PropertiesService.getScriptProperties().setProperty('runs', String(Number(PropertiesService.getScriptProperties().getProperty('runs') || 0) + 1));
  CacheService.getScriptCache().put('k', 'v', 60);
  return PropertiesService.getScriptProperties().getProperty('runs');
}
function cached() { return CacheService.getScriptCache().get('k'); }
function makeForm() {
  var form = FormApp.create('Анкета');
  form.addTextItem().setTitle('Фамилия').setRequired(true);
  form.addMultipleChoiceItem().setTitle('Кто вы').setChoiceValues(['ученик', 'педагог']);
  form.addCheckboxItem().setTitle('Темы').setChoiceValues(['математика', 'физика', 'химия']);
  form.setDestination(FormApp.DestinationType.SPREADSHEET, SpreadsheetApp.getActive().getId());
  ScriptApp.newTrigger('onForm').forForm(form).onFormSubmit().create();
  ScriptApp.newTrigger('onSheet').forSpreadsheet(SpreadsheetApp.getActive()).onFormSubmit().create();
  return form.getId();
}
function onForm(e) {
  var answers = {};
  e.response.getItemResponses().forEach(function (r) { answers[r.getItem().getTitle()] = r.getResponse(); });
  return { source: e.source.getTitle(), answers: answers, date: e.response.getTimestamp() instanceof Date };
}
function onSheet(e) {
  return { values: e.values, named: e.namedValues, row: e.range.getRow(), sheet: e.range.getSheet().getName() };
}
function scriptSubmit(formId) {
  var form = FormApp.openById(formId);
  var item = form.getItems()[0];
  form.createResponse().withItemResponse(item.asTextItem().createResponse('Скриптов')).submit();
  return form.getResponses().length;
}
`;

async function workspace(options: WorkspaceOptions = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'nastavnik-runtime-'));
  return LocalWorkspace.create(dir, {
    code: SCRIPT,
    clockStart: new Date('2026-09-01T05:00:00Z'),
    ...options,
  });
}

describe('executions', () => {
  it('answer a tool that only looks without leaving a trace: no run recorded, the clock not moved', async () => {
    const ws = await workspace();
    ws.run('bump');
    const runs = ws.runs.length;
    const clock = ws.now().getTime();
    expect(ws.inspect('reads')).toBe('done');
    expect(ws.runs).toHaveLength(runs);
    expect(ws.now().getTime()).toBe(clock);
    expect(() => ws.inspect('missing')).toThrow('Script function not found: missing');
  });

  it('start each run with fresh globals, as Apps Script does', async () => {
    const ws = await workspace();
    expect(ws.run('bump')).toBe(1);
    expect(ws.run('bump')).toBe(1);
    expect(ws.run('leak')).toEqual(['undefined', 'undefined']);
    expect(ws.run('leak')).toEqual(['undefined', 'undefined']);
  });

  it('start afresh a script with top-level let and const too (it cannot be evaluated twice in one context)', async () => {
    const ws = await workspace({
      code: 'const step = 1; let n = 0; function bump() { n += step; return n; }',
    });
    expect([ws.run('bump'), ws.run('bump'), ws.run('bump')]).toEqual([1, 1, 1]);
  });

  it('see the workspace clock through new Date() and Date.now()', async () => {
    const ws = await workspace();
    expect(ws.run('clockNow')).toEqual(['2026-09-01T05:00', '2026-09-01T05:00', 2020]);
    ws.advanceClock('3d2h');
    expect(ws.run('clockNow')).toEqual(['2026-09-04T07:00', '2026-09-04T07:00', 2020]);
  });

  it('report a missing function with Apps Script text', async () => {
    const ws = await workspace();
    expect(() => ws.run('nope')).toThrow('Script function not found: nope');
  });

  it('persist properties across runs and processes; the cache follows the workspace clock', async () => {
    const ws = await workspace();
    ws.run('properties');
    expect(ws.run('properties')).toBe('2');
    const again = await LocalWorkspace.open(ws.dir, { code: SCRIPT });
    expect(again.run('properties')).toBe('3');
    expect(ws.run('cached')).toBe('v');
    ws.advanceClock('2m');
    expect(ws.run('cached')).toBeNull();
  });
});

describe('the curator at the workbook', () => {
  it('opening runs onOpen; typing into a cell runs onEdit with the typed value and the old one', async () => {
    const ws = await workspace();
    const opened = ws.openWorkbook();
    expect(opened.map((r) => r.ui.find((u) => u.kind === 'menu')?.title)).toEqual(['Меню']);
    ws.edit('Лист1', 'B2', '10');
    ws.edit('Лист1', 'B2', '11');
    expect(JSON.parse(String(ws.run('lastEdit')))).toEqual(['B2', '11', 10, 11]);
  });
});

describe('clock and time-driven triggers', () => {
  it('fire in time order as the clock advances, daily ones at their hour (Moscow time)', async () => {
    const ws = await workspace(); // 08:00 in Moscow
    expect(ws.run('schedule')).toEqual(['daily', 'hourly', 'once']);
    const fired = ws.advanceClock('1d');
    expect(fired.map((r) => r.functionName)).toEqual([
      'daily',
      'once',
      'hourly',
      'hourly',
      'hourly',
      'hourly',
    ]);
    expect(JSON.parse(String(ws.run('clockRows')))).toEqual([
      ['daily', '2026-09-01 09:00'],
      ['once', '2026-09-01 09:30'],
      ['hourly', '2026-09-01 14:00'],
      ['hourly', '2026-09-01 20:00'],
      ['hourly', '2026-09-02 02:00'],
      ['hourly', '2026-09-02 08:00'],
    ]);
    expect(ws.now().toISOString().slice(0, 16)).toBe('2026-09-02T05:00');
    expect(
      ws
        .triggers()
        .map((t) => t.handler)
        .sort(),
    ).toEqual(['daily', 'hourly']);
    expect(ws.advanceClock('1h').map((r) => r.functionName)).toEqual(['daily']);
  });
});

describe('limits and faults', () => {
  it('stop a run past the execution limit with Apps Script message', async () => {
    const ws = await workspace({ executionLimitMs: 50 });
    expect(() => ws.run('busy')).toThrow(EXECUTION_LIMIT_MESSAGE);
    expect(() => ws.run('spin')).toThrow(EXECUTION_LIMIT_MESSAGE);
    expect(ws.lastRun?.ok).toBe(false);
  });

  it('fail the Nth service call once, with the Spreadsheets service text', async () => {
    const ws = await workspace({ faults: { failNth: 7 } });
    expect(() => ws.run('reads')).toThrow(
      `Service Spreadsheets failed while accessing document with id ${ws.boundSpreadsheetId}.`,
    );
    expect(ws.run('reads')).toBe('done');
  });

  it('fail a seeded fraction of calls of the chosen services only', async () => {
    const ws = await workspace({ faults: { failRate: 0.5, seed: 3, services: ['SpreadsheetApp'] } });
    const outcomes = Array.from({ length: 6 }, () => {
      try {
        return ws.run('reads');
      } catch (e) {
        return (e as Error).message;
      }
    });
    expect(outcomes.some((o) => o === 'done')).toBe(false);
    expect(outcomes.every((o) => /^Service Spreadsheets failed/.test(String(o)))).toBe(true);
    ws.setFaults({ failRate: 0.5, seed: 3, services: ['MailApp'] });
    expect(ws.run('reads')).toBe('done');
  });
});

describe('daily quotas', () => {
  it("are shared by runs, refuse with Google's text without taking anything, and renew the next day", async () => {
    const ws = await workspace({ mailQuota: 3 });
    ws.ctx.consumeQuota('email', 2);
    expect(() => ws.ctx.consumeQuota('email', 2)).toThrow(
      'Service invoked too many times for one day: email.',
    );
    expect(ws.ctx.remainingQuota('email')).toBe(1);
    const other = await LocalWorkspace.open(ws.dir, { code: SCRIPT, mailQuota: 3 });
    expect(other.ctx.remainingQuota('email')).toBe(1);
    ws.advanceClock('1d');
    expect(ws.ctx.remainingQuota('email')).toBe(3);
  });
});

describe('form submissions', () => {
  it('store the response in the destination sheet and fire form and spreadsheet triggers with Google-shaped events', async () => {
    const ws = await workspace();
    const formId = String(ws.run('makeForm'));
    // The timestamp is the workspace clock at submission: making the form took a few seconds of Google time.
    const moscow = new Date(ws.now().getTime() + 3 * 3_600_000);
    const two = (n: number) => String(n).padStart(2, '0');
    const stamp = `01.09.2026 ${moscow.getUTCHours()}:${two(moscow.getUTCMinutes())}:${two(moscow.getUTCSeconds())}`;
    const submission = ws.submit(formId, {
      Фамилия: 'Иванова',
      'Кто вы': 'ученик',
      Темы: ['математика', 'химия'],
    });
    expect(submission.runs.map((r) => r.ok)).toEqual([true, true]);
    const [byForm, bySheet] = submission.results as [Record<string, unknown>, Record<string, unknown>];
    expect(byForm).toEqual({
      source: 'Анкета',
      answers: { Фамилия: 'Иванова', 'Кто вы': 'ученик', Темы: ['математика', 'химия'] },
      date: true,
    });
    expect(bySheet).toMatchObject({
      values: [stamp, 'Иванова', 'ученик', 'математика, химия'],
      named: { Фамилия: ['Иванова'], Темы: ['математика, химия'] },
      row: 2,
      sheet: 'Ответы на форму (1)',
    });
  });

  it('refuse what the form page would refuse, and do not fire triggers for script-made responses', async () => {
    const ws = await workspace();
    const formId = String(ws.run('makeForm'));
    expect(() => ws.submit(formId, { 'Кто вы': 'ученик' })).toThrow(
      'Не заполнен обязательный вопрос «Фамилия».',
    );
    expect(() => ws.submit(formId, { Фамилия: 'А', 'Кто вы': 'директор' })).toThrow(
      'В вопросе «Кто вы» нет варианта «директор».',
    );
    const before = ws.runs.length;
    expect(ws.run('scriptSubmit', formId)).toBe(1);
    expect(ws.runs.length).toBe(before + 1);
  });
});
