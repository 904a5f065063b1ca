// Пары and Без пары: reading the bases and choices, writing proposals. The sheet is the single
// source of truth: the menu, the review sidebar and approval all read it afresh and write it back
// in one setValues each.

import { CHOICE_KEYS, PREFERENCES } from '../../core/intake/preferenceRow';
import { MATCHING_SETTINGS, type MatchingSettings, type Rankings } from '../../core/matching/compatibility';
import { bankMentorCaption, DISTRICT_MENTORS } from '../../core/matching/districtProposal';
import { type IdleMentor, idleMentors } from '../../core/matching/idleMentors';
import { PAIRS, pairToRecord, recordToPair, UNMATCHED } from '../../core/matching/pairRow';
import { type ProposeResult, planPairs, type UnmatchedMentee } from '../../core/matching/proposePairs';
import { capacityIn } from '../../core/mentoringForms';
import { formatClass, type MentoringForm, type Pair, type Participant, ROLE_LABELS } from '../../core/model';
import { blankPatch, byHeader, type Row, type RowPatch } from '../../core/schema';
import { readSettings } from '../../core/settings';
import { safeCell } from '../../core/table';
import { readMentees, readMentors } from '../intake/bases';
import { loadIntakeSettings } from '../mentoringForms';
import { readSettingCells } from '../settingsSheet';
import { ensureSheet, readHeader, readSheet, SheetTable } from '../sheetTable';
import { districtMentorsTable, forgetSettled } from './districtMentors';

export interface MatchingWorld {
  mentors: Participant[];
  mentees: Participant[];
  people: Map<string, Participant>;
  forms: MentoringForm[];
  settings: MatchingSettings;
  settingProblems: string[];
  /** Names of district bank mentors proposed here, by the code Пары holds for them (their e-mail). */
  outside: Map<string, string>;
}

export function loadWorld(): MatchingWorld {
  const cells = readSettingCells();
  const matching = readSettings(MATCHING_SETTINGS, cells);
  const intake = loadIntakeSettings(cells);
  const forms = intake.values.mentoringForms;
  const mentors = readMentors(forms).map((r) => r.participant);
  const mentees = readMentees(forms).map((r) => r.participant);
  return {
    mentors,
    mentees,
    people: new Map([...mentors, ...mentees].map((p) => [p.id, p])),
    forms,
    settings: matching.values,
    settingProblems: [...matching.problems, ...intake.problems],
    outside: new Map(
      readSheet(SpreadsheetApp.getActive(), DISTRICT_MENTORS).map(({ values: v }) => [
        v.email.toLowerCase(),
        bankMentorCaption(v),
      ]),
    ),
  };
}

/** Post-meeting choices from «Выбор после встречи» (ids, best first). */
export function readRankings(): Rankings {
  const byMentee = new Map<string, string[]>();
  const byMentor = new Map<string, string[]>();
  for (const { values: v } of readSheet(SpreadsheetApp.getActive(), PREFERENCES)) {
    const id = v.participantId;
    const role = v.role;
    const chosen = CHOICE_KEYS.map((k) => v[k]).filter(Boolean);
    if (!id) continue;
    if (role === ROLE_LABELS.mentee) byMentee.set(id, chosen);
    else if (role === ROLE_LABELS.mentor) byMentor.set(id, chosen);
  }
  return { byMentee, byMentor };
}

export interface PairRow {
  rowNumber: number;
  pair?: Pair;
  /** Why a row could not be read (the curator typed something we do not understand). */
  unreadable?: string;
}

export type PairsTable = SheetTable<typeof PAIRS>;

export function openPairs(): PairsTable {
  return SheetTable.open(PAIRS);
}

const isBlank = ({ values: v }: Row<typeof PAIRS>) =>
  v.mentorId === '' && v.menteeId === '' && v.state === '';

export function readPairRows(table: PairsTable, forms: readonly MentoringForm[]): PairRow[] {
  return table
    .read()
    .filter((r) => !isBlank(r))
    .map((r) => {
      const { pair, problem } = recordToPair(r.values, forms);
      return { rowNumber: r.rowNumber, pair, unreadable: problem };
    });
}

/**
 * Writes the new state of Пары: kept rows stay where they are, rows of dropped proposals take the
 * new proposals (grouped by mentor), the rest is appended; leftover rows are emptied. Rows are
 * renumbered in sheet order.
 */
