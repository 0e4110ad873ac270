// Ranking latency: one young person against every opening with free capacity,
// through a spatial reach index, returning the first RANK_LIMIT suggestions
// fully explained (what the counsellor's "suggest" button does: the route's
// default limit is 50). The answer is checked to be exactly the first 50 of a
// full ranking, and the index to agree with a full scan.
import { DEFAULT_WEIGHTS, OPENING_CRITERIA, prepareOpening } from '../../src/matching/engine/criteria.ts';
import { ReachIndex } from '../../src/matching/engine/grid.ts';
import { rank, Scorer } from '../../src/matching/engine/score.ts';
import type { Suggestion } from '../../src/matching/engine/types.ts';
import { createRng } from './prng.ts';
import type { SyntheticData, SyntheticOpening } from './synth.ts';

/** Suggestions shown per ranking: GET /api/youth/:id/suggestions defaults to 50. */
export const RANK_LIMIT = 50;

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
  for (const o of free) prepareOpening(o); // word stems, once per opening, as part of the index
  const indexBuildMs = performance.now() - t0;
  opts.log(`rank: ${free.length} openings with free capacity, index (grid + word stems) built in ${indexBuildMs.toFixed(0)} ms`);

  const rng = createRng(opts.seed);
  const times: number[] = [];
  let candidates = 0, eligibleCount = 0;
  for (let k = 0; k < opts.warmup + opts.samples; k++) {
    const y = data.youth[rng.int(0, data.youth.length - 1)];
    const start = performance.now();
    // Weights are resolved per request in the product, so per ranking here.
    const scorer = new Scorer(OPENING_CRITERIA, DEFAULT_WEIGHTS);
    const near = index.near(y);
    const top = scorer.top(y, near, RANK_LIMIT);
    const ms = performance.now() - start;
    if (k < opts.warmup) continue;
    times.push(ms);
    candidates += near.length;
    eligibleCount += top.eligible;
  }
  times.sort((a, b) => a - b);

  // Neither the index nor the top-50 shortcut may change the answer: the top 50
  // equal the first 50 of the full, fully explained ranking, and the eligible
  // suggestions via the index equal those of a full scan. One young person
  // without an address (ranked against everything) is always among those checked.
  const unlocated = data.youth.find((y) => !y.location);
  for (let k = 0; k < opts.fullScanChecks; k++) {
    const y = k === 0 && unlocated ? unlocated : data.youth[rng.int(0, data.youth.length - 1)];
    const near = index.near(y);
    const viaIndex = rank(y, near, OPENING_CRITERIA, DEFAULT_WEIGHTS);
    const top = new Scorer(OPENING_CRITERIA, DEFAULT_WEIGHTS).top(y, near, RANK_LIMIT);
    if (JSON.stringify(top.suggestions) !== JSON.stringify(viaIndex.slice(0, RANK_LIMIT))) throw new Error(`Top ${RANK_LIMIT} differ from the full ranking for ${y.id}`);
    const full = eligible(rank(y, free, OPENING_CRITERIA, DEFAULT_WEIGHTS));
    if (eligible(viaIndex) !== full) throw new Error(`Reach index changed the ranking for ${y.id}`);
  }
  opts.log(`rank: top ${RANK_LIMIT} equal the full ranking, and the index agrees with a full scan, for ${opts.fullScanChecks} young people`);

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
