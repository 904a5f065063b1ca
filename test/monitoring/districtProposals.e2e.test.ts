// District bank proposals on workbooks the product made: a school sets up, enrols two mentors who
// agree to the long-term bank and closes its year; in the next year three pupils enrol and find no
// mentor. A district workbook (its own script, given access to the school's workbook) collects the
// school, proposes the bank mentors and sends the proposals. The school keeps them through
// «Подобрать пары», declines one — the district frees that mentor — and approves the other: the
// mentor enters the school's base, is asked for consent, and once it is given the pair gets its
// order line, documents and meetings like any pair.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ACKNOWLEDGEMENT, CONSENT_FORM, DECISION_CHOICES, SIGNER_CHOICES } from '../../forms/consent';
import { setSettings } from '../../src/cli/demo/curator';
import { PAIRS_HEADERS } from '../../src/core/matching/pairRow';
import { SHEETS } from '../../src/core/sheets';
import { LocalWorkspace } from '../../src/local';
import { spreadsheetUrl } from '../../src/local/spreadsheet/bookRef';
import {
  menteeAnswers,
  mentorAnswers,
  ownConsentAnswers,
  type Row,
  submit,
  table,
} from '../intake/workspace';
import { fillSchoolSettings } from '../schoolSettings';

const CLOCK = new Date('2026-05-25T07:00:00Z');
const SCHOOL = 'Школа № 1';
const SELF = SIGNER_CHOICES.self;
const FORM = 'работодатель – ученик';
const work = mkdtempSync(join(tmpdir(), 'nastavnik-district-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const MENTORS = [
  {
    email: 'engineer@zavod.ru',
    lastName: 'Кузнецов',
    firstName: 'Андрей',
    middleName: 'Ильич',
    topic: 'профориентация',
  },
  {
    email: 'designer@studio.ru',
    lastName: 'Белова',
    firstName: 'Ирина',
    middleName: 'Сергеевна',
    topic: 'проектная и исследовательская работа',
  },
];
const MENTEES = [
  {
    email: 'orlov@example.ru',
    lastName: 'Орлов',
    firstName: 'Максим',
    schoolClass: '9А',
    topic: 'профориентация',
  },
  {
    email: 'lebedeva@example.ru',
    lastName: 'Лебедева',
    firstName: 'Анна',
    schoolClass: '9Б',
    topic: 'проектная и исследовательская работа',
  },
  {
    email: 'zaitsev@example.ru',
    lastName: 'Зайцев',
    firstName: 'Илья',
    schoolClass: '9В',
    topic: 'подготовка к экзаменам',
  },
];

function giveConsent(ws: LocalWorkspace, name: string, email: string, role: string): void {
  const reply = submit(ws, 'consent', ownConsentAnswers(name, email, role));
  expect(reply).toMatchObject({ result: 'accepted' });
}

/** A row of Пары by the mentee's name, with its sheet row number. */
function pairOf(ws: LocalWorkspace, mentee: string): { row: Row; rowNumber: number } {
  const rows = table(ws, SHEETS.pairs);
  const k = rows.findIndex((r) => String(r.Наставляемый).startsWith(mentee));
  return { row: rows[k], rowNumber: k + 2 };
}
const districtRows = (ws: LocalWorkspace) => table(ws, 'Районные предложения');
const toasts = (ws: LocalWorkspace) =>
  (ws.lastRun?.ui ?? []).filter((u) => u.kind === 'toast').map((u) => (u as { text?: string }).text ?? '');

describe('district bank proposals in a school workbook made by the product', () => {
  let school: LocalWorkspace;
  let district: LocalWorkspace;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const schoolDir = join(work, 'school');
    school = await LocalWorkspace.create(schoolDir, {
      clockStart: CLOCK,
      googleAccountDomains: ['school.local', 'school.ru'],
    });
    school.init();
    await fillSchoolSettings(schoolDir, school.ctx.meta.curatorEmail);

    // The first year: two mentors from enterprises agree to stay in the long-term bank.
    for (const m of MENTORS) {
      const reply = submit(
        school,
        'mentor',
        mentorAnswers({
          email: m.email,
          lastName: m.lastName,
          firstName: m.firstName,
          middleName: m.middleName,
          category: 'представитель работодателя',
          age: '45',
          position: 'ведущий специалист',
          experienceYears: '',
          subjects: [],
          topics: [m.topic],
          forms: [FORM],
          capacity: '1',
          longTermBank: 'да',
        }),
      );
      expect(reply).toMatchObject({ result: 'accepted' });
      giveConsent(school, `${m.lastName} ${m.firstName} ${m.middleName}`, m.email, 'наставник');
    }
    school.replyToAlerts('YES', 'YES');
    school.run('closeSchoolYear');
    expect(table(school, 'Долгосрочная база наставников').map((r) => r.Email)).toEqual(
      MENTORS.map((m) => m.email),
    );

    // The next year: three pupils enrol, and the school has no mentor for them.
    for (const e of MENTEES) {
      const reply = submit(
        school,
        'mentee',
        menteeAnswers({
          email: e.email,
          lastName: e.lastName,
          firstName: e.firstName,
          schoolClass: e.schoolClass,
          age: '15',
          topics: [e.topic],
          forms: [FORM],
        }),
      );
      expect(reply).toMatchObject({ result: 'accepted' });
      ids[e.lastName] = reply.participantId;
      giveConsent(school, `${e.lastName} ${e.firstName}`, e.email, 'наставляемый');
    }
    school.run('proposePairs');
    expect(table(school, SHEETS.pairs)).toEqual([]);

    // The district's own workbook and script; its account was given access to the school's workbook.
    const districtDir = join(work, 'district');
    mkdirSync(join(districtDir, 'state'), { recursive: true });
    symlinkSync(join(schoolDir, 'state', 'spreadsheets'), join(districtDir, 'state', 'spreadsheets'));
    district = await LocalWorkspace.create(districtDir, {
      clockStart: CLOCK,
      curatorEmail: 'uo@school.local',
    });
    district.init();
    await setSettings(districtDir, { Режим: 'муниципалитет' });
    district.run('setupProgramme');
    district.edit('Школы', 'A2', SCHOOL);
    district.edit('Школы', 'B2', spreadsheetUrl(school.boundSpreadsheetId));
    district.run('collectDistrictReports');
    district.run('sendDistrictProposals');
  }, 240_000);

  it('lands in Пары with the bank mentor named, and «Подобрать пары» keeps the proposals', () => {
    expect(districtRows(district).map((r) => [r['Код наставляемого'], r['E-mail наставника']])).toEqual([
      [ids.Орлов, 'engineer@zavod.ru'],
      [ids.Лебедева, 'designer@studio.ru'],
    ]);
    school.run('proposePairs');
    const pairs = table(school, SHEETS.pairs);
    expect(pairs.map((p) => [p.Наставник, p['Код наставника'], p.Наставляемый, p.Состояние])).toEqual([
      [`Кузнецов Андрей Ильич (${SCHOOL}, районный банк)`, 'engineer@zavod.ru', 'Орлов Максим', 'предложена'],
      [
        `Белова Ирина Сергеевна (${SCHOOL}, районный банк)`,
        'designer@studio.ru',
        'Лебедева Анна',
        'предложена',
      ],
    ]);
    expect(pairs.every((p) => p.Проблема === '')).toBe(true);
    // The bank mentors are not in the school's base until the school takes them.
    expect(table(school, SHEETS.mentors)).toEqual([]);
  });

  it('declined by the curator, returns its mentor to the bank at the district’s next collection', () => {
    const declined = pairOf(school, 'Лебедева');
    const column = String.fromCharCode(65 + PAIRS_HEADERS.indexOf('Состояние'));
    school.edit(SHEETS.pairs, `${column}${declined.rowNumber}`, 'отклонена');
    school.run('proposePairs');
    expect(pairOf(school, 'Лебедева').row.Состояние).toBe('отклонена');
    // Nothing of the declined mentor's details stays in the school's workbook.
    expect(table(school, 'Наставники районного банка').map((r) => r['E-mail'])).toEqual([
      'engineer@zavod.ru',
    ]);

    district.run('collectDistrictReports');
    const rows = districtRows(district);
    expect(rows.map((r) => [r['Код наставляемого'], r['E-mail наставника'], r['Ответ школы']])).toEqual([
      [ids.Орлов, 'engineer@zavod.ru', ''],
      [ids.Лебедева, 'designer@studio.ru', 'отклонена'],
      // Free again, the mentor is proposed to the pupil left over; the declined pair is not repeated.
      [ids.Зайцев, 'designer@studio.ru', ''],
    ]);
  });

  it('approved by the curator, takes the mentor into the base with consent first, then makes the order, documents and meetings', () => {
    school.replyToAlerts('YES');
    school.run('approvePairs');
    const mentor = table(school, SHEETS.mentors);
    expect(mentor.map((m) => [m.Фамилия, m.Имя, m.Отчество, m['E-mail'], m.Категория, m.Согласие])).toEqual([
      ['Кузнецов', 'Андрей', 'Ильич', 'engineer@zavod.ru', 'представитель работодателя', 'нет'],
    ]);
    const mentorId = String(mentor[0].ID);
    expect(toasts(school).join('\n')).toContain('Наставников из районного банка внесено в «Наставники»: 1');
    const waiting = pairOf(school, 'Орлов').row;
    expect([waiting['Код наставника'], waiting.Состояние]).toEqual([mentorId, 'закреплена']);
    expect(waiting.Проблема).toContain('у наставника нет согласия на обработку данных');
    // No processing without consent: no order line, document or meeting yet.
    expect(table(school, SHEETS.orders)).toEqual([]);
    expect(table(school, SHEETS.meetings).filter((m) => m['Код наставника'] === mentorId)).toEqual([]);

    const letter = table(school, SHEETS.mail).find(
      (m) => m.Кому === 'engineer@zavod.ru' && m.Вид === 'просьба о согласии',
    );
    const link = /https:\/\/\S+/.exec(String(letter?.Текст ?? ''))?.[0] ?? '';
    expect(link).toContain('usp=pp_url');
    const title = (key: string) => CONSENT_FORM.items.find((i) => i.key === key)?.title ?? key;
    const sent = school.submitPrefilled(link, {
      [title('signer')]: SELF,
      [title('participantRole')]: 'наставник',
      [title('decision')]: DECISION_CHOICES.give,
      [title('acknowledgement')]: ACKNOWLEDGEMENT,
    });
    expect(sent.runs.every((r) => r.ok)).toBe(true);
    expect(table(school, SHEETS.mentors)[0].Согласие).toBe('получено');

    school.replyToAlerts('YES');
    school.run('approvePairs');
    const approved = pairOf(school, 'Орлов').row;
    expect([approved['Код наставника'], approved.Состояние, approved.Проблема]).toEqual([
      mentorId,
      'утверждена',
      '',
    ]);
    const pairId = String(approved['ID пары']);
    expect(table(school, SHEETS.orders).some((o) => String(o.Пары).includes(pairId))).toBe(true);
    school.replyToAlerts('YES');
    school.run('generateDocumentsForApprovedPairs');
    expect(table(school, SHEETS.documents).filter((d) => d.Пара === pairId).length).toBeGreaterThan(0);
    school.run('createMeetingPlans');
    expect(
      table(school, SHEETS.meetings).filter((m) => m['Код наставника'] === mentorId).length,
    ).toBeGreaterThan(3);
    // The declined proposal stays declined, and the school no longer holds any bank mentor's details.
    expect(pairOf(school, 'Лебедева').row.Состояние).toBe('отклонена');
    expect(table(school, 'Наставники районного банка')).toEqual([]);
  });
});
