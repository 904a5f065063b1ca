// Stage «Организация работы наставнических пар/групп»: the clock runs from the approval of pairs to
// mid-June. The daily trigger plans meetings, reminds, nudges, invites to the December, March and
// June surveys and writes the curator's weekly digest; most mentors mark meetings held from the link
// in their reminder, some never do, one mentee switches the letters off.
import { BASES } from '../../core/intake/baseRow';
import { MAIL, MAIL_STATES } from '../../core/mail/outbox';
import { PAIRS } from '../../core/matching/pairRow';
import { dayOfSheetDate, type LocalDate, parseLocalDate } from '../../core/meetings/calendar';
import { isYes, MEETINGS } from '../../core/meetings/meetingRow';
import { columnIndex } from '../../core/schema';
import { SHEETS } from '../../core/sheets';
import type { CellValue } from '../../core/table';
import type { LocalWorkspace } from '../../local';
import type { DemoStage } from './stages';
import { answerSurveys, type Respondent } from './surveyAnswers';

const EARLY_REASONS = ['наставляемый перевёлся в другую школу', 'наставник ушёл в декретный отпуск'];

/**
 * The curator marks two approved pairs «завершена досрочно» and writes the reason beside. Which pairs
 * goes by the mentee's place in «Наставляемые», so both data modes end the same pairs.
 */
function endPairsEarly(ws: LocalWorkspace): string[] {
  const p = (key: keyof typeof PAIRS.columns) => columnIndex(PAIRS, key);
  const menteeId = columnIndex(BASES.mentee, 'id');
  const place = new Map(ws.sheetRows(BASES.mentee.name).map((r, i) => [String(r[menteeId]), i]));
  const candidates = ws
    .sheetRows(SHEETS.pairs)
    .map((row, i) => ({ row, i, place: place.get(String(row[p('menteeId')])) ?? -1 }))
    .filter((c) => String(c.row[p('state')]) === 'утверждена' && c.place % 7 === 3)
    .sort((a, b) => a.place - b.place)
    .slice(0, EARLY_REASONS.length);
  return candidates.map(({ row, i }, n) => {
    const reason = EARLY_REASONS[n] ?? '';
    ws.edit(SHEETS.pairs, `${columnLetter(p('state'))}${i + 2}`, 'завершена досрочно');
    ws.edit(SHEETS.pairs, `${columnLetter(p('endReason'))}${i + 2}`, reason);
    return `${String(row[p('id')])}: ${reason}`;
  });
}

function dayOf(v: unknown): LocalDate | undefined {
  if (v instanceof Date) return dayOfSheetDate(v);
  return parseLocalDate(String(v ?? ''));
}

const LINK_MARKS_PER_MONTH = 5;

function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/**
 * Three mentors in four mark their meetings; the choice is stable for a mentor. It goes by the
 * mentor's place in «Наставники», not the ID, so the same people are diligent whether the ID is
 * «НС-0001» or a register code.
 */
function diligentMentors(ws: LocalWorkspace): Set<string> {
  const id = columnIndex(BASES.mentor, 'id');
  const out = new Set<string>();
  ws.sheetRows(BASES.mentor.name).forEach((row, place) => {
    let h = 0;
    for (const c of `наставник ${place + 1}`) h = (h * 31 + c.charCodeAt(0)) >>> 0;
    if (h % 4 !== 0) out.add(String(row[id]));
  });
  return out;
}

