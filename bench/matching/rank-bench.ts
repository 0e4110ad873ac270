// Ranking latency: one young person against every opening with free capacity,
// through a spatial reach index (what the counsellor's "suggest" button does).
import { DEFAULT_WEIGHTS, OPENING_CRITERIA } from '../../src/matching/engine/criteria.ts';
import { ReachIndex } from '../../src/matching/engine/grid.ts';
import { rank } from '../../src/matching/engine/score.ts';
import type { Suggestion } from '../../src/matching/engine/types.ts';
import { createRng } from './prng.ts';
import type { SyntheticData, SyntheticOpening } from './synth.ts';

export interface RankBenchResult {
  readonly freeOpenings: number;
  readonly samples: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly meanCandidates: number;
  readonly meanEligible: number;
  readonly indexBuildMs: number;
  readonly checkedAgainstFullScan: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

const eligible = (list: readonly Suggestion[]): string =>
  JSON.stringify(list.filter((s) => !s.excluded).map((s) => [s.candidateId, s.score]));

export function runRankBench(
  data: SyntheticData,
  opts: { samples: number; warmup: number; fullScanChecks: number; seed: number; log: (line: string) => void },
): RankBenchResult {
  const free: SyntheticOpening[] = data.openings.filter((o) => o.filled < o.capacity);
  const t0 = performance.now();
  const index = new ReachIndex(free);
  const indexBuildMs = performance.now() - t0;
  opts.log(`rank: ${free.length} openings with free capacity, index built in ${indexBuildMs.toFixed(0)} ms`);

  const rng = createRng(opts.seed);
  const times: number[] = [];
  let candidates = 0, eligibleCount = 0;
  for (let k = 0; k < opts.warmup + opts.samples; k++) {
    const y = data.youth[rng.int(0, data.youth.length - 1)];
    const start = performance.now();
    const near = index.near(y);
    const list = rank(y, near, OPENING_CRITERIA, DEFAULT_WEIGHTS);
    const ms = performance.now() - start;
    if (k < opts.warmup) continue;
    times.push(ms);
    candidates += near.length;
    eligibleCount += list.findIndex((s) => s.excluded) === -1 ? list.length : list.findIndex((s) => s.excluded);
  }
  times.sort((a, b) => a - b);

  // The index must not change the answer: same eligible suggestions as a full scan.
  for (let k = 0; k < opts.fullScanChecks; k++) {
    const y = data.youth[rng.int(0, data.youth.length - 1)];
    const viaIndex = eligible(rank(y, index.near(y), OPENING_CRITERIA, DEFAULT_WEIGHTS));
    const full = eligible(rank(y, free, OPENING_CRITERIA, DEFAULT_WEIGHTS));
    if (viaIndex !== full) throw new Error(`Reach index changed the ranking for ${y.id}`);
  }
  opts.log(`rank: index agrees with full scan for ${opts.fullScanChecks} young people`);

  return {
    freeOpenings: free.length,
    samples: times.length,
    p50Ms: percentile(times, 50),
    p95Ms: percentile(times, 95),
    meanCandidates: candidates / times.length,
    meanEligible: eligibleCount / times.length,
    indexBuildMs,
    checkedAgainstFullScan: opts.fullScanChecks,
  };
}
