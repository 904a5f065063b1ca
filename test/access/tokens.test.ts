// Attack: web-link tokens never expired and a «held» link worked again and again, overwriting the
// note. Now a link works only while it is needed and only once, and an erased person's links do nothing.

import { SEED_SCRIPT } from '../../bench/schools/seedScript';
import { dayOfSheetDate } from '../../src/core/meetings/calendar';
import { LocalWorkspace } from '../../src/local';
import { copyOf, schoolBeforeDecember } from '../meetings/fixtures';

type Row = Record<string, unknown>;

function dayOf(cell: unknown): string {
  const d = String(cell);
  if (/^\d\d\.\d\d\.\d{4}$/.test(d)) return `${d.slice(6)}-${d.slice(3, 5)}-${d.slice(0, 2)}`;
  return dayOfSheetDate(new Date(d));
}

async function school() {
  const { dir: prepared } = await schoolBeforeDecember(1);
  const { dir, ws } = await copyOf(prepared);
  ws.advanceClock('1d');
  const seed = await LocalWorkspace.open(dir, { code: SEED_SCRIPT });
  const sheet = (name: string) => seed.run('readSheet', name) as Row[];
  /** What a visitor without a Google session sees at a link, as text. */
  const visit = (parameter: Record<string, string>) =>
    (ws.runAs('anonymous', 'doGet', { parameter }) as { getContent(): string })
      .getContent()
      .replace(/<[^>]*>/g, ' ');
  const today = () => ws.now().toISOString().slice(0, 10);
  /** Moves the clock to 09:00 UTC of `day`, firing the daily runs on the way. */
  const goTo = (day: string) => {
    const target = Date.parse(`${day}T09:00:00Z`);
    if (target > ws.now().getTime()) ws.advanceClock(target - ws.now().getTime());
  };
  return { ws, sheet, visit, today, goTo };
}

describe('attack «tokens never expire, «held» works again and again»', () => {
  it('«held» is refused before the meeting, set once on its day, and the second click changes nothing', async () => {
    const { sheet, visit, goTo } = await school();
    const [first] = sheet('Встречи').filter((m) => m['Код наставника'] === 'N001');
    const t = String(first.Токен);
    const day = dayOf(first.Дата);

    expect(visit({ a: 'held', t })).toContain('отметить её можно в этот день или позже');
    expect(visit({ a: 'held', t, confirm: '1', note: 'заранее' })).toContain('отметить её можно');
    expect(sheet('Встречи').find((m) => m.Токен === t)?.Проведена).not.toBe(true);

    goTo(day);
    expect(visit({ a: 'held', t })).toContain('Встреча проведена');
    expect(visit({ a: 'held', t, confirm: '1', note: 'обсудили цели' })).toContain('отмечена проведённой');
    expect(visit({ a: 'held', t, confirm: '1', note: 'перезаписать' })).toContain('уже отмечена');
    const row = sheet('Встречи').find((m) => m.Токен === t);
    expect(row).toMatchObject({ Проведена: true, Заметка: 'обсудили цели' });
  }, 300_000);

  it('a «held» link stops a month after the meeting; a made-up token does nothing', async () => {
    const { sheet, visit, goTo } = await school();
    const [first] = sheet('Встречи').filter((m) => m['Код наставника'] === 'N001');
    const t = String(first.Токен);
    const day = new Date(`${dayOf(first.Дата)}T00:00:00Z`);
    goTo(new Date(day.getTime() + 31 * 86_400_000).toISOString().slice(0, 10));
    expect(visit({ a: 'held', t, confirm: '1', note: 'поздно' })).toContain('Срок ссылки истёк');
    expect(visit({ a: 'held', t: '0123456789abcdef01234567' })).toMatch(/нет доступа/);
    expect(visit({ a: 'move', t: '0123456789abcdef01234567' })).toMatch(/нет доступа/);
    expect(sheet('Встречи').find((m) => m.Токен === t)?.Проведена).not.toBe(true);
  }, 300_000);

  it('opt-out and move links stop after the programme', async () => {
    const { ws, sheet, visit } = await school();
    const letter = sheet('Почта').find((r) => r.Кому === 'u001a@school.test' && r.Токен);
    const optOut = String(letter?.Токен);
    const [meeting] = sheet('Встречи');
    // The default programme ends on 10.06.2027; a month later the links are closed.
    const end = Date.parse('2027-07-15T09:00:00Z');
    ws.advanceClock(end - ws.now().getTime());
    expect(visit({ a: 'optout', t: optOut, confirm: '1' })).toContain('срок ссылки истёк');
    expect(visit({ a: 'move', t: String(meeting.Токен) })).toMatch(/срок ссылки истёк|уже проведена/);
    expect(sheet('Наставляемые').find((r) => r.ID === 'U001a')?.['Без рассылок']).not.toBe('да');
  }, 600_000);

  it('links of an erased person do nothing', async () => {
    const { ws, sheet, visit } = await school();
    const optOut = String(sheet('Почта').find((r) => r.Кому === 'u001a@school.test' && r.Токен)?.Токен);
    const held = String(sheet('Встречи').find((m) => m['Код наставника'] === 'N001')?.Токен);
    expect(String(ws.run('withdrawConsent', 'U001a'))).toContain('персональные данные удалены');
    expect(String(ws.run('withdrawConsent', 'N001'))).toContain('персональные данные удалены');
    expect(visit({ a: 'optout', t: optOut, confirm: '1' })).toMatch(/нет доступа/);
    expect(visit({ a: 'held', t: held })).toMatch(/нет доступа/);
    const rows = sheet('Встречи');
    expect(rows.every((m) => m.Токен === '')).toBe(true);
    expect(JSON.stringify(rows)).not.toMatch(/Наставник001|Ученик001a/);
  }, 300_000);
});
