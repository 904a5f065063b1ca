// A small school in an offline workspace, shared by the matching workflow and sidebar tests.
import { BASES, participantToRecord } from '../../src/core/intake/baseRow';
import { DEFAULT_FORMS, type Participant } from '../../src/core/model';
import { byHeader } from '../../src/core/schema';
import { SHEETS } from '../../src/core/sheets';
import type { TableRecord } from '../../src/core/table';
import { LocalWorkspace } from '../../src/local';

// Writes records under the sheet's headers, as a curator pasting rows would.
const FILL_SCRIPT = `
function fillSheet(name, records) {
  var sheet = SpreadsheetApp.getActive().getSheetByName(name);
  var headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
  var rows = records.map(function (r) {
    return headers.map(function (h) { return r[h] === undefined ? '' : r[h]; });
  });
  sheet.getRange(sheet.getLastRow() + 1, 1, rows.length, headers.length).setValues(rows);
  SpreadsheetApp.flush();
}
`;

let seq = 0;
export function person(role: Participant['role'], over: Partial<Participant>): Participant {
  seq++;
  return {
    id: `${role === 'mentor' ? 'НС' : 'НЯ'}-${String(seq).padStart(4, '0')}`,
    role,
    email: `p${seq}@school.ru`,
    lastName: role === 'mentor' ? 'Петров' : 'Сидорова',
    firstName: `Имя${seq}`,
    middleName: '',
    category: 'student',
    position: '',
    subjects: [],
    topics: [],
    note: '',
    forms: ['student-student'],
    capacity: role === 'mentor' ? 1 : 0,
    availability: [],
    phone: '',
    parentName: '',
    parentEmail: '',
    consent: 'received',
    longTermBank: false,
    optOut: false,
    ...over,
  };
}
export const cls = (grade: number) => ({ grade, letter: 'А' });
const state = {
  status: 'принята',
  problem: '',
  signer: 'self' as const,
  updatedAt: new Date('2026-10-01T09:00:00Z'),
  responseId: 'r',
};

export async function fill(dir: string, name: string, records: TableRecord[]) {
  const curator = await LocalWorkspace.open(dir, { code: FILL_SCRIPT });
  curator.run('fillSheet', name, records);
  await curator.save();
}

export function table(ws: LocalWorkspace, name: string, headers: readonly string[]) {
  const rows = ws.sheetRows(name);
  return rows.map((r) => Object.fromEntries(headers.map((h, k) => [h, r[k]])));
}

/** Two mentors (A takes two), three matchable mentees and one without consent. */
export async function smallSchool(dir: string) {
  const ws = await LocalWorkspace.create(dir, { clockStart: new Date('2026-10-05T09:00:00Z') });
  ws.init();
  const mentorA = person('mentor', { schoolClass: cls(10), topics: ['профориентация'], capacity: 2 });
  const mentorB = person('mentor', { schoolClass: cls(9), topics: ['подготовка к экзаменам'] });
  const x = person('mentee', { schoolClass: cls(7), topics: ['профориентация'] });
  const y = person('mentee', { schoolClass: cls(7), topics: ['подготовка к экзаменам'] });
  const z = person('mentee', { schoolClass: cls(6), topics: ['профориентация'] });
  const noConsent = person('mentee', { schoolClass: cls(6), consent: 'missing' });
  await fill(
    dir,
    SHEETS.mentors,
    [mentorA, mentorB].map((p) => byHeader(BASES.mentor, participantToRecord(p, DEFAULT_FORMS, state))),
  );
  await fill(
    dir,
    SHEETS.mentees,
    [x, y, z, noConsent].map((p) => byHeader(BASES.mentee, participantToRecord(p, DEFAULT_FORMS, state))),
  );
  return { mentorA, mentorB, x, y, z, noConsent };
}

/** More mentors appended to Наставники. */
export async function addMentors(dir: string, mentors: Participant[]) {
  await fill(
    dir,
    SHEETS.mentors,
    mentors.map((p) => byHeader(BASES.mentor, participantToRecord(p, DEFAULT_FORMS, state))),
  );
}
