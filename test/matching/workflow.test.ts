// The curator's matching workflow on the real bundle in the offline workspace: «Подобрать пары»,
// lock and reject (as the sidebar does), re-run, «Утвердить пары».
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PAIRS_HEADERS, UNMATCHED_HEADERS, UNMATCHED_SHEET } from '../../src/core/matching/pairRow';
import { SHEETS } from '../../src/core/sheets';
import { LocalWorkspace } from '../../src/local';
import { smallSchool, table } from './school';

const work = mkdtempSync(join(tmpdir(), 'nastavnik-matching-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('matching workflow in the offline workspace', () => {
  it('proposes, keeps the curator’s lock and rejection on a re-run, approves with a date', async () => {
    const dir = join(work, 'school');
    const { mentorA, mentorB, x, y, z, noConsent } = await smallSchool(dir);
    const opened = await LocalWorkspace.open(dir);
    opened.run('proposePairs');
    let pairs = table(opened, SHEETS.pairs, PAIRS_HEADERS);
    expect(pairs.map((p) => [p['Код наставника'], p['Код наставляемого'], p['Состояние']])).toEqual([
      [mentorA.id, x.id, 'предложена'],
      [mentorA.id, z.id, 'предложена'],
      [mentorB.id, y.id, 'предложена'],
    ]);
    expect(pairs[0]['Почему эта пара']).toContain('запрос совпадает с компетенциями: 1 из 1 (+40)');
    expect((opened.lastRun?.ui ?? []).some((u) => JSON.stringify(u).includes('Предложено пар: 3'))).toBe(
      true,
    );
    let unmatched = table(opened, UNMATCHED_SHEET, UNMATCHED_HEADERS);
    expect(unmatched.map((u) => [u.Роль, u['Код участника'], u['Причина']])).toEqual([
      ['наставляемый', noConsent.id, 'нет согласия на обработку данных'],
    ]);

    // The curator locks A–x and rejects A–z (the sidebar's buttons call setPairState), then re-runs.
    opened.run('setPairState', `${mentorA.id}/${x.id}`, 'locked');
    opened.run('setPairState', `${mentorA.id}/${z.id}`, 'rejected');
    expect(() => opened.run('setPairState', `${mentorA.id}/${x.id}`, 'approved')).toThrow(
      /Изменение не принято/,
    );
    opened.run('rerunMatching');
    pairs = table(opened, SHEETS.pairs, PAIRS_HEADERS);
    const byId = new Map(pairs.map((p) => [p['ID пары'], p]));
    expect(byId.get(`${mentorA.id}/${x.id}`)?.['Состояние']).toBe('закреплена');
    expect(byId.get(`${mentorA.id}/${z.id}`)?.['Состояние']).toBe('отклонена');
    // A has one place left and z may not go to A any more: y moves to A so that z gets B.
    expect(byId.get(`${mentorA.id}/${y.id}`)?.['Состояние']).toBe('предложена');
    expect(byId.get(`${mentorB.id}/${z.id}`)?.['Состояние']).toBe('предложена');
    expect(pairs).toHaveLength(4);
    unmatched = table(opened, UNMATCHED_SHEET, UNMATCHED_HEADERS);
    expect(unmatched.map((u) => u['Код участника'])).toEqual([noConsent.id]);

    const review = opened.run('pairsReviewData') as { groups: Array<{ mentorId: string; pairs: unknown[] }> };
    expect(review.groups.map((g) => [g.mentorId, g.pairs.length])).toEqual([
      [mentorA.id, 3],
      [mentorB.id, 1],
    ]);

    opened.run('approvePairs');
    pairs = table(opened, SHEETS.pairs, PAIRS_HEADERS);
    const approved = pairs.filter((p) => p['Состояние'] === 'утверждена');
    expect(approved.map((p) => p['ID пары']).sort()).toEqual(
      [`${mentorA.id}/${x.id}`, `${mentorA.id}/${y.id}`, `${mentorB.id}/${z.id}`].sort(),
    );
    for (const p of approved)
      expect(Object.prototype.toString.call(p['Дата утверждения'])).toBe('[object Date]');
    expect(pairs.find((p) => p['ID пары'] === `${mentorA.id}/${z.id}`)?.['Состояние']).toBe('отклонена');
  });
});
