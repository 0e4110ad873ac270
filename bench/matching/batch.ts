// Network-wide batch: 5,000 young people × 10,000 openings with capacities,
// allowed pairs = each young person's top 30–100 eligible openings (scored by
// the real criteria), solved exactly by our assignment and by HiGHS as an LP.
import { assign, type AssignmentProblem } from '../../src/matching/engine/assign.ts';
import { DEFAULT_WEIGHTS, OPENING_CRITERIA } from '../../src/matching/engine/criteria.ts';
import { ReachIndex } from '../../src/matching/engine/grid.ts';
import { rank } from '../../src/matching/engine/score.ts';
import { solveWithHighs } from './highs-lp.ts';
import { createRng } from './prng.ts';
import type { SyntheticData } from './synth.ts';

export interface BatchInstance extends AssignmentProblem {
  readonly pairCount: number;
  readonly minDegree: number;
  readonly meanDegree: number;
  readonly maxDegree: number;
}

export function buildBatchInstance(
  data: SyntheticData,
  opts: { youth: number; openings: number; minPairs: number; maxPairs: number; seed: number },
): BatchInstance {
  const rng = createRng(opts.seed);
  const youth = rng.sample(data.youth.filter((y) => y.location), opts.youth);
  const openings = rng.sample(data.openings.filter((o) => o.location), opts.openings);
  const indexOf = new Map(openings.map((o, j) => [o.id, j]));
  const index = new ReachIndex(openings);
  const pairYouth: number[] = [], pairOpening: number[] = [], pairScore: number[] = [];
  let minDegree = Infinity, maxDegree = 0;
  youth.forEach((y, i) => {
    const wanted = rng.int(opts.minPairs, opts.maxPairs);
    const list = rank(y, index.near(y), OPENING_CRITERIA, DEFAULT_WEIGHTS);
    let taken = 0;
    for (const s of list) {
      if (s.excluded || taken === wanted) break;
      pairYouth.push(i);
      pairOpening.push(indexOf.get(s.candidateId)!);
      pairScore.push(Math.round(s.score)); // integer scores: the optimum is exact
      taken++;
    }
    minDegree = Math.min(minDegree, taken);
    maxDegree = Math.max(maxDegree, taken);
  });
  return {
    youthCount: youth.length,
    openingCount: openings.length,
    capacity: Int32Array.from(openings, (o) => o.capacity),
    pairYouth: Int32Array.from(pairYouth),
    pairOpening: Int32Array.from(pairOpening),
    pairScore: Int32Array.from(pairScore),
    pairCount: pairScore.length,
    minDegree,
    meanDegree: pairScore.length / youth.length,
    maxDegree,
  };
}

export interface BatchResult {
  readonly batchMs: number;
  readonly batchScore: number;
  readonly assigned: number;
  readonly highsMs: number;
  readonly highsScore: number;
  readonly lpChars: number;
  readonly lpBuildMs: number;
}

export async function runBatch(instance: BatchInstance, log: (line: string) => void): Promise<BatchResult> {
  assign(instance); // warm-up: JIT, so we time the algorithm rather than compilation
  const t0 = performance.now();
  const ours = assign(instance);
  const batchMs = performance.now() - t0;
  log(`batch: our assignment ${ours.totalScore} (${ours.assignedCount} assigned) in ${batchMs.toFixed(1)} ms`);

  log('batch: solving the LP with HiGHS …');
  const highs = await solveWithHighs(instance);
  log(`batch: HiGHS ${highs.objective} in ${highs.solveMs.toFixed(0)} ms (LP text ${(highs.lpChars / 1e6).toFixed(1)} MB built in ${highs.buildMs.toFixed(0)} ms)`);
  if (highs.objective !== ours.totalScore) {
    throw new Error(`Optimum mismatch: ours ${ours.totalScore} ≠ HiGHS ${highs.objective}`);
  }
  return {
    batchMs,
    batchScore: ours.totalScore,
    assigned: ours.assignedCount,
    highsMs: highs.solveMs,
    highsScore: highs.objective,
    lpChars: highs.lpChars,
    lpBuildMs: highs.buildMs,
  };
}
