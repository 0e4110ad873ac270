/**
 * `DATABASE_URL=postgres://… npm run bench -- api [--seconds 20] [--connections 200] [--rounds 3]`
 *
 * A mixed workload with autocannon against a real server process on PostgreSQL
 * with the region dataset (`npm run cli -- generate --scale region` first):
 * counsellor caseload lists and name searches, opening a young person, writing
 * journal entries, company attendance and the young person's start page. Then
 * the caseload list alone, through the app and the same query raw through pg at
 * the same concurrency, in alternating rounds (`--rounds`), so the app's overhead
 * is a ratio. Prints a table and JSON on the last line.
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { startServerProcess } from '../../test/helpers/server-process.ts';
import { GENERATED_PASSWORD } from '../../src/scale/generate.ts';
import { percentiles, type Stats } from './stats.ts';
import { loadFixtures, type Fixtures } from './fixtures.ts';
import { rawListQuery } from './raw.ts';

type Kind = 'list' | 'search' | 'open' | 'journal' | 'attendance' | 'start_page';
const SHARE: Record<Kind, number> = { list: 0.2, search: 0.15, open: 0.25, journal: 0.1, attendance: 0.1, start_page: 0.2 };

export async function main(args: string[]) {
  const { values } = parseArgs({ args, options: { seconds: { type: 'string', default: '20' }, connections: { type: 'string', default: '200' }, pool: { type: 'string', default: '20' }, rounds: { type: 'string', default: '3' } } });
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('Set DATABASE_URL to a PostgreSQL database filled with `npm run cli -- generate --scale region`.');
  const seconds = Number(values.seconds);
  const connections = Number(values.connections);
  const poolSize = Number(values.pool);

  console.log(`Starting the server on ${url.replace(/\/\/[^@]*@/, '//')} (pool ${poolSize}) …`);
  const server = await startServerProcess({
    DATABASE_URL: url, DB_POOL_SIZE: String(poolSize), DEMO_SEED: 'false', LOG_LEVEL: 'error',
    // The benchmark measures capacity, so the per-user and per-IP limits are off for this run.
    RATE_LIMIT_IP_PER_MINUTE: '0', RATE_LIMIT_USER_PER_MINUTE: '0', WORKER_ENABLED: 'false',
  });
  try {
    const fx = await loadFixtures(server.url, url, GENERATED_PASSWORD);
    console.log(`Logged in ${fx.counsellors.length} counsellors, ${fx.companies.length} company contacts, ${fx.youth.length} young people; ${fx.youngPeopleTotal} young people in the database.`);
    console.log(`Mixed workload: ${connections} connections for ${seconds} s …`);
    const mixed = await mixedRun(server.url, fx, connections, seconds);
    // App and raw take turns, a few seconds each: on a shared machine one window of each
    // was noise (the ratio moved between 1.6× and 2.3× from run to run); alternating
    // spreads background work (autovacuum, other processes) over both sides.
    const rounds = Number(values.rounds);
    const turn = Math.max(2, Math.ceil(seconds / 2 / rounds));
    const app: number[] = [], raw: number[] = [];
    let appErrors = 0;
    for (let i = 1; i <= rounds; i++) {
      console.log(`List only, round ${i}/${rounds}: app then raw pg (same query, pool ${poolSize}), ${connections} concurrent, ${turn} s each …`);
      const r = await kindRunRaw(server.url, fx, 'list', connections, turn);
      app.push(...r.latencies);
      appErrors += r.errors + r.non2xx;
      raw.push(...(await rawListQuery(url, fx, poolSize, connections, turn)));
    }
    report(mixed, { ...percentiles(app), requests: app.length, errors: appErrors }, { ...percentiles(raw), requests: raw.length });
  } finally {
    await server.stop();
  }
}

interface RunResult {
  byKind: Record<string, Stats & { requests: number; errors: number; non2xx: number }>;
  all: Stats;
  requestsPerSecond: number;
  errors: number;
}

async function mixedRun(base: string, fx: Fixtures, connections: number, seconds: number): Promise<RunResult> {
  const kinds = Object.keys(SHARE) as Kind[];
  const runs = await Promise.all(kinds.map((k) => kindRunRaw(base, fx, k, Math.max(1, Math.round(connections * SHARE[k])), seconds)));
  return combine(kinds, runs, seconds);
}

function combine(kinds: Kind[], runs: { latencies: number[]; errors: number; non2xx: number }[], seconds: number): RunResult {
  const byKind: RunResult['byKind'] = {};
  runs.forEach((r, i) => (byKind[kinds[i]] = { ...percentiles(r.latencies), requests: r.latencies.length, errors: r.errors, non2xx: r.non2xx }));
  const all = runs.flatMap((r) => r.latencies);
  return { byKind, all: percentiles(all), requestsPerSecond: all.length / seconds, errors: runs.reduce((s, r) => s + r.errors + r.non2xx, 0) };
}

/** One autocannon instance per request kind; every response's time is kept for exact percentiles. */
function kindRunRaw(base: string, fx: Fixtures, kind: Kind, connections: number, seconds: number) {
  return new Promise<{ latencies: number[]; errors: number; non2xx: number }>((resolve, reject) => {
    const latencies: number[] = [];
    let non2xx = 0;
    // The first few failures per status are printed with their body, so an error is never only a count.
    const seen = new Map<number, number>();
    const onResponse = (status: number, body: string) => {
      if (status < 300 || (seen.get(status) ?? 0) >= 2) return;
      seen.set(status, (seen.get(status) ?? 0) + 1);
      console.log(`  ${kind}: ${status} ${body.slice(0, 300)}`);
    };
    const instance = autocannon(
      {
        url: base,
        connections,
        duration: seconds,
        requests: [{ setupRequest: (req) => ({ ...req, ...fx.request(kind) }) as typeof req, onResponse }],
      },
      (err, result) => (err ? reject(err) : resolve({ latencies, errors: result.errors + result.timeouts, non2xx })),
    );
    instance.on('response', (_client: unknown, status: number, _bytes: number, responseTime: number) => {
      latencies.push(responseTime);
      if (status >= 300) non2xx++;
    });
  });
}

