// Exact network-wide assignment: maximise the total score of (young person,
// opening) pairs, each young person at most once, each opening at most its
// capacity. Solved as a min-cost flow by successive shortest paths with node
// potentials (Dijkstra on reduced costs, one augmentation per young person):
//
//   youth i ──(cost W − score)──► opening j ──(cap_j, cost 0)──► T
//   youth i ──────────(cost W: "unassigned")───────────────────► T
//
// Every young person sends one unit; the W shift makes costs non-negative and
// the direct edge lets "unassigned" (score 0) win when nothing better exists.
// Integer scores ⇒ exact optimum. All state lives in typed arrays.
import { MinHeap } from './heap.ts';

export interface AssignmentProblem {
  readonly youthCount: number;
  readonly openingCount: number;
  /** Capacity per opening: integer ≥ 0. */
  readonly capacity: ArrayLike<number>;
  /** Allowed pairs as parallel arrays (hard limits already removed). Scores are integers. */
  readonly pairYouth: ArrayLike<number>;
  readonly pairOpening: ArrayLike<number>;
  readonly pairScore: ArrayLike<number>;
}

export interface AssignmentResult {
  readonly totalScore: number;
  readonly assignedCount: number;
  /** Opening per young person, -1 = unassigned. */
  readonly openingOf: Int32Array;
  /** Index into the input pairs per young person, -1 = unassigned. */
  readonly pairOf: Int32Array;
  readonly stats: { readonly heapPops: number; readonly longestPath: number };
}

interface Csr {
  readonly start: Int32Array; // per youth, into the edge arrays
  readonly youth: Int32Array;
  readonly opening: Int32Array;
  readonly cost: Float64Array;
  readonly pair: Int32Array; // original pair index
  readonly maxScore: number;
}

function validate(p: AssignmentProblem): void {
  const { youthCount: n, openingCount: m } = p;
  if (!Number.isInteger(n) || n < 0 || !Number.isInteger(m) || m < 0) throw new RangeError('Counts must be integers ≥ 0');
  if (p.capacity.length !== m) throw new RangeError('capacity must have one entry per opening');
  const len = p.pairYouth.length;
  if (p.pairOpening.length !== len || p.pairScore.length !== len) throw new RangeError('Pair arrays differ in length');
  for (let j = 0; j < m; j++) {
    if (!Number.isInteger(p.capacity[j]) || p.capacity[j] < 0) throw new RangeError(`Capacity of opening ${j} must be an integer ≥ 0`);
  }
  for (let e = 0; e < len; e++) {
    const i = p.pairYouth[e], j = p.pairOpening[e], s = p.pairScore[e];
    if (!Number.isInteger(i) || i < 0 || i >= n) throw new RangeError(`Pair ${e}: young person ${i} out of range`);
    if (!Number.isInteger(j) || j < 0 || j >= m) throw new RangeError(`Pair ${e}: opening ${j} out of range`);
    if (!Number.isInteger(s)) throw new RangeError(`Pair ${e}: score ${s} is not an integer`);
  }
}

/** Groups useful pairs (score > 0, capacity > 0) by young person; duplicates keep the best score. */
function buildCsr(p: AssignmentProblem): Csr {
  const n = p.youthCount, len = p.pairYouth.length;
  const keep = (e: number): boolean => p.pairScore[e] > 0 && p.capacity[p.pairOpening[e]] > 0;
  const start = new Int32Array(n + 1);
  let maxScore = 0;
  for (let e = 0; e < len; e++) {
    if (!keep(e)) continue;
    start[p.pairYouth[e] + 1]++;
    if (p.pairScore[e] > maxScore) maxScore = p.pairScore[e];
  }
  for (let i = 0; i < n; i++) start[i + 1] += start[i];
  const fill = start.slice(0, n);
  const pair = new Int32Array(start[n]);
  for (let e = 0; e < len; e++) if (keep(e)) pair[fill[p.pairYouth[e]]++] = e;
  // Dedupe (youth, opening) in place, keeping the highest score.
  const seenAt = new Int32Array(p.openingCount).fill(-1);
  const out = new Int32Array(start[n]);
  const outStart = new Int32Array(n + 1);
  let w = 0;
  for (let i = 0; i < n; i++) {
    outStart[i] = w;
    for (let k = start[i]; k < start[i + 1]; k++) {
      const e = pair[k], j = p.pairOpening[e], at = seenAt[j];
      if (at >= outStart[i]) {
        if (p.pairScore[e] > p.pairScore[out[at]]) out[at] = e;
      } else {
        seenAt[j] = w;
        out[w++] = e;
      }
    }
  }
  outStart[n] = w;
  const youth = new Int32Array(w), opening = new Int32Array(w), cost = new Float64Array(w), kept = out.slice(0, w);
  for (let k = 0; k < w; k++) {
    youth[k] = p.pairYouth[kept[k]];
    opening[k] = p.pairOpening[kept[k]];
    cost[k] = maxScore - p.pairScore[kept[k]];
  }
  return { start: outStart, youth, opening, cost, pair: kept, maxScore };
}

