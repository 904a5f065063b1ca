// The pure rules behind the boundaries: when a link works, and on which day a letter to an
// unconfirmed address may go.
import { unverifiedDays } from '../../src/core/mail/outbox';
import { heldLinkProblem, moveLinkProblem, optOutLinkOpen } from '../../src/core/meetings/linkValidity';

describe('links in meeting letters', () => {
  const meeting = { date: '2027-01-20', held: false };

  it('«held» works from the meeting day for 30 days, once', () => {
    expect(heldLinkProblem(meeting, '2027-01-19')).toMatch(/отметить её можно в этот день или позже/);
    expect(heldLinkProblem(meeting, '2027-01-20')).toBeUndefined();
    expect(heldLinkProblem(meeting, '2027-02-19')).toBeUndefined();
    expect(heldLinkProblem(meeting, '2027-02-20')).toMatch(/Срок ссылки истёк/);
    expect(heldLinkProblem({ ...meeting, held: true }, '2027-01-21')).toMatch(/уже отмечена/);
    expect(heldLinkProblem({ held: false }, '2027-01-21')).toMatch(/не читается/);
  });

  it('move and opt-out links close after the programme', () => {
    expect(moveLinkProblem(meeting, '2027-06-10', '2027-06-10')).toBeUndefined();
    expect(moveLinkProblem(meeting, '2027-06-11', '2027-06-10')).toMatch(/срок ссылки истёк/);
    expect(moveLinkProblem({ held: true }, '2027-01-21', '2027-06-10')).toMatch(/уже проведена/);
    expect(optOutLinkOpen('2027-07-10', '2027-06-10')).toBe(true);
    expect(optOutLinkOpen('2027-07-11', '2027-06-10')).toBe(false);
  });
});

describe('letters to unconfirmed addresses', () => {
  it('one a day per address, the limit a day in all, booked days counted', () => {
    expect(unverifiedDays([], ['a@x.ru', 'A@x.ru ', 'b@x.ru'], '2026-09-15', 40)).toEqual([
      '2026-09-15',
      '2026-09-16',
      '2026-09-15',
    ]);
    expect(
      unverifiedDays(
        [
          { to: 'a@x.ru', day: '2026-09-15' },
          { to: 'b@x.ru', day: '2026-09-15' },
          { to: 'old@x.ru', day: '2026-09-01' },
        ],
        ['c@x.ru', 'd@x.ru', 'a@x.ru'],
        '2026-09-15',
        3,
      ),
    ).toEqual(['2026-09-15', '2026-09-16', '2026-09-16']);
  });
});
