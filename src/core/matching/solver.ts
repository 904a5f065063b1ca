// Exact maximum matching of mentees to mentors with capacities: first as many matched mentees as
// possible, then the largest total score among those. Pure TypeScript on typed arrays, so the same
// code runs inside Apps Script (V8) and in Node; no recursion, no randomness.
//
// Model: a min-cost flow in which every mentee supplies one unit to a sink, either through one
// allowed mentor (cost −(weight + BIG)) or through the mentee's own «unmatched» edge (cost 0);
// mentors pass at most `capacity` units. BIG exceeds any achievable total weight, so one more
// matched mentee always beats any gain in score. Successive shortest paths with Johnson potentials:
// sending a new unit along a shortest path keeps the flow min-cost, whichever mentee it starts
// from, so the final flow is optimal. Two ways of finding those paths share the potentials:
// first each mentee alone (Dijkstra stopped at the sink, given up when it grows expensive), then
// phases — one Dijkstra from all remaining mentees and every zero-reduced-cost path a depth-first
// search finds — which serve hundreds of augmentations per Dijkstra on dense instances.

/** A matching instance in index form: mentors 0..mentorCount-1, mentees 0..menteeCount-1. */
export interface MatchingInstance {
  mentorCount: number;
  menteeCount: number;
  /** Per mentor: how many mentees it may take (0 means none). */
  capacity: ArrayLike<number>;
  /** Allowed pairs: edge k links edgeMentor[k] with edgeMentee[k] at integer weight edgeWeight[k] ≥ 0. */
  edgeMentor: ArrayLike<number>;
  edgeMentee: ArrayLike<number>;
  edgeWeight: ArrayLike<number>;
}

export interface MatchingResult {
  /** Per mentee: the mentor index, or −1 when unmatched. */
  mentorOf: Int32Array;
  /** Per mentee: the edge index used, or −1. */
  edgeOf: Int32Array;
  matched: number;
  totalWeight: number;
}

/** An instance the solver cannot take: the message says why, in Russian. */
export class MatchingInputError extends Error {}

/** Throws MatchingInputError when the instance breaks the solver's preconditions. */
export function checkInstance(inst: MatchingInstance): void {
  const { mentorCount, menteeCount, capacity, edgeMentor, edgeMentee, edgeWeight } = inst;
  if (capacity.length !== mentorCount)
    throw new MatchingInputError('Число ёмкостей не совпадает с числом наставников.');
  for (let j = 0; j < mentorCount; j++) {
    const c = capacity[j];
    if (!Number.isInteger(c) || c < 0)
      throw new MatchingInputError(`Ёмкость наставника №${j + 1} должна быть целым числом ≥ 0, а не ${c}.`);
  }
  if (edgeMentee.length !== edgeMentor.length || edgeWeight.length !== edgeMentor.length)
    throw new MatchingInputError('Массивы рёбер разной длины.');
  for (let k = 0; k < edgeMentor.length; k++) {
    const j = edgeMentor[k];
    const i = edgeMentee[k];
    const w = edgeWeight[k];
    if (!Number.isInteger(j) || j < 0 || j >= mentorCount)
      throw new MatchingInputError(`Ребро №${k + 1}: нет наставника ${j}.`);
    if (!Number.isInteger(i) || i < 0 || i >= menteeCount)
      throw new MatchingInputError(`Ребро №${k + 1}: нет наставляемого ${i}.`);
    if (!Number.isSafeInteger(w) || w < 0)
      throw new MatchingInputError(`Ребро №${k + 1}: вес должен быть целым числом ≥ 0, а не ${w}.`);
  }
}

/**
 * Solves the instance exactly. Ties are broken by input order: among optimal matchings the one
 * found is a deterministic function of the input (mentee order, then edge order).
 */