/** Finds a maximum-total-score assignment (exact for integer scores). */
export function assign(problem: AssignmentProblem): AssignmentResult {
  validate(problem);
  const n = problem.youthCount, m = problem.openingCount;
  const g = buildCsr(problem);
  const W = g.maxScore;

  // Slots per opening; capacity beyond the number of candidate pairs is never usable.
  const degree = new Int32Array(m);
  for (let k = 0; k < g.opening.length; k++) degree[g.opening[k]]++;
  const slotStart = new Int32Array(m + 1);
  for (let j = 0; j < m; j++) slotStart[j + 1] = slotStart[j] + Math.min(problem.capacity[j], degree[j]);
  const slotYouth = new Int32Array(slotStart[m]);
  const used = new Int32Array(m);
  const youthSlot = new Int32Array(n).fill(-1);
  const edgeOf = new Int32Array(n).fill(-1); // assigned CSR edge per young person

  // Nodes: youth 0..n−1, openings n..n+m−1. T is implicit with potential 0
  // (it is always settled last, so its potential never moves).
  const pot = new Float64Array(n + m); // reduced cost c + pot[u] − pot[v] ≥ 0
  const dist = new Float64Array(n + m).fill(Infinity);
  const predEdge = new Int32Array(m); // per opening: CSR edge it was reached by
  const touched: number[] = [];
  const settled: number[] = [];
  const heap = new MinHeap(1024);
  let heapPops = 0, longestPath = 0;

  /** Shortest path from youth s to T; returns the node before T. Updates potentials. */
  function shortestPath(s: number): number {
    let bestT = W + pot[s]; // s → T directly: stay unassigned
    let predT = s;
    dist[s] = 0;
    touched.push(s);
    heap.push(0, s);
    while (heap.size > 0) {
      const d = heap.peekKey();
      if (d >= bestT) break; // T is next: early termination
      const u = heap.pop();
      heapPops++;
      if (d > dist[u]) continue; // stale entry
      settled.push(u);
      if (u < n) {
        if (u !== s && d + W + pot[u] < bestT) { bestT = d + W + pot[u]; predT = u; }
        const base = d + pot[u], own = edgeOf[u];
        for (let k = g.start[u], end = g.start[u + 1]; k < end; k++) {
          if (k === own) continue; // in use: only its reverse is residual
          const v = n + g.opening[k];
          const nd = base + g.cost[k] - pot[v];
          if (nd < dist[v]) {
            if (dist[v] === Infinity) touched.push(v);
            dist[v] = nd;
            predEdge[v - n] = k;
            heap.push(nd, v);
          }
        }
      } else {
        const j = u - n;
        if (used[j] < slotStart[j + 1] - slotStart[j] && d + pot[u] < bestT) { bestT = d + pot[u]; predT = u; }
        const base = d + pot[u];
        for (let q = slotStart[j], end = q + used[j]; q < end; q++) {
          const y = slotYouth[q];
          const nd = base - g.cost[edgeOf[y]] - pot[y];
          if (nd < dist[y]) {
            if (dist[y] === Infinity) touched.push(y);
            dist[y] = nd;
            heap.push(nd, y);
          }
        }
      }
    }
    // pot += min(dist, dist_T) − dist_T: only settled nodes move; reduced costs stay ≥ 0.
    for (const v of settled) pot[v] -= bestT - dist[v];
    for (const v of touched) dist[v] = Infinity;
    touched.length = 0;
    settled.length = 0;
    heap.clear();
    return predT;
  }

  /** Flips the path ending at T: through opening `last` (a free slot), or youth `last` leaving to "unassigned". */
  function augment(last: number): number {
    let slot: number, j: number;
    if (last < n) {
      if (edgeOf[last] < 0) return 0; // the source itself stays unassigned
      slot = youthSlot[last];
      j = g.opening[edgeOf[last]];
      edgeOf[last] = -1;
      youthSlot[last] = -1;
    } else {
      j = last - n;
      slot = slotStart[j] + used[j]++;
    }
    for (let steps = 1; ; steps++) {
      const k = predEdge[j];
      const y = g.youth[k];
      const oldEdge = edgeOf[y], oldSlot = youthSlot[y];
      edgeOf[y] = k;
      youthSlot[y] = slot;
      slotYouth[slot] = y;
      if (oldEdge < 0) return steps; // reached the source
      j = g.opening[oldEdge];
      slot = oldSlot;
    }
  }

  for (let s = 0; s < n; s++) longestPath = Math.max(longestPath, augment(shortestPath(s)));

  const openingOf = new Int32Array(n).fill(-1);
  const pairOf = new Int32Array(n).fill(-1);
  let totalScore = 0, assignedCount = 0;
  for (let i = 0; i < n; i++) {
    const k = edgeOf[i];
    if (k < 0) continue;
    openingOf[i] = g.opening[k];
    pairOf[i] = g.pair[k];
    totalScore += problem.pairScore[g.pair[k]];
    assignedCount++;
  }
  return { totalScore, assignedCount, openingOf, pairOf, stats: { heapPops, longestPath } };
}