function report(mixed: RunResult, appList: Stats & { requests: number; errors: number }, raw: Stats & { requests: number }) {
  const row = (name: string, s: Stats & { requests?: number; errors?: number; non2xx?: number }) =>
    `${name.padEnd(12)} ${String(s.requests ?? '').padStart(8)} ${s.p50.toFixed(1).padStart(8)} ${s.p95.toFixed(1).padStart(8)} ${s.p99.toFixed(1).padStart(8)} ${String((s.errors ?? 0) + (s.non2xx ?? 0)).padStart(7)}`;
  console.log(`\n${'kind'.padEnd(12)} ${'requests'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'errors'.padStart(7)}`);
  for (const [k, s] of Object.entries(mixed.byKind)) console.log(row(k, s));
  console.log(row('ALL (mixed)', { ...mixed.all, requests: Math.round(mixed.requestsPerSecond), errors: mixed.errors }));
  console.log(row('list (app)', appList));
  console.log(row('list (raw)', raw));
  const ratio = appList.p50 / raw.p50;
  console.log(`\nthroughput ${mixed.requestsPerSecond.toFixed(0)} req/s mixed; app/raw median for the caseload list: ${ratio.toFixed(2)}×`);
  console.log(JSON.stringify({
    p50_ms: round(mixed.all.p50), p95_ms: round(mixed.all.p95), p99_ms: round(mixed.all.p99),
    requests_per_s: Math.round(mixed.requestsPerSecond), errors: mixed.errors,
    raw_sql_p50_ms: round(raw.p50), app_list_p50_ms: round(appList.p50), overhead_ratio: round(ratio),
    // The machine's load while measuring: latencies on a shared machine are only comparable at similar load.
    load_avg_1m: round(loadavg()[0]),
    by_kind: Object.fromEntries(Object.entries(mixed.byKind).map(([k, s]) => [k, { p50_ms: round(s.p50), p95_ms: round(s.p95), p99_ms: round(s.p99), requests: s.requests, errors: s.errors + s.non2xx }])),
  }));
}

const round = (n: number) => Math.round(n * 100) / 100;

if (import.meta.url === `file://${process.argv[1]}`) await main(process.argv.slice(2));