export function writePairs(
  table: PairsTable,
  rows: readonly PairRow[],
  next: ReadonlyArray<Pair | undefined>,
  proposals: readonly Pair[],
  world: MatchingWorld,
): void {
  const free: number[] = [];
  const placed: Array<{ rowNumber?: number; pair?: Pair; unreadable?: string }> = [];
  rows.forEach((r, k) => {
    const pair = r.pair ? next[k] : undefined;
    if (r.pair && !pair) free.push(r.rowNumber);
    else placed.push({ rowNumber: r.rowNumber, pair, unreadable: r.unreadable });
  });
  const mentorOrder = new Map(world.mentors.map((p, k) => [p.id, k]));
  const menteeOrder = new Map(world.mentees.map((p, k) => [p.id, k]));
  const sorted = [...proposals].sort(
    (a, b) =>
      (mentorOrder.get(a.mentorId) ?? 0) - (mentorOrder.get(b.mentorId) ?? 0) ||
      (menteeOrder.get(a.menteeId) ?? 0) - (menteeOrder.get(b.menteeId) ?? 0),
  );
  sorted.forEach((pair, k) => {
    placed.push({ rowNumber: k < free.length ? free[k] : undefined, pair });
  });
  const emptied = free.slice(sorted.length);
  const inSheet = placed.filter((p) => p.rowNumber !== undefined).sort((a, b) => a.rowNumber! - b.rowNumber!);
  const appended = placed.filter((p) => p.rowNumber === undefined);
  let number = 0;
  const recordOf = (p: (typeof placed)[number]): RowPatch<typeof PAIRS> => {
    number++;
    if (p.pair) return pairToRecord(p.pair, number, world.forms, world.people, world.outside);
    return { number, problem: p.unreadable ?? '' };
  };
  const updates = inSheet.map((p) => ({ rowNumber: p.rowNumber!, values: recordOf(p) }));
  const appends = appended.map(recordOf);
  for (const rowNumber of emptied) updates.push({ rowNumber, values: blankPatch(PAIRS) });
  table.write(updates, appends);
}

/**
 * Rewrites Без пары: derived data, so the whole list is replaced on every run. A sheet laid out by an
 * earlier version (other columns) is cleared and laid out anew.
 */
export function writeUnmatched(
  unmatched: readonly UnmatchedMentee[],
  idle: readonly IdleMentor[],
  world: MatchingWorld,
  now: Date,
): void {
  const old = SpreadsheetApp.getActive().getSheetByName(UNMATCHED.name);
  if (old && UNMATCHED.headers.some((h) => !readHeader(old).includes(h))) old.clearContents();
  const sheet = ensureSheet(UNMATCHED);
  const width = sheet.getLastColumn();
  const headers = readHeader(sheet);
  const last = sheet.getLastRow();
  if (last > 1) sheet.getRange(2, 1, last - 1, width).clearContent();
  const formsOf = (p?: Participant) =>
    (p?.forms ?? []).map((id) => world.forms.find((f) => f.id === id)?.label ?? id).join('; ');
  const row = (role: 'mentor' | 'mentee', id: string, reason: string) => {
    const p = world.people.get(id);
    return byHeader(UNMATCHED, {
      role: ROLE_LABELS[role],
      participantId: id,
      participant: p ? `${p.lastName} ${p.firstName}`.trim() : id,
      detail: p?.schoolClass ? formatClass(p.schoolClass) : (p?.position ?? ''),
      forms: formsOf(p),
      reason,
      updatedAt: now,
    });
  };
  const records = [
    ...unmatched.map((u) => row('mentee', u.menteeId, u.reason)),
    ...idle.map((m) => row('mentor', m.mentorId, m.reason)),
  ];
  if (records.length === 0) return;
  const grid = records.map((values) => headers.map((h) => safeCell(values[h] ?? '')));
  sheet.getRange(2, 1, grid.length, width).setValues(grid);
}

/** One full matching run: read everything, plan, write Пары and Без пары. Call under the lock. */
export function runMatching(now: Date): { result: ProposeResult; idle: IdleMentor[]; world: MatchingWorld } {
  const world = loadWorld();
  const table = openPairs();
  const rows = readPairRows(table, world.forms);
  const existing = rows.flatMap((r) => (r.pair ? [r.pair] : []));
  const input = {
    mentors: world.mentors.map((m) => ({ ...m, capacity: capacityIn(m, world.forms) })),
    mentees: world.mentees,
    forms: world.forms,
    existing,
    rankings: readRankings(),
    settings: world.settings,
  };
  const result = planPairs(input);
  let k = 0;
  const next = rows.map((r) => (r.pair ? result.kept[k++] : undefined));
  writePairs(table, rows, next, result.proposals, world);
  // A declined bank proposal leaves nothing of the mentor's details behind.
  const details = districtMentorsTable();
  if (details) forgetSettled(details, rows);
  const idle = idleMentors(input, result);
  writeUnmatched(result.unmatched, idle, world, now);
  return { result, idle, world };
}
