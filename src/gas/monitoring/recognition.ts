// «Лучшие наставники и кейсы»: the proposals of the year written from the monitoring's data, the
// curator's «Подтверждаю» read back for the reports. The sheet is made when there is a first proposal.
import type { MonitoringInput } from '../../core/monitoring/compute';
import {
  caseProposal,
  mentorProposal,
  mergeProposals,
  NO_RECOGNITION,
  RECOGNITION,
  type Recognition,
  type RecognitionRow,
  recognitionOf,
} from '../../core/monitoring/recognition';
import { bestMentors, proposedCases } from '../../core/monitoring/results';
import type { BestMentorCriteria } from '../../core/monitoring/settings';
import { applyPatch } from '../../core/schema';
import { SheetTable } from '../sheetTable';

type Book = GoogleAppsScript.Spreadsheet.Spreadsheet;

export function syncRecognition(
  book: Book,
  input: MonitoringInput,
  criteria: BestMentorCriteria,
  year: string,
): Recognition {
  const incoming = [
    ...bestMentors(input, criteria).map((m) => mentorProposal(year, m)),
    ...proposedCases(input, criteria.count).map((c) => caseProposal(year, c)),
  ];
  // Most of the year there is nothing to propose and no sheet to read.
  if (incoming.length === 0 && !book.getSheetByName(RECOGNITION.name)) return NO_RECOGNITION;
  const table = SheetTable.open(RECOGNITION, book);
  const rows = table.read();
  const { updates, appends } = mergeProposals(rows, incoming);
  if (updates.length > 0 || appends.length > 0) table.write(updates, appends);
  const all: RecognitionRow[] = [
    ...rows.map((r) => r.values),
    ...appends.map((a) => applyPatch(RECOGNITION, a)),
  ];
  return recognitionOf(all, year);
}
