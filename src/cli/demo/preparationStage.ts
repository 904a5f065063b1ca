// Stage 1, «Подготовка условий»: the curator runs «Настроить программу» (the real setupProgramme of
// the bundle), fills the required settings in the first-run wizard it opens, then types the school's
// own figures into Настройки, as the roadmaps ask before the questionnaires go out.
import { INTAKE_SETTINGS } from '../../core/intake/settings';
import { SHEETS } from '../../core/sheets';
import type { CellValue } from '../../core/table';
import { SpreadsheetStore } from '../../local/spreadsheet/store';
import { setSettings, toastLines } from './curator';
import type { DemoSchool, PersonName } from './schoolModel';
import type { DemoStage } from './stages';

/** The Настройки a curator fills in by hand for this school: names, totals for the indicators. */
export function schoolSettings(school: DemoSchool): Record<string, CellValue> {
  const aged = (min: number, max: number) => school.roster.filter((s) => s.age >= min && s.age <= max).length;
  const partners = new Set(
    school.mentors
      .filter((m) => m.category === 'employer')
      .map((m) => m.position.split(', ').slice(1).join(', ')),
  );
  const full = (p: PersonName) => `${p.lastName} ${p.firstName} ${p.middleName}`;
  return {
    'Документы: наименование организации': school.name,
    'Документы: населённый пункт': school.city,
    'Документы: ФИО руководителя': full(school.director),
    'Документы: должность руководителя': 'Директор',
    'Документы: адрес руководителя': school.director.email,
    'Документы: ФИО куратора': full(school.curator),
    'Документы: адрес организации': `624250, ${school.city}, ул. Школьная, д. 17`,
    'Документы: ИНН организации': '6639001717',
    'Документы: ОГРН организации': '1026601122117',
    'Документы: сайт и сообщества школы': 'https://school17-zarechny.ru; https://vk.com/school17zarechny',
    'Документы: положение о наставничестве': 'утверждённым приказом от 30.08.2026 № 112-о',
    'Отчёты: название школы': school.shortName,
    'Учеников 10–18 лет (всего в школе)': aged(10, 18),
    'Учеников 15–19 лет (всего в школе)': aged(15, 19),
    'Педагогических работников (всего)': school.teacherCount,
    'Молодых специалистов со стажем 0–3 года (всего)': school.youngSpecialistCount,
    'Организаций и предприятий-партнёров (всего)': partners.size,
    'Почта: адрес куратора': school.curator.email,
    'Почта: телефон куратора': '+7 900 555-12-34',
    'Встречи: время и место': 'после уроков, школьная библиотека',
  };
}

const HIDE_RESPONSES = INTAKE_SETTINGS.hideResponseSheets.name;

export const preparationStage: DemoStage = {
  title: 'Подготовка условий',
  async run({ ws, school, dir, pseudonymous }) {
    ws.run('setupProgramme');
    const report = toastLines(ws.lastRun?.ui);
    const wizard = ws.lastRun?.ui.find((u) => u.kind === 'dialog');
    const settings = schoolSettings(school);
    if (pseudonymous) settings['Режим данных'] = 'псевдонимы';
    // The wizard the first setup opened: the curator types the school's own values into its fields.
    const fields = ws.inspect('setupWizardData') as Array<{ key: string; label: string }>;
    const typed = Object.fromEntries(fields.map((f) => [f.key, String(settings[f.label] ?? '')]));
    const wizardResult = ws.run('saveSetupWizard', typed) as { saved: string[]; problems: object };
    await ws.save();
    const rest = Object.fromEntries(
      Object.entries(settings).filter(([name]) => !fields.some((f) => f.label === name)),
    );
    const missing = await setSettings(dir, rest);
    const mode: string[] = [];
    if (pseudonymous) {
      // Setup again builds the code forms; the curator types in the key the register showed.
      ws.run('setupProgramme');
      const rebuilt =
        toastLines(ws.lastRun?.ui)
          .join(' ')
          .match(/«[^»]+»: изменено описание анкеты/g) ?? [];
      mode.push(`  Анкеты пересобраны как формы с кодом участника, без ФИО и адресов: ${rebuilt.length}`);
      ws.replyToPrompts(pseudonymous.register.data.codeKey);
      ws.run('enterRegisterKey');
      mode.push(
        'Режим данных «псевдонимы»: анкеты спрашивают код участника и секретное число, ключ реестра введён',
      );
    }
    // The curator keeps the raw form responses out of sight, typing «да» into the sheet (the workbook's
    // on-edit trigger hides them at once); the programme reads them all the same.
    const row = ws.sheetRows(SHEETS.settings).findIndex((r) => r[0] === HIDE_RESPONSES) + 2;
    if (row > 1) ws.edit(SHEETS.settings, `B${row}`, 'да');
    const store = SpreadsheetStore.of(ws.ctx);
    store.reload();
    const hidden = (store.model(ws.boundSpreadsheetId)?.sheets ?? []).filter((s) => s.look?.hidden).length;
    const status = ws.status();
    return [
      '«Настроить программу»:',
      ...report.map((l) => `  ${l}`),
      `Открылось окно «${wizard?.title ?? '—'}»: куратор ввёл ${wizardResult.saved.length} из ${fields.length} обязательных значений` +
        (Object.keys(wizardResult.problems).length > 0
          ? `; не принято: ${Object.values(wizardResult.problems).join('; ')}`
          : ''),
      `Остальное куратор вписал в лист «Настройки»: ${Object.keys(rest).length - missing.length} параметров (адрес и реквизиты школы, численность для показателей, телефон куратора, место встреч)`,
      ...(missing.length > 0 ? [`В Настройках нет параметров: ${missing.join('; ')}`] : []),
      `«${HIDE_RESPONSES}» — «да»: скрыто листов ответов форм — ${hidden}`,
      `Установлено триггеров: ${status.triggers}`,
      ...mode,
    ];
  },
};
