/**
 * `npm run bench -- catalog [--size 5000] [--runs 5]`: search speed on the real
 * regional catalog (54 initiatives) and on a synthetic catalog of `size` made from
 * it, each search with its facets as the public page runs it. Runs on a scratch
 * database it makes and removes: a new database on the PostgreSQL server given by
 * DATABASE_URL, else an embedded one in a temporary folder. The last line is JSON
 * (median and max over the searches, milliseconds).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { loadConfig } from '../../src/core/config.ts';
import { openMigratedDatabase } from '../../src/core/runtime.ts';
import { parseCatalog } from '../../src/catalog/parse/parse.ts';
import { loadCatalogFixture } from '../../src/catalog/fixtures/alter.ts';
import { applyEntries } from '../../src/catalog/import.ts';
import { searchCatalog, type CatalogFilter } from '../../src/catalog/queries.ts';
import { syntheticCatalog } from '../../src/catalog/synthetic.ts';
import type { Db } from '../../src/core/db.ts';

const QUERIES: CatalogFilter[] = [
  {}, { q: 'mentorer' }, { q: 'praktik' }, { q: 'virksomhed' }, { q: 'faellesskab' }, { q: 'psykisk sårbare unge' },
  { q: 'mentor', tag: 'praktik' }, { ageBand: '18_24', status: 'project' }, { q: 'mentr' },
];

async function timeAll(db: Db, runs: number) {
  const medians: number[] = [];
  for (const f of QUERIES) {
    await searchCatalog(db, f);
    const xs: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      await searchCatalog(db, f);
      xs.push(performance.now() - t0);
    }
    medians.push(xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!);
  }
  medians.sort((a, b) => a - b);
  return { median: Math.round(medians[Math.floor(medians.length / 2)]!), max: Math.round(medians.at(-1)!) };
}

export async function main(args: string[]) {
  const { values } = parseArgs({ args, options: { size: { type: 'string', default: '5000' }, runs: { type: 'string', default: '5' } } });
  const size = Number(values.size);
  const runs = Math.max(1, Number(values.runs));
  const env = loadConfig();
  const scratch = env.DATABASE_URL ? await scratchDatabase(env.DATABASE_URL) : null;
  const dir = scratch ? null : mkdtempSync(path.join(tmpdir(), 'fodfaeste-bench-catalog-'));
  const database = await openMigratedDatabase({ ...env, ...(scratch ? { DATABASE_URL: scratch.url } : { DATA_DIR: dir! }) });
  try {
    const engine = scratch ? 'PostgreSQL' : 'PGlite';
    const real = parseCatalog(loadCatalogFixture(), { today: '2026-11-25' }).entries;
    await database.db.transaction().execute((trx) => applyEntries(trx, real, { fileName: 'real.md', format: 'text', via: 'cli' }));
    const small = await timeAll(database.db, runs);
    console.log(`${real.length} initiatives (${engine}): median ${small.median} ms, max ${small.max} ms over ${QUERIES.length} searches with facets`);
    console.log(`Adding ${size - real.length} synthetic initiatives …`);
    const synthetic = syntheticCatalog(real, size);
    await database.db.transaction().execute((trx) => applyEntries(trx, synthetic, { fileName: 'synthetic.csv', format: 'csv', via: 'cli' }));
    const big = await timeAll(database.db, runs);
    console.log(`${size} initiatives (${engine}): median ${big.median} ms, max ${big.max} ms`);
    console.log(JSON.stringify({ engine, catalog_real_median_ms: small.median, catalog_real_max_ms: small.max, [`catalog_${size}_median_ms`]: big.median, [`catalog_${size}_max_ms`]: big.max }));
  } finally {
    await database.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
    await scratch?.drop();
  }
}

async function scratchDatabase(serverUrl: string) {
  const name = `fodfaeste_bench_catalog_${randomBytes(4).toString('hex')}`;
  const admin = async (text: string) => {
    const c = new pg.Client({ connectionString: serverUrl });
    await c.connect();
    try { await c.query(text); } finally { await c.end(); }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
