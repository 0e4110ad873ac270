// Network-wide batch: 5,000 young people × 10,000 openings with capacities,
// allowed pairs = each young person's top 30–100 eligible openings (scored by
// the real criteria), solved exactly by our assignment and by HiGHS as an LP.
import { assign, type AssignmentProblem } from '../../src/matching/engine/assign.ts';
import { DEFAULT_WEIGHTS, OPENING_CRITERIA } from '../../src/matching/engine/criteria.ts';
import { ReachIndex } from '../../src/matching/engine/grid.ts';
import { Scorer } from '../../src/matching/engine/score.ts';
import { solveWithHighs } from './highs-lp.ts';
import { createRng } from './prng.ts';
import type { SyntheticData } from './synth.ts';

export interface BatchInstance extends AssignmentProblem {
  readonly pairCount: number;
  readonly minDegree: number;
  readonly meanDegree: number;
  readonly maxDegree: number;
}

/**
 * Samples young people (with an address) until `youth` of them have at least
 * `minPairs` eligible openings among the sampled openings; each keeps its top
 * `minPairs..maxPairs` (random per person) as allowed pairs.
 */
export function buildBatchInstance(
  data: SyntheticData,
  opts: { youth: number; openings: number; minPairs: number; maxPairs: number; seed: number },
): BatchInstance & { readonly skippedYouth: number } {
  const rng = createRng(opts.seed);
  const openings = rng.sample(data.openings.filter((o) => o.location), opts.openings);
  const indexOf = new Map(openings.map((o, j) => [o.id, j]));
  const index = new ReachIndex(openings);
  const scorer = new Scorer(OPENING_CRITERIA, DEFAULT_WEIGHTS);
  const pool = rng.sample(data.youth.filter((y) => y.location), data.youth.length >> 1);
  const pairYouth: number[] = [], pairOpening: number[] = [], pairScore: number[] = [];
  let accepted = 0, skippedYouth = 0, minDegree = Infinity, maxDegree = 0;
  for (const y of pool) {
    if (accepted === opts.youth) break;
    // The best maxPairs are exactly the first of a full ranking (Scorer.top), without explaining the rest.
    const { suggestions: list, eligible } = scorer.top(y, index.near(y), opts.maxPairs);
    const count = Math.min(rng.int(opts.minPairs, opts.maxPairs), eligible);
    if (count < opts.minPairs) { skippedYouth++; continue; }
    for (let k = 0; k < count; k++) {
      pairYouth.push(accepted);
      pairOpening.push(indexOf.get(list[k].candidateId)!);
      pairScore.push(Math.round(list[k].score)); // integer scores: the optimum is exact
    }
    minDegree = Math.min(minDegree, count);
    maxDegree = Math.max(maxDegree, count);
    accepted++;
  }
  if (accepted < opts.youth) throw new Error(`Only ${accepted} young people have ≥ ${opts.minPairs} eligible openings`);
  return {
    youthCount: accepted,
    openingCount: openings.length,
    capacity: Int32Array.from(openings, (o) => o.capacity),
    pairYouth: Int32Array.from(pairYouth),
    pairOpening: Int32Array.from(pairOpening),
    pairScore: Int32Array.from(pairScore),
    pairCount: pairScore.length,
    minDegree,
    meanDegree: pairScore.length / accepted,
    maxDegree,
    skippedYouth,
  };
}

export interface BatchResult {
  /** Median of the timed runs of our assignment. */
  readonly batchMs: number;
  /** First run, before the JIT has optimised the code. */
  readonly coldMs: number;
  readonly batchScore: number;
  readonly assigned: number;
  readonly heapPops: number;
  readonly highsMs: number | null;
  readonly highsScore: number | null;
  readonly lpChars: number | null;
  readonly lpBuildMs: number | null;
}

export async function runBatch(
  instance: BatchInstance,
  opts: { runs: number; highs: boolean; log: (line: string) => void },
): Promise<BatchResult> {
  const { log } = opts;
  const tCold = performance.now();
  let ours = assign(instance);
  const coldMs = performance.now() - tCold;
  // More warm-up: V8 needs a few runs to reach its optimising tier.
  for (let w = 0; w < 3; w++) assign(instance);
  const times: number[] = [];
  for (let r = 0; r < opts.runs; r++) {
    const t0 = performance.now();
    ours = assign(instance);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const batchMs = times[(times.length - 1) >> 1];
  log(`batch: our assignment ${ours.totalScore} (${ours.assignedCount} assigned) in ${batchMs.toFixed(1)} ms (median of ${opts.runs}; ${ours.stats.heapPops} heap pops, longest path ${ours.stats.longestPath})`);
  log(`batch: first (cold, unoptimised JIT) run took ${coldMs.toFixed(1)} ms`);
  const base = { batchMs, coldMs, batchScore: ours.totalScore, assigned: ours.assignedCount, heapPops: ours.stats.heapPops };
  if (!opts.highs) return { ...base, highsMs: null, highsScore: null, lpChars: null, lpBuildMs: null };

  log('batch: solving the same instance as an LP with HiGHS …');
  const highs = await solveWithHighs(instance);
  log(`batch: HiGHS ${highs.objective} in ${highs.solveMs.toFixed(0)} ms (LP text ${(highs.lpChars / 1e6).toFixed(1)} MB, built in ${highs.buildMs.toFixed(0)} ms)`);
  if (highs.objective !== ours.totalScore) {
    throw new Error(`Optimum mismatch: ours ${ours.totalScore} ≠ HiGHS ${highs.objective}`);
  }
  log('batch: optima are equal ✓');
  return { ...base, highsMs: highs.solveMs, highsScore: highs.objective, lpChars: highs.lpChars, lpBuildMs: highs.buildMs };
}
