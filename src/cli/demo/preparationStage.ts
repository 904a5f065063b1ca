// Stage 1, «Подготовка условий»: the curator runs «Настроить программу» (the real setupProgramme of
// the bundle), then types the school's own figures into Настройки, as the roadmaps ask before the
// questionnaires go out.
import type { CellValue } from '../../core/table';
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

export const preparationStage: DemoStage = {
  title: 'Подготовка условий',
  async run({ ws, school, dir, pseudonymous }) {
    ws.run('setupProgramme');
    const report = toastLines(ws.lastRun?.ui);
    const settings = schoolSettings(school);
    if (pseudonymous) settings['Режим данных'] = 'псевдонимы';
    const missing = await setSettings(dir, settings);
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
    const status = ws.status();
    return [
      '«Настроить программу»:',
      ...report.map((l) => `  ${l}`),
      `Куратор заполнил Настройки: ${Object.keys(settings).length - missing.length} параметров (школа и директор для документов, численность для показателей, почта и телефон куратора, место встреч)`,
      ...(missing.length > 0 ? [`В Настройках нет параметров: ${missing.join('; ')}`] : []),
      `Установлено триггеров: ${status.triggers}`,
      ...mode,
    ];
  },
};
