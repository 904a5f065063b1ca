// Solver time on the sizes the programme must carry: a school, a dense 2,000 × 400 case, a district.
import { type MatchingInstance, solveMatching } from '../src/core/matching/solver';
import { stableMatching } from '../src/core/matching/stable';
import type { BenchSuite } from './index';

/** xorshift32: the same instance on every run. */
function random(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 4294967296;
  };
}

interface Case {
  title: string;
  mentees: number;
  mentors: number;
  capacity: (r: () => number) => number;
  /** Allowed mentors per mentee; `mentors` means every pair is allowed. */
  perMentee: number;
}

function generate(c: Case, seed: number): MatchingInstance {
  const r = random(seed);
  const capacity = Array.from({ length: c.mentors }, () => c.capacity(r));
  const edges = c.mentees * c.perMentee;
  const edgeMentor = new Int32Array(edges);
  const edgeMentee = new Int32Array(edges);
  const edgeWeight = new Int32Array(edges);
  const chosen = new Int32Array(c.mentors).fill(-1);
  let k = 0;
  for (let i = 0; i < c.mentees; i++) {
    let taken = 0;
    while (taken < c.perMentee) {
      const j = c.perMentee >= c.mentors ? taken : Math.floor(r() * c.mentors);
      if (chosen[j] === i) continue;
      chosen[j] = i;
      edgeMentor[k] = j;
      edgeMentee[k] = i;
      // Scores like the compatibility module's: a few terms of 0–30 points each.
      edgeWeight[k] =
        Math.floor(r() * 31) + Math.floor(r() * 31) + Math.floor(r() * 21) + Math.floor(r() * 21);
      k++;
      taken++;
    }
  }
  return { mentorCount: c.mentors, menteeCount: c.mentees, capacity, edgeMentor, edgeMentee, edgeWeight };
}

const CASES: Case[] = [
  {
    title: 'школа: 300 наставляемых × 40 наставников',
    mentees: 300,
    mentors: 40,
    capacity: (r) => 1 + Math.floor(r() * 10),
    perMentee: 40,
  },
  {
    title: 'плотный: 2 000 × 400, ёмкость 5, все пары допустимы',
    mentees: 2000,
    mentors: 400,
    capacity: () => 5,
    perMentee: 400,
  },
  {
    title: 'район: 20 000 × 4 000, ёмкость 5, ~50 наставников на каждого',
    mentees: 20000,
    mentors: 4000,
    capacity: () => 5,
    perMentee: 50,
  },
];

/** Wall time and CPU time of `work`: other processes on the machine inflate the first only. */
function timed<T>(work: () => T): { value: T; text: string } {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  const value = work();
  const used = process.cpuUsage(cpu);
  const ms = (x: number) => `${Math.round(x).toLocaleString('ru-RU')} мс`;
  return { value, text: `${ms(performance.now() - wall)} (ЦП ${ms((used.user + used.system) / 1000)})` };
}

export const matchingBench: BenchSuite = {
  name: 'Подбор пар (точный решатель)',
  run: async () => {
    for (const c of CASES) {
      const inst = generate(c, 20261125);
      const edges = inst.edgeMentor.length.toLocaleString('ru-RU');
      const best = timed(() => solveMatching(inst));
      const stable = timed(() => stableMatching(inst, { menteeRanking: [], mentorRanking: [] }));
      console.log(
        `  ${c.title} (${edges} рёбер): оптимум ${best.text} — в паре ${best.value.matched}, ` +
          `сумма баллов ${best.value.totalWeight}; устойчивый ${stable.text} — в паре ${stable.value.matched}, ` +
          `сумма ${stable.value.totalWeight}`,
      );
    }
  },
};
