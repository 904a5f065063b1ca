// The pair's year in the offline workspace: the clock runs from October to the end of June, the
// daily trigger plans meetings, reminds, nudges, invites to surveys and writes the curator's digest,
// and every letter lands in outbox/ as .eml. The test counts them against the plan in «Встречи».
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { SEED_SCRIPT } from '../../bench/schools/seedScript';
import { programmeStatus } from '../../src/cli/status';
import {
  addDays,
  dayOfSheetDate,
  inRanges,
  isoWeekday,
  parseDayRanges,
  weekStart,
} from '../../src/core/meetings/calendar';
import { DEFAULT_HOLIDAYS } from '../../src/core/meetings/settings';
import { LocalWorkspace } from '../../src/local';
import { docxText, driveItems } from '../documents/school';

const holidays = parseDayRanges(DEFAULT_HOLIDAYS).ranges;
const CURATOR = 'curator@school.test';
const START = new Date('2026-10-14T12:00:00Z');
const END_DAY = '2027-06-30';
const FLIP_DAY = '2027-02-01';

const mentor = (id: string, last: string, email: string) => ({
  ID: id,
  Статус: 'активен',
  Согласие: 'получено',
  Фамилия: last,
  Имя: 'Ирина',
  Отчество: 'Петровна',
  'E-mail': email,
  Категория: 'педагог',
  'Долгосрочная база': 'да',
});
const mentee = (id: string, first: string, email: string, parentEmail = '') => ({
  ID: id,
  Статус: 'активен',
  Согласие: 'получено',
  Фамилия: 'Смирнов',
  Имя: first,
  Отчество: '',
  'E-mail': email,
  Категория: 'ученик',
  Возраст: 12,
  'E-mail родителя': parentEmail,
});
const pair = (id: string, mentorId: string, menteeId: string) => ({
  'ID пары': id,
  'Код наставника': mentorId,
  'Код наставляемого': menteeId,
  Форма: 'учитель – ученик',
  Состояние: 'утверждена',
  'Дата утверждения': '15.10.2026',
});

interface Letter {
  file: string;
  day: string;
  to: string;
  subject: string;
  text: string;
}

/** The Moscow calendar day of a workspace timestamp in an outbox file name. */
function moscowDay(file: string): string {
  const iso = file.slice(0, 24).replace(/T(\d\d)-(\d\d)-(\d\d)/, 'T$1:$2:$3');
  return new Date(Date.parse(iso) + 3 * 3_600_000).toISOString().slice(0, 10);
}

async function letters(dir: string): Promise<Letter[]> {
  const out: Letter[] = [];
  for (const file of readdirSync(join(dir, 'outbox'))
    .filter((f) => f.endsWith('.eml'))
    .sort()) {
    const parsed = await simpleParser(readFileSync(join(dir, 'outbox', file)));
    const to = Array.isArray(parsed.to) ? parsed.to[0] : parsed.to;
    out.push({
      file,
      day: moscowDay(file),
      to: to?.value[0]?.address ?? '',
      subject: parsed.subject ?? '',
      text: parsed.text ?? '',
    });
  }
  return out;
}

type Row = Record<string, string | number | boolean>;

/** «Дата» as the seed script hands it back: Russian text, or a date cell as an ISO instant. */
function dayOf(cell: Row[string]): string {
  const d = String(cell);
  if (/^\d\d\.\d\d\.\d{4}$/.test(d)) return `${d.slice(6)}-${d.slice(3, 5)}-${d.slice(0, 2)}`;
  return dayOfSheetDate(new Date(d));
}