export const meetingsStage: DemoStage = {
  title: 'Организация работы наставнических пар и групп',
  async run({ ws, school, dir, advanceTo, progress, pseudonymous }) {
    const delivery = pseudonymous && {
      delivered: (state: string, key: string) =>
        state === MAIL_STATES.awaitingRegister && pseudonymous.delivered(key),
      resolve: pseudonymous.resolve,
      secretOf: pseudonymous.secretOf,
    };
    const registerLines: string[] = [];
    const year = school.yearStart.getUTCFullYear();
    const m = (key: keyof typeof MEETINGS.columns) => columnIndex(MEETINGS, key);
    const mail = (key: keyof typeof MAIL.columns) => columnIndex(MAIL, key);
    let optedOut = '';
    let marked = 0;
    let plansOrder = '';
    const answered = new Set<string>();
    let answers = 0;
    let late = 0;
    const people = new Map<string, Respondent>();
    const ended: string[] = [];
    for (let month = 10; month <= 17; month++) {
      const step = new Date(
        Date.UTC(year + Math.floor(month / 12), month % 12, month === 17 ? 15 : 1, 12, 0),
      );
      if (step.getTime() <= ws.now().getTime()) continue;
      progress(`часы идут: ${step.toISOString().slice(0, 10)}`);
      advanceTo(step);
      // The school's register runs every day; here once a month, before people read their letters.
      if (pseudonymous) registerLines.splice(0, registerLines.length, ...(await pseudonymous.daily()));
      const today = step.toISOString().slice(0, 10);
      const sheet = ws.sheetRows(SHEETS.meetings);
      const diligent = diligentMentors(ws);
      const heldColumn = columnLetter(m('held'));
      let byLink = 0;
      sheet.forEach((row, i) => {
        const date = dayOf(row[m('date')]);
        if (!date || date > today || isYes(row[m('held')] as CellValue)) return;
        if (!diligent.has(String(row[m('mentorId')]))) return;
        // A few mentors a month use the link from their reminder (one script run each); the rest
        // tick «Проведена» in the sheet, which needs no run at all.
        // A link older than its window is refused: that mentor ticks the sheet instead.
        if (byLink < LINK_MARKS_PER_MONTH) {
          byLink++;
          const page = ws.runAs('anonymous', 'doGet', {
            parameter: { a: 'held', t: String(row[m('token')]), confirm: '1', note: 'работали по плану' },
          }) as { getContent(): string };
          if (page.getContent().includes('отмечена проведённой')) {
            marked++;
            return;
          }
        }
        ws.edit(SHEETS.meetings, `${heldColumn}${i + 2}`, 'да');
      });
      // Once the plans are due (the pairs order gave until late October), the curator makes the
      // order approving them with «Сформировать документы».
      if (month === 10) {
        const report = ws.run('generateDocumentsForApprovedPairs') as { order?: string; made: number };
        const orders = ws.sheetRows(SHEETS.orders);
        const last = orders[orders.length - 1];
        plansOrder = report.made > 0 && last ? `приказ № ${String(last[2])} «${String(last[4])}»` : '';
      }
      if (people.size === 0) {
        for (const role of ['mentor', 'mentee'] as const)
          for (const r of ws.sheetRows(BASES[role].name))
            people.set(String(r[columnIndex(BASES[role], 'id')]), {
              role: role === 'mentor' ? 'наставник' : 'наставляемый',
              student: String(r[columnIndex(BASES[role], 'category')]) === 'ученик',
            });
      }
      const round = answerSurveys(ws, dir, answered, people, delivery || undefined);
      answers += round.answered;
      late += round.late;
      // In February the curator ends two pairs early and says why.
      if (month === 13) ended.push(...endPairsEarly(ws));
      if (!optedOut) {
        // The first mentee in «Наставляемые» who has had a reminder: the same person in both data modes.
        const menteeId = columnIndex(BASES.mentee, 'id');
        const place = new Map(ws.sheetRows(BASES.mentee.name).map((r, i) => [String(r[menteeId]), i]));
        const placeOf = (r: readonly unknown[]) =>
          place.get(String(r[mail('participantId')])) ?? Number.MAX_SAFE_INTEGER;
        const letter = ws
          .sheetRows(SHEETS.mail)
          .filter((r) => String(r[mail('kind')]).includes('наставляемому') && String(r[mail('token')]) !== '')
          .sort((a, b) => placeOf(a) - placeOf(b))[0];
        if (letter) {
          ws.runAs('anonymous', 'doGet', {
            parameter: { a: 'optout', t: String(letter[mail('token')]), confirm: '1' },
          });
          optedOut = String(letter[mail('to')]);
        }
      }
    }
    const meetings = ws.sheetRows(SHEETS.meetings);
    const plans = new Set(meetings.map((r) => String(r[m('planId')])));
    const held = meetings.filter((r) => isYes(r[m('held')] as CellValue)).length;
    const rows = ws.sheetRows(SHEETS.mail);
    const count = (state: string) => rows.filter((r) => String(r[mail('state')]) === state).length;
    const byKind = new Map<string, number>();
    for (const r of rows) {
      if (String(r[mail('state')]) !== MAIL_STATES.sent) continue;
      const kind = String(r[mail('kind')]);
      byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
    }
    return [
      `«Сформировать документы» в ноябре: ${plansOrder || 'новых документов нет'}`,
      `Планы встреч: ${plans.size} (по одному на пару или группу), встреч ${meetings.length}; отмечено проведёнными ${held} (из них по ссылке из письма ${marked})`,
      `Почта: отправлено ${count(MAIL_STATES.sent)}, в очереди ${count(MAIL_STATES.queued)}, отказ от рассылки ${count(MAIL_STATES.optedOut)}, не подтверждено ${count(MAIL_STATES.unconfirmed)}, ошибок ${count(MAIL_STATES.failed)}`,
      ...[...byKind].sort((a, b) => b[1] - a[1]).map(([kind, n]) => `  ${kind}: ${n}`),
      optedOut
        ? `Отказался от рассылки по ссылке из письма: ${optedOut} (записано в Журнал)`
        : 'Отказов от рассылки нет',
      `Ответов на опросы по ссылкам из писем: ${answers} (после напоминания — ${late})`,
      ...ended.map((e) => `Досрочно завершена пара ${e}`),
      ...registerLines,
    ];
  },
};
