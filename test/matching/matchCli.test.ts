import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const bin = join(__dirname, '..', '..', 'bin', 'nastavnik.cjs');
const dir = mkdtempSync(join(tmpdir(), 'nastavnik-match-'));
let counter = 0;

function run(input: unknown, ...args: string[]) {
  const file = join(dir, `input-${counter++}.json`);
  writeFileSync(file, typeof input === 'string' ? input : JSON.stringify(input));
  const res = spawnSync(process.execPath, [bin, 'match', file, ...args], { encoding: 'utf8' });
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}

const valid = {
  mentors: [
    { id: 'A', capacity: 1 },
    { id: 'B', capacity: 2 },
  ],
  mentees: [{ id: 'x' }, { id: 'y' }, { id: 'z' }],
  edges: [
    { mentor: 'A', mentee: 'x', weight: 10 },
    { mentor: 'B', mentee: 'x', weight: 3 },
    { mentor: 'A', mentee: 'y', weight: 4 },
    { mentor: 'B', mentee: 'z', weight: 7 },
  ],
};

describe('nastavnik match', () => {
  it('prints the optimal pairs, the count and the total weight', () => {
    const res = run(valid);
    expect(res.code).toBe(0);
    // x–B and y–A (3 + 4) match all three; x–A (10) would leave y alone.
    expect(JSON.parse(res.stdout)).toEqual({
      pairs: [
        { mentor: 'B', mentee: 'x' },
        { mentor: 'A', mentee: 'y' },
        { mentor: 'B', mentee: 'z' },
      ],
      matched: 3,
      totalWeight: 14,
    });
  });

  it('follows the rankings in stable mode', () => {
    const res = run(
      {
        ...valid,
        preferences: { mentees: { x: ['A', 'B'], y: ['A'] }, mentors: { A: ['x', 'y'] } },
      },
      '--mode',
      'stable',
    );
    expect(res.code).toBe(0);
    // A ranks x first and x wants A: a stable matching must pair them, leaving y without a mentor.
    expect(JSON.parse(res.stdout)).toEqual({
      pairs: [
        { mentor: 'A', mentee: 'x' },
        { mentor: 'B', mentee: 'z' },
      ],
      matched: 2,
      totalWeight: 17,
    });
  });

  it.each([
    ['a fractional weight', { ...valid, edges: [{ mentor: 'A', mentee: 'x', weight: 1.5 }] }, /целым/],
    ['a negative weight', { ...valid, edges: [{ mentor: 'A', mentee: 'x', weight: -1 }] }, /отрицательным/],
    [
      'an unknown mentor',
      { ...valid, edges: [{ mentor: 'C', mentee: 'x', weight: 1 }] },
      /неизвестный наставник «C»/,
    ],
    [
      'an unknown mentee',
      { ...valid, edges: [{ mentor: 'A', mentee: 'q', weight: 1 }] },
      /неизвестный наставляемый «q»/,
    ],
    [
      'a duplicate mentor id',
      { ...valid, mentors: [...valid.mentors, { id: 'A', capacity: 1 }] },
      /«A» повторяется/,
    ],
    ['a duplicate mentee id', { ...valid, mentees: [...valid.mentees, { id: 'x' }] }, /«x» повторяется/],
    ['a missing edges list', { mentors: [], mentees: [] }, /edges/],
    ['text that is not JSON', '{"mentors": [', /не JSON/],
    [
      'weights too large to add up exactly',
      { ...valid, edges: [{ mentor: 'A', mentee: 'x', weight: 2 ** 52 }, ...valid.edges.slice(1)] },
      /слишком велики/,
    ],
  ])('rejects %s with exit code 2 and a Russian message', (_what, input, message) => {
    const res = run(input);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(message);
    expect(res.stdout).toBe('');
  });

  it('rejects an unknown mode', () => {
    const res = run(valid, '--mode', 'greedy');
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/Неизвестный режим «greedy»/);
  });
});