export function solveMatching(inst: MatchingInstance): MatchingResult {
  checkInstance(inst);
  const n = inst.menteeCount;
  const m = inst.mentorCount;
  const edgeCount = inst.edgeMentor.length;

  // Mentee adjacency in CSR form, keeping edge order within a mentee.
  const rowStart = new Int32Array(n + 1);
  for (let k = 0; k < edgeCount; k++) rowStart[inst.edgeMentee[k] + 1]++;
  for (let i = 0; i < n; i++) rowStart[i + 1] += rowStart[i];
  const fill = rowStart.slice(0, n);
  const adjCol = new Int32Array(edgeCount);
  const adjW = new Float64Array(edgeCount);
  const adjEdge = new Int32Array(edgeCount);
  const degree = new Int32Array(m);
  let maxWeight = 0;
  for (let k = 0; k < edgeCount; k++) {
    const i = inst.edgeMentee[k];
    const p = fill[i]++;
    adjCol[p] = inst.edgeMentor[k];
    adjW[p] = inst.edgeWeight[k];
    adjEdge[p] = k;
    degree[inst.edgeMentor[k]]++;
    if (inst.edgeWeight[k] > maxWeight) maxWeight = inst.edgeWeight[k];
  }
  // A mentor never needs more slots than it has allowed mentees.
  const cap = new Int32Array(m);
  const slotStart = new Int32Array(m + 1);
  for (let j = 0; j < m; j++) {
    cap[j] = Math.min(inst.capacity[j], degree[j], n);
    slotStart[j + 1] = slotStart[j] + cap[j];
  }
  const slots = new Int32Array(slotStart[m]);
  const load = new Int32Array(m);
  const big = maxWeight * Math.min(n, slotStart[m]) + 1;
  if (!Number.isSafeInteger((big + maxWeight) * (n + 2) * 4))
    throw new MatchingInputError('Веса слишком велики для точного расчёта: уменьшите их.');
  for (let p = 0; p < edgeCount; p++) adjW[p] += big;

  // matchCol: mentor index, UNROUTED (not yet through the network) or UNMATCHED (own dummy edge).
  const UNROUTED = -1;
  const UNMATCHED = -2;
  const matchCol = new Int32Array(n).fill(UNROUTED);
  const matchPos = new Int32Array(n).fill(-1); // adjacency position of the matched edge
  let unrouted = 0;
  for (let i = 0; i < n; i++) {
    if (rowStart[i] === rowStart[i + 1]) matchCol[i] = UNMATCHED;
    else unrouted++;
  }

  // Johnson potentials: the shortest distances of the empty network make every reduced cost ≥ 0.
  const potRow = new Float64Array(n);
  const potCol = new Float64Array(m);
  for (let p = 0; p < edgeCount; p++) {
    const j = adjCol[p];
    if (-adjW[p] < potCol[j]) potCol[j] = -adjW[p];
  }
  const potT = -(big + maxWeight);

  // Nodes 0..n-1 are mentees, n..n+m-1 mentors.
  const size = n + m;
  const dist = new Float64Array(size);
  const seen = new Int32Array(size); // phase number when a distance was set
  const settledFlag = new Int32Array(size);
  const settled = new Int32Array(size);
  const heap = new Int32Array(size);
  const heapPos = new Int32Array(size).fill(-1);
  let heapSize = 0;
  const less = (a: number, b: number) => dist[a] < dist[b] || (dist[a] === dist[b] && a < b);
  const siftUp = (start: number) => {
    let p = start;
    const x = heap[p];
    while (p > 0) {
      const parent = (p - 1) >> 1;
      const y = heap[parent];
      if (!less(x, y)) break;
      heap[p] = y;
      heapPos[y] = p;
      p = parent;
    }
    heap[p] = x;
    heapPos[x] = p;
  };
  const popMin = () => {
    const top = heap[0];
    heapPos[top] = -1;
    heapSize--;
    if (heapSize > 0) {
      const x = heap[heapSize];
      let p = 0;
      for (;;) {
        const l = 2 * p + 1;
        if (l >= heapSize) break;
        const r = l + 1;
        const c = r < heapSize && less(heap[r], heap[l]) ? r : l;
        if (!less(heap[c], x)) break;
        heap[p] = heap[c];
        heapPos[heap[p]] = p;
        p = c;
      }
      heap[p] = x;
      heapPos[x] = p;
    }
  };
  let phase = 0;
  const offer = (x: number, d: number) => {
    if (seen[x] !== phase) {
      seen[x] = phase;
      dist[x] = d;
      heap[heapSize] = x;
      heapPos[x] = heapSize;
      heapSize++;
      siftUp(heapSize - 1);
    } else if (settledFlag[x] !== phase && d < dist[x]) {
      dist[x] = d;
      siftUp(heapPos[x]);
    }
  };
  const predRow = new Int32Array(m); // the mentee a mentor was reached from …
  const predPos = new Int32Array(m); // … and the adjacency position of that edge

  /**
   * Dijkstra over reduced costs from one unrouted mentee (`single` ≥ 0) or from all of them at
   * distance 0, stopped once the sink is settled. Every unrouted mentee may start: adding supply at
   * any node and sending it along a shortest path keeps the flow min-cost, whichever node it is.
   * A single search gives up after `budget` edge scans and then changes nothing. On success the
   * potentials move by min(d, d_T) − d_T, which keeps reduced costs ≥ 0 and makes every shortest
   * path zero-cost; returns the node that reaches the sink (a free mentor or a mentee leaving for
   * its own «unmatched» edge), or −1 when given up.
   */
  const search = (single: number, budget: number): number => {
    phase++;
    heapSize = 0;
    let settledCount = 0;
    let bestT = Number.POSITIVE_INFINITY;
    let terminal = -1;
    let scans = 0;
    if (single >= 0) offer(single, 0);
    else for (let i = 0; i < n; i++) if (matchCol[i] === UNROUTED) offer(i, 0);
    while (heapSize > 0) {
      const x = heap[0];
      const dx = dist[x];
      if (dx >= bestT) break;
      popMin();
      settledFlag[x] = phase;
      settled[settledCount++] = x;
      if (x < n) {
        const pr = potRow[x];
        if (dx + pr - potT < bestT) {
          bestT = dx + pr - potT;
          terminal = x;
        }
        const own = matchCol[x];
        const end = rowStart[x + 1];
        scans += end - rowStart[x];
        for (let p = rowStart[x]; p < end; p++) {
          const j = adjCol[p];
          if (j === own) continue;
          const before = seen[n + j] === phase ? dist[n + j] : Number.POSITIVE_INFINITY;
          offer(n + j, dx - adjW[p] + pr - potCol[j]);
          if (dist[n + j] < before) {
            predRow[j] = x;
            predPos[j] = p;
          }
        }
      } else {
        const j = x - n;
        const pc = potCol[j];
        if (load[j] < cap[j] && dx + pc - potT < bestT) {
          bestT = dx + pc - potT;
          terminal = x;
        }
        const slotEnd = slotStart[j] + load[j];
        for (let q = slotStart[j]; q < slotEnd; q++) {
          const r = slots[q];
          offer(r, dx + adjW[matchPos[r]] + pc - potRow[r]);
        }
      }
      if (scans > budget) {
        for (let h = 0; h < heapSize; h++) heapPos[heap[h]] = -1;
        heapSize = 0;
        return -1;
      }
    }
    for (let h = 0; h < heapSize; h++) heapPos[heap[h]] = -1;
    heapSize = 0;
    for (let t = 0; t < settledCount; t++) {
      const x = settled[t];
      if (x < n) potRow[x] += dist[x] - bestT;
      else potCol[x - n] += dist[x] - bestT;
    }
    return terminal;
  };

  /** Mentor j takes `incoming` by the edge at adjacency position `pos`, letting go of `leaving`. */
  const assign = (j: number, incoming: number, pos: number, leaving: number) => {
    if (leaving < 0) {
      slots[slotStart[j] + load[j]] = incoming;
      load[j]++;
    } else {
      let q = slotStart[j];
      while (slots[q] !== leaving) q++;
      slots[q] = incoming;
    }
    matchCol[incoming] = j;
    matchPos[incoming] = pos;
  };

  // First pass: each mentee alone, as long as its shortest path is cheap to find. Most mentees
  // reach a free mentor within a few scans of their own row; the rest wait for the phases.
  for (let s = 0; s < n; s++) {
    if (matchCol[s] !== UNROUTED) continue;
    const terminal = search(s, 4 * (rowStart[s + 1] - rowStart[s]) + 64);
    if (terminal < 0) continue;
    // Walk back from the sink: each mentor on the path takes the mentee it was reached from.
    let j: number;
    let leaving: number;
    if (terminal < n) {
      if (terminal === s) {
        matchCol[s] = UNMATCHED;
        unrouted--;
        continue;
      }
      j = matchCol[terminal];
      leaving = terminal;
      matchCol[terminal] = UNMATCHED;
      matchPos[terminal] = -1;
    } else {
      j = terminal - n;
      leaving = -1;
    }
    for (;;) {
      const i = predRow[j];
      const prev = matchCol[i];
      assign(j, i, predPos[j], leaving);
      if (i === s) break;
      leaving = i;
      j = prev;
    }
    unrouted--;
  }

  // Depth-first search state for the augmenting part of a phase.
  const visited = new Int32Array(size);
  const stack = new Int32Array(size);
  const rowCursor = new Int32Array(n);
  const colCursor = new Int32Array(m);
  const viaPos = new Int32Array(m); // adjacency position of the edge a mentor was entered by

  // Phases: one search from all unrouted mentees, then every zero-reduced-cost path a depth-first
  // search finds. Each node is entered at most once per phase, except a mentor that still has room.
  while (unrouted > 0) {
    search(-1, Number.POSITIVE_INFINITY);
    for (let s = 0; s < n; s++) {
      if (matchCol[s] !== UNROUTED || visited[s] === phase) continue;
      let top = 0;
      stack[0] = s;
      visited[s] = phase;
      rowCursor[s] = rowStart[s];
      let found = false;
      while (top >= 0) {
        const x = stack[top];
        if (x < n) {
          const end = rowStart[x + 1];
          const own = matchCol[x];
          const pr = potRow[x];
          let next = -1;
          while (rowCursor[x] < end) {
            const p = rowCursor[x]++;
            const j = adjCol[p];
            if (j === own || visited[n + j] === phase || pr - adjW[p] - potCol[j] !== 0) continue;
            viaPos[j] = p;
            next = n + j;
            break;
          }
          if (next >= 0) {
            visited[next] = phase;
            colCursor[next - n] = -1;
            stack[++top] = next;
          } else if (rowCursor[x] === end) {
            rowCursor[x]++;
            if (pr - potT === 0) {
              found = true;
              break;
            }
          } else {
            top--;
          }
        } else {
          const j = x - n;
          if (colCursor[j] < 0) {
            colCursor[j] = 0;
            if (load[j] < cap[j] && potCol[j] - potT === 0) {
              found = true;
              break;
            }
          }
          const pc = potCol[j];
          let next = -1;
          while (colCursor[j] < load[j]) {
            const r = slots[slotStart[j] + colCursor[j]++];
            if (visited[r] === phase || adjW[matchPos[r]] + pc - potRow[r] !== 0) continue;
            next = r;
            break;
          }
          if (next >= 0) {
            visited[next] = phase;
            rowCursor[next] = rowStart[next];
            stack[++top] = next;
          } else {
            top--;
          }
        }
      }
      if (!found) continue;
      // stack = s, mentor, mentee, mentor, …: each mentor takes the mentee before it and lets go
      // of the mentee after it; a path ending on a mentee leaves that mentee unmatched.
      for (let t = 1; t <= top; t += 2) {
        const j = stack[t] - n;
        assign(j, stack[t - 1], viaPos[j], t === top ? -1 : stack[t + 1]);
      }
      if (top % 2 === 0) {
        const last = stack[top];
        matchCol[last] = UNMATCHED;
        matchPos[last] = -1;
      } else {
        const j = stack[top] - n;
        if (load[j] < cap[j]) visited[n + j] = 0;
      }
      unrouted--;
    }
  }

  const mentorOf = new Int32Array(n).fill(-1);
  const edgeOf = new Int32Array(n).fill(-1);
  let matched = 0;
  let totalWeight = 0;
  for (let i = 0; i < n; i++) {
    if (matchCol[i] < 0) continue;
    mentorOf[i] = matchCol[i];
    edgeOf[i] = adjEdge[matchPos[i]];
    matched++;
    totalWeight += inst.edgeWeight[edgeOf[i]];
  }
  return { mentorOf, edgeOf, matched, totalWeight };
}
