// The table of callers: for every entry point, who may start it (see AccessRule). A new entry point
// does not compile until it has a line here.
import type * as entryPoints from '../entryPoints';
import type { AccessRule } from './rules';

export const ENTRY_ACCESS: { readonly [K in keyof typeof entryPoints]: AccessRule } = {
  // Opening the spreadsheet builds the menu.
  onOpen: 'opening',
  // Menu items.
  setupProgramme: 'editor',
  openSetupWizard: 'editor',
  refreshQuestionnaireLists: 'editor',
  updateQuestionnaires: 'editor',
  exportParticipantData: 'editor',
  withdrawConsent: 'editor',
  applyPendingDecisions: 'editor',
  enterRegisterKey: 'editor',
  proposePairs: 'editor',
  openPairsReview: 'editor',
  approvePairs: 'editor',
  generateDocumentsForApprovedPairs: 'editor',
  createProgrammeOrders: 'editor',
  createMeetingPlans: 'editor',
  refreshMonitoring: 'editor',
  createHalfYearReport: 'editor',
  createStatisticsReport: 'editor',
  createYearEndReport: 'editor',
  closeSchoolYear: 'editor',
  confirmNextYearCalendar: 'editor',
  collectDistrictReports: 'editor',
  sendDistrictProposals: 'editor',
  // The pairs sidebar (google.script.run from the spreadsheet).
  pairsReviewData: 'editor',
  setPairState: 'editor',
  rerunMatching: 'editor',
  // The first-run wizard (google.script.run from its dialog).
  setupWizardData: 'editor',
  saveSetupWizard: 'editor',
  // Tools of the curator's own machine: `nastavnik local submit` and `npm run live-check`.
  intakeForms: 'editor',
  selfTest: 'editor',
  // The programme's figures for `nastavnik local status` and the demo's summary.
  programmeFigures: 'editor',
  // Installable triggers: form submissions, the daily run, the mail queue, long jobs continuing.
  onQuestionnaireSubmit: 'trigger',
  // Edits of the workbook: Настройки checked at once, «Встречи-знакомства» refills the post-meeting lists.
  onWorkbookEdit: 'trigger',
  onNetworkingEdit: 'trigger',
  onSurveySubmit: 'trigger',
  dailyRun: 'trigger',
  deliverMail: 'trigger',
  continueDocumentGeneration: 'trigger',
  continueDistrictCollection: 'trigger',
  // The web app behind the links in letters: each page checks its own token.
  doGet: 'webToken',
};