describe('a school year of meetings and letters', () => {
  let dir: string;
  let ws: LocalWorkspace;
  let seed: LocalWorkspace;
  let meetings: Row[] = [];
  let all: Letter[] = [];
  let surveys: Row[] = [];
  let nextYear: Row[] = [];
  let proposals: Row[] = [];
  let settingsAfterClose = new Map<string, Row[string]>();
  let calendarProposal: Row[] = [];
  let beforeConfirm: Row[] = [];
  let newPairs: Row[] = [];
  let journal: Row[] = [];
  let yearEndReport = '';
  let deadlinesOnFirstJuly: Row[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'nastavnik-year-'));
    ws = await LocalWorkspace.create(dir, { clockStart: START, mailQuota: 1000, curatorEmail: CURATOR });
    ws.init();
    seed = await LocalWorkspace.open(dir, { code: SEED_SCRIPT, clockStart: START });
    seed.run('appendRecords', 'Наставники', [
      mentor('N1', 'Петрова', 'petrova@school.test'),
      mentor('N2', 'Орлова', 'orlova@school.test'),
    ]);
    seed.run('appendRecords', 'Наставляемые', [
      mentee('U1', 'Антон', 'anton@school.test', 'parent.anton@home.test'),
      mentee('U2', 'Борис', 'boris@school.test'),
      mentee('U3', 'Вера', 'vera@school.test'),
      mentee('U4', 'Глеб', 'gleb@school.test'),
    ]);
    seed.run('appendRecords', 'Пары', [
      pair('P1', 'N1', 'U1'),
      pair('P2', 'N1', 'U2'),
      pair('P3', 'N2', 'U3'),
    ]);
    // Day by day: the trigger fires at 7:00; mentor N1 marks each meeting held on its day from the
    // link in the reminder, mentor N2 never does; pair P3 ends early on 1 February.
    for (let day = '2026-10-15'; day <= END_DAY; day = addDays(day, 1)) {
      ws.advanceClock('1d');
      const rows = seed.run('readSheet', 'Встречи') as Row[];
      for (const m of rows) {
        if (m['Код наставника'] === 'N1' && dayOf(m.Дата) === day && m.Проведена !== true) {
          ws.run('doGet', {
            parameter: { a: 'held', t: String(m.Токен), confirm: '1', note: 'обсудили цели' },
          });
        }
      }
      if (day === FLIP_DAY) seed.run('setWhere', 'Пары', 'ID пары', 'P3', 'Состояние', 'завершена досрочно');
    }
    meetings = seed.run('readSheet', 'Встречи') as Row[];
    all = await letters(dir);
    // Anton and Boris answer the satisfaction survey from the links in their letters, with a word on
    // what was most valuable (Anton names his mentor); then the curator looks at the proposals.
    const linkTo = (to: string) => {
      const invitation = all.find((l) => l.to === to && l.subject.startsWith('Итоги года'));
      return /https:\/\/docs\.google\.com\/forms\/\S+/.exec(invitation?.text ?? '')?.[0] ?? '';
    };
    const scales = Object.fromEntries(
      [
        'Комфорт общения с наставником (наставляемым)',
        'Полезность встреч',
        'Понятность целей и плана работы',
        'Организация программы и поддержка куратора',
        'Программа оправдала ожидания',
        'В целом я доволен(льна) участием',
      ].map((title) => [title, '9']),
    );
    const answer = (comment: string) => ({
      ...scales,
      'Вы участвуете в программе как': 'наставляемый',
      'Хотели бы вы продолжить работу в программе в следующем году?': 'да',
      'Что было самым ценным и что улучшить': comment,
    });
    ws.submitPrefilled(
      linkTo('anton@school.test'),
      answer('Подготовка к олимпиаде; Ирина Петровна всегда помогала'),
    );
    ws.submitPrefilled(linkTo('boris@school.test'), answer('Подготовка к олимпиаде и разбор задач'));
    surveys = seed.run('readSheet', 'Опросы') as Row[];
    ws.run('refreshMonitoring');
    proposals = seed.run('readSheet', 'Лучшие наставники и кейсы') as Row[];
    seed.run('setWhere', 'Лучшие наставники и кейсы', 'Код', 'N1', 'Подтверждаю', 'да');
    ws.run('closeSchoolYear');
    settingsAfterClose = new Map(
      (seed.run('readSheet', 'Настройки') as Row[]).map((r) => [String(r.Параметр), r.Значение]),
    );
    calendarProposal = seed.run('readSheet', 'Календарь нового года') as Row[];
    // The new year: Petrova mentors Глеб from a pair approved on 1 July 2027. A week passes before
    // the curator confirms the proposed calendar.
    seed.run('appendRecords', 'Наставники', [mentor('N1', 'Петрова', 'petrova@school.test')]);
    seed.run('appendRecords', 'Наставляемые', [mentee('U4', 'Глеб', 'gleb@school.test')]);
    seed.run('appendRecords', 'Пары', [{ ...pair('P4', 'N1', 'U4'), 'Дата утверждения': '01.07.2027' }]);
    ws.advanceClock('1d');
    deadlinesOnFirstJuly = seed.run('readSheet', 'Календарь сроков') as Row[];
    for (let i = 0; i < 7; i++) ws.advanceClock('1d');
    beforeConfirm = seed.run('readSheet', 'Встречи') as Row[];
    newPairs = seed.run('readSheet', 'Пары') as Row[];
    ws.replyToAlerts('YES');
    ws.run('confirmNextYearCalendar');
    journal = seed.run('readSheet', 'Журнал') as Row[];
    ws.advanceClock('1d');
    nextYear = seed.run('readSheet', 'Встречи') as Row[];
    yearEndReport = await docxText(
      join(
        dir,
        `${driveItems(dir).find((i) => i.name === 'Итоги учебного года по программе наставничества 2026-2027')?.path}.docx`,
      ),
    );
    all = await letters(dir);
  }, 600_000);

  const isoOf = (m: Row) => dayOf(m.Дата);
  const of = (to: string) => all.filter((l) => l.to === to);

  it('plans one meeting list per group, on school days', () => {
    const plans = new Set(meetings.map((m) => m.План));
    expect(plans.size).toBe(2);
    for (const m of meetings) {
      expect(inRanges(isoOf(m), holidays)).toBe(false);
      expect(isoWeekday(isoOf(m))).toBeLessThan(6);
    }
  });

  it('sends nothing on a holiday', () => {
    expect(all.length).toBeGreaterThan(0);
    expect(all.filter((l) => inRanges(l.day, holidays)).map((l) => `${l.day} ${l.subject}`)).toEqual([]);
  });

  it('reminds the group that meets before every meeting, the minor’s parent too, and never nudges it', () => {
    const n1 = meetings.filter((m) => m['Код наставника'] === 'N1');
    expect(n1.every((m) => m.Проведена === true)).toBe(true);
    const reminders = (to: string) =>
      of(to).filter((l) => l.subject.startsWith('Напоминание') || l.subject.startsWith('Наставничество:'));
    for (const to of [
      'petrova@school.test',
      'anton@school.test',
      'boris@school.test',
      'parent.anton@home.test',
    ]) {
      expect(reminders(to)).toHaveLength(n1.length);
    }
    expect(of('petrova@school.test').filter((l) => l.subject.includes('не отмечена'))).toEqual([]);
    expect(of(CURATOR).filter((l) => l.subject.includes('Петрова'))).toEqual([]);
  });

  it('nudges the mentor who does not mark meetings, tells the curator from the second miss, and stops when the pair ends', () => {
    const n2 = meetings
      .filter((m) => m['Код наставника'] === 'N2')
      .map(isoOf)
      .sort();
    const missed = n2.filter((d) => d < FLIP_DAY && d > '2026-10-15');
    const nudged = of('orlova@school.test').filter((l) => l.subject.includes('не отмечена'));
    // A meeting is overdue two days after its date; the nudge goes on the first day off holiday.
    const expectedNudges = missed.filter((d) => {
      let day = addDays(d, 2);
      while (inRanges(day, holidays)) day = addDays(day, 1);
      return day < FLIP_DAY;
    });
    expect(nudged).toHaveLength(expectedNudges.length);
    // From the second miss each one is told to the curator once: in that day's one urgent letter, or
    // in the digest when it is the digest's day.
    const told = (seed.run('readSheet', 'Почта') as Row[]).filter(
      (r) => r.Вид === 'пропущены встречи (в срочном письме куратору)',
    );
    expect(told).toHaveLength(expectedNudges.length - 1);
    expect(told.every((r) => r.Состояние === 'в общем письме')).toBe(true);
    const urgent = of(CURATOR).filter((l) => l.subject.startsWith('Наставничество: требует внимания'));
    expect(urgent.length).toBeGreaterThan(0);
    expect(new Set(urgent.map((l) => l.day)).size).toBe(urgent.length);
    for (const l of urgent) expect(l.text).toMatch(/Орлова .*: не отмечены проведёнными \d+ встреч/);
    expect(of(CURATOR).filter((l) => l.subject.startsWith('Пропущены встречи'))).toEqual([]);
    // Nothing about the ended pair; the next year's invitation to the long-term base is another matter.
    for (const to of ['orlova@school.test', 'vera@school.test']) {
      expect(of(to).filter((l) => l.day >= FLIP_DAY && !l.subject.startsWith('Приглашаем'))).toEqual([]);
    }
  });

  it('invites everyone to feedback in December, March and June and to the satisfaction survey at the end', () => {
    const feedback = all.filter((l) => l.subject.startsWith('Обратная связь'));
    const byMonth = (m: string) =>
      feedback
        .filter((l) => l.day.slice(5, 7) === m)
        .map((l) => l.to)
        .sort();
    expect(byMonth('12')).toEqual([
      'anton@school.test',
      'boris@school.test',
      'orlova@school.test',
      'petrova@school.test',
      'vera@school.test',
    ]);
    expect(byMonth('03')).toEqual(['anton@school.test', 'boris@school.test', 'petrova@school.test']);
    expect(byMonth('06')).toEqual(['anton@school.test', 'boris@school.test', 'petrova@school.test']);
    expect(feedback).toHaveLength(11);
    const satisfaction = all.filter((l) => l.subject.includes('удовлетворённости'));
    expect(satisfaction.map((l) => l.to).sort()).toEqual([
      'anton@school.test',
      'boris@school.test',
      'petrova@school.test',
    ]);
  });

  it('sends the curator one digest a week, with deadlines', () => {
    const digests = of(CURATOR).filter((l) => l.subject.includes('сводка') && l.day <= END_DAY);
    const weeks = new Set<string>();
    for (let day = '2026-10-15'; day <= END_DAY; day = addDays(day, 1))
      if (!inRanges(day, holidays)) weeks.add(weekStart(day));
    expect(digests).toHaveLength(weeks.size);
    expect(new Set(digests.map((l) => weekStart(l.day))).size).toBe(weeks.size);
    const december = digests.find((l) => l.day.startsWith('2026-12'))?.text;
    expect(december).toContain('Мониторинг — до 20.12.2026');
    expect(december).toContain('Статистический отчёт о числе участников — до 30.12.2026');
    expect(digests.find((l) => l.day.startsWith('2027-06'))?.text).toContain(
      'Итоговые встречи пар — до 10.06.2027',
    );
  });

  it('keeps the deadline calendar of each year, with the states of its tasks', () => {
    const calendar = deadlinesOnFirstJuly;
    const ofYear = (year: string) => calendar.filter((r) => r['Учебный год'] === year);
    expect(ofYear('2026-2027')).toHaveLength(19);
    expect(ofYear('2027-2028')).toHaveLength(19);
    // On 1 July 2027 nobody has marked anything done: the July tasks are close, the rest overdue.
    const soon = ofYear('2026-2027').filter((r) => r.Состояние === 'скоро');
    expect(soon.map((r) => r.Код)).toEqual(['п. 7.4', 'п. 7.5', 'п. 7.7', 'п. 7.8']);
    expect(ofYear('2026-2027').filter((r) => r.Состояние === 'просрочено')).toHaveLength(15);
    expect(ofYear('2027-2028').find((r) => r.Код === 'мониторинг-1')?.Состояние).toBe('предстоит');
  });

  it('completes the pairs after the programme’s end, asks the reason of the early end, and writes the outcome to the bases (read from the closed year’s archive)', () => {
    const pairs = seed.run('readSheet', 'Пары 2026-2027') as Row[];
    const byId = (id: string) => pairs.find((p) => p['ID пары'] === id) as Row;
    const n1 = meetings.filter((m) => m['Код наставника'] === 'N1').length;
    const n2 = meetings.filter((m) => m['Код наставника'] === 'N2').length;
    for (const id of ['P1', 'P2']) {
      expect(byId(id).Состояние).toBe('завершена');
      expect(dayOf(byId(id)['Дата окончания'])).toBe('2027-06-10');
      expect(byId(id)['Выполнение плана, %']).toBe(100);
    }
    expect(byId('P3').Состояние).toBe('завершена досрочно');
    // Ended by the curator after the run of 1 February: the next run dates the end on its eve.
    expect(dayOf(byId('P3')['Дата окончания'])).toBe('2027-02-01');
    expect(byId('P3')['Выполнение плана, %']).toBe(0);
    expect(String(byId('P3').Проблема)).toContain('укажите причину');
    const mentors = seed.run('readSheet', 'Наставники 2026-2027') as Row[];
    const petrova = mentors.find((m) => m.ID === 'N1') as Row;
    expect(dayOf(petrova['Дата окончания'])).toBe('2027-06-10');
    expect(petrova.Итоги).toBe(
      `с U1: завершена 10.06.2027, встреч проведено ${n1} из ${n1} (100 %); с U2: завершена 10.06.2027, встреч проведено ${n1} из ${n1} (100 %)`,
    );
    const vera = (seed.run('readSheet', 'Наставляемые 2026-2027') as Row[]).find((m) => m.ID === 'U3') as Row;
    expect(vera.Итоги).toBe(
      `с наставником N2: завершена досрочно 01.02.2027, встреч проведено 0 из ${n2} (0 %)`,
    );
    const figures = new Map(
      (seed.run('readSheet', 'Мониторинг 2026-2027') as Row[]).map((r) => [String(r.Ключ), r.Значение]),
    );
    expect(figures.get('pairs.completed.count')).toBe(2);
    expect(figures.get('pairs.ended_early.count')).toBe(1);
    expect(figures.get('plans.meetings.count')).toBe(2 * n1);
    expect(figures.get('plans.meetings.total')).toBe(2 * n1 + n2);
    expect(figures.get('plans.fulfilled.count')).toBe(2);
    expect(figures.get('plans.fulfilled.total')).toBe(3);
  });

  it('attaches the answer given through the letter’s link to the participant and pair', () => {
    expect(surveys.map((r) => [r['Код участника'], r.Пара, r.Вид])).toEqual([
      ['U1', 'P1', 'удовлетворённость'],
      ['U2', 'P2', 'удовлетворённость'],
    ]);
  });

  it('closes the year: the status shows the next year and the closed one’s pairs, meetings and answers', () => {
    const n1 = meetings.filter((m) => m['Код наставника'] === 'N1').length;
    const n2 = meetings.filter((m) => m['Код наставника'] === 'N2').length;
    const status = programmeStatus(ws);
    expect(status.year).toBe('2027-2028');
    expect(status.archive).toEqual([
      {
        year: '2026-2027',
        pairs: { proposed: 0, locked: 0, rejected: 0, approved: 0, completed: 2, ended_early: 1 },
        meetings: { held: n1, planned: n1 + n2 },
        surveys: { satisfaction: 2 },
      },
    ]);
  });

  it('proposes the next calendar without touching Настройки, plans nothing on the old dates and says so in the digest', () => {
    expect(dayOf(settingsAfterClose.get('Программа: дата окончания') as string)).toBe('2027-06-10');
    expect(String(settingsAfterClose.get('Каникулы и праздники'))).toBe(DEFAULT_HOLIDAYS);
    expect(calendarProposal.map((r) => [r['Учебный год'], r.Параметр, r.Предложено, r.Подтверждено])).toEqual(
      [
        ['2027-2028', 'Программа: дата окончания', '10.06.2028', expect.anything()],
        [
          '2027-2028',
          'Каникулы и праздники',
          expect.stringContaining('27.12.2027–09.01.2028'),
          expect.anything(),
        ],
      ],
    );
    expect(calendarProposal.every((r) => r.Подтверждено === '')).toBe(true);
    expect(beforeConfirm).toEqual([]);
    // Approved after the old programme's end: neither planned nor completed on the old dates.
    expect(newPairs.find((p) => p['ID пары'] === 'P4')?.Состояние).toBe('утверждена');
    const july = of(CURATOR).filter((l) => l.subject.includes('сводка') && l.day > END_DAY);
    expect(july).toHaveLength(1);
    expect(july[0].text).toContain(
      'Календарь 2027-2028 предложен и ждёт подтверждения: проверьте лист «Календарь нового года» и выберите в меню «Подтвердить календарь нового года». До тех пор планы встреч новых пар не составляются (пар и групп без плана встреч: 1).',
    );
  });

  it('plans the new year’s pair once the curator confirms the calendar: from September to the end of the next programme', () => {
    const settings = new Map(
      (seed.run('readSheet', 'Настройки') as Row[]).map((r) => [String(r.Параметр), r.Значение]),
    );
    expect(dayOf(settings.get('Программа: дата окончания') as string)).toBe('2028-06-10');
    expect(String(settings.get('Каникулы и праздники'))).toContain('27.12.2027–09.01.2028');
    const confirmed = journal.find((r) => r.Событие === 'Календарь 2027-2028 подтверждён');
    expect(String(confirmed?.Подробности)).toContain('Программа: дата окончания: было «');
    expect(String(confirmed?.Подробности)).toContain(`Каникулы и праздники: было «${DEFAULT_HOLIDAYS}»`);
    const dates = nextYear.map(isoOf);
    expect(nextYear.length).toBeGreaterThan(10);
    expect(dates[0]).toBe('2027-09-01');
    expect(dates[dates.length - 1]).toBe('2028-06-09');
  });

  it('proposes the best mentor from the data, and the year-end report names her once the curator confirmed', () => {
    expect(proposals.map((r) => [r['Учебный год'], r.Предложение, r.Код, r.Кто, r.Подтверждаю])).toEqual([
      ['2026-2027', 'лучший наставник', 'N1', 'Петрова Ирина Петровна', ''],
    ]);
    expect(yearEndReport).toContain('Названы наставники, которых куратор подтвердил из предложенных');
    expect(yearEndReport).toContain('Петрова Ирина Петровна');
    expect(yearEndReport).not.toContain('Орлова');
  });

  it('lists the themes of the free-text answers without names, in Мониторинг and in the year-end report', () => {
    const rows = seed.run('readSheet', 'Мониторинг 2026-2027') as Row[];
    const section = (name: string) =>
      rows.filter((r) => r.Раздел === name).map((r) => [r.Показатель, r.Значение]);
    expect(section('Свободные ответы: частые темы')).toEqual([
      ['Ответов со свободным текстом', 2],
      ['олимпиаде (удовлетворённость — 2)', 2],
      ['подготовка (удовлетворённость — 2)', 2],
    ]);
    expect(section('Свободные ответы: Удовлетворённость').sort()).toEqual([
      ['Подготовка к олимпиаде и разбор задач', 1],
      ['Подготовка к олимпиаде; … … всегда помогала', 1],
    ]);
    expect(yearEndReport).toContain('Подготовка к олимпиаде; … … всегда помогала');
    expect(yearEndReport).not.toContain('Ирина Петровна всегда');
  });

  it('invites the long-term mentor base to the new year with the mentor questionnaire prefilled', () => {
    const invitations = all.filter(
      (l) => l.subject === 'Приглашаем вас наставником в 2027-2028 учебном году',
    );
    expect(invitations.map((l) => l.to).sort()).toEqual(['orlova@school.test', 'petrova@school.test']);
    const link = /https:\/\/docs\.google\.com\/forms\/\S+/.exec(
      invitations.find((l) => l.to === 'petrova@school.test')?.text ?? '',
    )?.[0];
    expect(link).toMatch(/viewform\?usp=pp_url&entry\.\d+=petrova%40school\.test/);
    expect(decodeURIComponent(link ?? '')).toContain('=Петрова&');
    expect(decodeURIComponent(link ?? '')).toContain('=Ирина&');
  });

  it('sends every letter once: the outbox matches the send log', () => {
    const sent = (seed.run('readSheet', 'Почта') as Row[]).filter((r) => r.Состояние === 'отправлено');
    expect(all).toHaveLength(sent.length);
    const keys = new Set(all.map((l) => `${l.to}|${l.subject}|${l.day}`));
    expect(keys.size).toBe(all.length);
  });
});
