import fc from 'fast-check';
import { type MatchingInstance, type MatchingResult, solveMatching } from '../../src/core/matching/solver';
import { type StablePreferences, stableMatching } from '../../src/core/matching/stable';

interface Small {
  capacity: number[];
  menteeCount: number;
  edges: Array<[number, number, number]>; // mentor, mentee, weight
}

const toInstance = (s: Small): MatchingInstance => ({
  mentorCount: s.capacity.length,
  menteeCount: s.menteeCount,
  capacity: s.capacity,
  edgeMentor: s.edges.map((e) => e[0]),
  edgeMentee: s.edges.map((e) => e[1]),
  edgeWeight: s.edges.map((e) => e[2]),
});

const smallInstance = (maxMentors: number, maxMentees: number, maxWeight: number) =>
  fc
    .record({
      capacity: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: maxMentors }),
      menteeCount: fc.integer({ min: 1, max: maxMentees }),
    })
    .chain(({ capacity, menteeCount }) =>
      fc
        .uniqueArray(
          fc.tuple(
            fc.integer({ min: 0, max: capacity.length - 1 }),
            fc.integer({ min: 0, max: menteeCount - 1 }),
            fc.integer({ min: 0, max: maxWeight }),
          ),
          { selector: (e) => `${e[0]}:${e[1]}`, maxLength: capacity.length * menteeCount },
        )
        .map((edges): Small => ({ capacity, menteeCount, edges })),
    );

/** Every assignment of mentees to an allowed mentor or none; the best (matched, weight). */
function exhaustive(s: Small): { matched: number; totalWeight: number } {
  const options: Array<Array<[number, number]>> = Array.from({ length: s.menteeCount }, () => []);
  for (const [j, i, w] of s.edges) options[i].push([j, w]);
  const load = s.capacity.map(() => 0);
  let best = { matched: 0, totalWeight: 0 };
  const visit = (i: number, matched: number, weight: number) => {
    if (i === s.menteeCount) {
      if (matched > best.matched || (matched === best.matched && weight > best.totalWeight))
        best = { matched, totalWeight: weight };
      return;
    }
    visit(i + 1, matched, weight);
    for (const [j, w] of options[i]) {
      if (load[j] >= s.capacity[j]) continue;
      load[j]++;
      visit(i + 1, matched + 1, weight + w);
      load[j]--;
    }
  };
  visit(0, 0, 0);
  return best;
}

/** The result only uses allowed pairs, respects capacities and reports its own totals truthfully. */
function expectFeasible(inst: MatchingInstance, res: MatchingResult) {
  const load = new Array(inst.mentorCount).fill(0);
  let matched = 0;
  let weight = 0;
  for (let i = 0; i < inst.menteeCount; i++) {
    const j = res.mentorOf[i];
    if (j < 0) continue;
    const k = res.edgeOf[i];
    expect(inst.edgeMentor[k]).toBe(j);
    expect(inst.edgeMentee[k]).toBe(i);
    load[j]++;
    matched++;
    weight += inst.edgeWeight[k];
  }
  load.forEach((l, j) => {
    expect(l).toBeLessThanOrEqual(inst.capacity[j]);
  });
  expect(res.matched).toBe(matched);
  expect(res.totalWeight).toBe(weight);
}

describe('optimal matching', () => {
  it('equals exhaustive search on random small instances', () => {
    fc.assert(
      fc.property(smallInstance(4, 7, 20), (s) => {
        const inst = toInstance(s);
        const res = solveMatching(inst);
        expectFeasible(inst, res);
        const best = exhaustive(s);
        expect({ matched: res.matched, totalWeight: res.totalWeight }).toEqual(best);
      }),
      { numRuns: 600, seed: 20261125 },
    );
  });

  it('prefers one more matched mentee to a higher score', () => {
    // Mentor 0 is the only option for mentee 1; the score-greedy choice would leave mentee 1 alone.
    const res = solveMatching(
      toInstance({
        capacity: [1, 1],
        menteeCount: 2,
        edges: [
          [0, 0, 100],
          [1, 0, 1],
          [0, 1, 0],
        ],
      }),
    );
    expect(Array.from(res.mentorOf)).toEqual([1, 0]);
    expect(res.totalWeight).toBe(1);
  });

  it('fills a mentor group up to its capacity and no further', () => {
    const edges: Array<[number, number, number]> = [0, 1, 2, 3].map((i) => [0, i, 10]);
    const res = solveMatching(toInstance({ capacity: [3], menteeCount: 4, edges }));
    expect(res.matched).toBe(3);
  });

  it('gives the same answer for the same input, including ties', () => {
    fc.assert(
      fc.property(smallInstance(5, 12, 2), (s) => {
        const a = solveMatching(toInstance(s));
        const b = solveMatching(toInstance(JSON.parse(JSON.stringify(s)) as Small));
        expect(Array.from(b.mentorOf)).toEqual(Array.from(a.mentorOf));
      }),
      { numRuns: 100, seed: 7 },
    );
  });

  it('is exact on larger instances where greedy is not', () => {
    // A chain where each mentee's best mentor is the next mentee's only mentor: greedy gets half.
    const size = 300;
    const edges: Array<[number, number, number]> = [];
    for (let i = 0; i < size; i++) {
      edges.push([i, i, 1]);
      if (i + 1 < size) edges.push([i + 1, i, 5]);
    }
    const res = solveMatching(toInstance({ capacity: new Array(size).fill(1), menteeCount: size, edges }));
    expect(res.matched).toBe(size);
    expect(res.totalWeight).toBe(size);
  });

  it('rejects negative or fractional weights with a Russian message', () => {
    const bad = toInstance({ capacity: [1], menteeCount: 1, edges: [[0, 0, 1.5]] });
    expect(() => solveMatching(bad)).toThrow(/целым числом/);
  });
});

