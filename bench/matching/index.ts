// Matching benchmark: national-scale synthetic data, ranking latency, and the
// network-wide exact assignment against HiGHS. Callable from bench/main.ts
// (`npm run bench -- matching`) or standalone: `npx tsx bench/matching/index.ts [--quick] [--no-highs] [--seed=N]`.
import { cpus, loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import { buildBatchInstance, runBatch } from './batch.ts';
import { runRankBench } from './rank-bench.ts';
import { generateNationalData } from './synth.ts';

export interface MatchingBenchOptions {
  readonly seed?: number;
  readonly youth?: number;
  readonly companies?: number;
  readonly openings?: number;
  readonly rankSamples?: number;
  readonly batchYouth?: number;
  readonly batchOpenings?: number;
  readonly minPairs?: number;
  readonly maxPairs?: number;
  /** Timed runs of our assignment (median reported). */
  readonly batchRuns?: number;
  /** Solve with HiGHS too and compare optima (default true). */
  readonly highs?: boolean;
  readonly log?: (line: string) => void;
}

export interface MatchingBenchResult {
  readonly rank_p50_ms: number;
  readonly rank_p95_ms: number;
  readonly rank_mean_candidates: number;
  readonly rank_mean_eligible: number;
  readonly batch_ms: number;
  readonly batch_cold_ms: number;
  readonly batch_score: number;
  readonly batch_assigned: number;
  readonly batch_youth: number;
  readonly batch_openings: number;
  readonly batch_pairs: number;
  readonly highs_ms: number | null;
  readonly highs_score: number | null;
  readonly speedup_vs_highs: number | null;
  readonly generate_ms: number;
  readonly instance_build_ms: number;
  readonly seed: number;
  /** Machine context: timings on a shared, busy machine are noisy. */
  readonly cpus: number;
  readonly load_avg_1m: number;
}

const DEFAULTS = {
  seed: 20250301, youth: 100_000, companies: 20_000, openings: 60_000, rankSamples: 200,
  batchYouth: 5_000, batchOpenings: 10_000, minPairs: 30, maxPairs: 100, batchRuns: 5, highs: true,
};

const round = (x: number, digits = 2): number => Number(x.toFixed(digits));

export async function runMatchingBench(options: MatchingBenchOptions = {}): Promise<MatchingBenchResult> {
  const o = { ...DEFAULTS, ...options };
  const log = options.log ?? ((line: string) => console.log(line));

  log(`matching: generating ${o.youth} young people, ${o.companies} companies, ${o.openings} openings (seed ${o.seed}) …`);
  let t = performance.now();
  const data = generateNationalData(o.seed, o.youth, o.companies, o.openings);
  const generateMs = performance.now() - t;

  log(`rank: ranking ${o.rankSamples} random young people against all openings with free capacity …`);
  const rank = runRankBench(data, { samples: o.rankSamples, warmup: 20, fullScanChecks: 5, seed: o.seed + 1, log });

  log(`batch: building ${o.batchYouth} × ${o.batchOpenings} instance (${o.minPairs}–${o.maxPairs} allowed openings each) …`);
  t = performance.now();
  const instance = buildBatchInstance(data, {
    youth: o.batchYouth, openings: o.batchOpenings, minPairs: o.minPairs, maxPairs: o.maxPairs, seed: o.seed + 2,
  });
  const instanceBuildMs = performance.now() - t;
  log(`batch: ${instance.pairCount} allowed pairs (per young person min ${instance.minDegree}, mean ${instance.meanDegree.toFixed(1)}, max ${instance.maxDegree}; ${instance.skippedYouth} skipped with < ${o.minPairs}) in ${(instanceBuildMs / 1000).toFixed(1)} s`);
  const batch = await runBatch(instance, { runs: o.batchRuns, highs: o.highs, log });

  const result: MatchingBenchResult = {
    rank_p50_ms: round(rank.p50Ms),
    rank_p95_ms: round(rank.p95Ms),
    rank_mean_candidates: round(rank.meanCandidates, 0),
    rank_mean_eligible: round(rank.meanEligible, 0),
    batch_ms: round(batch.batchMs),
    batch_cold_ms: round(batch.coldMs),
    batch_score: batch.batchScore,
    batch_assigned: batch.assigned,
    batch_youth: instance.youthCount,
    batch_openings: instance.openingCount,
    batch_pairs: instance.pairCount,
    highs_ms: batch.highsMs === null ? null : round(batch.highsMs),
    highs_score: batch.highsScore,
    speedup_vs_highs: batch.highsMs === null ? null : round(batch.highsMs / batch.batchMs, 1),
    generate_ms: round(generateMs),
    instance_build_ms: round(instanceBuildMs),
    seed: o.seed,
    cpus: cpus().length,
    load_avg_1m: round(loadavg()[0]),
  };
  printTable(result, log);
  log(JSON.stringify(result));
  return result;
}

function printTable(r: MatchingBenchResult, log: (line: string) => void): void {
  const rows: [string, string][] = [
    ['rank one young person, p50', `${r.rank_p50_ms} ms`],
    ['rank one young person, p95', `${r.rank_p95_ms} ms`],
    ['  candidates in reach / eligible (mean)', `${r.rank_mean_candidates} / ${r.rank_mean_eligible}`],
    [`batch ${r.batch_youth} × ${r.batch_openings}, ${r.batch_pairs} pairs (median)`, `${r.batch_ms} ms`],
    ['  first run (cold JIT)', `${r.batch_cold_ms} ms`],
    ['  optimal total score / assigned', `${r.batch_score} / ${r.batch_assigned}`],
    ['HiGHS LP (solve incl. LP parsing)', r.highs_ms === null ? 'skipped' : `${r.highs_ms} ms`],
    ['  HiGHS optimum', r.highs_score === null ? 'skipped' : `${r.highs_score} (equal ✓)`],
    ['speed-up vs HiGHS', r.speedup_vs_highs === null ? '–' : `${r.speedup_vs_highs}×`],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  log('');
  for (const [k, v] of rows) log(`${k.padEnd(width)}  ${v}`);
  log('');
}

/** `--quick`, `--no-highs`, `--seed=N` from a command line. */
export function parseMatchingBenchArgs(argv: readonly string[]): MatchingBenchOptions {
  const quick = argv.includes('--quick');
  const seedArg = argv.find((a) => a.startsWith('--seed='));
  return {
    ...(quick ? { youth: 20_000, companies: 4_000, openings: 12_000, rankSamples: 100, batchYouth: 1_000, batchOpenings: 3_000 } : {}),
    ...(argv.includes('--no-highs') ? { highs: false } : {}),
    ...(seedArg ? { seed: Number(seedArg.slice('--seed='.length)) } : {}),
  };
}

/** Entry used by bench/main.ts (`npm run bench -- matching [--quick] [--no-highs] [--seed=N]`). */
export async function main(args: string[]): Promise<void> {
  await runMatchingBench(parseMatchingBenchArgs(args));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
