// The «Наставничество» menu. Each item names a global function of the bundle (see index.ts);
// test/bundle.test.ts proves every name here exists in the built script.
export interface MenuItem {
  title: string;
  functionName: string;
}

export const MENU_TITLE = 'Наставничество';

export const MENU: MenuItem[] = [
  { title: 'Настроить программу', functionName: 'setupProgramme' },
  { title: 'Обновить анкеты', functionName: 'updateQuestionnaires' },
  { title: 'Обновить списки в анкетах', functionName: 'refreshQuestionnaireLists' },
  { title: 'Сведения об участнике (ст. 14 152-ФЗ)', functionName: 'exportParticipantData' },
  { title: 'Отозвать согласие участника (письменное заявление)', functionName: 'withdrawConsent' },
  { title: 'Применить решения по изменениям анкет', functionName: 'applyPendingDecisions' },
  { title: 'Подобрать пары', functionName: 'proposePairs' },
  { title: 'Проверить пары', functionName: 'openPairsReview' },
  { title: 'Утвердить пары', functionName: 'approvePairs' },
  { title: 'Сформировать документы', functionName: 'generateDocumentsForApprovedPairs' },
  { title: 'Приказы о внедрении модели и о кураторе', functionName: 'createProgrammeOrders' },
  { title: 'Обновить мониторинг', functionName: 'refreshMonitoring' },
  { title: 'Отчёт мониторинга (полугодие)', functionName: 'createHalfYearReport' },
  { title: 'Статистический отчёт (до 30 декабря)', functionName: 'createStatisticsReport' },
  { title: 'Итоговый отчёт за год', functionName: 'createYearEndReport' },
  { title: 'Закрыть учебный год', functionName: 'closeSchoolYear' },
  { title: 'Район: собрать отчёты школ', functionName: 'collectDistrictReports' },
  { title: 'Район: отправить предложения школам', functionName: 'sendDistrictProposals' },
];

/** Functions that installed triggers call by name; also checked against the bundle. */
export const TRIGGER_HANDLERS: string[] = [
  'continueDocumentGeneration',
  'dailyRun',
  'deliverMail',
  'onSurveySubmit',
  'onQuestionnaireSubmit',
  'continueDistrictCollection',
];