/** An independent oracle: strict orders built naively, then every allowed pair checked. */
function blockingPairs(inst: MatchingInstance, prefs: StablePreferences, res: MatchingResult): string[] {
  const weightOf = new Map<string, number>();
  for (let k = inst.edgeMentor.length - 1; k >= 0; k--)
    weightOf.set(`${inst.edgeMentor[k]}:${inst.edgeMentee[k]}`, inst.edgeWeight[k]);
  const firstEdge = new Map<string, number>();
  for (let k = 0; k < inst.edgeMentor.length; k++) {
    const key = `${inst.edgeMentor[k]}:${inst.edgeMentee[k]}`;
    if (!firstEdge.has(key)) firstEdge.set(key, k);
  }
  // Smaller is better: [ranked ? 0 : 1, rank or −weight, edge index].
  const menteeKey = (i: number, j: number) => {
    const r = (prefs.menteeRanking[i] ?? []).indexOf(j);
    const k = firstEdge.get(`${j}:${i}`)!;
    return r >= 0 ? [0, r, k] : [1, -weightOf.get(`${j}:${i}`)!, k];
  };
  const mentorKey = (j: number, i: number) => {
    const r = (prefs.mentorRanking[j] ?? []).indexOf(i);
    const k = firstEdge.get(`${j}:${i}`)!;
    return r >= 0 ? [0, r, k] : [1, -weightOf.get(`${j}:${i}`)!, k];
  };
  const better = (a: number[], b: number[]) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
  const out: string[] = [];
  for (const key of firstEdge.keys()) {
    const [j, i] = key.split(':').map(Number);
    const cur = res.mentorOf[i];
    if (cur === j) continue;
    if (cur >= 0 && better(menteeKey(i, j), menteeKey(i, cur)) >= 0) continue;
    const group: number[] = [];
    for (let x = 0; x < inst.menteeCount; x++) if (res.mentorOf[x] === j) group.push(x);
    const room = group.length < inst.capacity[j];
    if (room || group.some((x) => better(mentorKey(j, i), mentorKey(j, x)) < 0)) out.push(key);
  }
  return out;
}

describe('stable matching', () => {
  const withPrefs = smallInstance(5, 9, 10).chain((s) =>
    fc
      .record({
        mentee: fc.array(fc.array(fc.integer({ min: 0, max: s.capacity.length - 1 }), { maxLength: 4 }), {
          minLength: s.menteeCount,
          maxLength: s.menteeCount,
        }),
        mentor: fc.array(fc.array(fc.integer({ min: 0, max: s.menteeCount - 1 }), { maxLength: 5 }), {
          minLength: s.capacity.length,
          maxLength: s.capacity.length,
        }),
      })
      .map((p) => ({
        s,
        prefs: {
          menteeRanking: p.mentee.map((l) => [...new Set(l)]),
          mentorRanking: p.mentor.map((l) => [...new Set(l)]),
        },
      })),
  );

  it('has no blocking pair and respects capacities', () => {
    fc.assert(
      fc.property(withPrefs, ({ s, prefs }) => {
        const inst = toInstance(s);
        const res = stableMatching(inst, prefs);
        expectFeasible(inst, res);
        expect(blockingPairs(inst, prefs, res)).toEqual([]);
      }),
      { numRuns: 600, seed: 11 },
    );
  });

  it('gives each mentee the first choice when mentors have room', () => {
    const inst = toInstance({
      capacity: [2, 2],
      menteeCount: 2,
      edges: [
        [0, 0, 9],
        [1, 0, 1],
        [0, 1, 9],
        [1, 1, 1],
      ],
    });
    const res = stableMatching(inst, { menteeRanking: [[1], [0]], mentorRanking: [[], []] });
    expect(Array.from(res.mentorOf)).toEqual([1, 0]);
  });

  it('lets a full mentor keep the mentee it ranked higher', () => {
    const inst = toInstance({
      capacity: [1],
      menteeCount: 2,
      edges: [
        [0, 0, 50],
        [0, 1, 0],
      ],
    });
    const res = stableMatching(inst, { menteeRanking: [[0], [0]], mentorRanking: [[1, 0]] });
    expect(Array.from(res.mentorOf)).toEqual([-1, 0]);
  });
});
