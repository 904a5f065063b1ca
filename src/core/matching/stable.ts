// Stable mode: mentee-proposing deferred acceptance (Gale–Shapley) with mentor capacities. Used
// when post-meeting rankings exist and the curator prefers «no pair would rather swap» to the
// largest total score. The result is mentee-optimal among stable matchings.
import { checkInstance, type MatchingInstance, type MatchingResult } from './solver';

export interface StablePreferences {
  /** Per mentee: mentor indices, best first (the mentee's post-meeting ranking). */
  menteeRanking: ReadonlyArray<readonly number[]>;
  /** Per mentor: mentee indices, best first (the mentor's post-meeting ranking). */
  mentorRanking: ReadonlyArray<readonly number[]>;
}

/**
 * Strict order of each side over its allowed partners: ranked partners first in ranking order,
 * then the unranked ones by descending weight, then by input order. Only edges are acceptable:
 * a ranked partner without an edge (a hard rule forbids the pair) is ignored.
 */
function orderEdges(
  owner: ArrayLike<number>,
  other: ArrayLike<number>,
  weight: ArrayLike<number>,
  ownerCount: number,
  ranking: ReadonlyArray<readonly number[]>,
): { start: Int32Array; edges: Int32Array } {
  const lists: number[][] = Array.from({ length: ownerCount }, () => []);
  for (let k = 0; k < owner.length; k++) lists[owner[k]].push(k);
  const start = new Int32Array(ownerCount + 1);
  const edges = new Int32Array(owner.length);
  let pos = 0;
  for (let a = 0; a < ownerCount; a++) {
    const rankOf = new Map<number, number>();
    (ranking[a] ?? []).forEach((b, r) => {
      if (!rankOf.has(b)) rankOf.set(b, r);
    });
    const list = lists[a];
    // Duplicate edges of one pair: the first (in input order) represents the pair.
    const firstOf = new Map<number, number>();
    for (const k of list) if (!firstOf.has(other[k])) firstOf.set(other[k], k);
    const unique = list.filter((k) => firstOf.get(other[k]) === k);
    unique.sort((x, y) => {
      const rx = rankOf.get(other[x]);
      const ry = rankOf.get(other[y]);
      if (rx !== undefined || ry !== undefined) {
        if (rx === undefined) return 1;
        if (ry === undefined) return -1;
        if (rx !== ry) return rx - ry;
      }
      if (weight[x] !== weight[y]) return weight[y] - weight[x];
      return x - y;
    });
    start[a] = pos;
    for (const k of unique) edges[pos++] = k;
  }
  start[ownerCount] = pos;
  return { start, edges: edges.slice(0, pos) };
}

export function stableMatching(inst: MatchingInstance, prefs: StablePreferences): MatchingResult {
  checkInstance(inst);
  const n = inst.menteeCount;
  const m = inst.mentorCount;
  const menteeOrder = orderEdges(inst.edgeMentee, inst.edgeMentor, inst.edgeWeight, n, prefs.menteeRanking);
  const mentorOrder = orderEdges(inst.edgeMentor, inst.edgeMentee, inst.edgeWeight, m, prefs.mentorRanking);
  // mentorRankOfEdge[k]: position of edge k's mentee in its mentor's order (lower is better).
  const mentorRankOfEdge = new Int32Array(inst.edgeMentor.length).fill(-1);
  for (let j = 0; j < m; j++)
    for (let p = mentorOrder.start[j]; p < mentorOrder.start[j + 1]; p++)
      mentorRankOfEdge[mentorOrder.edges[p]] = p - mentorOrder.start[j];

  const next = menteeOrder.start.slice(0, n); // next proposal position per mentee
  const held: number[][] = Array.from({ length: m }, () => []); // edges a mentor holds
  const edgeOf = new Int32Array(n).fill(-1);
  const free: number[] = [];
  for (let i = n - 1; i >= 0; i--) free.push(i);
  while (free.length > 0) {
    const i = free.pop()!;
    if (next[i] >= menteeOrder.start[i + 1]) continue;
    const k = menteeOrder.edges[next[i]++];
    const j = inst.edgeMentor[k];
    const cap = inst.capacity[j];
    const h = held[j];
    if (h.length < cap) {
      h.push(k);
      edgeOf[i] = k;
      continue;
    }
    let worst = -1;
    for (let t = 0; t < h.length; t++)
      if (worst < 0 || mentorRankOfEdge[h[t]] > mentorRankOfEdge[h[worst]]) worst = t;
    if (worst >= 0 && mentorRankOfEdge[k] < mentorRankOfEdge[h[worst]]) {
      const rejected = inst.edgeMentee[h[worst]];
      edgeOf[rejected] = -1;
      free.push(rejected);
      h[worst] = k;
      edgeOf[i] = k;
    } else {
      free.push(i);
    }
  }

  const mentorOf = new Int32Array(n).fill(-1);
  let matched = 0;
  let totalWeight = 0;
  for (let i = 0; i < n; i++) {
    if (edgeOf[i] < 0) continue;
    mentorOf[i] = inst.edgeMentor[edgeOf[i]];
    matched++;
    totalWeight += inst.edgeWeight[edgeOf[i]];
  }
  return { mentorOf, edgeOf, matched, totalWeight };
}
