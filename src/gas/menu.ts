// The «Наставничество» menu, in the order of the year: setup, questionnaires, pairs, documents, the
// results; the district's items only in a district workbook. Each item names a global function of the
// bundle (see index.ts); test/bundle.test.ts proves every name here exists in the built script.
export interface MenuItem {
  title: string;
  functionName: string;
}

/** An item, a line between groups, or a sub-menu of items. */
export type MenuEntry = MenuItem | 'separator' | { title: string; items: readonly MenuItem[] };

export const MENU_TITLE = 'Наставничество';

export const SCHOOL_MENU: readonly MenuEntry[] = [
  { title: 'Настроить программу', functionName: 'setupProgramme' },
  { title: 'Первый запуск: обязательные настройки', functionName: 'openSetupWizard' },
  'separator',
  {
    title: 'Анкеты и участники',
    items: [
      { title: 'Обновить анкеты', functionName: 'updateQuestionnaires' },
      { title: 'Обновить списки в анкетах', functionName: 'refreshQuestionnaireLists' },
      { title: 'Сведения об участнике (ст. 14 152-ФЗ)', functionName: 'exportParticipantData' },
      { title: 'Отозвать согласие участника (письменное заявление)', functionName: 'withdrawConsent' },
      { title: 'Применить решения по изменениям анкет', functionName: 'applyPendingDecisions' },
      { title: 'Ввести ключ реестра (режим «псевдонимы»)', functionName: 'enterRegisterKey' },
    ],
  },
  {
    title: 'Подбор пар',
    items: [
      { title: 'Подобрать пары', functionName: 'proposePairs' },
      { title: 'Проверить пары', functionName: 'openPairsReview' },
      { title: 'Утвердить пары', functionName: 'approvePairs' },
    ],
  },
  {
    title: 'Документы',
    items: [
      { title: 'Сформировать документы', functionName: 'generateDocumentsForApprovedPairs' },
      { title: 'Приказы о внедрении модели и о кураторе', functionName: 'createProgrammeOrders' },
    ],
  },
  'separator',
  {
    title: 'Итоги',
    items: [
      { title: 'Обновить мониторинг', functionName: 'refreshMonitoring' },
      { title: 'Отчёт мониторинга (полугодие)', functionName: 'createHalfYearReport' },
      { title: 'Статистический отчёт (до 30 декабря)', functionName: 'createStatisticsReport' },
      { title: 'Итоговый отчёт за год', functionName: 'createYearEndReport' },
      { title: 'Закрыть учебный год', functionName: 'closeSchoolYear' },
      { title: 'Подтвердить календарь нового года', functionName: 'confirmNextYearCalendar' },
    ],
  },
];

export const DISTRICT_MENU: readonly MenuEntry[] = [
  { title: 'Настроить программу', functionName: 'setupProgramme' },
  { title: 'Первый запуск: обязательные настройки', functionName: 'openSetupWizard' },
  'separator',
  {
    title: 'Район',
    items: [
      { title: 'Собрать отчёты школ', functionName: 'collectDistrictReports' },
      { title: 'Отправить предложения школам', functionName: 'sendDistrictProposals' },
    ],
  },
];

/** Every item of both menus. */
export const MENU: readonly MenuItem[] = [...SCHOOL_MENU, ...DISTRICT_MENU].flatMap((e) =>
  e === 'separator' ? [] : 'items' in e ? [...e.items] : [e],
);

/** Functions that installed triggers call by name; also checked against the bundle. */
export const TRIGGER_HANDLERS: string[] = [
  'continueDocumentGeneration',
  'dailyRun',
  'deliverMail',
  'onSurveySubmit',
  'onQuestionnaireSubmit',
  'continueDistrictCollection',
  'onWorkbookEdit',
  'onNetworkingEdit',
];
