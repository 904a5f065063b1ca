// Entry points Apps Script calls. Every export here becomes a top-level function in dist/Code.js, and
// each checks its caller against the table before it runs.
import { ENTRY_ACCESS } from './access/entryAccess';
import { guardEntryPoints } from './access/guard';
import * as entryPoints from './entryPoints';

export const {
  applyPendingDecisions,
  approvePairs,
  closeSchoolYear,
  collectDistrictReports,
  continueDistrictCollection,
  continueDocumentGeneration,
  createHalfYearReport,
  createMeetingPlans,
  createProgrammeOrders,
  createStatisticsReport,
  createYearEndReport,
  dailyRun,
  deliverMail,
  doGet,
  enterRegisterKey,
  exportParticipantData,
  generateDocumentsForApprovedPairs,
  intakeForms,
  onEdit,
  onOpen,
  onQuestionnaireSubmit,
  onSurveySubmit,
  openPairsReview,
  pairsReviewData,
  programmeFigures,
  proposePairs,
  refreshMonitoring,
  refreshQuestionnaireLists,
  rerunMatching,
  selfTest,
  sendDistrictProposals,
  setPairState,
  setupProgramme,
  updateQuestionnaires,
  withdrawConsent,
} = guardEntryPoints({ ...entryPoints }, ENTRY_ACCESS);
